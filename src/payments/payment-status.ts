/**
 * Status of one pledge-month (DOMAIN §8), a pure function so the payments route, the
 * reconciliation summary and the workbooks agree to the rupiah.
 *
 * - due = the pledge's splits in the month; paid = the sum of its payments recorded for the month.
 * - PAID (equal), UNPAID (nothing paid, something due), UNDERPAID (less), OVERPAID (more,
 *   including any payment where nothing is due).
 * - late: any payment dated after the 10th of the month (the 10th itself is on time). An UNPAID
 *   pledge-month has no payment, so it is never late. Dates are WIB calendar days `YYYY-MM-DD`.
 */
export type PaymentStatus = 'PAID' | 'UNPAID' | 'UNDERPAID' | 'OVERPAID';

export interface PaymentFact {
  amount: number;
  /** WIB calendar day, `YYYY-MM-DD`. */
  paidAt: string;
  /** The earlier month a correction pays the shortfall of (§9), else null; read by correctionsIn only. */
  adjustsMonth?: string | null;
}

export interface PledgeMonthStatus {
  due: number;
  paid: number;
  status: PaymentStatus;
  late: boolean;
}

/** The last on-time day of `month`: premiums are due by the 10th. */
export function dueDate(month: string): string {
  return `${month}-10`;
}

/**
 * The one lateness rule (§8), read by every output (GET /payments/status and the console, the
 * reconciliation workbook, the statements): a payment is late when dated after the 10th of the month it
 * is recorded for; the 10th itself, and any day before, is on time. A correction is judged by the month
 * it is recorded in, like any payment of that month. A negative correction (`amount` below 0: money given
 * back for an overpaid closed month) pays no premium, so it is never late.
 */
export function isLatePayment(month: string, paidAt: string, amount?: number): boolean {
  return paidAt > dueDate(month) && !(amount !== undefined && amount < 0);
}

/**
 * Whether a pledge-month's premiums are past due on `today` (DOMAIN §8; WIB calendar day `YYYY-MM-DD`, the injected
 * Clock's): `overdue` when something is still owed (UNPAID or UNDERPAID) after the due date (the 10th itself is on
 * time); PAID and OVERPAID never are, nor is a month not yet due or not begun. `suspensionRisk`: BPJS suspends coverage
 * when premiums are unpaid at month end, so an overdue month within the month is `BY_MONTH_END` (coverage at risk of
 * suspension at its end), one whose month has ended is `MONTH_ENDED` (BPJS may already have suspended it), any other
 * `NONE`. The service reports the risk only; it changes no coverage.
 */
export type SuspensionRisk = 'NONE' | 'BY_MONTH_END' | 'MONTH_ENDED';

export interface PledgeMonthDueness {
  /** `YYYY-MM-10`. */
  dueDate: string;
  overdue: boolean;
  suspensionRisk: SuspensionRisk;
}

export function isOwed(status: PaymentStatus | string): boolean {
  return status === 'UNPAID' || status === 'UNDERPAID';
}

export function duenessOf(month: string, status: PaymentStatus | string, today: string): PledgeMonthDueness {
  const overdue = isOwed(status) && today > dueDate(month);
  return { dueDate: dueDate(month), overdue, suspensionRisk: !overdue ? 'NONE' : today.slice(0, 7) > month ? 'MONTH_ENDED' : 'BY_MONTH_END' };
}

/** The status of a pledge-month from what is due and what was paid for it. */
export function paymentStatusOf(due: number, paid: number): PaymentStatus {
  return paid === due ? 'PAID' : paid === 0 ? 'UNPAID' : paid < due ? 'UNDERPAID' : 'OVERPAID';
}

export function pledgeMonthStatus(month: string, due: number, payments: readonly PaymentFact[]): PledgeMonthStatus {
  const paid = payments.reduce((sum, p) => sum + p.amount, 0);
  const status = paymentStatusOf(due, paid);
  const late = payments.some((p) => isLatePayment(month, p.paidAt, p.amount));
  return { due, paid, status, late };
}

/**
 * What of a pledge-month's paid is corrections of earlier months recorded in it (§9): they count toward
 * it (§8, so they can make it PAID, OVERPAID and late), and its reader is told so. `corrections` is their
 * total (0 when none), `correctedMonths` the months they correct (sorted, each once), and
 * `lateOnlyByCorrections` is true when the month is late and every payment dated after the 10th is a correction.
 */
export interface PledgeMonthCorrections {
  corrections: number;
  correctedMonths: string[];
  lateOnlyByCorrections: boolean;
}

/**
 * What a pledge-month's own payments paid (QA: a correction of November recorded in December made December PAID,
 * not overdue and its own exact payment "kelebihan"): `ownPaid` is its paid less the corrections of other months
 * recorded in it, `ownStatus` the §8 status of that alone. The §8 status (paid = every payment recorded for the
 * month) stays as the spec defines it; due-ness (duenessOf) and the EXCEEDS_DUE warning read the own figures, since
 * a correction of November does not pay December's premium to BPJS on time.
 */
export interface PledgeMonthOwn {
  ownPaid: number;
  ownStatus: PaymentStatus;
}

export function ownPaymentsOf(due: number, payments: readonly PaymentFact[]): PledgeMonthOwn {
  const ownPaid = payments.filter((p) => !p.adjustsMonth).reduce((sum, p) => sum + p.amount, 0);
  return { ownPaid, ownStatus: paymentStatusOf(due, ownPaid) };
}

export function correctionsIn(month: string, payments: readonly PaymentFact[]): PledgeMonthCorrections {
  const corrections = payments.filter((p) => p.adjustsMonth);
  const late = payments.filter((p) => isLatePayment(month, p.paidAt, p.amount));
  return {
    corrections: corrections.reduce((sum, p) => sum + p.amount, 0),
    correctedMonths: [...new Set(corrections.map((p) => p.adjustsMonth!))].sort(),
    lateOnlyByCorrections: late.length > 0 && late.every((p) => p.adjustsMonth),
  };
}
