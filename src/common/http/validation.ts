import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { getMetadataStorage, Matches } from 'class-validator';
import { lengthMessage } from '../text.js';
import { butCame, kindOf, type ValueKind } from '../value-kind.js';

/** A `nik` field of a request (query or path): 16 digits, said as the one message every route gives. */
export const IsNikField = () => Matches(/^\d{16}$/, { message: 'nik harus 16 digit angka' });

/**
 * An integer query parameter (page, pageSize, year…): plain decimal digits, after a minus sign if any
 * (so that `page=-1` is told the range), read as a number. Anything else is left as text for the
 * field's IsInt to refuse, naming it (`pageSize harus bilangan bulat, bukan "1e3"`): `1e3`, `1.0`,
 * `+5`, ` 5` or `0x10` were numbers to Number() and so taken.
 */
export const QueryInteger = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));

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
 * checks include isNotEmpty gets that message (`pledgeCode wajib diisi`), not its type's.
 */
function messagesOf(error: ValidationError, constraints: Record<string, string>, quoted: boolean): string[] {
  if (error.value === undefined && constraints.isNotEmpty) return [translate(constraints.isNotEmpty)];
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

/**
 * The query of a route that reads no parameters: `@Query() _query: NoQueryDto` refuses each one sent
 * (`parameter x tidak dikenal`), as a route's query DTO refuses the parameters it does not declare.
 * Every route takes one or the other (test/foundation/http.unknown-query-parameters.spec.ts), so no
 * route ignores a misspelt filter and answers as if it had not been sent.
 */
export class NoQueryDto {}

const IGNORES_UNKNOWN_FIELDS = Symbol('ignores unknown fields');

/**
 * On the DTO of an upload's text fields: fields it does not declare are dropped, not refused as
 * elsewhere (a form sends what it holds; the file upload routes without a DTO ignore them too).
 */
export function IgnoresUnknownFields(): ClassDecorator {
  return (target) => Reflect.defineMetadata(IGNORES_UNKNOWN_FIELDS, true, target);
}

const UNKNOWN_FIELDS_LATER = Symbol('unknown fields reported with the rules the service checks');
const UNKNOWN_FIELDS = Symbol('unknown fields');

/**
 * On a DTO whose rules are checked further on, by a service (a pledge: validatePledge, with the
 * known villages): its unknown fields are not refused by the pipe, which would hide those problems
 * until the field is removed (QA: `extra` hid a fractional budget, a text sharePercent and a
 * negative quota). They are dropped and kept on the DTO for the service to report with the rest
 * (unknownFieldProblems).
 */
export function ReportsUnknownFieldsWithItsRules(): ClassDecorator {
  return (target) => Reflect.defineMetadata(UNKNOWN_FIELDS_LATER, true, target);
}

/** The unknown fields of a ReportsUnknownFieldsWithItsRules body (`kolom extra tidak dikenal`), none for any other value. */
export function unknownFieldProblems(body: unknown): { field: string; messages: string[] }[] {
  const found = body !== null && typeof body === 'object' ? (body as { [UNKNOWN_FIELDS]?: string[] })[UNKNOWN_FIELDS] : undefined;
  return (found ?? []).map((field) => ({ field, messages: [field ? `kolom ${field} tidak dikenal` : 'kolom tanpa nama tidak dikenal'] }));
}

const options = (forbidNonWhitelisted: boolean, noun = 'kolom'): ValidationPipeOptions => ({
  whitelist: true,
  forbidNonWhitelisted,
  transform: true,
  // the class of each failing field (Nest leaves it out): what an isIn/isEnum check allows is read from it
  validationError: { target: true, value: true },
  exceptionFactory: (errors) => refused(flattenValidationErrors(errors, '', noun === 'parameter').map(({ field, messages }) => ({ field, messages: messages.map((m) => m.replace(/^kolom /, `${noun} `)) }))),
});

const refused = (details: { field: string; messages: string[] }[]) => new BadRequestException({ message: 'Data yang dikirim tidak valid.', details });

/**
 * Names every JS object has (`toString`, `valueOf`, `constructor`, `__proto__`…). class-validator's
 * whitelist looks a key up in a plain object of the DTO's rules, where these are always found: sent
 * as fields (`"toString": 1`) they passed as known and reached the audit trail.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Types whose values are not validated (ValidationPipe's own list): what the checks below leave alone. */
const PLAIN_TYPES: unknown[] = [String, Boolean, Number, Array, Object, Buffer, Date];

/**
 * The app's validation: unknown fields are refused, except on IgnoresUnknownFields DTOs, where they
 * are dropped. Before the DTO's rules: a body that is not an object is refused as such, a query
 * parameter sent twice (`?page=1&page=2`, read as a list) is told so, and a field named like a
 * property of every object is unknown like any other.
 */
class AppValidationPipe extends ValidationPipe {
  private readonly lenient = new ValidationPipe(options(false));
  private readonly query = new ValidationPipe(options(true, 'parameter'));

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type } = metadata;
    if (!metatype || PLAIN_TYPES.includes(metatype) || (type !== 'body' && type !== 'query')) return super.transform(value, metadata);
    if (type === 'body' && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) throw refused([{ field: 'body', messages: [OBJECT_EXPECTED] }]);
    const fields = Object.entries(value ?? {});
    const known = fields.filter(([key]) => !INHERITED.has(key));
    if (Reflect.getMetadata(IGNORES_UNKNOWN_FIELDS, metatype)) return this.lenient.transform(Object.fromEntries(known), metadata);
    if (Reflect.getMetadata(UNKNOWN_FIELDS_LATER, metatype)) return this.withUnknownFields(Object.fromEntries(known), fields, metadata);
    const noun = type === 'query' ? 'parameter' : 'kolom';
    const problems = fields.flatMap(([field, item]) =>
      INHERITED.has(field) ? [{ field, messages: [`${noun} ${field} tidak dikenal`] }]
      : type === 'query' && Array.isArray(item) ? [{ field, messages: [`${field} dikirim lebih dari sekali: kirim sekali saja`] }]
      : []);
    const check = (body: unknown) => (type === 'query' ? this.query.transform(body, metadata) : super.transform(body, metadata));
    if (!problems.length) return check(value);
    // the other fields checked too, every problem in one answer (QA: one refusal hid the others)
    const named = new Set(problems.map((p) => p.field));
    const others = await detailsOf(() => check(Object.fromEntries(fields.filter(([field]) => !named.has(field)))));
    throw refused([...problems, ...others.filter((p) => !named.has(p.field))]);
  }

  /** A ReportsUnknownFieldsWithItsRules body: its declared fields checked, the others dropped and kept on it for its service. */
  private async withUnknownFields(known: Record<string, unknown>, fields: [string, unknown][], metadata: ArgumentMetadata): Promise<unknown> {
    const declared = new Set(getMetadataStorage().getTargetValidationMetadatas(metadata.metatype!, '', true, false).map((m) => m.propertyName));
    const unknown = fields.map(([field]) => field).filter((field) => !declared.has(field));
    const dto = (await this.lenient.transform(known, metadata)) as object;
    Object.defineProperty(dto, UNKNOWN_FIELDS, { value: unknown, enumerable: false });
    return dto;
  }
}

/** The details of the validation error `check` throws, none when it passes. */
async function detailsOf(check: () => Promise<unknown>): Promise<{ field: string; messages: string[] }[]> {
  try {
    await check();
    return [];
  } catch (error) {
    const details = error instanceof BadRequestException ? (error.getResponse() as { details?: unknown }).details : undefined;
    if (!Array.isArray(details)) throw error;
    return details as { field: string; messages: string[] }[];
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe(options(true));
}
