/** The §8 status of a pledge-month from what is due (its splits) and what was paid. */
export type PaymentStatus = 'PAID' | 'UNPAID' | 'UNDERPAID' | 'OVERPAID';

export function paymentStatus(due: number, paid: number): PaymentStatus | null {
  if (due === 0 && paid === 0) return null;
  if (paid === due) return 'PAID';
  if (paid === 0) return 'UNPAID';
  return paid < due ? 'UNDERPAID' : 'OVERPAID';
}

/** A payment is late when dated after the 10th of the month it pays for (the 10th is on time). */
export function isLatePayment(month: string, paidAt: string): boolean {
  return paidAt.slice(0, 10) > `${month}-10`;
}
