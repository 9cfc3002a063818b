/**
 * On PostgreSQL a month's allocation asked for by hand and the year's projection run in the funding worker's thread
 * (src/funding/worker), with its own Nest context, pools and heap: the answers, domain errors, audit events and the
 * time they read are those the service gives when it runs them itself (ALLOCATION_WORKER=false, and always on the
 * embedded database). The fixed clock: 15 November 2026, while the machine's is later, so a check that read the
 * thread's own time would answer otherwise.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { TAKE_ALLOCATION_LOCK } from '../../src/funding/sql/allocate.sql.js';
import { ProjectYear } from '../../src/funding/projections/project-year.use-case.js';
import { AllocateMonth } from '../../src/funding/use-cases/allocate-month.use-case.js';
import { FundingWorker } from '../../src/funding/worker/funding-worker.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik, whileClosed } from './support/register.js';
import { advisoryLockWaiters, killThread, untilAdvisoryLockWaited } from './support/worker-thread.js';

const T = 37_800;
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

async function seeded(t: TestApp): Promise<Awaited<ReturnType<TestApp['as']>>> {
  const finance = await t.as(Role.KEUANGAN);
  await insertParticipants(t.dataSource, [1, 2, 3].map((i) => ({ nik: testNik(i), tmt: '2025-06-01' })));
  await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 4 * T }).expect(201);
  return finance;
}

onPostgres('the funding worker thread (PostgreSQL)', () => {
  let t: TestApp;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  let worker: FundingWorker;
  beforeAll(async () => {
    t = await createTestApp({ allocationWorker: true });
    finance = await seeded(t);
    worker = t.app.get(FundingWorker);
  });
  afterAll(() => t.close());

  it('allocates a month by hand in its thread, started by that first job: the answer and the stored months as in the service', async () => {
    const inService = jest.spyOn(t.app.get(AllocateMonth), 'execute');
    expect(worker.threadId).toBeUndefined();
    const res = await finance.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
    expect(inService).not.toHaveBeenCalled();
    expect(worker.threadId).toEqual(expect.any(Number));
    expect(res.body).toMatchObject({ month: '2026-03', participants: 3, obligation: 3 * T, unfunded: { participants: 3, amount: 3 * T }, funded: [], allocatedBy: 'uji-keuangan' });
    // the service's fixed clock, not the thread's: 15 November 2026, 10:00 WIB
    expect(res.body.allocatedAt).toBe('2026-11-15T03:00:00.000Z');
    const months = await t.dataSource.query(`SELECT month, status, unfunded_participants FROM allocation_month ORDER BY month`);
    expect(months).toEqual([
      { month: '2026-01', status: 'CURRENT', unfunded_participants: 0 },
      { month: '2026-02', status: 'CURRENT', unfunded_participants: 2 },
      { month: '2026-03', status: 'CURRENT', unfunded_participants: 3 },
    ]);
    inService.mockRestore();
  });

  it('records the run (the service) and each month written (the thread) in the audit trail, at the service\'s time', async () => {
    const events = await t.dataSource.query(
      `SELECT actor, action, entity_id AS "entityId", at FROM audit_event WHERE action IN ('allocation.run', 'allocation.compute') ORDER BY id`,
    );
    const at = new Date('2026-11-15T03:00:00Z');
    expect(events).toEqual([
      { actor: 'uji-keuangan', action: 'allocation.compute', entityId: '2026-01', at },
      { actor: 'uji-keuangan', action: 'allocation.compute', entityId: '2026-02', at },
      { actor: 'uji-keuangan', action: 'allocation.compute', entityId: '2026-03', at },
      { actor: 'uji-keuangan', action: 'allocation.run', entityId: '2026-03', at },
    ]);
  });

  it('answers its domain errors with their code, status, Indonesian message and details', async () => {
    // January 2027 is next month by the machine's clock, and past it by the service's (15 November 2026)
    const future = await finance.post('/api/v1/allocations').send({ month: '2027-01' }).expect(400);
    expect(future.body).toEqual({
      statusCode: 400,
      code: 'MONTH_IN_FUTURE',
      message: 'Bulan Januari 2027 belum tiba: alokasi paling jauh untuk bulan Desember 2026.',
      details: { month: '2027-01', latest: '2026-12' },
    });
    await whileClosed(t.dataSource, '2026-03', async () => {
      const frozen = await finance.post('/api/v1/allocations').send({ month: '2026-02' }).expect(409);
      expect(frozen.body).toMatchObject({ code: 'MONTH_FROZEN', details: { month: '2026-02', closedMonth: '2026-03' } });
      expect(frozen.body.message).toMatch(/^Alokasi bulan Februari 2026 tidak dapat dihitung ulang: bulan Maret 2026 sesudahnya sudah difinalisasi/);
    });
    const tooFar = await finance.get('/api/v1/projections?fiscalYear=2028').expect(400);
    expect(tooFar.body).toMatchObject({ code: 'PROJECTION_TOO_FAR' });
  });

  it('projects the year in its thread, as the service projects it itself', async () => {
    const inService = jest.spyOn(t.app.get(ProjectYear), 'execute');
    const res = await finance.get('/api/v1/projections?fiscalYear=2026').expect(200);
    expect(inService).not.toHaveBeenCalled();
    inService.mockRestore();
    expect(res.body).toEqual(JSON.parse(JSON.stringify(await t.app.get(ProjectYear).execute(2026))));
    expect(res.body.months.map((m: { month: string; basis: string }) => `${m.month} ${m.basis}`).slice(0, 4)).toEqual([
      '2026-01 ALLOCATED',
      '2026-02 ALLOCATED',
      '2026-03 ALLOCATED',
      '2026-04 PROJECTED',
    ]);
  });

  it('runs two months asked at once, one after the other on the allocation lock', async () => {
    const [april, may] = await Promise.all([
      finance.post('/api/v1/allocations').send({ month: '2026-04' }),
      finance.post('/api/v1/allocations').send({ month: '2026-05' }),
    ]);
    expect([april.status, may.status]).toEqual([201, 201]);
    expect(april.body).toMatchObject({ month: '2026-04', participants: 3, unfunded: { participants: 3 } });
    expect(may.body).toMatchObject({ month: '2026-05', participants: 3, unfunded: { participants: 3 } });
  });

  it('a thread that dies in the middle of a job: the request answers 500, nothing of it is kept, and the next starts a new thread', async () => {
    const before = await t.dataSource.query(`SELECT month, allocated_at FROM allocation_month ORDER BY month`);
    // the job waits on the allocation lock, held here, until its thread is ended as a crash would end it
    const holder = t.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query(TAKE_ALLOCATION_LOCK);
    const asked = finance.post('/api/v1/allocations').send({ month: '2026-07' }).then((res) => res);
    await untilAdvisoryLockWaited(t.dataSource);
    const dead = worker.threadId;
    await killThread(worker);
    const res = await asked;
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ code: 'INTERNAL_ERROR', message: 'Terjadi kesalahan pada server. Silakan coba lagi atau hubungi admin.' });
    await holder.rollbackTransaction();
    await holder.release();
    expect(await advisoryLockWaiters(t.dataSource)).toBe(0);
    expect(await t.dataSource.query(`SELECT month, allocated_at FROM allocation_month ORDER BY month`)).toEqual(before);
    await finance.post('/api/v1/allocations').send({ month: '2026-07' }).expect(201);
    expect(worker.threadId).toEqual(expect.any(Number));
    expect(worker.threadId).not.toBe(dead);
  });

  it('a thread ended while it starts fails the job waiting for it, and the next starts a new thread', async () => {
    await worker.stop();
    const asked = worker.allocate({ month: '2026-07', actor: 'uji' });
    await killThread(worker);
    await expect(asked).rejects.toThrow(/^funding worker ended \(exit code \d+\) before it was ready$/);
    await finance.post('/api/v1/allocations').send({ month: '2026-07' }).expect(201);
  });

  it('starts a new thread for the next job when the last has ended', async () => {
    const first = worker.threadId;
    await worker.stop();
    expect(worker.threadId).toBeUndefined();
    await finance.post('/api/v1/allocations').send({ month: '2026-06' }).expect(201);
    expect(worker.threadId).toEqual(expect.any(Number));
    expect(worker.threadId).not.toBe(first);
  });

  it('ends its thread with the service, its connections closed', async () => {
    const other = await createTestApp({ allocationWorker: true });
    const otherFinance = await seeded(other);
    await otherFinance.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
    const database = other.config.databaseUrl!.split('/').pop()!.split('?')[0];
    const connections = () => t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [database]);
    expect((await connections())[0].n).toBeGreaterThan(0);
    await other.close();
    expect(other.app.get(FundingWorker).threadId).toBeUndefined();
    // A closed connection's server process leaves pg_stat_activity a moment after its client has gone (CI, on a busy
    // machine: 2 still listed right after close). A pool left open would keep its idle connections 10 s (pg's default),
    // so a second's wait tells the two apart.
    const deadline = Date.now() + 1000;
    while ((await connections())[0].n > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await connections())[0].n).toBe(0);
  });
});

describe('the funding worker runs nothing in a thread on the embedded database, nor with ALLOCATION_WORKER=false', () => {
  let t: TestApp;
  beforeAll(async () => {
    // on the embedded database with ALLOCATION_WORKER=true
    t = await createTestApp(process.env.DATABASE_URL ? { allocationWorker: false } : { allocationWorker: true });
  });
  afterAll(() => t.close());

  it('allocates and projects in the service itself', async () => {
    const finance = await seeded(t);
    const allocations = jest.spyOn(t.app.get(AllocateMonth), 'execute');
    const projections = jest.spyOn(t.app.get(ProjectYear), 'execute');
    const res = await finance.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201);
    expect(res.body).toMatchObject({ month: '2026-02', unfunded: { participants: 2, amount: 2 * T }, allocatedAt: '2026-11-15T03:00:00.000Z' });
    await finance.get('/api/v1/projections?fiscalYear=2026').expect(200);
    expect(allocations).toHaveBeenCalledTimes(1);
    expect(projections).toHaveBeenCalledTimes(1);
    expect(t.app.get(FundingWorker).threadId).toBeUndefined();
  });
});
