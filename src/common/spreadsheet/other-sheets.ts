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

export function sheetsNotReadWarning(sheets: readonly string[], read: string): SheetsNotReadWarning {
  const quoted = sheets.map((s) => `"${s}"`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} dan ${quoted.at(-1)}` : quoted[0];
  const message =
    `Sheet ${list} juga berisi judul kolom dan baris data, tetapi tidak dibaca: satu unggahan hanya membaca satu sheet, di sini sheet "${read}". ` +
    `Jika baris itu termasuk unggahan ini, pindahkan ke sheet "${read}" lalu unggah kembali.`;
  return { code: SHEETS_NOT_READ, message, sheets: [...sheets], read };
}
