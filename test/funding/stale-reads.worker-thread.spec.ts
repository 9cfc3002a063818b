/**
 * On PostgreSQL a read that finds months STALE (GET /splits, the summaries, statements: AllocateMonth.refreshStale)
 * waits for their recompute in the funding worker's thread, not in the service's: at a million participants a year's
 * recompute holds a thread for seconds, and every other request would wait with it. What the read answers does not
 * change: the months recomputed for it (field and header), the audit trail's events under the system on the reader's
 * behalf, at the service's time; reads at once still queue for one recompute at a time.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { TAKE_ALLOCATION_LOCK } from '../../src/funding/sql/allocate.sql.js';
import { AllocateMonth } from '../../src/funding/use-cases/allocate-month.use-case.js';
import { type FundingJob, FundingWorker } from '../../src/funding/worker/funding-worker.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';
import { killThread, monthStatuses, untilAdvisoryLockWaited } from './support/worker-thread.js';

const T = 37_800;
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('reads that find months STALE wait for their recompute in the funding worker thread (PostgreSQL)', () => {
  let t: TestApp;
  let auditor: Awaited<ReturnType<TestApp['as']>>;
  let worker: FundingWorker;
  const markStale = () => t.dataSource.query(`UPDATE allocation_month SET status = 'STALE' WHERE month >= '2026-02'`);
  const statuses = () => monthStatuses(t.dataSource);
  const CURRENT = ['2026-01 CURRENT', '2026-02 CURRENT', '2026-03 CURRENT'];

  beforeAll(async () => {
    t = await createTestApp({ allocationWorker: true });
    const finance = await t.as(Role.KEUANGAN);
    auditor = await t.as(Role.AUDITOR);
    await insertParticipants(t.dataSource, [1, 2, 3].map((i) => ({ nik: testNik(i), tmt: '2025-06-01' })));
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 4 * T }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
    worker = t.app.get(FundingWorker);
  });
  afterAll(() => t.close());

  it('a lookup recomputes February and March in the thread: its answer names them, the trail records them at the service\'s time', async () => {
    await markStale();
    const inService = jest.spyOn(t.app.get(AllocateMonth), 'recomputeStale');
    const res = await auditor.get(`/api/v1/splits?nik=${testNik(1)}`).expect(200);
    expect(inService).not.toHaveBeenCalled();
    inService.mockRestore();
    expect([res.body.recomputedMonths, res.headers['x-recomputed-months']]).toEqual([['2026-02', '2026-03'], '2026-02,2026-03']);
    // the budget of four premiums: January's three, then February's first NIK
    expect(res.body.items.map((s: { month: string; amount: number }) => `${s.month} ${s.amount}`)).toEqual(['2026-01 37800', '2026-02 37800']);
    expect(await statuses()).toEqual(CURRENT);
    const events = await t.dataSource.query(`SELECT actor, entity_id AS "entityId", at, summary FROM audit_event WHERE action = 'allocation.compute' AND actor LIKE 'sistem%' ORDER BY id`);
    expect(events.map((e: { entityId: string; actor: string; at: Date }) => [e.entityId, e.actor, e.at])).toEqual([
      ['2026-02', 'sistem (dihitung ulang saat dibaca oleh uji-auditor)', new Date('2026-11-15T03:00:00Z')],
      ['2026-03', 'sistem (dihitung ulang saat dibaca oleh uji-auditor)', new Date('2026-11-15T03:00:00Z')],
    ]);
    expect(JSON.parse(events[0].summary)).toMatchObject({ month: '2026-02', asked: null, why: expect.stringContaining('dihitung ulang sebelum pembacaan semua bulan') });
  });

  it('six lookups at once: their recomputes go to the thread one at a time, and those that waited for February and March say so', async () => {
    await markStale();
    const send = (worker as unknown as { send: (job: FundingJob) => Promise<unknown> }).send.bind(worker);
    let active = 0;
    let most = 0;
    const jobs: string[] = [];
    const spy = jest.spyOn(worker as unknown as { send: (job: FundingJob) => Promise<unknown> }, 'send').mockImplementation(async (job) => {
      jobs.push(job.kind);
      most = Math.max(most, ++active);
      try {
        return await send(job);
      } finally {
        active -= 1;
      }
    });
    try {
      const answers = await Promise.all([1, 2, 3, 1, 2, 3].map((i) => auditor.get(`/api/v1/splits?nik=${testNik(i)}`)));
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
      const said = answers.map((a) => a.body.recomputedMonths.join(','));
      expect(said).toContain('2026-02,2026-03');
      expect(said.every((m) => ['2026-02,2026-03', ''].includes(m))).toBe(true);
      expect(answers.map((a) => a.headers['x-recomputed-months'])).toEqual(said);
      expect(most).toBe(1);
      expect(new Set(jobs)).toEqual(new Set(['recompute-stale']));
      expect(await statuses()).toEqual(CURRENT);
    } finally {
      spy.mockRestore();
    }
  });

  it('a thread that dies while a lookup waits for its recompute: that lookup answers 500, the next recomputes in a new thread', async () => {
    await markStale();
    const holder = t.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query(TAKE_ALLOCATION_LOCK);
    try {
      const first = auditor.get(`/api/v1/splits?nik=${testNik(1)}`).then((res) => res);
      await untilAdvisoryLockWaited(t.dataSource);
      const dead = worker.threadId;
      await killThread(worker);
      const res = await first;
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ code: 'INTERNAL_ERROR' });
      await holder.rollbackTransaction();
      expect(await statuses()).toEqual(['2026-01 CURRENT', '2026-02 STALE', '2026-03 STALE']);
      const next = await auditor.get(`/api/v1/splits?nik=${testNik(1)}`).expect(200);
      expect(next.body.recomputedMonths).toEqual(['2026-02', '2026-03']);
      expect(worker.threadId).toEqual(expect.any(Number));
      expect(worker.threadId).not.toBe(dead);
      expect(await statuses()).toEqual(CURRENT);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });
});
