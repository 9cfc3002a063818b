/**
 * The footer a sheet exported from an office system often ends with: `TOTAL`, `JUMLAH`,
 * `GRAND TOTAL`, `Jumlah Iuran :` in a label cell and the sum of the lines above in the amount
 * cell. Such a row is not a bill line or a payment: uploads leave it out of the rows they count
 * and compare its amount with the total of the lines they accepted (`TOTAL_ROW_MISMATCH`).
 * `SUB TOTAL` rows are left out without a check (they sum a part of the sheet).
 */
import type { Cell } from '../spreadsheet/cell.js';
import { rupiah } from '../money.js';
import { isError, rupiahFrom } from './cell-values.js';
import type { RowIssue } from './row-issue.js';

const TOTAL_LABEL = /^(grand\s*|sub\s*)?(total|jumlah)(\s+(total|iuran|tagihan|pembayaran|bayar|keseluruhan|seluruhnya))?\s*:?$/i;

export interface TotalRow {
  row: number;
  /** The rupiah the row states; null when its amount cell cannot be read (an empty formula, text). */
  amount: number | null;
  subtotal: boolean;
}

/**
 * A footer total row, or null: one of `labels` holds a total label and `isLine` says the row is not
 * a real line (asked only then: every other row is checked once, by its validator).
 */
export function totalRow(row: number, labels: readonly Cell[], amount: Cell, isLine: () => boolean): TotalRow | null {
  const label = labels.find((c) => c.kind === 'text' && TOTAL_LABEL.test(c.text));
  if (!label || isLine()) return null;
  const value = rupiahFrom(amount, '');
  return { row, amount: isError(value) ? null : value.value, subtotal: /^sub/i.test(label.text) };
}

/** The warning for a file's last (grand) total row that does not state the accepted lines' total, or null. */
export function totalRowMismatch(total: TotalRow | null, acceptedTotal: number, column: string): (RowIssue & { severity: 'WARN' }) | null {
  if (!total || total.subtotal || total.amount === acceptedTotal) return null;
  const stated = total.amount === null ? 'tidak dapat dibaca' : rupiah(total.amount);
  return {
    row: total.row,
    column,
    severity: 'WARN',
    code: 'TOTAL_ROW_MISMATCH',
    message: `Baris jumlah di akhir berkas menyebut ${stated}, sedangkan jumlah baris yang diterima ${rupiah(acceptedTotal)}. Baris jumlah tidak disimpan; periksa baris yang ditolak atau yang terlewat.`,
  };
}
