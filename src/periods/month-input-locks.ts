import type { EntityManager } from 'typeorm';
import { monthsBetween } from '../common/month.js';

/**
 * Advisory locks on what a month's reconciliation reads (DOMAIN §9). Each writer of a month's BPJS
 * bill, PBI-APBN list or payments holds its kind's lock for that month until it commits, and
 * finalize takes all three before it checks that the run's inputs still hold. A write in flight is
 * then either committed first and seen by finalize as a change, or it waits and finds the month
 * closed. (Before, a long upload could commit a version a second after the month was closed.)
 * The second key is the month as yyyymm.
 */
export const MONTH_INPUT = { BILL: 1703_0006, PBI_APBN: 1703_0007, PAYMENTS: 1703_0008 } as const;
export type MonthInput = (typeof MONTH_INPUT)[keyof typeof MONTH_INPUT];

/** '2026-10' → 202610: the second key of the month's advisory locks. */
export function monthKey(month: string): number {
  return Number(month.replace('-', ''));
}

/** Waits for the writers of `kind` for each of `months` in flight and holds off new ones until the transaction ends (months in order: no deadlock between writers). */
export async function lockMonthInput(m: EntityManager, kind: MonthInput, months: Iterable<string>): Promise<void> {
  for (const month of [...new Set(months)].sort()) await m.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [kind, monthKey(month)]);
}

/**
 * Finalize: every kind of input of `month`, and the payments of the earlier months of its year, which it freezes
 * (§9: they take no payment of their own once it is final, ClosedMonths.closedBy), so a payment of June being recorded
 * as November is finalized commits first or finds June frozen. The payment locks in month order, as a sheet takes them.
 */
export async function lockAllMonthInputs(m: EntityManager, month: string): Promise<void> {
  for (const kind of Object.values(MONTH_INPUT)) {
    await lockMonthInput(m, kind, kind === MONTH_INPUT.PAYMENTS ? monthsBetween(`${month.slice(0, 4)}-01`, month) : [month]);
  }
}
