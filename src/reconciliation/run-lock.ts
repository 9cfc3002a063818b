import type { DataSource, EntityManager } from 'typeorm';
import { monthKey } from '../periods/month-input-locks.js';

/** Advisory-lock class of reconciliation runs and finalization; the second key is the month as yyyymm. */
const RECONCILE_LOCK = 1703_0005;
/** Advisory-lock class of the monthly schedule. */
const SCHEDULE_LOCK = 1703_0010;
/** Advisory-lock class of finalization alone: finalizes of a month wait for each other (FINALIZE_WAIT_MS at most). */
const FINALIZE_LOCK = 1703_0011;
/** How long a finalize waits for another finalize of its month before it answers FINALIZE_IN_PROGRESS. */
export const FINALIZE_WAIT_MS = 5_000;

async function tryLock(m: EntityManager, kind: number, month: string): Promise<boolean> {
  const [row] = await m.query('SELECT pg_try_advisory_xact_lock($1::int, $2::int) AS locked', [kind, monthKey(month)]);
  return row.locked === true || row.locked === 't';
}

/** Takes the month's reconciliation lock for the rest of the transaction; false when another session holds it. */
export function tryLockReconciliation(m: EntityManager, month: string): Promise<boolean> {
  return tryLock(m, RECONCILE_LOCK, month);
}

/**
 * Whether another session holds the month's reconciliation lock now (a run or a finalize of the month underway): a
 * probe, the lock taken and let go at once in a transaction of its own.
 */
export async function reconciliationUnderway(ds: DataSource, month: string): Promise<boolean> {
  return !(await ds.transaction((m) => tryLockReconciliation(m, month)));
}

/** Takes the month's schedule lock for the rest of the transaction; false when another instance holds it. */
export function tryLockSchedule(m: EntityManager, month: string): Promise<boolean> {
  return tryLock(m, SCHEDULE_LOCK, month);
}

/**
 * Takes the month's finalize lock for the rest of the transaction, waiting up to FINALIZE_WAIT_MS for
 * another finalize of the month to end. A run never takes it, so the one who holds it next finds
 * the reconciliation lock held by a run only. False when the wait ran out: the transaction is then
 * aborted (lock_timeout), to be rolled back by the caller's throw.
 */
export function lockFinalize(m: EntityManager, month: string): Promise<boolean> {
  return lockWithin(m, FINALIZE_LOCK, month, FINALIZE_WAIT_MS);
}

/**
 * How long a finalize that holds the finalize lock waits for the reconciliation lock. The finalize it waited for
 * held both and releases both at its commit, but PostgreSQL releases them one by one, so the waiter can hold the
 * first before the second is free (CI: a finalize told RUN_IN_PROGRESS with no run going on). A run holds the lock
 * for seconds, so after this it is a run.
 */
const RECONCILE_HANDOVER_MS = 250;

/** lockFinalize's counterpart: the reconciliation lock, false when a run holds it (after RECONCILE_HANDOVER_MS). */
export function lockReconciliationForFinalize(m: EntityManager, month: string): Promise<boolean> {
  return lockWithin(m, RECONCILE_LOCK, month, RECONCILE_HANDOVER_MS);
}

/** Takes a month's advisory lock for the rest of the transaction, waiting `ms` at most; false when the wait ran out. */
async function lockWithin(m: EntityManager, kind: number, month: string, ms: number): Promise<boolean> {
  // the wait bound for this one statement; the transaction's own lock_timeout (0 unless configured) comes back after it
  const [{ before }] = await m.query(`SELECT current_setting('lock_timeout') AS before, set_config('lock_timeout', $1, true)`, [`${ms}ms`]);
  try {
    await m.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [kind, monthKey(month)]);
  } catch (err) {
    if ((err as { code?: string }).code === '55P03') return false; // lock_not_available
    throw err;
  }
  await m.query(`SELECT set_config('lock_timeout', $1, true)`, [before]);
  return true;
}
