/**
 * class-validator's errors as the API's refusal details: flattenValidationErrors turns them into `[{ field, messages }]`,
 * each message in Indonesian (translate), a value of the wrong kind told only that and what came (butCame), a
 * required field left out told it is required, a text too long told its length. Used by the validation pipe
 * (validation.ts).
 */
import type { ArgumentMetadata, ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { lengthMessage } from '../text.js';
import { butCame, kindOf, type ValueKind } from '../value-kind.js';
import { optionalFields } from './optional-parameters.js';

/** The message of a body that is not a JSON object (an array, say): the same on every route. */
export const OBJECT_EXPECTED = 'isi permintaan harus berupa objek JSON, mis. {"kolom": "nilai"}';

/**
 * Flattens class-validator errors into `[{ field, messages }]` with dotted paths. A query's values
 * are text, so one of the wrong form is named as itself (`bukan "1e3"`), not as text.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = '', quoted = false): { field: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: messagesOf(error, error.constraints, quoted) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field, quoted)];
  });
}

/** Checks of what kind a value is; when one fails, the checks of its size or range say nothing useful. */
const TYPE_CHECKS = ['isDate', 'isInt', 'isNumber', 'isString', 'isBoolean', 'isArray'];

/** The kind of value a check takes (checks of any kind, isNotEmpty and the custom ones, are not listed; nor dates, which arrive converted). */
const TAKES: Record<string, ValueKind> = {
  isString: 'text',
  matches: 'text',
  minLength: 'text',
  maxLength: 'text',
  isUuid: 'text',
  isInt: 'number',
  isNumber: 'number',
  min: 'number',
  max: 'number',
  isPositive: 'number',
  isBoolean: 'boolean',
  isArray: 'array',
};

/** A field the DTO requires (no IsOptional) that came without a value: left out or `""`. */
function blankRequired(error: ValidationError): boolean {
  if (error.value !== undefined && error.value !== '') return false; // null was sent: told "bukan null" (a value of the wrong kind)
  const target = error.target?.constructor;
  return target !== undefined && optionalFields(target as NonNullable<ArgumentMetadata['metatype']>).get(error.property) === false;
}

/** The kind of the values an isIn/isEnum check of `property` allows (all of ours are text; read, not assumed). */
function allowedKind(target: object | undefined, property: string): ValueKind | undefined {
  if (!target) return undefined;
  const check = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === property && (m.name === 'isIn' || m.name === 'isEnum'));
  const allowed: unknown[] = check ? (check.name === 'isEnum' ? Object.values(check.constraints[0] as object) : (check.constraints[0] as unknown[])) : [];
  const kinds = new Set(allowed.map(kindOf));
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** The kind of value a field takes, from the checks it failed. */
function expectedKind(error: ValidationError, constraints: Record<string, string>): ValueKind | undefined {
  for (const name of Object.keys(constraints)) {
    if (name in TAKES) return TAKES[name];
    if (name === 'isIn' || name === 'isEnum') return allowedKind(error.target, error.property);
  }
  return undefined;
}

/**
 * A field's messages, each once. A value of the wrong kind is told only that: "maksimal 200 karakter"
 * for a number, or "tidak boleh kurang dari 1" for `page=dua`, would only confuse; and it is told what
 * came (`harus berupa teks, bukan angka`), never that the field is required. A field left out whose
 * checks include isNotEmpty gets that message (`pledgeCode wajib diisi`), not its type's; any other
 * required field left out or sent empty (`""`) is `<field> wajib diisi` (QA: `POST
 * /users {}` answered "username harus berupa teks", an empty password "tidak boleh hanya spasi").
 */
function messagesOf(error: ValidationError, constraints: Record<string, string>, quoted: boolean): string[] {
  if (error.value === undefined && constraints.isNotEmpty) return [translate(constraints.isNotEmpty)];
  if (blankRequired(error)) {
    const own = [...new Set(Object.values(constraints).map(translate))].filter((m) => /wajib diisi/.test(m)); // a field's own words (`paidAt (tanggal bayar) wajib diisi`)
    return own.length ? own : [`${error.property} wajib diisi`];
  }
  const types = TYPE_CHECKS.filter((name) => name in constraints);
  const failed = types.length ? types.map((name) => constraints[name]) : Object.values(constraints);
  const expected = expectedKind(error, constraints);
  return [...new Set(failed.map((message) => butCame(tooLong(message, error.value) ?? translate(message), error.value, expected, quoted)))];
}

/**
 * A text longer than its field takes, told its length and the limit as a sheet's NAMA is
 * (`legalBasis terlalu panjang (5000 karakter, paling banyak 500)`), not "maksimal 500 karakter".
 */
function tooLong(message: string, value: unknown): string | undefined {
  const found = /^(\S+) must be shorter than or equal to (\d+) characters$/.exec(message);
  // counted in characters, as class-validator's MaxLength counts them (🎉 is one)
  return found && typeof value === 'string' ? lengthMessage(found[1], [...value].length, Number(found[2])) : undefined;
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
    [/^Validation failed \(object is expected\)$/, OBJECT_EXPECTED],
  ];
  for (const [pattern, replacement] of rules) if (pattern.test(message)) return message.replace(pattern, replacement);
  return message;
}
