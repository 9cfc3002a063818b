import { addMonths } from '../common/month.js';

/**
 * The open month a payment for the finalized month `closedMonth` is recorded in, as a correction of it
 * (DOMAIN §9), to name in the refusal (QA: it named "Koreksi untuk bulan" only, and the officer kept the
 * closed month as Bulan iuran): the latest month up to `currentMonth` (WIB) that is later than
 * `closedMonth` (a correction's month must be) and neither finalized nor frozen by a finalized later
 * month of its year (frozen-allocations.sql.ts). Null when there is none (the current month finalized).
 */
export function openMonthToRecordIn(closedMonth: string, currentMonth: string, closed: Iterable<string>): string | null {
  const finalized = [...closed];
  for (let month = currentMonth; month > closedMonth; month = addMonths(month, -1)) {
    if (!finalized.some((c) => c >= month && c.slice(0, 4) === month.slice(0, 4))) return month;
  }
  return null;
}
