/** Read-side SQL of allocations: the summary of one month ($1 = 'YYYY-MM'). */

export const ALLOCATION_MONTH_ROW = `
  SELECT month, fiscal_year, status, participants, obligation, unfunded_participants, unfunded_amount,
         tariff_ids, pledge_revisions, allocated_by, allocated_at
    FROM allocation_month WHERE month = $1`;

/**
 * Participants and rupiah per pledge in the month (a pledge's participants = its splits, §6), as
 * AllocateMonth stored them with the splits (allocation_funded), each pledge's source type that of
 * the revision the month was allocated under (`allocation_month.pledge_revisions`, view pledge_terms).
 */
export const FUNDED_BY_PLEDGE = `
  SELECT f.pledge_code, p.source_type, f.participants, f.amount
    FROM allocation_funded f
    JOIN allocation_month a ON a.month = f.month
    JOIN pledge_terms p ON p.code = f.pledge_code AND p.revision = (a.pledge_revisions->>f.pledge_code)::int
   WHERE f.month = $1
   ORDER BY f.pledge_code COLLATE "C"`;

/**
 * The pledges a month's allocation considered, at the revisions it used ($1 = jsonb code → revision,
 * `allocation_month.pledge_revisions`): their terms for the compliance warnings (a fund corrected
 * later does not erase the Dana Desa warning of a month that Dana Desa paid) and for the month's
 * `limits`, with `used`, the rupiah each funded in the fiscal year through the month ($2; budgets
 * carry over, §6), read from allocation_funded, the per-pledge totals each allocation stores.
 */
export const PLEDGES_AT_REVISIONS = `
  SELECT p.code, p.source_type, p.fund, p.fiscal_year, p.budget, p.quota, p.priority, coalesce(u.used, 0)::bigint AS used
    FROM jsonb_each_text($1::jsonb) AS r(code, revision)
    JOIN pledge_terms p ON p.code = r.code AND p.revision = r.revision::int
    LEFT JOIN (SELECT pledge_code, sum(amount) AS used FROM allocation_funded
                WHERE month BETWEEN left($2, 4) || '-01' AND $2 GROUP BY pledge_code) u ON u.pledge_code = p.code
   ORDER BY p.code COLLATE "C"`;

/**
 * One page of a month's participants with an unfunded remainder (§6 UNFUNDED), by village then NIK,
 * with their name and village as the register has them, and the total in the same round trip.
 * $1 = month, $2 = village code or null, $3 = limit, $4 = offset.
 */
export const UNFUNDED_PAGE = `
  SELECT o.nik, pt.name, o.village_code, r.name AS village_name, o.amount::bigint AS obligation,
         (o.amount - o.unfunded)::bigint AS funded, o.unfunded::bigint AS unfunded, count(*) OVER ()::int AS total
    FROM obligation o
    LEFT JOIN participant pt ON pt.nik = o.nik
    LEFT JOIN region r ON r.code = o.village_code
   WHERE o.month = $1 AND o.unfunded > 0 AND ($2::text IS NULL OR o.village_code = $2)
   ORDER BY o.village_code COLLATE "C", o.nik COLLATE "C"
   LIMIT $3 OFFSET $4`;
