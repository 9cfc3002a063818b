/**
 * Which columns a sheet must or may have. Headers match case-insensitively, ignoring spaces, dots
 * and underscores (DOMAIN §12), against the canonical name and its aliases.
 */
import { columnLetter } from './column-letter.js';

export interface ColumnSpec {
  /** Canonical header, as written in templates and reports (e.g. `TANGGAL_LAHIR`), and the column's key in stored rows. */
  readonly name: string;
  /**
   * The header templates write and findings say, when the column was renamed for its users after rows were stored
   * under `name` (a payment's PENYESUAIAN_BULAN is headed KOREKSI_UNTUK_BULAN, as the console's "Koreksi untuk
   * bulan"): `name` stays the key, and a header written as `name` is still read, as an alias.
   */
  readonly header?: string;
  /** Other headers meaning the same column (e.g. `TGL LAHIR`). */
  readonly aliases?: readonly string[];
  readonly required?: boolean;
  /** Width (characters) of the column in templates and row reports. */
  readonly width?: number;
}

/** The header templates write and findings say for a column: its `header`, else its name. */
export const headerOf = (c: { name: string; header?: string }): string => c.header ?? c.name;

/** `Tgl. Lahir` → `tgllahir`. */
export function normalizeHeader(raw: string): string {
  return raw.toLowerCase().replace(/[\s._\u00a0]+/g, '');
}

/** One part of a written date format: `dd`, `mm`, `yyyy`, or Indonesian `hh`/`bb`/`tttt`, `tgl`/`bln`/`thn`. */
const DATE_PART = '(?:d{1,2}|m{1,4}|y{2,4}|h{1,2}|b{1,2}|t{2,4}|tgl|bln|thn)';

/** The values a sex column takes, as sheets hint them: `(L/P)`, `(P/L)`, `(L / P)`. */
const SEX_VALUES = 'l\\s*/\\s*p|p\\s*/\\s*l';

/** A digit count, as identifier columns are hinted: `(16 digit)`, `(13 angka)`, `(16 karakter)`. */
const DIGIT_COUNT = '\\d{1,2}\\s*(?:digit|angka|karakter)';

/** Whether the column must be filled, as templates mark it: `(wajib)`, `(wajib diisi)`, `(opsional)`, `(boleh kosong)`. */
const FILL_MARK = 'wajib(?:\\s+diisi)?|opsional|boleh\\s+kosong';

/** What a hint may say: its date-format alternative holds the one back-reference (`\\1`, the separator). */
const HINT = `(?:rp\\.?|rupiah|idr|%|${SEX_VALUES}|${DIGIT_COUNT}|${FILL_MARK}|${DATE_PART}([/.\\- ])${DATE_PART}\\1${DATE_PART})`;

/**
 * A unit, format or value hint in parentheses or square brackets closing a header: a currency (`(Rp)`, `[Rp]`,
 * `(Rp.)`, `(Rupiah)`, `(IDR)`), a date format of three parts with one separator (`(dd/mm/yyyy)`, `(DD-MM-YYYY)`,
 * `(YYYY-MM-DD)`, `(hh/bb/tttt)`, `(tgl/bln/thn)`), the values of a sex column (`JENIS KELAMIN (L/P)`; QA: refused
 * whole), a percentage (`PERSEN (%)`; QA: ignored, and the pledge saved at 100 %), a digit count (`NIK (16 digit)`,
 * `NOKA (13 digit)`) or whether it must be filled (`(wajib)`, `(opsional)`), in any case; and the asterisk templates
 * mark a required column with (`NAMA LENGKAP *`; QA: these were refused as unknown columns). Nothing else in brackets is
 * a hint: `NIK (Ibu)` or `Nama (Kepala Keluarga)` name another column; nor is a word outside them (`TANGGAL LAHIR`).
 */
const HEADER_HINTS = [new RegExp(`\\s*\\(\\s*${HINT}\\s*\\)$`, 'i'), new RegExp(`\\s*\\[\\s*${HINT}\\s*\\]$`, 'i'), /\s*\*+$/];

/** Hints one header may close with (`NIK (16 digit) *`). */
const MAX_HINTS = 3;

/** The header without the unit, format or required hints closing it (`Iuran (Rp)` → `Iuran`), or undefined when it has none. */
export function withoutHeaderHint(header: string): string | undefined {
  let stripped = header.trim();
  for (let i = 0; i < MAX_HINTS; i++) {
    const next = HEADER_HINTS.reduce((text, hint) => text.replace(hint, ''), stripped);
    if (next === stripped) break;
    stripped = next;
  }
  return stripped !== header.trim() && stripped.trim() ? stripped : undefined;
}

export interface HeaderMatch {
  /** For each spec column (same order), its 0-based index in the file, or -1 when absent. */
  readonly indexes: readonly number[];
  /** Spec columns matched. */
  readonly matched: number;
  /** Required spec columns absent. */
  readonly missing: readonly string[];
  /** Non-empty headers of the row as written. */
  readonly found: readonly string[];
  /** Headers that matched no spec column (ignored). */
  readonly extra: readonly string[];
  /**
   * For each spec column (same order), the name findings give it: the header as the file wrote it
   * when that is an alias (`Tgl Lahir`) or carries a unit or format hint (`Iuran (Rp)`), so the user
   * finds the column; else the column's own name.
   */
  readonly labels: readonly string[];
  /**
   * Spec columns two or more headers name where a hint made one of them so (`NIK` and `NIK (16 digit)`,
   * `Jumlah (Rp)` and `JUMLAH [Rp]`) or where one header is repeated (`NIK` twice, `NAMA` and `Nama`), each with
   * those headers as written and their letters, in the file's order: which one is meant cannot be told, so the file
   * is refused (SpreadsheetException.duplicateColumns). A header naming no spec column may be repeated (not read).
   */
  readonly clashes: readonly HeaderClash[];
  /**
   * The headers read as a spec column though not written as its own header (headerOf, compared as normalizeHeader
   * does): an alias (`NO KTP` as NIK) or a hint set aside (`NIK (16 digit)`, `Jumlah [Rp]`), in the file's order.
   * Said with the upload (HEADERS_READ_AS, headers-read-as.ts).
   */
  readonly readAs: readonly HeaderReadAs[];
}

