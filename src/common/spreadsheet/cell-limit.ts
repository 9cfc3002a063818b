/**
 * Excel's limit of characters in one cell, as a row report meets it: EXCEL_CELL_LIMIT, cutToCell, which cuts a
 * longer uploaded value or message to fit with a marker saying how long it was, and cutMessage, the KETERANGAN
 * line telling the operator the value was cut (report-sheets.ts).
 */
import { thousands } from '../money.js';

/** The most characters Excel keeps in one cell; a longer one is cut by Excel, and the report is refused on upload (QA: 413). */
export const EXCEL_CELL_LIMIT = 32_767;

/** Ends a value cut to fit one cell, saying how long it was. */
const cutMarker = (length: number): string => ` … [DIPOTONG: aslinya ${thousands(length)} karakter]`;

/**
 * A text for one cell, cut to EXCEL_CELL_LIMIT characters with `cutMarker` at its end when longer (never inside
 * a surrogate pair); undefined when it fits as it is.
 */
export function cutToCell(text: string): string | undefined {
  if (text.length <= EXCEL_CELL_LIMIT) return undefined;
  const marker = cutMarker(text.length);
  let keep = EXCEL_CELL_LIMIT - marker.length;
  if (/[\uD800-\uDBFF]/.test(text[keep - 1])) keep--;
  return text.slice(0, keep) + marker;
}

/** The line KETERANGAN adds for an uploaded value cut to fit its cell (`header`: the column as the file headed it). */
export function cutMessage(header: string, length: number): string {
  return (
    `${header} terlalu panjang untuk satu sel Excel (${thousands(length)} karakter; paling banyak ${thousands(EXCEL_CELL_LIMIT)}): ` +
    `laporan ini hanya memuat awalnya, diakhiri "[DIPOTONG …]". Isi sel itu dengan nilai yang benar sebelum mengunggah kembali.`
  );
}
