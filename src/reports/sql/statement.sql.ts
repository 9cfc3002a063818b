/** The SQL of the village and pledge statements: one village or one pledge over a range of months. */
import { TERMS_OF_SPLIT } from '../../funding/sql/pledges.sql.js';
import { PLEDGES_THAT_PAID } from './report.sql.js';

/**
 * The DESA pledges of a village: its code is in the pledge's village list (dots ignored, §5).
 * $1 village code without dots, $2 first fiscal year, $3 last fiscal year.
 */
export const VILLAGE_PLEDGES = `
  SELECT code, source_type, fund, funder, fiscal_year, from_month, to_month, scope, village_codes,
         share_percent, quota, budget, priority, legal_basis, revision
  FROM pledge
  WHERE source_type = 'DESA' AND fiscal_year BETWEEN $2 AND $3
    AND EXISTS (SELECT 1 FROM unnest(village_codes) AS v(code) WHERE replace(v.code, '.', '') = $1)
  ORDER BY fiscal_year, priority, code COLLATE "C"`;

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
