/**
 * SQL condition: the month in `column` (`YYYY-MM`) is frozen for allocation. A closed month (§9) is,
 * and so is every earlier month of its fiscal year: the closed month's allocation used the budgets
 * those months left (§6), so re-allocating them after it was finalized changed its workbook's
 * year-to-date figures and broke "no pledge exceeds its budget over the year".
 */
export const monthFrozen = (column: string) => `EXISTS (SELECT 1 FROM closed_month c WHERE c.month >= ${column} AND left(c.month, 4) = left(${column}, 4))`;

/** SQL condition on an `allocation_month` row aliased `a`: it may still be recomputed. */
export const ALLOCATION_NOT_FROZEN = `NOT ${monthFrozen('a.month')}`;

/**
 * The frozen months as rows (`month`, and `closed`: the latest closed month of its fiscal year, which
 * freezes it; equal to `month` for that closed month itself): every month from January of a year
 * with a closed month to its latest closed month. The set monthFrozen tests one month against.
 */
export const FROZEN_MONTHS = `(SELECT to_char(d, 'YYYY-MM') AS month, y.closed
     FROM (SELECT max(month) AS closed FROM closed_month GROUP BY left(month, 4)) y,
          generate_series((left(y.closed, 4) || '-01-01')::date, (y.closed || '-01')::date, interval '1 month') d)`;
