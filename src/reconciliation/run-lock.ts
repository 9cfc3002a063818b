import type { EntityManager } from 'typeorm';
import { monthKey } from '../periods/month-input-locks.js';

/** Advisory-lock class of reconciliation runs and finalization; the second key is the month as yyyymm. */
const RECONCILE_LOCK = 1703_0005;
/** Advisory-lock class of the monthly schedule. */
const SCHEDULE_LOCK = 1703_0010;

async function tryLock(m: EntityManager, kind: number, month: string): Promise<boolean> {
  const [row] = await m.query('SELECT pg_try_advisory_xact_lock($1::int, $2::int) AS locked', [kind, monthKey(month)]);
  return row.locked === true || row.locked === 't';
}

/** Takes the month's reconciliation lock for the rest of the transaction; false when another session holds it. */
export function tryLockReconciliation(m: EntityManager, month: string): Promise<boolean> {
  return tryLock(m, RECONCILE_LOCK, month);
}

/** Takes the month's schedule lock for the rest of the transaction; false when another instance holds it. */
export function tryLockSchedule(m: EntityManager, month: string): Promise<boolean> {
  return tryLock(m, SCHEDULE_LOCK, month);
}
