/**
 * The set-based SQL of one month's allocation (DOMAIN §4, §6), in the order AllocateMonth runs it.
 * $1 is always the month 'YYYY-MM'.
 */
import { ALLOCATION_NOT_FROZEN } from '../../periods/sql/frozen-allocations.sql.js';

/** Serialises everything that computes or invalidates allocations (pledge changes, tariffs, runs). */
export const ALLOCATION_LOCK_KEY = 1703_0004;
export const TAKE_ALLOCATION_LOCK = `SELECT pg_advisory_xact_lock(${ALLOCATION_LOCK_KEY})`;

/**
 * The register must not change while a month is computed from it: the candidates are read once
 * into memory and the obligations are inserted from the same rows a moment later. SHARE mode
 * blocks writers until commit and lets readers through.
 */
export const LOCK_REGISTER = `LOCK TABLE participant IN SHARE MODE`;

/** LOCAL tariff rows valid on the 1st of the month (§3): their ids, summed amount, and whether IURAN is among them. */
export const LOCAL_TARIFF_OF_MONTH = `
  SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids, coalesce(sum(amount), 0)::bigint AS amount,
         coalesce(bool_or(component = 'IURAN'), false) AS premium
    FROM tariff
   WHERE payer = 'LOCAL'
     AND valid_from <= ($1 || '-01')::date
     AND (valid_to IS NULL OR valid_to >= ($1 || '-01')::date)`;

/** Pledges of fiscal year $1 whose months include month number $2, at their current revision; a withdrawn one takes no part. */
export const PLEDGES_OF_MONTH = `
  SELECT code, revision, priority, scope, village_codes, niks, share_percent, quota, budget,
         source_type, fund, fiscal_year
    FROM pledge
   WHERE fiscal_year = $1 AND from_month <= $2 AND to_month >= $2 AND withdrawn_at IS NULL`;

/**
 * What each pledge of $3 was allocated in months $2 ('YYYY-01') up to before $1: the budget already
 * used in the fiscal year (closed months included: what they funded stays stored). Read from the
 * per-pledge totals stored with each month (allocation_funded), not from the months' splits: for
 * December that would be eleven million split rows at a million participants.
 */
export const BUDGET_USED_BEFORE = `
  SELECT pledge_code, sum(amount)::bigint AS used
    FROM allocation_funded
   WHERE month >= $2 AND month < $1 AND pledge_code = ANY($3::text[])
   GROUP BY pledge_code`;

/**
 * §4's coverage rule with the first day $1 and the last day $2 of a span: covered in some day of it (one month: covered
 * in that month). Shared by the month's candidates, the projection's register of several months and the corrections
 * of closed months (coveredBetween: the same rule on other expressions, `participant` an alias prefix like `p.`), so
 * that what the allocation owed and what is corrected later never disagree.
 */
export const coveredBetween = (first: string, last: string, participant = '') =>
  `${participant}tmt <= ${last}::date AND (${participant}tat IS NULL OR ${participant}tat >= ${first}::date)`;
export const COVERED_BETWEEN = coveredBetween('$1', '$2');

/**
 * The coverage rule of §4 (TMT ≤ last day of M = $2, TAT empty or ≥ first day of M = $1; plain
 * date parameters, so the filter is not re-evaluated per row): the candidates in NIK order
 * (code points, the "C" collation): the order of the obligation partition's primary key, in
 * which it is written (use-cases/month-order.ts). The walk order of §6 (TMT, then NIK) is a stable counting sort by TMT in memory; TMT
 * comes as days since 2000-01-01, whatever the session's DateStyle. The amount is the same for
 * every row of a month (the LOCAL tariff sum), so it is not read per row.
 */
export const COVERED_PARTICIPANTS = `
  SELECT nik, village_code, tmt - date '2000-01-01' AS tmt_day
    FROM participant
   WHERE ${COVERED_BETWEEN}
   ORDER BY nik COLLATE "C"`;

/** The month's sort gets memory enough to stay off disk. */
export const SORT_MEMORY = `SET LOCAL work_mem = '128MB'`;

/**
 * The month's splits and obligations are then written in bulk from memory into fresh month
 * partitions (sql/month-partitions.sql.ts): an obligation row carries its unfunded remainder
 * (§6 step 3) as computed, so no UPDATE of a million rows follows.
 */

/**
 * Records the month as CURRENT with its totals and the rule inputs used, and $11, REGISTER_SNAPSHOT as taken just
 * before the candidates were read (migration 1771000000000; the closed-month comparison reads it).
 */
export const UPSERT_ALLOCATION_MONTH = `
  INSERT INTO allocation_month (month, fiscal_year, status, participants, obligation, unfunded_participants,
                                unfunded_amount, tariff_ids, pledge_revisions, allocated_by, allocated_at, register_snapshot)
  VALUES ($1, $2, 'CURRENT', $3, $4, $5, $6, $7::int[], $8::jsonb, $9, $10, $11::pg_snapshot)
  ON CONFLICT ON CONSTRAINT "PK_allocation_month" DO UPDATE SET
    status = 'CURRENT', participants = EXCLUDED.participants, obligation = EXCLUDED.obligation,
    unfunded_participants = EXCLUDED.unfunded_participants, unfunded_amount = EXCLUDED.unfunded_amount,
    tariff_ids = EXCLUDED.tariff_ids, pledge_revisions = EXCLUDED.pledge_revisions,
    allocated_by = EXCLUDED.allocated_by, allocated_at = EXCLUDED.allocated_at, register_snapshot = EXCLUDED.register_snapshot`;

/**
 * The transactions whose writes the allocation's read of the register can see at most: taken in its transaction by a
 * statement before that read (READ COMMITTED: each statement sees what committed before it began), so a write it does
 * not count as seen may have been seen (compared for nothing), never the other way round.
 */
export const REGISTER_SNAPSHOT = `SELECT pg_current_snapshot()::text AS snapshot`;

/** What each pledge funds in month $1 ($2 codes, $3 participants, $4 rupiah), after UPSERT_ALLOCATION_MONTH. */
export const REPLACE_FUNDED = [
  `DELETE FROM allocation_funded WHERE month = $1`,
  `INSERT INTO allocation_funded (month, pledge_code, participants, amount)
   SELECT $1, * FROM unnest($2::text[], $3::int[], $4::bigint[])`,
];

/** Allocation status of every month of fiscal year $1. */
export const MONTH_STATUSES = `SELECT month, status FROM allocation_month WHERE fiscal_year = $1`;

/**
 * Marks allocated months from $1 on (within its fiscal year $2) STALE, except frozen ones (closed,
 * or before a closed month of the year), which are never recomputed (§9).
 */
export const MARK_STALE_FROM = `
  UPDATE allocation_month a SET status = 'STALE'
   WHERE a.fiscal_year = $2 AND a.month >= $1 AND a.status = 'CURRENT'
     AND ${ALLOCATION_NOT_FROZEN}`;

/**
 * Months to recompute before reporting: STALE and not frozen, per fiscal year the latest (`month`, recomputed with the
 * months before it) and all of them (`months`, in order: what the read says it waited for).
 */
export const STALE_PER_YEAR = `
  SELECT max(a.month) AS month, array_agg(a.month ORDER BY a.month) AS months
    FROM allocation_month a
   WHERE a.status = 'STALE' AND ${ALLOCATION_NOT_FROZEN}
   GROUP BY a.fiscal_year
   ORDER BY 1`;
