import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { Matches } from 'class-validator';

/** A `nik` field of a request (query or path): 16 digits, said as the one message every route gives. */
export const IsNikField = () => Matches(/^\d{16}$/, { message: 'nik harus 16 digit angka' });

/** Flattens class-validator errors into `[{ field, messages }]` with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: messagesOf(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Checks of what kind a value is; when one fails, the checks of its size or range say nothing useful. */
const TYPE_CHECKS = ['isDate', 'isInt', 'isNumber', 'isString', 'isBoolean', 'isArray'];

/**
 * A field's messages, each once. A value of the wrong kind is told only that: "maksimal 200 karakter"
 * for a number, or "tidak boleh kurang dari 1" for `page=dua`, would only confuse.
 */
function messagesOf(constraints: Record<string, string>): string[] {
  const types = TYPE_CHECKS.filter((name) => name in constraints);
  const failed = types.length ? types.map((name) => constraints[name]) : Object.values(constraints);
  return [...new Set(failed.map(translate))];
}

/** Indonesian wording for class-validator's default messages we rely on. */
function translate(message: string): string {
  const rules: [RegExp, string][] = [
    [/^property (\S+) should not exist$/, 'kolom $1 tidak dikenal'],
    [/^property  should not exist$/, 'kolom tanpa nama tidak dikenal'],
    [/^(\S+) should not be empty$/, '$1 wajib diisi'],
    [/^(\S+) must be a string$/, '$1 harus berupa teks'],
    [/^(\S+) must be an integer number$/, '$1 harus bilangan bulat'],
    [/^(\S+) must be a positive number$/, '$1 harus lebih dari 0'],
    [/^(\S+) must not be less than (\S+)$/, '$1 tidak boleh kurang dari $2'],
    [/^(\S+) must not be greater than (\S+)$/, '$1 tidak boleh lebih dari $2'],
    [/^(\S+) must be one of the following values: (.*)$/, '$1 harus salah satu dari: $2'],
    [/^(\S+) must be an array$/, '$1 harus berupa daftar'],
    [/^(\S+) must be longer than or equal to (\d+) characters$/, '$1 minimal $2 karakter'],
    [/^(\S+) must be shorter than or equal to (\d+) characters$/, '$1 maksimal $2 karakter'],
    [/^(\S+) must be a Date instance$/, '$1 harus tanggal/waktu ISO, mis. 2026-11-15T00:00:00+07:00'],
    [/^(\S+) must be a boolean value$/, '$1 harus true atau false'],
    [/^(\S+) must be a UUID$/, '$1 harus UUID'],
    [/^(\S+) must be a number conforming to the specified constraints$/, '$1 harus berupa angka'],
    [/^Validation failed \(object is expected\)$/, 'isi permintaan harus berupa objek JSON, mis. {"kolom": "nilai"}'],
  ];
  for (const [pattern, replacement] of rules) if (pattern.test(message)) return message.replace(pattern, replacement);
  return message;
}

const IGNORES_UNKNOWN_FIELDS = Symbol('ignores unknown fields');

/**
 * On the DTO of an upload's text fields: fields it does not declare are dropped, not refused as
 * elsewhere (a form sends what it holds; the file upload routes without a DTO ignore them too).
 */
export function IgnoresUnknownFields(): ClassDecorator {
  return (target) => Reflect.defineMetadata(IGNORES_UNKNOWN_FIELDS, true, target);
}

const options = (forbidNonWhitelisted: boolean): ValidationPipeOptions => ({
  whitelist: true,
  forbidNonWhitelisted,
  transform: true,
  exceptionFactory: (errors) => new BadRequestException({ message: 'Data yang dikirim tidak valid.', details: flattenValidationErrors(errors) }),
});

/** The app's validation: unknown fields are refused, except on IgnoresUnknownFields DTOs, where they are dropped. */
class AppValidationPipe extends ValidationPipe {
  private readonly lenient = new ValidationPipe(options(false));

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && Reflect.getMetadata(IGNORES_UNKNOWN_FIELDS, metadata.metatype)) return this.lenient.transform(value, metadata);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe(options(true));
}
