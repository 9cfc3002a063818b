/** Read-side SQL of the split queries (GET /splits, /splits/summary). $1 = month unless noted. */
import { ALLOCATION_NOT_FROZEN } from '../../periods/sql/frozen-allocations.sql.js';
import { TERMS_OF_SPLIT } from './pledges.sql.js';

/**
 * Filters are appended by SplitsService as `AND ...` clauses with numbered parameters. A split's
 * source type (and any pledge term) is the one of the revision it was allocated under (TERMS_OF_SPLIT).
 */
export const SPLITS_FROM = `
  FROM split s
  JOIN ${TERMS_OF_SPLIT()}`;

/** Joined only when filtering by village: the participant's village in that month. */
export const SPLITS_VILLAGE_JOIN = `
  JOIN obligation o ON o.month = s.month AND o.nik = s.nik`;

/** With the revision's fund and fiscal year: the §5 warnings of the pledges a page uses (SplitsService, no other round trip). */
export const SPLITS_SELECT = `SELECT s.nik, s.month, s.pledge_code, p.source_type, s.amount, s.pledge_revision, p.fund, p.fiscal_year`;

/** One row, `stale`: whether any month that may still be recomputed is STALE (the reads below answer nothing then). */
const ANY_OPEN_MONTH_STALE = `(SELECT EXISTS (SELECT 1 FROM allocation_month a
                                WHERE a.status = 'STALE'
                                  AND ${ALLOCATION_NOT_FROZEN}) AS stale)`;

/**
 * One page of splits and, in the same round trip, whether any open month is STALE (then the page
 * is empty and SplitsService recomputes and asks again). \`page\` is SPLITS_SELECT + FROM + WHERE +
 * ORDER + LIMIT. Rows: \`stale\` plus the page's columns; one row of NULLs when the page is empty.
 */
export const pageUnlessStale = (page: string) => `
  SELECT f.stale, s.*
    FROM ${ANY_OPEN_MONTH_STALE} f
    LEFT JOIN LATERAL (${page}) s ON NOT f.stale`;

/**
 * Month, NIK, pledge. With a NIK filter the same order is written NIK first so that it follows
 * PK_split (nik, month, pledge_code, covering the other columns) in every month partition: an
 * index-only merge of the partitions' ranges for that NIK.
 */
export const SPLITS_ORDER = `ORDER BY s.month, s.nik, s.pledge_code`;
export const SPLITS_ORDER_FOR_NIK = `ORDER BY s.nik, s.month, s.pledge_code`;

/**
 * The hot path, `GET /splits?nik=` with no other filter, for many NIKs at once (NikLookupBatch):
 * $1 = the NIKs, $2/$3 = each NIK's LIMIT/OFFSET. One row per NIK with splits on its page: `asked`,
 * and `page`, the page SplitsService would read for it alone (same order) as a JSON array of
 * PageEntry arrays; no row for a NIK without any. When an open month is STALE, one row of `stale`
 * and NULLs, and no page.
 *
 * How: every NIK's splits in one scan per month partition (`nik = ANY`, PK_split index-only), each
 * row numbered within its NIK, the page cut by that number. A subquery per NIK (LATERAL … LIMIT)
 * restarted the merge of every partition once per NIK: 1.6 times the database time for a batch of
 * 20 NIKs under `pgbench -M prepared`. A NIK's rows are few (one to three a month), so reading all
 * of them to cut a page costs nothing that matters. Each page is one JSON value, read by the
 * service with one JSON.parse: decoding ten text columns of every row had taken ~30 % of the
 * service's CPU a lookup (README, funding figures: session 45); the database spends ~10 % more
 * building it.
 */
export const PAGES_FOR_NIKS = `
  SELECT f.stale, s.nik AS asked,
         json_agg(json_build_array(s.month, s.pledge_code, s.source_type, s.amount, s.pledge_revision, s.fund, s.fiscal_year) ORDER BY s.k) AS page
    FROM ${ANY_OPEN_MONTH_STALE} f
    LEFT JOIN (SELECT s.nik, s.month, s.pledge_code, p.source_type, s.amount, s.pledge_revision, p.fund, p.fiscal_year,
                      row_number() OVER (PARTITION BY s.nik ORDER BY s.month, s.pledge_code) AS k
                 FROM split s
                 JOIN ${TERMS_OF_SPLIT()}
                WHERE s.nik = ANY($1::text[])) s
      ON s.k > $3 AND s.k <= $3 + $2 AND NOT f.stale
   GROUP BY f.stale, s.nik`;

/** One split of PAGES_FOR_NIKS' `page`: month, pledge code, source type, amount, pledge revision, fund, fiscal year. */
export type PageEntry = [string, string, string, number, number, string | null, number];

