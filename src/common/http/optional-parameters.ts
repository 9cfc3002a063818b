/**
 * Optional query parameters, told apart from left out: what leaving one out means, said when it is sent empty
 * (LEFT_OUT, LeftOutMeans, emptyParameterMessage), which fields of a DTO are optional (optionalFields, read once
 * per DTO) and which are optional for the query sent (OptionalWhen, optionalIn). The validation pipe
 * (validation.ts) refuses an optional parameter sent empty and tells a required one it is required.
 */
import type { ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { HAS_VISIBLE_TEXT } from '../text.js';

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

/** A query value with nothing visible in it: empty, or spaces and format characters only. */
export const isEmptyText = (value: unknown) => typeof value === 'string' && !HAS_VISIBLE_TEXT.test(value);

const OPTIONAL_FIELDS = new WeakMap<object, Map<string, boolean>>();

/** The fields a DTO declares, each true when it is optional (IsOptional); read once per DTO (the NIK lookups are a hot path). */
export function optionalFields(metatype: NonNullable<ArgumentMetadata['metatype']>): Map<string, boolean> {
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
export function optionalIn(metatype: NonNullable<ArgumentMetadata['metatype']>, fields: [string, unknown][]): Map<string, boolean> {
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
