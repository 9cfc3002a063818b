/**
 * What the projection of a fiscal year reads (use-cases/project-year.ts). Nothing is written: the
 * months it computes are a forecast, not an allocation. $1 is always the fiscal year.
 */

/** The year's allocated months with their stored totals: the ones CURRENT are taken as they are. */
export const STORED_MONTHS = `
  SELECT month, status, participants, obligation::text, unfunded_participants, unfunded_amount::text
    FROM allocation_month
   WHERE fiscal_year = $1
   ORDER BY month`;

/** What each pledge funded in the stored months $2 (rupiah), from the per-pledge totals kept with each month. */
export const FUNDED_IN_MONTHS = `
  SELECT month, pledge_code, amount::text
    FROM allocation_funded
   WHERE month = ANY($2::text[]) AND month LIKE $1::text || '-%'`;

/** Every pledge of the year at its current revision, with the months it pays in and its pagu. */
export const PLEDGES_OF_YEAR = `
  SELECT code, source_type, funder, from_month, to_month, budget::text
    FROM pledge
   WHERE fiscal_year = $1
   ORDER BY priority, code COLLATE "C"`;
