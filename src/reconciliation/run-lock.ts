import type { EntityManager } from 'typeorm';

/** Advisory-lock class of reconciliation runs and finalization; the second key is the month as yyyymm. */
const RECONCILE_LOCK = 1703_0005;
/** Advisory-lock class of the monthly schedule. */
const SCHEDULE_LOCK = 1703_0010;
/** Advisory-lock classes of the month's BPJS inputs: each upload of a bill or PBI-APBN list holds its own until it commits. */
export const BILL_UPLOAD_LOCK = 1703_0006;
export const PBI_UPLOAD_LOCK = 1703_0007;

export function monthKey(month: string): number {
  return Number(month.replace('-', ''));
}

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

/** Waits for the month's uploads of `kind` (BILL_UPLOAD_LOCK, PBI_UPLOAD_LOCK) in flight, and holds them off until the transaction ends. */
export async function lockUploads(m: EntityManager, kind: number, month: string): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [kind, monthKey(month)]);
}
