import { addMonths } from '../common/month.js';

/**
 * The open month a payment for the closed month `closedMonth` is recorded in, as a correction of it
 * (DOMAIN §9), to name in the refusal (QA: it named "Koreksi untuk bulan" only, and the officer kept the
 * closed month as Bulan iuran): the latest month up to `currentMonth` (WIB) that is later than
 * `closedMonth` (a correction's month must be) and not in `closed`, the closed months (ClosedMonths.closedBy:
 * finalized or frozen by a finalized later month of their year, FROZEN_MONTHS). When every such month is closed
 * (December finalized in December), the first month after both that is not closed, crossing the year: January of the
 * next year takes the corrections of a finalized year (QA: the refusal only said "bulan yang belum difinalisasi").
 */
export function openMonthToRecordIn(closedMonth: string, currentMonth: string, closed: { has(month: string): boolean }): string {
  for (let month = currentMonth; month > closedMonth; month = addMonths(month, -1)) {
    if (!closed.has(month)) return month;
  }
  return firstOpenMonthAfter(currentMonth > closedMonth ? currentMonth : closedMonth, closed);
}

/** The first month after `month` not in `closed` (the closed months, as above), crossing the year. */
export function firstOpenMonthAfter(month: string, closed: { has(month: string): boolean }): string {
  let next = addMonths(month, 1);
  while (closed.has(next)) next = addMonths(next, 1);
  return next;
}