export interface HeaderClash {
  /** The spec column's own header (headerOf). */
  readonly column: string;
  /** The headers naming it, as written, in the file's order. */
  readonly headers: readonly string[];
  /** Their columns' letters (`B`, `E`), in the same order. */
  readonly letters: readonly string[];
}

export interface HeaderReadAs {
  /** The header as the file wrote it (`NIK (16 digit)`). */
  readonly header: string;
  /** The spec column it was read as, by its own header (headerOf: `NIK`). */
  readonly column: string;
  /** Its column's letter (`B`). */
  readonly columnLetter: string;
}

/**
 * Matches one candidate header row against the spec. A column's own name beats its aliases (in
 * `NOKA, NIK, NAMA, JUMLAH, IURAN` the IURAN column is IURAN, not JUMLAH, an alias of it); among
 * equals the first occurrence wins. Headers not used are `extra` (ignored). A header that matches
 * nothing as written is matched once more without a closing unit or format hint (`Iuran (Rp)`,
 * `Tgl Lahir (dd/mm/yyyy)`: withoutHeaderHint); findings then name it as written. A column so matched that another
 * header names too, or a header repeated, is a clash (`clashes`); a column read under another header is `readAs`.
 */
export function matchHeader(columns: readonly ColumnSpec[], headers: readonly string[]): HeaderMatch {
  const lookup = new Map<string, number>();
  columns.forEach((c, i) => {
    for (const name of [headerOf(c), c.name, ...(c.aliases ?? [])]) {
      const key = normalizeHeader(name);
      if (!lookup.has(key)) lookup.set(key, i);
    }
  });
  const indexes = columns.map(() => -1);
  const found: string[] = [];
  const extra: string[] = [];
  const byName = new Set<number>(); // spec columns matched by their own name
  const hinted = new Set<number>(); // spec columns matched once a unit or format hint was set aside
  const naming = columns.map(() => [] as { header: string; key: string; hint: boolean; at: number }[]); // every header naming each spec column
  headers.forEach((header, fileIndex) => {
    const text = header.trim();
    if (!text) return;
    found.push(text);
    let key = normalizeHeader(text);
    let spec = lookup.get(key);
    let hint = false;
    if (spec === undefined) {
      const bare = withoutHeaderHint(text);
      if (bare !== undefined) [key, spec, hint] = [normalizeHeader(bare), lookup.get(normalizeHeader(bare)), true];
    }
    if (spec === undefined) return void extra.push(text);
    naming[spec].push({ header: text, key, hint, at: fileIndex });
    const ownName = normalizeHeader(headerOf(columns[spec])) === key;
    if (indexes[spec] !== -1 && (byName.has(spec) || !ownName)) return void extra.push(text);
    if (indexes[spec] !== -1) extra.push(headers[indexes[spec]].trim()); // an alias displaced by the column's own name
    indexes[spec] = fileIndex;
    if (ownName) byName.add(spec);
    if (hint) hinted.add(spec);
    else hinted.delete(spec);
  });
  const missing = columns.filter((c, i) => c.required && indexes[i] === -1).map(headerOf);
  const labels = columns.map((c, i) => (indexes[i] >= 0 && (!byName.has(i) || hinted.has(i)) ? headers[indexes[i]].trim() : headerOf(c)));
  const clashes = columns.flatMap((c, i) => {
    const named = naming[i];
    const repeated = named.some((n, j) => named.findIndex((m) => m.key === n.key) !== j);
    return named.length > 1 && (repeated || named.some((n) => n.hint)) ? [{ column: headerOf(c), headers: named.map((n) => n.header), letters: named.map((n) => columnLetter(n.at + 1)) }] : [];
  });
  const readAs = columns
    .flatMap((c, i) => (indexes[i] >= 0 && (!byName.has(i) || hinted.has(i)) ? [{ at: indexes[i], read: { header: headers[indexes[i]].trim(), column: headerOf(c), columnLetter: columnLetter(indexes[i] + 1) } }] : []))
    .sort((a, b) => a.at - b.at)
    .map((r) => r.read);
  return { indexes, matched: indexes.filter((i) => i >= 0).length, missing, found, extra, labels, clashes, readAs };
}

/**
 * The spec columns the file has (HeaderMatch.indexes), by their own names, in the file's order: kept with
 * the upload (`column_order`) so its row report lays Perbaiki out as the file was (row-report.writer.ts).
 */
export function columnsInFileOrder(columns: readonly { name: string }[], indexes: readonly number[]): string[] {
  return columns
    .map((c, i) => ({ name: c.name, at: indexes[i] }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((c) => c.name);
}

/** HeaderMatch.labels keyed by column name (`{ REFERENSI: 'NO SP2D', … }`); every column's own header (headerOf) before a header is read. */
export function labelsByName<Name extends string>(columns: readonly { name: Name; header?: string }[], labels?: readonly string[]): Readonly<Record<Name, string>> {
  return Object.fromEntries(columns.map((c, i) => [c.name, labels?.[i] ?? headerOf(c)])) as Record<Name, string>;
}
