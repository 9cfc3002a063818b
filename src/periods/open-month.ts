import { addMonths } from '../common/month.js';

/**
 * The open month a payment for the finalized month `closedMonth` is recorded in, as a correction of it
 * (DOMAIN §9), to name in the refusal (QA: it named "Koreksi untuk bulan" only, and the officer kept the
 * closed month as Bulan iuran): the latest month up to `currentMonth` (WIB) that is later than
 * `closedMonth` (a correction's month must be) and not in `closed`, the closed months (ClosedMonths.closedBy:
 * finalized or frozen by a finalized later month of their year, FROZEN_MONTHS). Null when there is none (the current
 * month closed).
 */
export function openMonthToRecordIn(closedMonth: string, currentMonth: string, closed: { has(month: string): boolean }): string | null {
  for (let month = currentMonth; month > closedMonth; month = addMonths(month, -1)) {
    if (!closed.has(month)) return month;
  }
  return null;
}
