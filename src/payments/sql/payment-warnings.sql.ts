/**
 * What the warnings of a recorded payment read (payment-warnings.ts), for every payment of a request
 * or a sheet's batch at once: each distinct pair once, never a query per row.
 */
import { monthFrozen } from '../../periods/sql/frozen-allocations.sql.js';

/**
 * The pledge-months ($1 codes, $2 months, pairs) where the pledge has no split, i.e. nothing due
 * (§8; a correction asks about the month it corrects), with why when it is cheap to know: `outside` the pledge's months, the month not `allocation`
 * yet (null) or STALE, and `budgetUsedUp` when the splits of the months before it in the fiscal year
 * reach the budget (summed only for an allocated month inside the pledge's months with a budget).
 * A pair with a split is not returned. Read from the per-pledge totals stored with each allocated
 * month (allocation_funded, as BUDGET_USED_BEFORE of the allocation), not from the splits: for a
 * December payment that would sum eleven months of a province-sized register's splits.
 * A withdrawn pledge (`withdrawnAt`, `withdrawnBy`) owes nothing either in a STALE month that may still be recomputed:
 * its split there is the one the recomputation, without it, takes away.
 */
export const PLEDGE_MONTHS_NOTHING_DUE = `
  WITH asked AS (
    SELECT DISTINCT p AS pledge_code, m AS month FROM unnest($1::text[], $2::text[]) AS t(p, m)
  ), judged AS (
    SELECT a.pledge_code, a.month, pl.fiscal_year, pl.from_month, pl.to_month, pl.budget, am.status, pl.withdrawn_at, pl.withdrawn_by,
           (left(a.month, 4)::int <> pl.fiscal_year OR substr(a.month, 6, 2)::int NOT BETWEEN pl.from_month AND pl.to_month) AS outside
    FROM asked a
    JOIN pledge pl ON pl.code = a.pledge_code
    LEFT JOIN allocation_month am ON am.month = a.month
    WHERE NOT EXISTS (SELECT 1 FROM allocation_funded f WHERE f.pledge_code = a.pledge_code AND f.month = a.month)
       OR (pl.withdrawn_at IS NOT NULL AND am.status = 'STALE' AND NOT ${monthFrozen('a.month')})
  )
  SELECT j.pledge_code AS "pledgeCode", j.month, j.fiscal_year AS "fiscalYear", j.from_month AS "fromMonth",
         j.to_month AS "toMonth", j.status AS allocation, j.outside, j.budget::text AS budget,
         coalesce(used.amount >= j.budget, false) AS "budgetUsedUp", j.withdrawn_at AS "withdrawnAt", j.withdrawn_by AS "withdrawnBy"
  FROM judged j
  LEFT JOIN LATERAL (
    SELECT sum(f.amount) AS amount FROM allocation_funded f
    WHERE j.budget IS NOT NULL AND j.status IS NOT NULL AND NOT j.outside
      AND f.pledge_code = j.pledge_code AND f.month >= j.fiscal_year || '-01' AND f.month < j.month
  ) used ON true`;

/**
 * Due (the splits' total, stored per pledge in allocation_funded), paid (the payments recorded for the
 * month, §8: the corrections of earlier months recorded in it included; `ownPaid` without them) and corrected (the corrections
 * of it recorded so far, in later months: they pay its shortfall) of the pledge-months ($1 codes, $2
 * months, pairs) the payments are judged by (the month a correction corrects, else the payment's own),
 * as text (bigint): a month with none is 0, 0 and 0. Payments are read through IDX_payment_month_pledge,
 * corrections through IDX_payment_adjusts_month (month corrected, pledge) and are few.
 */
export const PLEDGE_MONTHS_DUE_AND_PAID = `
  WITH asked AS (
    SELECT DISTINCT p AS pledge_code, m AS month FROM unnest($1::text[], $2::text[]) AS t(p, m)
  )
  SELECT a.pledge_code AS "pledgeCode", a.month,
         coalesce((SELECT f.amount FROM allocation_funded f WHERE f.pledge_code = a.pledge_code AND f.month = a.month), 0)::text AS due,
         coalesce((SELECT sum(p.amount) FROM payment p WHERE p.pledge_code = a.pledge_code AND p.month = a.month), 0)::text AS paid,
         coalesce((SELECT sum(p.amount) FROM payment p
                   WHERE p.pledge_code = a.pledge_code AND p.month = a.month AND p.adjusts_month IS NULL), 0)::text AS "ownPaid",
         coalesce((SELECT sum(p.amount) FROM payment p
                   WHERE p.pledge_code = a.pledge_code AND p.month > a.month AND p.adjusts_month = a.month), 0)::text AS corrected
  FROM asked a`;
