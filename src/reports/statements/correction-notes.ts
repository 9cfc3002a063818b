/**
 * What a statement's month row says about corrections (payments with adjustsMonth, DOMAIN §8/§9).
 * A correction counts toward the month it is recorded in, so without a note the corrected month
 * reads "Belum dibayar" and the recording month "Lebih bayar" with nothing linking them (QA): the
 * corrected month names the payment that corrects it, the recording month what its payment corrects.
 */
import type { PaymentRow } from '../data/report-queries.js';
import { monthLabel, rupiah } from '../format/labels.js';
import { ownPaymentsOf } from '../../payments/payment-status.js';
import type { StatementPeriod } from './statement-period.js';
import { LABEL_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { columnLetter } from '../workbook/cell-ref.js';
import type { TableSheet } from '../workbook/table-sheet.js';

/**
 * `recorded`: the payments recorded in the statement's months; `correcting`: the corrections of the
 * statement's months, whichever month they were recorded in. Per month, its notes in order. `dueOf`, when given: a
 * pledge-month's due, so that a corrected month also says what is left after its corrections, from its own payments
 * (ownPaymentsOf: a correction of another month recorded in it pays that month; QA, counted twice) less that due, as
 * the console's Pembayaran note does (QA: "Dikoreksi dengan pengembalian kelebihan bayar Rp20.000" on a month overpaid
 * Rp10.000, with no word that it is now Rp10.000 short). `namePledges`: a statement of several pledges (a village's
 * Dana Desa and ADD) names the pledge of each balance ("DESA-…-ADD: Masih kurang Rp2.800 sesudah koreksi").
 */
export function correctionNotesByMonth(
  recorded: readonly PaymentRow[],
  correcting: readonly PaymentRow[],
  dueOf?: (pledgeCode: string, month: string) => number,
  namePledges = false,
): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (month: string, note: string) => notes.set(month, [...(notes.get(month) ?? []), note]);
  const corrected = new Map<string, { pledgeCode: string; month: string; amount: number }>();
  for (const p of correcting) {
    if (!p.adjustsMonth) continue;
    add(p.adjustsMonth, `Dikoreksi dengan ${paymentSaid(p)} (${p.reference}) yang dicatat pada ${monthLabel(p.month)}`);
    const key = `${p.pledgeCode}|${p.adjustsMonth}`;
    const c = corrected.get(key) ?? { pledgeCode: p.pledgeCode, month: p.adjustsMonth, amount: 0 };
    corrected.set(key, { ...c, amount: c.amount + p.amount });
  }
  for (const c of dueOf ? corrected.values() : []) {
    const due = dueOf!(c.pledgeCode, c.month);
    const { ownPaid } = ownPaymentsOf(due, recorded.filter((p) => p.pledgeCode === c.pledgeCode && p.month === c.month));
    add(c.month, `${namePledges ? `${c.pledgeCode}: ` : ''}${balanceSaid(ownPaid - due, c.amount)}`);
  }
  for (const p of recorded) {
    if (p.adjustsMonth) add(p.month, `${capitalized(paymentSaid(p))} (${p.reference}) adalah koreksi untuk ${monthLabel(p.adjustsMonth)}`);
  }
  return notes;
}

/**
 * "pembayaran Rp37.800", or for a negative correction, money given back for an overpaid closed month, "pengembalian
 * kelebihan bayar Rp22.680" (it lowers the paid of the month it is recorded in).
 */
function paymentSaid(p: Pick<PaymentRow, 'amount'>): string {
  return p.amount < 0 ? `pengembalian kelebihan bayar ${rupiah(-p.amount)}` : `pembayaran ${rupiah(p.amount)}`;
}

/**
 * What a month's balance (§8 paid less due) is after its corrections (`corrected`, negative for money given back), in
 * the console's words (corrections-note.js balanceText): "Masih kurang Rp10.000 sesudah koreksi", "Masih lebih bayar
 * Rp5.000 setelah pengembalian", "Lunas setelah pengembalian kelebihan bayar", "Lunas setelah koreksi (lebih Rp…)"; a
 * month not short that a correction paid anyway says how much it is now over.
 */
