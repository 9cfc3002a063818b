/**
 * What the projection of a fiscal year reads (projections/project-year.use-case.ts). Nothing is written: the
 * months it computes are a forecast, not an allocation.
 */

/** The allocated months of fiscal year $1 with their stored totals: the ones CURRENT are taken as they are. */
export const STORED_MONTHS = `
  SELECT month, status, participants, obligation::text, unfunded_participants, unfunded_amount::text
    FROM allocation_month
   WHERE fiscal_year = $1
   ORDER BY month`;

/** What each pledge funded in the stored months $1 (rupiah), from the per-pledge totals kept with each month. */
export const FUNDED_IN_MONTHS = `
  SELECT month, pledge_code, amount::text
    FROM allocation_funded
   WHERE month = ANY($1::text[])`;

/** Every pledge of fiscal year $1 at its current revision, in allocation order, with its last month and its pagu; not a withdrawn one. */
export const PLEDGES_OF_YEAR = `
  SELECT code, source_type, funder, priority, to_month, budget::text
    FROM pledge
   WHERE fiscal_year = $1 AND withdrawn_at IS NULL
   ORDER BY priority, code COLLATE "C"`;
