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
 *
 * Written so that the planner's guess of its size holds without statistics: `closed_month` gains a
 * dozen rows a year, too few for autovacuum ever to analyze it, and unanalyzed it is guessed at 700
 * rows, each with a 1,000-row `generate_series`. WARN_CLOSED_MONTH, which reads this set per staged
 * row, was then costed at 2×10⁹ and JIT-compiled for 2 s before a 2 ms run (QA on PostgreSQL: an
 * enrollment upload of two renamed participants took 2.6–3.6 s once a month was finalized). The
 * years' latest closed months come as one array (an `unnest` of an expression is guessed at 10
 * rows) and a year has at most 12 months (LIMIT 12): costed at about 6,000, far below `jit_above_cost`.
 */
export const FROZEN_MONTHS = `(SELECT to_char(d, 'YYYY-MM') AS month, y.closed
     FROM unnest((SELECT array_agg(latest.closed) FROM (SELECT max(month) AS closed FROM closed_month GROUP BY left(month, 4)) latest)) AS y(closed),
          LATERAL (SELECT d FROM generate_series((left(y.closed, 4) || '-01-01')::date, (y.closed || '-01')::date, interval '1 month') d LIMIT 12) d)`;

/**
 * Every closed month (FROZEN_MONTHS: finalized, or frozen by a later finalized month of its year) with `frozen_by`,
 * the finalized month that closed it: itself when finalized, else the earliest finalized later month of its year, the
 * finalization that froze it. What takes no payment of its own (ClosedMonths.closedBy), on the statements' definition.
 */
export const CLOSED_MONTHS_BY = `
  SELECT f.month, (SELECT min(c.month) FROM closed_month c WHERE c.month >= f.month AND left(c.month, 4) = left(f.month, 4)) AS frozen_by
    FROM ${FROZEN_MONTHS} f
   ORDER BY f.month`;