export function balanceSaid(balance: number, corrected: number): string {
  const after = balance + corrected;
  if (after < 0) return `Masih kurang ${rupiah(-after)} sesudah koreksi`;
  if (corrected < 0) return after > 0 ? `Masih lebih bayar ${rupiah(after)} setelah pengembalian` : 'Lunas setelah pengembalian kelebihan bayar';
  if (balance >= 0) return `Bulan ini tidak kurang bayar; sesudah koreksi lebih bayar ${rupiah(after)}`;
  return after > 0 ? `Lunas setelah koreksi (lebih ${rupiah(after)})` : 'Lunas setelah koreksi';
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The corrections of the period's months recorded after it: they count toward the month they were recorded in,
 * outside this statement's totals, so a line under the table says how much came in and where it counts
 * (QA: December's shortfall paid in January, recorded as a correction for December, was in no statement's total).
 */
export function laterCorrectionsLine(correcting: readonly PaymentRow[], period: StatementPeriod): string | null {
  const later = correcting.filter((p) => p.month > period.to && !afterFiscalYear(p, period));
  if (!later.length) return null;
  const total = later.reduce((a, p) => a + p.amount, 0);
  const each = later.map((p) => `${p.amount < 0 ? `pengembalian ${rupiah(-p.amount)}` : rupiah(p.amount)} untuk ${monthLabel(p.adjustsMonth!)} (${p.reference}), dicatat pada ${monthLabel(p.month)}`);
  return `Koreksi yang dicatat setelah periode ini untuk bulan-bulannya: ${rupiah(total)} (${each.join('; ')}). Dihitung pada bulan pencatatannya, tidak termasuk jumlah di atas.`;
}

const afterFiscalYear = (p: Pick<PaymentRow, 'month'>, period: StatementPeriod) => p.month > `${period.from.slice(0, 4)}-12`;

/** The row label of the corrections of a statement's months recorded after its fiscal year (afterYearCorrections). */
export const AFTER_YEAR_LABEL = 'Koreksi dicatat sesudah tahun anggaran';
export const AFTER_YEAR_TOTAL_LABEL = 'JUMLAH SETELAH KOREKSI';

/**
 * The corrections of the period's months recorded after its fiscal year (the year's months all closed, an arrear of a
 * December SP2D is recorded in January of the next year, DOMAIN §9). No statement of the year counts them otherwise,
 * and for an auditor they are that year's spending of the pledge (QA: a 2026 year statement left them out of Dibayar
 * and Selisih, as a note): a statement's totals include them, on two rows under its JUMLAH (writeAfterYearCorrections).
 */
export function afterYearCorrections(correcting: readonly PaymentRow[], period: StatementPeriod): PaymentRow[] {
  return correcting.filter((p) => afterFiscalYear(p, period));
}

/**
 * Under a statement's JUMLAH row (`totalRow`): "Koreksi dicatat sesudah tahun anggaran", their total in the paid and
 * balance columns and each named in the note column, then "JUMLAH SETELAH KOREKSI" (the JUMLAH plus them, as
 * formulas). The monthly rows keep their §8 figures. Answers their total (0, and nothing written, without any).
 */
export function writeAfterYearCorrections(
  t: TableSheet,
  corrections: readonly PaymentRow[],
  totalRow: number,
  columns: { due: number; paid: number; balance: number; note: number },
): number {
  if (!corrections.length) return 0;
  const total = corrections.reduce((a, p) => a + p.amount, 0);
  const each = corrections.map((p) => `${capitalized(paymentSaid(p))} (${p.reference}) untuk ${monthLabel(p.adjustsMonth!)}, dicatat pada ${monthLabel(p.month)}`);
  const row: Array<string | number | null | { formula: string; result: number }> = [AFTER_YEAR_LABEL];
  row[columns.paid] = total;
  row[columns.balance] = total;
  row[columns.note] = each.join('; ');
  const at = t.writeStyledRow([...row].map((v) => v ?? null), {});
  const sum = (column: number, result: number) => ({ formula: `${columnLetter(column + 1)}${totalRow}+${columnLetter(column + 1)}${at}`, result });
  const after: Array<string | number | null | { formula: string; result: number }> = [AFTER_YEAR_TOTAL_LABEL];
  after[columns.due] = sum(columns.due, t.sum(columns.due));
  after[columns.paid] = sum(columns.paid, t.sum(columns.paid) + total);
  after[columns.balance] = sum(columns.balance, t.sum(columns.balance) + total);
  t.writeStyledRow([...after].map((v) => v ?? null), LABEL_STYLE);
  return total;
}
