/**
 * Warnings of a payment that §8 accepts but the finance officer should hear about (QA: they were
 * accepted silently): nothing is due for the pledge in the month the payment pays for (it shows as
 * OVERPAID), an ordinary payment that takes its month's own payments (the corrections of other months
 * recorded in it left out, QA) above what is due, a correction of a month whose shortfall is already covered by its payments and the
 * corrections of it recorded before (it still counts toward its own month), and a correction larger
 * than the shortfall still left (by how much it goes over); a negative correction (money given back for an overpaid
 * closed month) of a month not overpaid, or giving back more than it was overpaid. A correction pays the
 * shortfall of the month it corrects (`adjustsMonth`), so it is judged by that month, not by the
 * month it is recorded in; an ordinary payment is judged by its own month, whose paid is §8's: every
 * payment recorded for it, the corrections of earlier months recorded in it included. Shared by POST
 * /payments (`warnings` of the answer, read before the payment is stored) and the payment sheet (WARN
 * findings of its rows, read before each batch is stored); read for all payments at once
 * (sql/payment-warnings.sql.ts). The console shows both answers as they come.
 */
import type { EntityManager } from 'typeorm';
import type { RowIssue } from '../common/uploads/row-issue.js';
import { dayName, firstDay, monthName } from '../common/month.js';
import { paymentStatusOf } from './payment-status.js';
import {
  exceedsDueMessage,
  exceedsOverpaymentMessage,
  exceedsShortfallMessage,
  type NothingDue,
  nothingDueMessage,
  noOverpaymentMessage,
  noShortfallMessage,
  type ShortfallFigures,
} from './payment-warning-messages.js';
import { PLEDGE_MONTHS_DUE_AND_PAID, PLEDGE_MONTHS_NOTHING_DUE } from './sql/payment-warnings.sql.js';

export interface PaymentWarning {
  /**
   * NOTHING_DUE on the month judged (`adjustsMonth` for a correction, else `month`); EXCEEDS_DUE (an
   * ordinary payment taking its month's paid above the due) on `amount`; NO_SHORTFALL on `adjustsMonth`;
   * EXCEEDS_SHORTFALL (a correction larger than what its month still lacks) on `amount`. Their mirrors for a negative
   * correction (money given back): NO_OVERPAYMENT (its month was not overpaid) on `adjustsMonth`, EXCEEDS_OVERPAYMENT (it
   * gives back more than its month was overpaid) on `amount`.
   */
  code: 'NOTHING_DUE' | 'EXCEEDS_DUE' | 'NO_SHORTFALL' | 'EXCEEDS_SHORTFALL' | 'NO_OVERPAYMENT' | 'EXCEEDS_OVERPAYMENT' | 'PAID_BEFORE_MONTH';
  /** PAID_BEFORE_MONTH (paid before the first day of the month it pays for: a year typed wrong, or an advance) on `paidAt`. */
  field: 'month' | 'adjustsMonth' | 'amount' | 'paidAt';
  message: string;
}

export interface WarnedPayment {
  pledgeCode: string;
  month: string;
  adjustsMonth: string | null;
  /**
   * Whole rupiah: for the payments after it in the same list, a payment counts toward its month's paid,
   * and a correction also covers the shortfall of the month it corrects.
   */
  amount: number | string;
  /** Its WIB day (`YYYY-MM-DD`); left out, no PAID_BEFORE_MONTH. */
  paidAt?: string;
}

const key = (pledgeCode: string, month: string) => `${pledgeCode}\u0000${month}`;

/** The month a payment pays for: the one a correction corrects, else its own. */
const judgedMonth = (p: Pick<WarnedPayment, 'month' | 'adjustsMonth'>) => p.adjustsMonth ?? p.month;

/**
 * The warnings of each payment not stored yet, in the order given (an empty list for one without): the
 * payments before it in the list count as recorded (two rows of a sheet paying the same month, or
 * correcting the same shortfall). Two statements, whatever the count.
 */
export async function paymentWarnings(m: EntityManager, payments: readonly WarnedPayment[]): Promise<PaymentWarning[][]> {
  if (!payments.length) return [];
  const nothingDue = new Map<string, NothingDue>(
    ((await m.query(PLEDGE_MONTHS_NOTHING_DUE, [payments.map((p) => p.pledgeCode), payments.map(judgedMonth)])) as NothingDue[]).map((r) => [key(r.pledgeCode, r.month), r]),
  );
  const figures = await judgedMonths(m, payments);
  return payments.map((p) => {
    // a negative correction gives back what was overpaid: a month that owed nothing but was paid is judged by its figures
    const none = Number(p.amount) < 0 ? undefined : nothingDue.get(key(p.pledgeCode, judgedMonth(p)));
    const warnings: PaymentWarning[] = none
      ? [{ code: 'NOTHING_DUE', field: p.adjustsMonth ? 'adjustsMonth' : 'month', message: nothingDueMessage(none, p) }]
      : warningsAgainst(p, figures.get(key(p.pledgeCode, judgedMonth(p)))!);
    warnings.push(...paidBeforeMonth(p));
    // the next payments in the list find it recorded: in its own month's paid, and a correction in its month's corrected
    const own = figures.get(key(p.pledgeCode, p.month));
    if (own) own.paid += Number(p.amount);
    if (own && !p.adjustsMonth) own.ownPaid += Number(p.amount);
    if (p.adjustsMonth) figures.get(key(p.pledgeCode, p.adjustsMonth))!.corrected += Number(p.amount);
    return warnings;
  });
}

