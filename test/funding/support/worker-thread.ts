/** What the specs of the funding worker's thread share: ending it as a crash would, the allocation lock's waiters, the months' statuses. */
import type { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import type { FundingWorker } from '../../../src/funding/worker/funding-worker.js';

/** Ends the worker's current thread as a crash would (no 'close' message): its jobs fail, the next job starts another. */
export async function killThread(worker: FundingWorker): Promise<void> {
  await (worker as unknown as { thread: { worker: Worker } }).thread.worker.terminate();
}

/** Sessions waiting for an advisory lock now (a job that reached the allocation lock another session holds). */
export async function advisoryLockWaiters(ds: DataSource): Promise<number> {
  return (await ds.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))[0].n;
}

/** Until some session waits for an advisory lock. */
export async function untilAdvisoryLockWaited(ds: DataSource): Promise<void> {
  while ((await advisoryLockWaiters(ds)) === 0) await new Promise((r) => setTimeout(r, 20));
}

/** Every allocated month as `2026-01 CURRENT`, in month order. */
export async function monthStatuses(ds: DataSource): Promise<string[]> {
  return (await ds.query(`SELECT month, status FROM allocation_month ORDER BY month`)).map((r: { month: string; status: string }) => `${r.month} ${r.status}`);
}
