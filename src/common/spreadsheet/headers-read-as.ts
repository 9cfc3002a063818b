/**
 * The headers a sheet's columns were read under though not written as their names (HeaderMatch.readAs): an alias
 * (`NO KTP` as NIK, `JUMLAH` as IURAN) or a unit, format or required hint set aside (`NIK (16 digit)`, `Jumlah [Rp]`,
 * `NAMA *`, `SUMBER (wajib)`). They used to be read unsaid; the upload now names each with the column it was read as and
 * its letter (HEADERS_READ_AS in `sheetWarnings`), so the user can check that the column meant is the one read. Nothing
 * to fix: the rows are read as they would be under the column's own name.
 */
import type { HeaderReadAs } from './column-spec.js';

export const HEADERS_READ_AS = 'HEADERS_READ_AS';

export interface HeadersReadAsWarning {
  readonly code: typeof HEADERS_READ_AS;
  /** Indonesian: `Kolom "NIK (16 digit)" (kolom B) dibaca sebagai NIK, "Jumlah [Rp]" (kolom D) sebagai IURAN.` */
  readonly message: string;
  /** Each header as written, the column it was read as (its own header) and its letter, in the file's order. */
  readonly headersReadAs: readonly HeaderReadAs[];
  readonly sheet?: string;
}

/** Headers the message names before "dan N kolom lain" (the answer lists them all). */
const MAX_NAMED = 20;

/** The HEADERS_READ_AS note of a header's `readAs`, or none. */
export function headersReadAs(readAs: readonly HeaderReadAs[]): HeadersReadAsWarning[] {
  if (!readAs.length) return [];
  const parts = readAs.slice(0, MAX_NAMED).map((r, i) => `"${r.header}" (kolom ${r.columnLetter}) ${i === 0 ? 'dibaca ' : ''}sebagai ${r.column}`);
  const more = readAs.length > MAX_NAMED ? `, dan ${(readAs.length - MAX_NAMED).toLocaleString('id-ID')} kolom lain` : '';
  return [{ code: HEADERS_READ_AS, message: `Kolom ${parts.join(', ')}${more}.`, headersReadAs: readAs.map((r) => ({ ...r })) }];
}