export const SUMMARY_BY_PLEDGE = `
  SELECT s.pledge_code AS key, p.source_type, p.fund, p.fiscal_year,
         count(*)::int AS participants, sum(s.amount)::bigint AS amount
    FROM split s JOIN ${TERMS_OF_SPLIT()}
   WHERE s.month = $1
   GROUP BY s.pledge_code, p.source_type, p.fund, p.fiscal_year
   ORDER BY s.pledge_code COLLATE "C"`;

export const SUMMARY_BY_SOURCE_TYPE = `
  SELECT p.source_type AS key, count(DISTINCT s.nik)::int AS participants, sum(s.amount)::bigint AS amount,
         count(*)::int AS splits
    FROM split s JOIN ${TERMS_OF_SPLIT()}
   WHERE s.month = $1
   GROUP BY p.source_type
   ORDER BY p.source_type COLLATE "C"`;

/**
 * Per village (the participant's village when the month was allocated), straight from the
 * obligations: participant-months with any funding and the funded rupiah (\`participants\`,
 * \`amount\`, as for a pledge or source type), every participant-month owed and its premium
 * (\`obligations\`, \`obligation_amount\`: the reconciliation workbook's Per Desa "Seluruh
 * Peserta" and "Iuran (Rp)"), and those with any remainder (partly funded included) and the remainder.
 */
const byVillage = (months: string) => `
  SELECT o.village_code AS key, r.name,
         count(*) FILTER (WHERE o.unfunded < o.amount)::int AS participants,
         sum(o.amount - o.unfunded)::bigint AS amount,
         count(*)::int AS obligations,
         sum(o.amount)::bigint AS obligation_amount,
         count(*) FILTER (WHERE o.unfunded > 0)::int AS unfunded_participants,
         sum(o.unfunded)::bigint AS unfunded_amount
    FROM obligation o LEFT JOIN region r ON r.code = o.village_code
   WHERE ${months}
   GROUP BY o.village_code, r.name
   ORDER BY o.village_code`;
export const SUMMARY_BY_VILLAGE = byVillage('o.month = $1');

/**
 * The range's months $1..$2 (inclusive), by village: the same sums over every obligation of those
 * months (a participant who moved is counted in each village for the months lived there), the
 * participants with any funding and those with any remainder counted once each (\`participants\`,
 * \`unfunded_participants\`, as a pledge's distinct participants) and as participant-months
 * (\`participant_months\`, \`unfunded_participant_months\`); \`obligations\` stays participant-months.
 * Grouped up in two hash aggregates, (village, NIK) → village, with no DISTINCT (as by source type).
 */
export const RANGE_SUMMARY_BY_VILLAGE = `
  SELECT g.village_code AS key, r.name,
         count(*) FILTER (WHERE g.funded > 0)::int AS participants,
         sum(g.funded)::int AS participant_months,
         sum(g.amount)::bigint AS amount,
         sum(g.obligations)::int AS obligations,
         sum(g.obligation_amount)::bigint AS obligation_amount,
         count(*) FILTER (WHERE g.unfunded > 0)::int AS unfunded_participants,
         sum(g.unfunded)::int AS unfunded_participant_months,
         sum(g.unfunded_amount)::bigint AS unfunded_amount
    FROM (SELECT o.village_code, o.nik,
                 count(*) FILTER (WHERE o.unfunded < o.amount) AS funded, sum(o.amount - o.unfunded) AS amount,
                 count(*) AS obligations, sum(o.amount) AS obligation_amount,
                 count(*) FILTER (WHERE o.unfunded > 0) AS unfunded, sum(o.unfunded) AS unfunded_amount
            FROM obligation o
           WHERE o.month BETWEEN $1 AND $2
           GROUP BY o.village_code, o.nik) g
    LEFT JOIN region r ON r.code = g.village_code
   GROUP BY g.village_code, r.name
   ORDER BY g.village_code`;

/**
 * The range's months $1..$2, by pledge: \`participants\` the distinct participants it funded in any of
 * them, \`participant_months\` its splits (one per participant and month), the rupiah, and the revisions
 * its splits were allocated under with their terms (\`terms\`, oldest first: the row says the latest one's
 * source type and the warnings of each). Grouped on the split alone; the terms are looked up per pledge.
 * Twelve months of 100,000 participants (1.2 million splits): 2.8 s on PostgreSQL (the sort for the distinct
 * NIKs; a hash of (NIK, pledge) first was no faster), one month by SUMMARY_BY_PLEDGE 0.09 s.
 */
