/**
 * Warnings of a payment that §8 accepts but the finance officer should hear about (QA: they were
 * accepted silently): nothing is due for the pledge in the month the payment pays for (it shows as
 * OVERPAID), a correction of a month whose shortfall is already covered by its payments and the
 * corrections of it recorded before (it still counts toward its own month), and a correction larger
 * than the shortfall still left (by how much it goes over). A correction pays the
 * shortfall of the month it corrects (`adjustsMonth`), so both judge it by that month, not by the
 * month it is recorded in; an ordinary payment is judged by its own month. Shared by POST /payments
 * (`warnings` of the answer, read before the payment is stored) and the payment sheet (WARN findings
 * of its rows, read before each batch is stored); read for all payments at once
 * (sql/payment-warnings.sql.ts). The console shows both answers as they come.
 */
import type { EntityManager } from 'typeorm';
import type { RowIssue } from '../reconciliation/uploads/row-issue.js';
import { paymentStatusOf } from './payment-status.js';
import { exceedsShortfallMessage, type NothingDue, nothingDueMessage, noShortfallMessage, type ShortfallFigures } from './payment-warning-messages.js';
import { ADJUSTED_MONTHS_DUE_AND_PAID, PLEDGE_MONTHS_NOTHING_DUE } from './sql/payment-warnings.sql.js';

export interface PaymentWarning {
  /**
   * NOTHING_DUE on the month judged (`adjustsMonth` for a correction, else `month`); NO_SHORTFALL on
   * `adjustsMonth`; EXCEEDS_SHORTFALL (a correction larger than what its month still lacks) on `amount`.
   */
  code: 'NOTHING_DUE' | 'NO_SHORTFALL' | 'EXCEEDS_SHORTFALL';
  field: 'month' | 'adjustsMonth' | 'amount';
  message: string;
}

export interface WarnedPayment {
  pledgeCode: string;
  month: string;
  adjustsMonth: string | null;
  /** Whole rupiah: a correction covers its month's shortfall for the payments after it in the same list. */
  amount: number | string;
}

const key = (pledgeCode: string, month: string) => `${pledgeCode}\u0000${month}`;

/** The month a payment pays for: the one a correction corrects, else its own. */
const judgedMonth = (p: WarnedPayment) => p.adjustsMonth ?? p.month;

/**
 * The warnings of each payment not stored yet, in the order given (an empty list for one without):
 * a correction of a month counts the corrections of it before it in the list as recorded (two rows of
 * a sheet correcting the same shortfall). Two statements, whatever the count.
 */
export async function paymentWarnings(m: EntityManager, payments: readonly WarnedPayment[]): Promise<PaymentWarning[][]> {
  if (!payments.length) return [];
  const nothingDue = new Map<string, NothingDue>(
    ((await m.query(PLEDGE_MONTHS_NOTHING_DUE, [payments.map((p) => p.pledgeCode), payments.map(judgedMonth)])) as NothingDue[]).map((r) => [key(r.pledgeCode, r.month), r]),
  );
  const adjusted = await adjustedMonths(m, payments.filter((p) => p.adjustsMonth));
  return payments.map((p) => {
    const none = nothingDue.get(key(p.pledgeCode, judgedMonth(p)));
    if (none) return [{ code: 'NOTHING_DUE', field: p.adjustsMonth ? 'adjustsMonth' : 'month', message: nothingDueMessage(none, p) }];
    if (!p.adjustsMonth) return [];
    const figures = adjusted.get(key(p.pledgeCode, p.adjustsMonth))!;
    const status = paymentStatusOf(figures.due, figures.paid + figures.corrected);
    const warnings: PaymentWarning[] = [];
    if (status === 'PAID' || status === 'OVERPAID') {
      warnings.push({ code: 'NO_SHORTFALL', field: 'adjustsMonth', message: noShortfallMessage(p, figures, status) });
    } else if (Number(p.amount) > figures.due - figures.paid - figures.corrected) {
      warnings.push({ code: 'EXCEEDS_SHORTFALL', field: 'amount', message: exceedsShortfallMessage({ ...p, amount: Number(p.amount) }, figures) });
    }
    figures.corrected += Number(p.amount); // the next correction of this month in the list finds it recorded
    return warnings;
  });
}

/** Due, paid and corrected so far of each pledge-month the corrections name. */
async function adjustedMonths(m: EntityManager, corrections: readonly WarnedPayment[]): Promise<Map<string, ShortfallFigures>> {
  const adjusted = new Map<string, ShortfallFigures>();
  if (!corrections.length) return adjusted;
  const rows: { pledgeCode: string; month: string; due: string; paid: string; corrected: string }[] = await m.query(ADJUSTED_MONTHS_DUE_AND_PAID, [
    corrections.map((p) => p.pledgeCode),
    corrections.map((p) => p.adjustsMonth),
  ]);
  for (const r of rows) adjusted.set(key(r.pledgeCode, r.month), { due: Number(r.due), paid: Number(r.paid), corrected: Number(r.corrected) });
  return adjusted;
}

/** The sheet column of each warned field. */
const SHEET_COLUMN = { month: 'BULAN', adjustsMonth: 'PENYESUAIAN_BULAN', amount: 'JUMLAH' } as const;

/** A warning as a sheet row's finding (severity WARN), on the column of its field. */
export function warningIssue(w: PaymentWarning): Omit<RowIssue, 'row'> {
  return { column: SHEET_COLUMN[w.field], severity: 'WARN', code: w.code, message: w.message };
}
