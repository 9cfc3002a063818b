/**
 * A participant's funding history (`GET /api/v1/participants/:nik`), $1 = the NIK. Both are lookups
 * by NIK over the month partitions, each through its partitions' primary keys.
 */
import { TERMS_OF_SPLIT } from '../../funding/sql/pledges.sql.js';
import { FROZEN_MONTHS } from '../../periods/sql/frozen-allocations.sql.js';

/**
 * Every split of the participant, month then pledge: PK_split (nik, month, pledge_code) in each
 * month partition, NIK first.
 */
export const PARTICIPANT_SPLITS = `
  SELECT s.month, s.pledge_code, p.source_type, p.fund, p.fiscal_year, s.amount, s.pledge_revision
    FROM split s JOIN ${TERMS_OF_SPLIT()}
   WHERE s.nik = $1
   ORDER BY s.month, s.pledge_code`;

/**
 * The participant's obligation in every allocated month (one row per month covered when it was
 * allocated, §4, §6): its amount and what no pledge funded. A month never allocated has no row.
 *
 * PK_obligation is (month, nik): a NIK alone is not its leading column, and would read every
 * partition whole. The allocated months are therefore named too, as one array evaluated once before
 * the scan (`= ANY (ARRAY(...))`, not a join whose row estimate of allocation_month could turn the
 * plan into a hash join over whole partitions): each partition is one index probe on (month, nik),
 * merged in month order (no sort).
 */
export const PARTICIPANT_OBLIGATIONS = `
  SELECT o.month, o.amount, o.unfunded
    FROM obligation o
   WHERE o.nik = $1 AND o.month = ANY (ARRAY(SELECT a.month FROM allocation_month a))
   ORDER BY o.month`;

/**
 * The LOCAL tariff rows each of months $1 (text[]) was allocated with (allocation_month.tariff_ids, §3: the rows valid on
 * its 1st), read once for all the participant's months: the rule inputs of its obligation, for an auditor to see why.
 * IURAN first, then the other components by name (the ids alone would put BANTUAN_DAERAH first once IURAN is re-priced).
 */
export const MONTH_TARIFFS = `
  SELECT a.month, t.id, t.component, t.amount, t.valid_from, t.legal_basis
    FROM allocation_month a
   CROSS JOIN LATERAL unnest(a.tariff_ids) AS u(id)
    JOIN tariff t ON t.id = u.id AND t.payer = 'LOCAL'
   WHERE a.month = ANY ($1::text[])
   ORDER BY a.month, t.component <> 'IURAN', t.component, t.id`;

/**
 * The closed months (§9: finalized, or frozen by a later finalized month of their year, FROZEN_MONTHS), whether
 * each was allocated (its obligations are final, whatever the register says of it now) and whether it was itself
 * finalized (a frozen month was not: no run of its own was finalized).
 */
export const CLOSED_MONTHS = `
  SELECT f.month, EXISTS (SELECT 1 FROM allocation_month a WHERE a.month = f.month) AS allocated,
         EXISTS (SELECT 1 FROM closed_month c WHERE c.month = f.month) AS finalized
    FROM ${FROZEN_MONTHS} f
   ORDER BY f.month`;