export const RANGE_SUMMARY_BY_PLEDGE = `
  SELECT g.key, g.participants, g.participant_months, g.amount, t.terms
    FROM (SELECT s.pledge_code AS key, count(DISTINCT s.nik)::int AS participants, count(*)::int AS participant_months,
                 sum(s.amount)::bigint AS amount, array_agg(DISTINCT s.pledge_revision) AS revisions
            FROM split s
           WHERE s.month BETWEEN $1 AND $2
           GROUP BY s.pledge_code) g
   CROSS JOIN LATERAL (SELECT jsonb_agg(jsonb_build_object('sourceType', p.source_type, 'fund', p.fund, 'fiscalYear', p.fiscal_year) ORDER BY p.revision) AS terms
                         FROM pledge_terms p
                        WHERE p.code = g.key AND p.revision = ANY (g.revisions)) t
   ORDER BY g.key COLLATE "C"`;

/**
 * The range's months $1..$2, by source type (of the revision each split was allocated under):
 * \`participants\` distinct participants, as for one month; \`participant_months\` the participant-months
 * it funded (a participant paid by two pledges of the type in a month counts once), \`splits\` and rupiah.
 * Grouped up in three hash aggregates, (NIK, month, type) → (NIK, type) → type, with no DISTINCT: 2.6 s for
 * twelve months of 100,000 participants (1.2 million splits) on PostgreSQL, against 6.2 s for count(DISTINCT)
 * over one sort by (type, NIK, month).
 */
export const RANGE_SUMMARY_BY_SOURCE_TYPE = `
  SELECT g.source_type AS key, count(*)::int AS participants, sum(g.months)::int AS participant_months,
         sum(g.splits)::int AS splits, sum(g.amount)::bigint AS amount
    FROM (SELECT m.nik, m.source_type, count(*) AS months, sum(m.splits) AS splits, sum(m.amount) AS amount
            FROM (SELECT s.nik, s.month, p.source_type, count(*) AS splits, sum(s.amount) AS amount
                    FROM split s JOIN ${TERMS_OF_SPLIT()}
                   WHERE s.month BETWEEN $1 AND $2
                   GROUP BY s.nik, s.month, p.source_type) m
           GROUP BY m.nik, m.source_type) g
   GROUP BY g.source_type
   ORDER BY g.source_type COLLATE "C"`;

/**
 * The UNFUNDED row: participant-months with any remainder (partly funded included) and the rupiah;
 * and whether the month was allocated at all (a month never allocated has no obligations either,
 * and its summary would read as nothing unfunded).
 */
export const UNFUNDED_OF_MONTH = `
  SELECT EXISTS (SELECT 1 FROM allocation_month WHERE month = $1) AS allocated,
         count(*) FILTER (WHERE unfunded > 0)::int AS participants, coalesce(sum(unfunded), 0)::bigint AS amount
    FROM obligation WHERE month = $1`;

/**
 * The UNFUNDED row of a range $1..$2: the participants with any remainder in any of its months
 * (\`participants\`, each once), the participant-months with any remainder (\`participant_months\`) and the
 * rupiah, over the obligations of its months (a month never allocated has none).
 */
export const UNFUNDED_OF_RANGE = `
  SELECT count(DISTINCT nik) FILTER (WHERE unfunded > 0)::int AS participants,
         count(*) FILTER (WHERE unfunded > 0)::int AS participant_months, coalesce(sum(unfunded), 0)::bigint AS amount
    FROM obligation WHERE month BETWEEN $1 AND $2`;

/**
 * The allocated months, in order; $1..$2 = a range (one month: both the same), or both NULL for all
 * (GET /splits/export.xlsx reads them one at a time; a range's summary says which it summed).
 */
export const ALLOCATED_MONTHS = `SELECT month FROM allocation_month WHERE $1::text IS NULL OR month BETWEEN $1 AND $2 ORDER BY month`;

/**
 * GET /splits/export.xlsx: the next $4 splits of month $1 after (NIK $2, pledge $3), in GET /splits'
 * order within a month (SPLITS_ORDER), by keyset: one partition, PK_split (nik, month, pledge_code)
 * read from (nik, pledge_code) on, so a page costs the same at the start of a month of 1.2 million
 * splits as at its end (an OFFSET would read all the rows before). `filters` are the list's other
 * clauses (parameters from $5), `village`: SPLITS_VILLAGE_JOIN needed.
 */
export const exportPage = (filters: string[], village: boolean) => `
  ${SPLITS_SELECT} ${SPLITS_FROM}${village ? SPLITS_VILLAGE_JOIN : ''}
   WHERE s.month = $1 AND (s.nik, s.pledge_code) > ($2, $3)${filters.map((f) => `\n     AND ${f}`).join('')}
   ORDER BY s.nik, s.pledge_code
   LIMIT $4`;
