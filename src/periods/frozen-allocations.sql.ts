/**
 * SQL condition on an `allocation_month` row aliased `a`: it may still be recomputed. A closed month
 * (§9) may not, and neither may any earlier month of its fiscal year: the closed month's allocation
 * used the budgets those months left (§6), so re-allocating them after it was finalized changed its
 * workbook's year-to-date figures and broke "no pledge exceeds its budget over the year".
 */
export const ALLOCATION_NOT_FROZEN = `NOT EXISTS (SELECT 1 FROM closed_month c WHERE c.month >= a.month AND left(c.month, 4) = left(a.month, 4))`;
