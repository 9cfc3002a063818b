/**
 * The app's validation pipe (createValidationPipe) and the decorators DTOs declare their rules with: IsNikField,
 * QueryInteger, IsRequiredMonth, NoQueryDto, ReportsUnknownFieldsWithItsRules. Optional query
 * parameters (sent empty vs left out) are optional-parameters.ts; the wording of refusals validation-messages.ts.
 */
import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { getMetadataStorage, IsNotEmpty, Matches } from 'class-validator';
import { emptyParameterMessage, isEmptyText, optionalIn } from './optional-parameters.js';
import { flattenValidationErrors, OBJECT_EXPECTED } from './validation-messages.js';
import { memoizeValidationMetadata } from './validation-metadata-cache.js';

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
 * The query of a route that reads no parameters: `@Query() _query: NoQueryDto` refuses each one sent
 * (`parameter x tidak dikenal`), as a route's query DTO refuses the parameters it does not declare.
 * Every route takes one or the other (test/foundation/http.query-parameters.spec.ts), so no
 * route ignores a misspelt filter and answers as if it had not been sent.
 */
export class NoQueryDto {}

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

/** The app's 400 VALIDATION_FAILED refusal with its details (`[{ field, messages }]`). */
export const refused = (details: { field: string; messages: string[] }[]) => new BadRequestException({ message: 'Data yang dikirim tidak valid.', details });

/**
 * Names every JS object has (`toString`, `valueOf`, `constructor`, `__proto__`…). class-validator's
 * whitelist looks a key up in a plain object of the DTO's rules, where these are always found: sent
 * as fields (`"toString": 1`) they passed as known and reached the audit trail.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Types whose values are not validated (ValidationPipe's own list): what the checks below leave alone. */
const PLAIN_TYPES: unknown[] = [String, Boolean, Number, Array, Object, Buffer, Date];

/**
 * The app's validation: unknown fields are refused (an upload's form fields too: upload-form.ts). Before the DTO's rules: a body that is not an object is refused as such, a query
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
    const declared = declaredFields(metadata.metatype!);
    const unknown = fields.map(([field]) => field).filter((field) => !declared.has(field));
    const dto = (await this.lenient.transform(known, metadata)) as object;
    Object.defineProperty(dto, UNKNOWN_FIELDS, { value: unknown, enumerable: false });
    return dto;
  }
}

/** The fields a DTO declares a rule for (its parents' too). */
export function declaredFields(metatype: NonNullable<ArgumentMetadata['metatype']>): Set<string> {
  return new Set(getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false).map((m) => m.propertyName));
}

/** The details of the validation error `check` throws, none when it passes. */
export async function detailsOf(check: () => Promise<unknown>): Promise<{ field: string; messages: string[] }[]> {
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
  memoizeValidationMetadata();
  return new AppValidationPipe(options(true));
}
