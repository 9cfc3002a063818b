/**
 * On PostgreSQL a reconciliation run first brings the months it needs up to date in the funding worker's thread
 * (MONTH_ALLOCATOR.bringCurrent, FundingWorker), in a transaction of its own: the allocation inside the run's
 * transaction then finds nothing left to recompute, and the service's thread, which answers every other request,
 * allocates no month (at a million participants 0.3–0.5 s of it a month). The run and its audit trail are as ever: each
 * month allocated once, under the officer who started it. The monthly schedule (02:00 WIB) keeps its allocation inside
 * its one transaction, so that a failed step changes nothing, as its message says.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MonthlySchedule, SCHEDULER_ACTOR } from '../../src/reconciliation/schedule/monthly-schedule.js';
import { TAKE_ALLOCATION_LOCK } from '../../src/funding/sql/allocate.sql.js';
import { AllocateMonth } from '../../src/funding/use-cases/allocate-month.use-case.js';
import { tryLockReconciliation } from '../../src/reconciliation/run-lock.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from './support/seed.js';
import { monthStatuses } from '../funding/support/worker-thread.js';

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;
const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `2026-${String(from + k).padStart(2, '0')}`);

onPostgres('reconciliation runs allocate in the funding worker thread (PostgreSQL)', () => {
  let t: TestApp;
  /** The service's own AllocateMonth writing a month: never, when the thread did it first. */
  let allocatedHere: ReturnType<typeof jest.spyOn>;
  const statuses = () => monthStatuses(t.dataSource);
  const computed = async () =>
    (await t.dataSource.query(`SELECT entity_id AS month, actor FROM audit_event WHERE action = 'allocation.compute' ORDER BY id`)).map((r: { month: string; actor: string }) => `${r.month} ${r.actor}`);

  beforeAll(async () => {
    t = await createTestApp({ allocationWorker: true });
    await insertParticipants(t.dataSource, [{ nik: nik(1) }, { nik: nik(2) }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, '2026-10', [{ nik: nik(1) }, { nik: nik(2) }]);
    allocatedHere = jest.spyOn(t.app.get(AllocateMonth) as unknown as { allocateOne: () => Promise<void> }, 'allocateOne');
  });
  afterAll(async () => {
    allocatedHere.mockRestore();
    await t?.close();
  });

  it('a run of October allocates January–October in the thread, each month once, and reconciles as ever', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(201);
    expect(res.body).toMatchObject({ month: '2026-10', version: 1, status: 'DONE' });
    expect(allocatedHere).not.toHaveBeenCalled();
    expect(await statuses()).toEqual(months(1, 10).map((m) => `${m} CURRENT`));
    expect(await computed()).toEqual(months(1, 10).map((m) => `${m} uji-keuangan`));
  });

  it('after a change made August–October STALE, the next run recomputes them in the thread, once', async () => {
    await t.dataSource.query(`UPDATE allocation_month SET status = 'STALE' WHERE month >= '2026-08'`);
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(201);
    expect(res.body).toMatchObject({ month: '2026-10', version: 2, status: 'DONE' });
    expect(allocatedHere).not.toHaveBeenCalled();
    expect(await statuses()).toEqual(months(1, 10).map((m) => `${m} CURRENT`));
    expect((await computed()).slice(10)).toEqual(months(8, 10).map((m) => `${m} uji-keuangan`));
  });

  it('while another session reconciles the month (its locks held), a run is refused at once, not run after it', async () => {
    await t.dataSource.query(`UPDATE allocation_month SET status = 'STALE' WHERE month >= '2026-09'`);
    // another instance's run of October: the month's reconciliation lock and, while it allocates, the allocation lock
    const other = t.dataSource.createQueryRunner();
    await other.startTransaction();
    try {
      expect(await tryLockReconciliation(other.manager, '2026-10')).toBe(true);
      await other.query(TAKE_ALLOCATION_LOCK);
      const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(409);
      expect(res.body).toMatchObject({ code: 'RUN_IN_PROGRESS' });
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM reconciliation_run WHERE month = '2026-10'`)).toEqual([{ n: 2 }]);
    expect(await statuses()).toEqual([...months(1, 8).map((m) => `${m} CURRENT`), '2026-09 STALE', '2026-10 STALE']);
  });

  it('the monthly schedule keeps its allocation inside its one transaction, in the service\'s thread', async () => {
    await t.dataSource.query(`UPDATE allocation_month SET status = 'STALE' WHERE month >= '2026-09'`);
    const outcome = await t.app.get(MonthlySchedule).runMonth('2026-11');
    expect(outcome).toMatchObject({ month: '2026-11', status: 'DONE', allocated: true, reconciliation: { month: '2026-10', version: 3 } });
    expect(allocatedHere).toHaveBeenCalledTimes(3);
    expect(await statuses()).toEqual(months(1, 11).map((m) => `${m} CURRENT`));
    expect((await computed()).slice(13)).toEqual(months(9, 11).map((m) => `${m} ${SCHEDULER_ACTOR}`));
  });
});
