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
 * `allocation_month.pledge_revisions`), for their compliance warnings: a fund corrected later does
 * not erase the Dana Desa warning of a month that Dana Desa paid.
 */
export const PLEDGES_AT_REVISIONS = `
  SELECT p.code, p.source_type, p.fund, p.fiscal_year
    FROM jsonb_each_text($1::jsonb) AS r(code, revision)
    JOIN pledge_terms p ON p.code = r.code AND p.revision = r.revision::int
   ORDER BY p.code COLLATE "C"`;

/**
 * The pledges with a budget (pagu) or a quota that a month's allocation considered, at the revisions
 * it used, with what they had funded: `used`, rupiah of the fiscal year through the month (budgets
 * carry over, §6), `participants`, those funded in the month (per-month quota). Read from
 * allocation_funded, the per-pledge totals each allocation stores, not from the splits. $1 = month.
 */
export const PLEDGE_LIMITS = `
  SELECT p.code, p.source_type, p.budget, p.quota,
         coalesce((SELECT sum(f.amount) FROM allocation_funded f
                    WHERE f.pledge_code = p.code AND f.month BETWEEN left($1, 4) || '-01' AND $1), 0)::bigint AS used,
         coalesce((SELECT f.participants FROM allocation_funded f WHERE f.pledge_code = p.code AND f.month = $1), 0)::int AS participants
    FROM allocation_month a
   CROSS JOIN jsonb_each_text(a.pledge_revisions) AS r(code, revision)
    JOIN pledge_terms p ON p.code = r.code AND p.revision = r.revision::int
   WHERE a.month = $1 AND (p.budget IS NOT NULL OR p.quota IS NOT NULL)
   ORDER BY p.priority, p.code COLLATE "C"`;

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
