/**
 * What a row report keeps of an uploaded row (`upload_issue.raw`): the RawCells shape, the DATE_1904 key
 * marking a 1904-date-system row, and rawCells, which builds it from the read cells (leaving out the cells
 * a rejection must not repeat, NOT_REPEATED). Stored with a row's first issue by every upload, written back
 * by the report sheets (report-sheets.ts).
 */
import type { Cell } from './cell.js';
import { bareYear } from './cell-dates.js';
import type { ColumnSpec } from './column-spec.js';

/**
 * A reported row as uploaded (`upload_issue.raw`): canonical column name → cell value, non-empty
 * cells only. Text as text; a number cell as its number (written back as a number cell, so the fixed
 * sheet reads as the upload did: a date pasted as a value into a Text cell, 31180, is the same day
 * again, and a NIK that arrived as a number is refused again for it); a date cell as `YYYY-MM-DD`. A
 * formula saved without a result is repeated as its formula (`=…`, written back as text), so the row
 * shows what was uploaded rather than blanks; a year typed into a date cell, as the year.
 * A row of a 1904-date-system workbook holding a number also carries `DATE_1904` (1): the report is
 * then written in the 1904 system, so its numbers are the ones uploaded and read again as the same days.
 */
export type RawCells = Record<string, string | number>;

/**
 * The RawCells key saying that the row's numbers count from 1904-01-01 as date serials (no column is so
 * named: columns are keyed by their canonical names). Uploads of one workbook share its date system.
 */
export const DATE_1904 = '#date1904';

/**
 * Rejections whose cell is not repeated in the report: a NIK repeated from an earlier row of the file
 * would, uploaded again without that row, overwrite the participant the earlier row registered with
 * this row's values (another person's, often: a NIK typed twice). The report leaves the cell empty
 * (its message names the NIK, the earlier row and the columns that differ), so uploading the row unchanged is refused
 * as "wajib diisi" until someone types the NIK back, deciding this row is the right one, or drops the row. Every
 * other cell is repeated.
 */
const NOT_REPEATED = new Set(['NIK_DUPLICATE_IN_FILE']);

/** The row's RawCells, stored with its first issue; `issues` are the row's, to leave out the cells above. */
export function rawCells(
  columns: readonly ColumnSpec[],
  cells: readonly Cell[],
  issues: readonly { column: string | null; code: string; severity: string }[] = [],
): RawCells {
  const leftOut = new Set(issues.filter((i) => i.severity === 'REJECT' && NOT_REPEATED.has(i.code)).map((i) => i.column));
  const raw: RawCells = {};
  columns.forEach((c, i) => {
    const cell = cells[i];
    if (!cell || leftOut.has(c.name)) return;
    // a year typed into a date-formatted cell is repeated as typed (1985), not as the day of 1905 it shows: uploaded back untouched, it is refused again
    if (cell.kind === 'date' && bareYear(cell) !== undefined) raw[c.name] = String(cell.serial);
    else if (cell.kind === 'number' && Number.isFinite(cell.number)) {
      raw[c.name] = cell.number!;
      // its serial counts from 1904-01-01 if a date column reads it: the report is written in that system too
      if (cell.date1904) raw[DATE_1904] = 1;
    } else if (cell.kind !== 'empty') raw[c.name] = cell.text;
    else if (cell.formula !== undefined) raw[c.name] = `=${cell.formula}`;
  });
  return raw;
}
