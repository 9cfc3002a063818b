/** Read-side SQL of allocations: the summary of one month ($1 = 'YYYY-MM'). */

export const ALLOCATION_MONTH_ROW = `
  SELECT month, fiscal_year, status, participants, obligation, unfunded_participants, unfunded_amount,
         tariff_ids, pledge_revisions, allocated_by, allocated_at
    FROM allocation_month WHERE month = $1`;

/**
 * Participants and rupiah per pledge in the month (a pledge's participants = its splits, §6), as
 * AllocateMonth stored them with the splits (allocation_funded).
 */
export const FUNDED_BY_PLEDGE = `
  SELECT f.pledge_code, p.source_type, f.participants, f.amount
    FROM allocation_funded f JOIN pledge p ON p.code = f.pledge_code
   WHERE f.month = $1
   ORDER BY f.pledge_code COLLATE "C"`;

/** The pledges a month's allocation considered ($1 = codes), for their compliance warnings. */
export const PLEDGES_BY_CODES = `
  SELECT code, source_type, fund, fiscal_year FROM pledge WHERE code = ANY($1::text[]) ORDER BY code COLLATE "C"`;
