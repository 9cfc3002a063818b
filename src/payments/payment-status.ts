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

/** The status of a pledge-month from what is due and what was paid for it. */
export function paymentStatusOf(due: number, paid: number): PaymentStatus {
  return paid === due ? 'PAID' : paid === 0 ? 'UNPAID' : paid < due ? 'UNDERPAID' : 'OVERPAID';
}

export function pledgeMonthStatus(month: string, due: number, payments: readonly PaymentFact[]): PledgeMonthStatus {
  const paid = payments.reduce((sum, p) => sum + p.amount, 0);
  const status = paymentStatusOf(due, paid);
  const deadline = dueDate(month);
  const late = payments.some((p) => p.paidAt > deadline);
  return { due, paid, status, late };
}