/**
 * A payment dated before the first day of the month it pays for (`adjustsMonth` for a correction): told, not refused,
 * since advances exist, but a correction of November 2026 paid on 9 January 2026 has its year typed wrong (QA: silent).
 * One dated before the fiscal year itself reaches here only from a pledge that may be paid so (paidBeforeYearAllowed: a
 * company's CSR; budget sources are refused, PAID_BEFORE_YEAR): the advance is named as such, with its year.
 */
export function paidBeforeMonth(p: Pick<WarnedPayment, 'month' | 'adjustsMonth' | 'paidAt'>): PaymentWarning[] {
  const month = judgedMonth(p);
  if (!p.paidAt || p.paidAt.slice(0, 10) >= firstDay(month)) return [];
  const day = dayName(p.paidAt.slice(0, 10));
  const year = month.slice(0, 4);
  const message =
    p.paidAt.slice(0, 4) < year
      ? `Tanggal bayar ${day} sebelum tahun anggaran ${year}: dicatat sebagai pembayaran di muka untuk ${monthName(month)}. Bila bukan pembayaran di muka, periksa tahun pada tanggal bayar.`
      : `Tanggal bayar ${day} sebelum bulan yang dibayar (${monthName(month)}): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.`;
  return [{ code: 'PAID_BEFORE_MONTH', field: 'paidAt', message }];
}

/** The warnings of a payment for a month with something due, from that month's figures so far. */
function warningsAgainst(p: WarnedPayment, figures: ShortfallFigures): PaymentWarning[] {
  const amount = Number(p.amount);
  if (!p.adjustsMonth) {
    // its own payments only: a correction of another month recorded in it does not pay its premium (QA)
    return figures.ownPaid + amount > figures.due ? [{ code: 'EXCEEDS_DUE', field: 'amount', message: exceedsDueMessage({ ...p, amount }, figures) }] : [];
  }
  const status = paymentStatusOf(figures.due, figures.paid + figures.corrected);
  if (amount < 0) {
    // money given back: for an overpayment of the month it corrects, and no more than it (the mirror of a shortfall)
    if (status !== 'OVERPAID') return [{ code: 'NO_OVERPAYMENT', field: 'adjustsMonth', message: noOverpaymentMessage({ ...p, amount }, figures, status) }];
    if (-amount > figures.paid + figures.corrected - figures.due) {
      return [{ code: 'EXCEEDS_OVERPAYMENT', field: 'amount', message: exceedsOverpaymentMessage({ ...p, amount }, figures) }];
    }
    return [];
  }
  if (status === 'PAID' || status === 'OVERPAID') return [{ code: 'NO_SHORTFALL', field: 'adjustsMonth', message: noShortfallMessage(p, figures, status) }];
  if (amount > figures.due - figures.paid - figures.corrected) {
    return [{ code: 'EXCEEDS_SHORTFALL', field: 'amount', message: exceedsShortfallMessage({ ...p, amount }, figures) }];
  }
  return [];
}

/** Due, paid and corrected so far of each pledge-month the payments are judged by. */
async function judgedMonths(m: EntityManager, payments: readonly WarnedPayment[]): Promise<Map<string, ShortfallFigures>> {
  const figures = new Map<string, ShortfallFigures>();
  const rows: { pledgeCode: string; month: string; due: string; paid: string; ownPaid: string; corrected: string }[] = await m.query(PLEDGE_MONTHS_DUE_AND_PAID, [
    payments.map((p) => p.pledgeCode),
    payments.map(judgedMonth),
  ]);
  for (const r of rows) figures.set(key(r.pledgeCode, r.month), { due: Number(r.due), paid: Number(r.paid), ownPaid: Number(r.ownPaid), corrected: Number(r.corrected) });
  return figures;
}

/** The sheet column of each warned field. */
const SHEET_COLUMN = { month: 'BULAN', adjustsMonth: 'PENYESUAIAN_BULAN', amount: 'JUMLAH', paidAt: 'TANGGAL_BAYAR' } as const;

/** A warning as a sheet row's finding (severity WARN), on the column of its field. */
export function warningIssue(w: PaymentWarning): Omit<RowIssue, 'row'> {
  return { column: SHEET_COLUMN[w.field], severity: 'WARN', code: w.code, message: w.message };
}
