/** A1 references for formulas. */
import { columnLetter } from '../../common/spreadsheet/column-letter.js';

export { columnLetter };

export function cellRef(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** `'Temuan (2)'!B7:B90`: a column's rows on a named sheet (the name quoted, its quotes doubled). */
export function sheetRange(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const letter = columnLetter(column);
  return `'${sheet.replace(/'/g, "''")}'!${letter}${firstRow}:${letter}${lastRow}`;
}
