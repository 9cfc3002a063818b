import { type ArgumentMetadata, BadRequestException, type PipeTransform } from '@nestjs/common';

const MAX_DEPTH = 20;

/**
 * PostgreSQL text cannot hold the character U+0000: a NUL in any string of a body, query or path
 * reached the database as "invalid byte sequence" and came back as a 500. It is refused up front,
 * in the shape of a validation error, naming the field. Runs before the validation pipe.
 */
export class RejectNulPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const field = nulAt(value, metadata.data ?? '', 0);
    if (field !== undefined) {
      const name = field || metadata.type;
      throw new BadRequestException({
        message: 'Data yang dikirim tidak valid.',
        details: [{ field: name, messages: [`${name} memuat karakter NUL (\\u0000), yang tidak dapat disimpan. Hapus karakter itu lalu kirim ulang.`] }],
      });
    }
    return value;
  }
}

/** The dotted path of the first string (or key) holding a NUL, or undefined. */
function nulAt(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = nulAt(item, at, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
