/** The SQL of the village and pledge statements: one village or one pledge over a range of months. */
import { TERMS_OF_SPLIT } from '../../funding/sql/pledges.sql.js';
import { FROZEN_MONTHS } from '../../periods/sql/frozen-allocations.sql.js';
import { PLEDGES_THAT_PAID } from './report.sql.js';

/**
 * The DESA pledges of a village: its code is in the pledge's village list (dots ignored, §5), at
 * each revision the period's allocated months used (`allocation_month.pledge_revisions`, view
 * pledge_terms), or as it stands when none did: a statement of months Dana Desa paid keeps saying so
 * after the fund was corrected (QA: March's statement called it ADD). A pledge revised within the
 * period comes once per revision. Of the fiscal years of the period, or of another year when a payment for it
 * was recorded in the period. $1 village code without dots, $2 first fiscal year, $3 last fiscal
 * year, $4 first month, $5 last month.
 */
export const VILLAGE_PLEDGES = `
  WITH used AS (
    SELECT DISTINCT r.key AS code, r.value::int AS revision
      FROM allocation_month a CROSS JOIN jsonb_each_text(a.pledge_revisions) AS r(key, value)
     WHERE a.month BETWEEN $4 AND $5)
  SELECT t.code, t.source_type, t.fund, t.funder, t.fiscal_year, t.from_month, t.to_month, t.scope, t.village_codes,
         t.share_percent, t.quota, t.budget, t.priority, t.legal_basis, t.revision, p.withdrawn_at IS NOT NULL AS withdrawn
  FROM pledge p
  JOIN pledge_terms t ON t.code = p.code
   AND (t.revision IN (SELECT u.revision FROM used u WHERE u.code = p.code)
        OR (t.revision = p.revision AND NOT EXISTS (SELECT 1 FROM used u WHERE u.code = p.code)))
  WHERE t.source_type = 'DESA'
    -- a pledge of another year with a payment recorded in the period (a correction of its last months, paid in the
    -- new year) is the village's too: that payment counts in the month it corrects, and is named under the table here
    AND (t.fiscal_year BETWEEN $2 AND $3 OR EXISTS (SELECT 1 FROM payment pay WHERE pay.pledge_code = p.code AND pay.month BETWEEN $4 AND $5))
    AND EXISTS (SELECT 1 FROM unnest(t.village_codes) AS v(code) WHERE replace(v.code, '.', '') = $1)
  ORDER BY t.fiscal_year, t.priority, t.code COLLATE "C", t.revision`;

/**
 * Per month, the village's residents (the obligation's village): count, obligation, the part its
 * own pledges ($4) paid, the part other pledges paid, and the unfunded rest.
 * $1 from month, $2 to month, $3 village code (dotted), $4 text[] own pledge codes.
 */
export const VILLAGE_MONTHS = `
  WITH paid AS (
    SELECT s.month, s.nik,
           sum(s.amount) FILTER (WHERE s.pledge_code = ANY($4::text[])) AS own,
           sum(s.amount) FILTER (WHERE NOT (s.pledge_code = ANY($4::text[]))) AS other
    FROM split s WHERE s.month BETWEEN $1 AND $2
    GROUP BY s.month, s.nik)
  SELECT o.month, count(*)::int AS participants, sum(o.amount)::bigint AS obligation,
         coalesce(sum(paid.own), 0)::bigint AS own, coalesce(sum(paid.other), 0)::bigint AS other,
         sum(o.unfunded)::bigint AS unfunded
  FROM obligation o LEFT JOIN paid ON paid.month = o.month AND paid.nik = o.nik
  WHERE o.month BETWEEN $1 AND $2 AND o.village_code = $3
  GROUP BY o.month ORDER BY o.month`;

/**
 * One page of the village's participant-months (keyset on month, NIK) with the own/other/unfunded
 * parts and the pledges that paid (in allocation order, as Rincian Peserta). $1 from, $2 to, $3 village code, $4 own pledge codes, $5 last month, $6 last NIK, $7 page size.
 */
export const VILLAGE_RESIDENTS_PAGE = `
  WITH page AS (
    SELECT month, nik, amount, unfunded FROM obligation
    WHERE month BETWEEN $1 AND $2 AND village_code = $3 AND (month, nik) > ($5, $6)
    ORDER BY month, nik LIMIT $7)
  SELECT page.month, page.nik, pt.noka, pt.name, page.amount, page.unfunded,
         coalesce(sum(s.amount) FILTER (WHERE s.pledge_code = ANY($4::text[])), 0)::bigint AS own,
         coalesce(sum(s.amount) FILTER (WHERE NOT (s.pledge_code = ANY($4::text[]))), 0)::bigint AS other,
         ${PLEDGES_THAT_PAID} AS pledges
  FROM page
  LEFT JOIN participant pt ON pt.nik = page.nik
  LEFT JOIN split s ON s.month = page.month AND s.nik = page.nik
  LEFT JOIN ${TERMS_OF_SPLIT()}
  GROUP BY page.month, page.nik, page.amount, page.unfunded, pt.noka, pt.name
  ORDER BY page.month, page.nik`;

/**
 * One page of a pledge's splits in one month (keyset on NIK) with the participant and the obligation:
 * one partition of split and of obligation each, where a page over the whole period scanned every
 * month's (StatementQueries.pledgeSplitsPage walks the months). $1 pledge code, $2 month, $3 last NIK, $4 page size.
 */
export const PLEDGE_SPLITS_PAGE = `
  WITH page AS (
    SELECT month, nik, amount FROM split
    WHERE pledge_code = $1 AND month = $2 AND nik > $3
    ORDER BY nik LIMIT $4)
  SELECT page.month, page.nik, pt.noka, pt.name, o.village_code, o.amount AS obligation, page.amount
  FROM page
  LEFT JOIN participant pt ON pt.nik = page.nik
  LEFT JOIN obligation o ON o.month = page.month AND o.nik = page.nik
  ORDER BY page.nik`;

/**
 * Splits of some pledges per month (what they owe), with the lowest and highest pledge revision
 * they were allocated under (meaningful for one pledge: the pledge statement). $1 text[] codes,
 * $2 from, $3 to.
 */
export const PLEDGES_DUE_BY_MONTH = `
  SELECT month, count(*)::int AS participants, sum(amount)::bigint AS amount,
         min(pledge_revision)::int AS min_revision, max(pledge_revision)::int AS max_revision
  FROM split WHERE pledge_code = ANY($1::text[]) AND month BETWEEN $2 AND $3
  GROUP BY month ORDER BY month`;

/** The months of $1..$2 with an allocation (CURRENT or STALE): the others have no splits to show. */
export const ALLOCATED_MONTHS = `SELECT month FROM allocation_month WHERE month BETWEEN $1 AND $2`;

/**
 * The months of the range that are closed: finalized (§9), or frozen by a later finalized month of their year. Their
 * figures no longer change; an open month's may (re-allocation, a register correction). $1 first month, $2 last month.
 */
export const CLOSED_MONTHS = `SELECT month FROM ${FROZEN_MONTHS} f WHERE month BETWEEN $1 AND $2`;
