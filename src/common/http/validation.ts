import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { getMetadataStorage, IsNotEmpty, Matches, ValidationTypes } from 'class-validator';
import { HAS_VISIBLE_TEXT, lengthMessage } from '../text.js';
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

/** A required `month` query parameter (`?month=2026-08`), left out or sent empty: said required, not misformatted. */
export const MONTH_REQUIRED = 'month wajib diisi (format YYYY-MM, mis. 2026-08).';
export const IsRequiredMonth = () => IsNotEmpty({ message: MONTH_REQUIRED });

/**
 * What leaving out an optional query parameter means and what to fill in, by its name: the hint of
 * its refusal when it is sent empty (emptyParameterMessage). A name not listed gets a plain hint.
 */
const LEFT_OUT: Record<string, string> = {
  pledgeCode: 'untuk semua komitmen, atau isi kodenya',
  nik: 'untuk semua peserta, atau isi NIK-nya',
  name: 'untuk semua nama, atau isi awal namanya',
  villageCode: 'untuk semua desa, atau isi kode desanya',
  sourceType: 'untuk semua sumber dana, atau isi sumber dananya',
  month: 'atau isi bulannya (YYYY-MM, mis. 2026-08)',
  coveredIn: 'untuk semua bulan, atau isi bulannya (YYYY-MM, mis. 2026-08)',
  adjustsMonth: 'atau isi bulan yang dikoreksi (YYYY-MM, mis. 2026-08)',
  category: 'untuk semua kategori, atau isi kategorinya',
  severity: 'untuk semua baris, atau isi REJECT atau WARN',
  actor: 'untuk semua pengguna, atau isi nama penggunanya',
  entity: 'untuk semua jenis data, atau isi jenisnya',
  entityId: 'untuk semua data, atau isi id-nya',
  from: 'untuk sejak awal, atau isi tanggalnya (mis. 2026-11-15)',
  to: 'untuk sampai sekarang, atau isi tanggalnya (mis. 2026-11-30)',
  page: 'untuk halaman 1, atau isi nomor halamannya',
  pageSize: 'untuk ukuran halaman bawaan, atau isi jumlahnya',
  fiscalYear: 'untuk semua tahun anggaran, atau isi tahunnya',
  year: 'atau isi tahunnya (mis. 2026)',
  groupBy: 'untuk pengelompokan bawaan, atau isi pengelompokannya',
  dryRun: 'untuk menyimpan, atau isi true atau false',
};

const LEFT_OUT_OF_DTO = Symbol('what leaving the parameter out means');

/**
 * On a DTO's query parameter whose name LEFT_OUT says for another route (`from`/`to`: days of the
 * audit trail, months of GET /splits): what leaving it out means there, said in its refusal when sent empty.
 */
export const LeftOutMeans = (hint: string): PropertyDecorator => (target, key) => Reflect.defineMetadata(LEFT_OUT_OF_DTO, hint, target, key);

const OPTIONAL_WHEN = Symbol('optional when the other parameters say so');

/**
 * On a required query parameter that another stands in for (the split summary's `month`, with the range `from`/`to`):
 * given `query` (as sent), whether it is optional there. Then, sent empty, it is refused as an optional one is
 * (emptyParameterMessage), not read as left out (QA: `month=&from=…&to=…` answered on the summary, refused on the list).
 */
export const OptionalWhen = (optional: (query: Record<string, unknown>) => boolean): PropertyDecorator => (target, key) => Reflect.defineMetadata(OPTIONAL_WHEN, optional, target, key);


/**
 * The one refusal of an optional query parameter sent empty or as spaces only (`?pledgeCode=`), which used to be ignored on some routes.
 * `metatype`: the DTO, for its own hint (LeftOutMeans).
 */
export const emptyParameterMessage = (field: string, metatype?: { prototype: object }) => {
  const own = metatype ? (Reflect.getMetadata(LEFT_OUT_OF_DTO, metatype.prototype, field) as string | undefined) : undefined;
  return `${field} tidak boleh kosong: hapus parameter itu ${own ?? LEFT_OUT[field] ?? 'bila tidak dipakai, atau isi nilainya'}.`;
};

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

