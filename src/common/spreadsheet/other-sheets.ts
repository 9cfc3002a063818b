import { type ColumnSpec, matchHeader } from './column-spec.js';
import { isColumnNumbering } from './column-numbers.js';
import { isNumberedEmptyRow, rowNumberColumn } from './numbered-rows.js';
import type { RawRow } from './raw-row.js';

/**
 * Other visible sheets that hold the format's header row and data rows below it. One upload reads
 * one sheet (the one its format names, or the first visible one with the header), so rows on another
 * sheet are not read; the upload says so, naming the sheets (SHEETS_NOT_READ), rather than store a
 * shorter list than the file holds unsaid (QA: a bill split over "Segmen 1" and "Segmen 2" stored
 * 3 of 8 lines, and a bill version replaces the month's whole list). Sheets without the header (a
 * sheet of instructions, a village list, a pivot) are not named.
 */
export const SHEETS_NOT_READ = 'SHEETS_NOT_READ';

export interface SheetsNotReadWarning {
  readonly code: typeof SHEETS_NOT_READ;
  /** Indonesian, naming the sheets not read and the one read. */
  readonly message: string;
  /** The tab names of the sheets not read, in tab order. */
  readonly sheets: readonly string[];
  /** The tab name of the sheet read. */
  readonly read: string;
  readonly sheet?: string;
}

/**
 * The warning; `named`: the sheet the format names (`Daftar Peserta`), if any. Rows of a split list belong on the sheet
 * read; but the sheet not read may be the one meant, a workbook of monthly sheets (`NOVEMBER`, `DESEMBER`) whose first
 * was read: then the old sheet goes, or the one meant comes first or takes the format's name (QA: told to paste December
 * into November's sheet).
 */
export function sheetsNotReadWarning(sheets: readonly string[], read: string, named?: string): SheetsNotReadWarning {
  const quoted = sheets.map((s) => `"${s}"`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} dan ${quoted.at(-1)}` : quoted[0];
  const readIsNamed = named !== undefined && read.trim().toLowerCase() === named.trim().toLowerCase();
  const fix = readIsNamed
    ? `hapus sheet "${read}" (atau ganti namanya) dan beri nama "${named}" pada sheet yang dimaksud`
    : named !== undefined
      ? `hapus sheet "${read}", pindahkan sheet yang dimaksud ke urutan paling depan, atau beri nama "${named}" pada sheet yang dimaksud`
      : `hapus sheet "${read}" atau pindahkan sheet yang dimaksud ke urutan paling depan`;
  const message =
    `Sheet ${list} juga berisi judul kolom dan baris data, tetapi tidak dibaca: satu unggahan hanya membaca satu sheet, di sini sheet "${read}". ` +
    `Jika baris itu termasuk unggahan ini (satu daftar yang terbagi), salin ke sheet "${read}" lalu unggah kembali. ` +
    `Jika justru sheet itu yang dimaksud (misalnya daftar bulan terbaru) dan sheet "${read}" sudah lama, ${fix}, lalu unggah kembali.`;
  return { code: SHEETS_NOT_READ, message, sheets: [...sheets], read };
}

/** What a sheet past the data's has shown so far: this format's header row, a row below it. */
export interface SheetProbe {
  sheet: number;
  searched: number;
  header: boolean;
  below: boolean;
  found: boolean;
  numberColumn: number;
}

export const newProbe = (sheet = -1): SheetProbe => ({ sheet, searched: 0, header: false, below: false, found: false, numberColumn: -1 });

/**
 * Feeds `raw`, a row of a sheet past the data's, to `p` (reset when the sheet changes): true once the sheet shows
 * this format's header row (within `headerSearchRows` rows) and a data row below it; a column-numbering row right
 * under the header, or a template's numbered empty row, is no data row.
 */
export function probeRow(p: SheetProbe, raw: RawRow, columns: readonly ColumnSpec[], headerSearchRows: number): boolean {
  if (raw.sheet !== p.sheet) Object.assign(p, newProbe(raw.sheet));
  if (p.found) return false;
  if (p.header && !p.below) {
    p.below = true;
    if (isColumnNumbering(raw.cells)) return false;
  }
  if (p.header && isNumberedEmptyRow(raw.cells, p.numberColumn)) return false;
  if (p.header) return (p.found = true); // xlsxRows hands over no empty row: any row below the header holds something
  if (++p.searched <= headerSearchRows) {
    const match = matchHeader(columns, raw.cells.map((c) => c.text));
    p.header = match.matched > 0 && match.missing.length === 0;
    if (p.header) p.numberColumn = rowNumberColumn(raw.cells, match.indexes);
  }
  return false;
}
