import type { Cell } from './cell.js';

/** A column's number as government sheets write it under the header: `(3)` or `3`. */
const COLUMN_NUMBER = /^(?:\(\s*(\d{1,4})\s*\)|(\d{1,4}))$/;

/** Fewest numbered cells for a row to be a numbering row: two could be a row of data (`1`, `2`). */
const MIN_NUMBERED = 3;

/**
 * The column-numbering row of government sheets, right under the header: `(1) (2) (3) … (10)` or `1 2 3 … 10`,
 * each non-empty cell the position of its own column in the table (counted from the row's first non-empty cell,
 * which holds 1, so a table starting in column B is numbered too), at least three of them. Read as data it drew
 * misleading findings (enrollment: `NIK: terbaca sebagai angka (2)`; a bill's NOKA "2" became 0000000000002), so the
 * reader skips it (sheet-reader.ts; only the first row after the header). A cell with a formula is never a number here.
 */
export function isColumnNumbering(cells: readonly Cell[]): boolean {
  let first = -1;
  let numbered = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === undefined || (cell.kind === 'empty' && cell.formula === undefined)) continue;
    if ((cell.kind !== 'text' && cell.kind !== 'number') || cell.formula !== undefined) return false;
    const m = COLUMN_NUMBER.exec(cell.text);
    if (!m) return false;
    if (first === -1) first = i;
    if (Number(m[1] ?? m[2]) !== i - first + 1) return false;
    numbered++;
  }
  return numbered >= MIN_NUMBERED;
}