/**
 * The query of a route that reads no parameters: `@Query() _query: NoQueryDto` refuses each one sent
 * (`parameter x tidak dikenal`), as a route's query DTO refuses the parameters it does not declare.
 * Every route takes one or the other (test/foundation/http.query-parameters.spec.ts), so no
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
 * parameter sent twice (`?page=1&page=2`, read as a list) is told so, an optional query parameter sent
 * empty or as spaces is refused (emptyParameterMessage: never read as "no filter"), and a field named like a
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
    const optional = type === 'query' ? optionalIn(metatype, known) : new Map<string, boolean>();
    const problems = fields.flatMap(([field, item]) =>
      INHERITED.has(field) ? [{ field, messages: [`${noun} ${field} tidak dikenal`] }]
      : type === 'query' && Array.isArray(item) ? [{ field, messages: [`${field} dikirim lebih dari sekali: kirim sekali saja`] }]
      : isEmptyText(item) && optional.get(field) ? [{ field, messages: [emptyParameterMessage(field, metatype)] }]
      : []);
    const check = (body: unknown) => (type === 'query' ? this.query.transform(body, metadata) : super.transform(body, metadata));
    // a required parameter sent empty is told it is required (`month wajib diisi`), as when it is left out
    const sent = fields.filter(([field, item]) => !(isEmptyText(item) && optional.get(field) === false));
    if (!problems.length) return check(sent.length < fields.length ? Object.fromEntries(sent) : value);
    // the other fields checked too, every problem in one answer (QA: one refusal hid the others)
    const named = new Set(problems.map((p) => p.field));
    const others = await detailsOf(() => check(Object.fromEntries(sent.filter(([field]) => !named.has(field)))));
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

/** A query value with nothing visible in it: empty, or spaces and format characters only. */
const isEmptyText = (value: unknown) => typeof value === 'string' && !HAS_VISIBLE_TEXT.test(value);

const OPTIONAL_FIELDS = new WeakMap<object, Map<string, boolean>>();

/** The fields a DTO declares, each true when it is optional (IsOptional); read once per DTO (the NIK lookups are a hot path). */
function optionalFields(metatype: NonNullable<ArgumentMetadata['metatype']>): Map<string, boolean> {
  let fields = OPTIONAL_FIELDS.get(metatype);
  if (fields) return fields;
  fields = new Map<string, boolean>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false)) {
    fields.set(m.propertyName, (fields.get(m.propertyName) ?? false) || m.type === ValidationTypes.CONDITIONAL_VALIDATION);
  }
  OPTIONAL_FIELDS.set(metatype, fields);
  return fields;
}

type OptionalWhenRule = [field: string, optional: (query: Record<string, unknown>) => boolean];

const OPTIONAL_WHEN_RULES = new WeakMap<object, OptionalWhenRule[]>();

/** The fields of a query DTO, each true when it is optional for this query (`fields`, as sent): declared optional, or OptionalWhen says so. */
function optionalIn(metatype: NonNullable<ArgumentMetadata['metatype']>, fields: [string, unknown][]): Map<string, boolean> {
  const declared = optionalFields(metatype);
  let rules = OPTIONAL_WHEN_RULES.get(metatype);
  if (!rules) {
    rules = [...declared.keys()].flatMap((field): OptionalWhenRule[] => {
      const rule = Reflect.getMetadata(OPTIONAL_WHEN, metatype.prototype as object, field) as OptionalWhenRule[1] | undefined;
      return rule ? [[field, rule]] : [];
    });
    OPTIONAL_WHEN_RULES.set(metatype, rules);
  }
  if (!rules.length) return declared;
  const query = Object.fromEntries(fields);
  const optional = new Map(declared);
  for (const [field, rule] of rules) if (rule(query)) optional.set(field, true);
  return optional;
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
