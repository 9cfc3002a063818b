/**
 * Pre-numbered empty rows of a template: the row-number column (`No`) filled 1, 2, 3 … 500 down the sheet, every other
 * cell empty. Such a row is no data row: the reader skips it as it skips an empty one (sheet-reader.ts), and says once
 * how many it skipped (NUMBERED_ROWS in `sheetWarnings`), not one message a row (QA: 480 NOT_PARTICIPANT_ROW findings
 * for a template filled down to row 20).
 */
import { type Cell, holdsValue } from './cell.js';
import { type RowRanges, rowList } from './hidden-rows.js';

export const NUMBERED_ROWS = 'NUMBERED_ROWS';

/** The header of a row-number column: `No`, `No.`, `NO URUT`, `Nomor`, `Nomor Urut`, `#`. */
const ROW_NUMBER_HEADER = /^(?:no\.?|nomor|no\.?\s*urut|nomor\s*urut|#)$/i;

/** A row number: a whole number of 1–999999, in a number cell or typed (`12`, `12.`). */
const ROW_NUMBER = /^[1-9]\d{0,5}\.?$/;

/** The 0-based column of the header row that heads the row numbers and is not read (`readColumns`), or -1. */
export function rowNumberColumn(header: readonly Cell[], readColumns: readonly number[]): number {
  return header.findIndex((cell, i) => cell !== undefined && ROW_NUMBER_HEADER.test(cell.text) && !readColumns.includes(i));
}

/** The row holds a row number in `column` (rowNumberColumn) and nothing else (no formula either). */
export function isNumberedEmptyRow(cells: readonly Cell[], column: number): boolean {
  if (column < 0) return false;
  const number = cells[column];
  if (number === undefined || number.formula !== undefined || (number.kind !== 'number' && number.kind !== 'text') || !ROW_NUMBER.test(number.text)) return false;
  return cells.every((cell, i) => i === column || cell === undefined || !holdsValue(cell));
}

export interface NumberedRowsWarning {
  readonly code: typeof NUMBERED_ROWS;
  /** Indonesian, naming the rows. */
  readonly message: string;
  /** How many rows were skipped. */
  readonly rows: number;
  /** The skipped rows as ranges of consecutive row numbers (the first 100), `[first, last]`. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly sheet?: string;
}

/** `Baris 21–500 (480 baris) hanya berisi nomor urut di kolom No …`. */
export function numberedRowsMessage(ranges: readonly (readonly [number, number])[], count: number, header: string): string {
  return `Baris ${rowList(ranges, count)} hanya berisi nomor urut di kolom ${header}, tanpa data lain, dan dilewati sebagai baris kosong.`;
}

/** The NUMBERED_ROWS warning of the rows `rows` skipped, their numbers under `header`. */
export function numberedRowsWarning(rows: RowRanges, header: string): NumberedRowsWarning {
  const ranges = rows.list();
  return { code: NUMBERED_ROWS, message: numberedRowsMessage(ranges, rows.size, header), rows: rows.size, ranges };
}
