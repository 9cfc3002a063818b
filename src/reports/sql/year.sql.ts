/** The SQL of the year-end recap (Rekap Tahunan): the twelve months of one fiscal year in one read. */
import { FROZEN_MONTHS } from '../../periods/sql/frozen-allocations.sql.js';

/**
 * One row per month of fiscal year $1 (January–December, months with nothing too): whether it was allocated, its
 * obligations (participant-months, rupiah, the unfunded rest), what the pledges' splits funded, the latest BPJS bill
 * version's invoice total, the latest reconciliation run with a summary (the FINAL one when there is one, else the
 * highest DONE version) with its stored `bill` figures, whether it is finalized (closed_month) or frozen by a later
 * finalized month (FROZEN_MONTHS), and what the pledges of the fiscal year paid for it: every payment counted in the
 * month it is for, a correction in the month it corrects (`adjusts_month`), wherever it was recorded, so the year's
 * total is the Per Pemberi Dana sheet's. $1 year (int), $2 first month, $3 last month.
 */
export const YEAR_MONTHS = `
  WITH months AS (
    SELECT to_char(d, 'YYYY-MM') AS month
      FROM generate_series(($2 || '-01')::date, ($3 || '-01')::date, interval '1 month') d),
  owed AS (
    SELECT month, count(*)::int AS participants, sum(amount)::bigint AS obligation, sum(unfunded)::bigint AS unfunded
      FROM obligation WHERE month BETWEEN $2 AND $3 GROUP BY month),
  funded AS (
    SELECT month, sum(amount)::bigint AS amount FROM split WHERE month BETWEEN $2 AND $3 GROUP BY month),
  bills AS (
    SELECT DISTINCT ON (month) month, version, invoice_total
      FROM bill WHERE month BETWEEN $2 AND $3 ORDER BY month, version DESC),
  runs AS (
    SELECT DISTINCT ON (month) month, version, status, summary -> 'bill' AS bill
      FROM reconciliation_run WHERE month BETWEEN $2 AND $3 AND status IN ('DONE', 'FINAL')
     ORDER BY month, (status = 'FINAL') DESC, version DESC),
  paid AS (
    SELECT coalesce(pay.adjusts_month, pay.month) AS month, sum(pay.amount)::bigint AS amount
      FROM payment pay JOIN pledge p ON p.code = pay.pledge_code AND p.fiscal_year = $1
     WHERE coalesce(pay.adjusts_month, pay.month) BETWEEN $2 AND $3
     GROUP BY coalesce(pay.adjusts_month, pay.month))
  SELECT m.month,
         EXISTS (SELECT 1 FROM allocation_month a WHERE a.month = m.month) AS allocated,
         coalesce(owed.participants, 0) AS participants, coalesce(owed.obligation, 0)::bigint AS obligation,
         coalesce(owed.unfunded, 0)::bigint AS unfunded, coalesce(funded.amount, 0)::bigint AS funded,
         bills.version AS bill_version, bills.invoice_total,
         runs.version AS run_version, runs.status AS run_status,
         runs.bill ->> 'payable' AS payable, runs.bill ->> 'overbilled' AS overbilled, runs.bill ->> 'underbilled' AS underbilled,
         EXISTS (SELECT 1 FROM closed_month c WHERE c.month = m.month) AS finalized,
         EXISTS (SELECT 1 FROM ${FROZEN_MONTHS} f WHERE f.month = m.month) AS closed,
         coalesce(paid.amount, 0)::bigint AS paid
    FROM months m
    LEFT JOIN owed ON owed.month = m.month
    LEFT JOIN funded ON funded.month = m.month
    LEFT JOIN bills ON bills.month = m.month
    LEFT JOIN runs ON runs.month = m.month
    LEFT JOIN paid ON paid.month = m.month
   ORDER BY m.month`;
