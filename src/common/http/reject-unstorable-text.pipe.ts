import { type ArgumentMetadata, BadRequestException, type PipeTransform } from '@nestjs/common';
import { MAX_JSON_DEPTH } from './json-body.js';

/** A UTF-16 surrogate without its other half: no character at all, only escaped JSON (`"\udfff"`) can carry one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, as the end of a message that starts with the field's name; undefined when it can. */
function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'memuat karakter NUL (\\u0000), yang tidak dapat disimpan. Hapus karakter itu lalu kirim ulang.';
  const half = LONE_SURROGATE.exec(text)?.[0];
  if (half === undefined) return undefined;
  const code = `\\u${half.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return `memuat karakter rusak (${code}, separuh pasangan surrogate UTF-16 tanpa pasangannya), yang tidak dapat disimpan. Ketik ulang isian itu lalu kirim ulang.`;
}

/**
 * Text PostgreSQL cannot hold, or holds as something else, in any string (or key) of a body, query
 * or path, refused up front in the shape of a validation error naming the field. Runs before the
 * validation pipe.
 * - U+0000 reached the database as "invalid byte sequence" and came back as a 500;
 * - a lone surrogate (`"PT \udfff"` in JSON) made a jsonb column's insert fail (22P02, a 500), and a
 *   text column store U+FFFD in its place, so that `QA-\udc00` was then a duplicate of `QA-\ud800`.
 */
export class RejectUnstorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const found = unstorableAt(value, metadata.data ?? '', 0);
    if (found !== undefined) {
      const name = found.field || metadata.type;
      throw new BadRequestException({ message: 'Data yang dikirim tidak valid.', details: [{ field: name, messages: [`${name} ${found.reason}`] }] });
    }
    return value;
  }
}

/** The dotted path of the first string (or key) that cannot be stored, and why; undefined when there is none. */
function unstorableAt(value: unknown, path: string, depth: number): { field: string; reason: string } | undefined {
  if (typeof value === 'string') {
    const reason = unstorable(value);
    return reason === undefined ? undefined : { field: path, reason };
  }
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const reason = unstorable(key);
    if (reason !== undefined) return { field: at, reason };
    const found = unstorableAt(item, at, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
