/**
 * Headers of the header row that match no column of the format (HeaderMatch.extra). They used to be
 * ignored unsaid, so an optional column under a header the format did not know was stored as its
 * default (QA: a pledge's `PERSEN (%)` of 50 saved at 100 %, a payment's `KOREKSI UNTUK BULAN`
 * recorded as an ordinary payment). Now:
 * - a header that looks like an optional column the file does not have (lookAlikeColumns) refuses
 *   the file as a whole (UNKNOWN_COLUMN, SpreadsheetException.unknownColumns), before anything is stored;
 * - every other header not read is named in `sheetWarnings` (COLUMNS_NOT_READ), so the user sees
 *   what was ignored (a `NO`, a `KETERANGAN`, a village name beside its code).
 */
import { type ColumnSpec, headerOf, normalizeHeader, withoutHeaderHint } from './column-spec.js';
import { REPORT_COLUMNS } from './report-sheets.js';

export const COLUMNS_NOT_READ = 'COLUMNS_NOT_READ';

export interface ColumnsNotReadWarning {
  readonly code: typeof COLUMNS_NOT_READ;
  /** Indonesian, naming the headers. */
  readonly message: string;
  /** The headers not read, as the file wrote them, in the file's order. */
  readonly headers: readonly string[];
  readonly sheet?: string;
}

/** Headers the message names before "dan N kolom lain" (the answer lists them all). */
const MAX_NAMED = 20;

/** The columns every row report adds after the file's own, as compared: a fixed report is uploaded back as it is. */
const ROW_REPORT_COLUMNS: readonly string[] = REPORT_COLUMNS.map(normalizeHeader);

/**
 * The COLUMNS_NOT_READ warning of a header's `extra` headers, or none. BARIS, STATUS and KETERANGAN together are the
 * row report's own columns, which the user is told to upload back: not named, they are no surprise.
 */
export function columnsNotRead(extra: readonly string[]): ColumnsNotReadWarning[] {
  const report = ROW_REPORT_COLUMNS.every((c) => extra.some((h) => normalizeHeader(h) === c));
  const named = report ? extra.filter((h) => !ROW_REPORT_COLUMNS.includes(normalizeHeader(h))) : extra;
  return named.length ? [columnsNotReadWarning(named)] : [];
}

export function columnsNotReadWarning(headers: readonly string[]): ColumnsNotReadWarning {
  const named = headers.slice(0, MAX_NAMED).join(', ');
  const more = headers.length > MAX_NAMED ? ` dan ${(headers.length - MAX_NAMED).toLocaleString('id-ID')} kolom lain` : '';
  const list = `${named}${more}`;
  // a header closing with a dot (`No.`) closes the sentence too: no `No..`
  return { code: COLUMNS_NOT_READ, message: `Kolom berikut tidak dibaca: ${list}${list.endsWith('.') ? '' : '.'}`, headers: [...headers] };
}

/**
 * Words that say nothing of which column is meant: joining words, and words that stand in many
 * headers of every sheet (`NAMA DESA`, `NAMA IBU`, `KETERANGAN`, `NOMOR HP`, `TANGGAL INPUT`), which
 * a file may well carry beside the format's columns. Words under three letters (`NO`, `DI`, `KE`) never count.
 */
const INSIGNIFICANT = new Set([
  'dan', 'atau', 'untuk', 'yang', 'dari', 'pada', 'dengan', 'per', 'the', 'of', 'for', 'and',
  'keterangan', 'ket', 'catatan', 'nama', 'kode', 'nomor', 'nomer', 'tanggal', 'tgl', 'jumlah', 'total', 'data', 'daftar',
  'desa', 'kelurahan', 'kecamatan', 'kabupaten', 'alamat', 'ibu', 'ayah', 'peserta', 'urut',
]);

/** `Persen Potongan (%)` → `persen`, `potongan`; `sharePercent` → `share`, `percent`. */
function words(header: string): string[] {
  return (withoutHeaderHint(header) ?? header)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !INSIGNIFICANT.has(w));
}

export interface LookAlike {
  /** The header as the file wrote it. */
  readonly header: string;
  /** The optional columns it may mean, by their own headers (headerOf). */
  readonly columns: readonly string[];
}

/**
 * The columns of the format absent from the header (`indexes` -1) that are optional (or, `required`, required), each
 * with its significant words (its name and aliases): a word that is by itself the name or an alias of another column
 * does not count. And `known`: whether a header names a column of the format (then it is no look-alike).
 */
function absentColumns(columns: readonly ColumnSpec[], indexes: readonly number[], required: boolean) {
  const wholeHeaders = columns.map((c) => new Set([headerOf(c), c.name, ...(c.aliases ?? [])].map(normalizeHeader)));
  const known = (header: string) => wholeHeaders.some((names) => names.has(normalizeHeader(header)) || names.has(normalizeHeader(withoutHeaderHint(header) ?? header)));
  const absent = columns
    .map((c, i) => ({ c, i }))
    .filter(({ c, i }) => !!c.required === required && indexes[i] === -1)
    .map(({ c, i }) => {
      const others = (w: string) => wholeHeaders.some((names, j) => j !== i && names.has(w));
      return { name: headerOf(c), words: new Set([headerOf(c), c.name, ...(c.aliases ?? [])].flatMap(words).filter((w) => !others(w))) };
    });
  return { absent, known };
}

/**
 * The headers among `extra` that share a significant word with an optional column the file does not
 * have (its name or an alias): `PERSEN POTONGAN` for PERSEN, `KOREKSI BULAN IURAN` for KOREKSI_UNTUK_BULAN. A
 * word that is by itself the name or an alias of another column of the format does not count (in a
 * payment sheet `BULAN BAYAR` is not the correction month because BULAN is a column of its own), nor
 * does a header that names a column the file has twice (the first is read; COLUMNS_NOT_READ names it).
 */
export function lookAlikeColumns(columns: readonly ColumnSpec[], indexes: readonly number[], extra: readonly string[]): LookAlike[] {
  const { absent, known } = absentColumns(columns, indexes, false);
  if (!absent.length) return [];
  return extra.flatMap((header) => {
    if (known(header)) return [];
    const own = words(header);
    const meant = absent.filter((a) => own.some((w) => a.words.has(w))).map((a) => a.name);
    return meant.length ? [{ header, columns: meant }] : [];
  });
}

/**
 * For each required column the header row lacks, the header among `extra` that most likely meant it, by the rule of
 * lookAlikeColumns (a significant word shared with the column's name or aliases), the one sharing the most words
 * (the first of equals): `NIK KTP` for NIK, `MULAI` for TMT. Said by MISSING_COLUMNS (QA: no hint, where an optional
 * column's look-alike got one). Columns meant by one header are listed together, in the format's order.
 */
export function requiredLookAlikes(columns: readonly ColumnSpec[], indexes: readonly number[], extra: readonly string[]): LookAlike[] {
  const { absent, known } = absentColumns(columns, indexes, true);
  const candidates = extra.filter((h) => !known(h)).map((header) => ({ header, own: words(header) }));
  const byHeader = new Map<string, string[]>();
  for (const a of absent) {
    let best: { header: string; shared: number } | undefined;
    for (const { header, own } of candidates) {
      const shared = own.filter((w) => a.words.has(w)).length;
      if (shared > (best?.shared ?? 0)) best = { header, shared };
    }
    if (best) byHeader.set(best.header, [...(byHeader.get(best.header) ?? []), a.name]);
  }
  return [...byHeader].map(([header, meant]) => ({ header, columns: meant }));
}
