/**
 * SQL condition: the month in `column` (`YYYY-MM`) is frozen for allocation. A closed month (§9) is,
 * and so is every earlier month of its fiscal year: the closed month's allocation used the budgets
 * those months left (§6), so re-allocating them after it was finalized changed its workbook's
 * year-to-date figures and broke "no pledge exceeds its budget over the year".
 */
export const monthFrozen = (column: string) => `EXISTS (SELECT 1 FROM closed_month c WHERE c.month >= ${column} AND left(c.month, 4) = left(${column}, 4))`;

/** SQL condition on an `allocation_month` row aliased `a`: it may still be recomputed. */
export const ALLOCATION_NOT_FROZEN = `NOT ${monthFrozen('a.month')}`;
