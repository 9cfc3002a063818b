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
