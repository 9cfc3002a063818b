/**
 * What a statement counts as paid for one pledge-month: its own payments (recorded for it, not corrections) and the
 * corrections recorded for it in later months. A correction recorded in a month for another month counts under the
 * month it corrects, not the one it is recorded in (QA: November's exact payment plus a correction for July read
 * "Lebih bayar" +Rp37.800 and July "Kurang bayar", one settled arrear as two discrepancies), as the reconciliation
 * workbook's Pembayaran (ownStatus) and the year recap count it. The month, quarter and year statements, their Jumlah
 * and its words all read these figures.
 *
 * Lateness is not moved with the money: DOMAIN §8 calls a pledge-month late when any of *its* payments (those recorded
 * for it, corrections of other months included) is dated after its 10th, and a correction is a payment of the month
 * it is recorded in (§9). So a statement's Dibayar Terlambat is GET /payments/status's `late` of the month, by the
 * same functions (pledgeMonthStatus, correctionsIn) over the same payments; a correction recorded later for the month
 * is judged in the month it is recorded in, where its Pembayaran row says whether it was late (QA: the statement
 * called July late by a correction paid in October, on time for October, while the route said July was not).
 */
import { monthsSaid } from '../../common/month.js';
import { correctionsIn, isOwed, paymentStatusOf, pledgeMonthStatus, type PaymentStatus } from '../../payments/payment-status.js';
import type { PaymentRow } from '../data/report-queries.js';
import { label, monthLabel, monthLateLabel, PAYMENT_STATUS_LABELS, rupiah, statementStatusLabel } from '../format/labels.js';

export interface StatementMonth {
  due: number;
  paid: number;
  status: PaymentStatus;
  /** The corrections recorded for the month in later months, counted in `paid`. */
  corrections: PaymentRow[];
  /**
   * §8 of the payments recorded for the month (its own and the corrections of other months recorded in it), as GET
   * /payments/status gives them: `status` (its `status`, paid = those payments), `late` and `lateOnlyByCorrections`;
   * `payments` how many there are.
   */
  recorded: { status: PaymentStatus; late: boolean; lateOnlyByCorrections: boolean; payments: number };
}

/**
 * The pledge-month `month` of `pledgeCode` owing `due`, from the statement's `payments` (recorded in its months) and
 * `correcting` (the corrections of its months, whenever recorded: ReportQueries.correctionsOf).
 */
export function statementMonth(pledgeCode: string, month: string, due: number, payments: readonly PaymentRow[], correcting: readonly PaymentRow[]): StatementMonth {
  const own = payments.filter((p) => p.pledgeCode === pledgeCode && p.month === month && !p.adjustsMonth);
  const corrections = correcting.filter((p) => p.pledgeCode === pledgeCode && p.adjustsMonth === month);
  const paid = [...own, ...corrections].reduce((sum, p) => sum + p.amount, 0);
  const inMonth = payments.filter((p) => p.pledgeCode === pledgeCode && p.month === month);
  const { status, late } = pledgeMonthStatus(month, due, inMonth);
  const recorded = { status, late, lateOnlyByCorrections: correctionsIn(month, inMonth).lateOnlyByCorrections, payments: inMonth.length };
  return { due, paid, status: paymentStatusOf(due, paid), corrections, recorded };
}

/**
 * The Dibayar Terlambat cell of a statement's month: GET /payments/status's `late` of the pledge-month in monthLateLabel's
 * words ("Ya", "Ya (hanya koreksi)" when only corrections of other months recorded in it were paid after its 10th,
 * "Tidak"), "-" when no payment was recorded for it (never late by §8: nothing paid in it, or paid only by corrections
 * recorded in later months, which its status names).
 */
export function statementMonthLate(m: StatementMonth): string {
  return m.recorded.payments ? monthLateLabel(m.recorded) : '-';
}

/**
 * The status cell: as statementStatusLabel, and a month its corrections made paid says by which: "Lunas (termasuk
 * koreksi Rp37.800 yang dicatat pada November 2026)", "Lunas (setelah pengembalian kelebihan bayar Rp1.000 yang dicatat
 * pada Oktober 2026)". A month still owed after them keeps its due-ness ("Kurang bayar – lewat jatuh tempo …"); its
 * Koreksi note names the corrections.
 */
export function statementMonthLabel(m: StatementMonth, month: string, today: string): string {
  const text = statementStatusLabel(m.status, month, today);
  if (!m.corrections.length || isOwed(m.status)) return text;
  const amount = m.corrections.reduce((sum, p) => sum + p.amount, 0);
  const when = `yang dicatat pada ${monthsSaid([...new Set(m.corrections.map((p) => p.month))].sort())}`;
  const said = amount < 0 ? `setelah pengembalian kelebihan bayar ${rupiah(-amount)} ${when}` : `termasuk koreksi ${rupiah(amount)} ${when}`;
  return `${label(PAYMENT_STATUS_LABELS, m.status)} (${said})`;
}

/**
 * The payments recorded in the period that correct months before it: they count under those months, outside this
 * statement's totals, so a line under the table says how much and where (null without any).
 */
export function earlierCorrectionsLine(payments: readonly PaymentRow[], from: string): string | null {
  const earlier = payments.filter((p) => p.adjustsMonth && p.adjustsMonth < from);
  if (!earlier.length) return null;
  const total = earlier.reduce((a, p) => a + p.amount, 0);
  const each = earlier.map((p) => `${p.amount < 0 ? `pengembalian ${rupiah(-p.amount)}` : rupiah(p.amount)} untuk ${monthLabel(p.adjustsMonth!)} (${p.reference}), dicatat pada ${monthLabel(p.month)}`);
  return `Koreksi untuk bulan sebelum periode ini yang dicatat dalam periode ini: ${rupiah(total)} (${each.join('; ')}). Dihitung pada bulan yang dikoreksi, tidak termasuk jumlah di atas.`;
}
