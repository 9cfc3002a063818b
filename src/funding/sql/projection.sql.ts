/**
 * What the projection of a fiscal year reads (projections/project-year.use-case.ts). Nothing is written: the
 * months it computes are a forecast, not an allocation.
 */
import { COVERED_BETWEEN } from './allocate.sql.js';

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

/**
 * Everyone covered in some month from the first day $1 of the first month projected to the last day $2 of
 * December (§4, as COVERED_PARTICIPANTS for one month), with TMT and TAT as days since 2000-01-01 (TAT NULL:
 * none), in NIK order: read once, each month's covered participants are picked from it (register-of-months.ts).
 */
export const REGISTER_OF_MONTHS = `
  SELECT nik, village_code, tmt - date '2000-01-01' AS tmt_day, tat - date '2000-01-01' AS tat_day
    FROM participant
   WHERE ${COVERED_BETWEEN}
   ORDER BY nik COLLATE "C"`;
