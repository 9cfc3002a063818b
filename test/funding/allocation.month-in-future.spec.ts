/**
 * QA: POST /allocations took any month 2000–2099; {"month":"2099-12"} wrote every month of 2099
 * (earlier months first), and statements of 2099 then existed. A month past next month (WIB) is now
 * refused as bills and reconciliations are (400 MONTH_IN_FUTURE, the same rule and wording), and the
 * reads of such a month stay 404 NOT_ALLOCATED without allocating anything.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MonthlySchedule } from '../../src/reconciliation/schedule/monthly-schedule.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

describe('allocating a month past next month is refused (MONTH_IN_FUTURE)', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  const stored = async () => (await t.dataSource.query(`SELECT month FROM allocation_month ORDER BY month`)).map((r: { month: string }) => r.month);
  beforeAll(async () => {
    t = await createTestApp(); // 15 November 2026
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2025-06-01' }]);
  });
  afterAll(() => t.close());

  it('refuses 2099-12 and January 2027 on 15 November 2026, in the words bills and reconciliations use, and writes nothing', async () => {
    for (const month of ['2099-12', '2027-01']) {
      const res = await keuangan.post('/api/v1/allocations').send({ month }).expect(400);
      expect(res.body).toMatchObject({ code: 'MONTH_IN_FUTURE', details: { month, latest: '2026-12' } });
    }
    const res = await keuangan.post('/api/v1/allocations').send({ month: '2027-01' }).expect(400);
    expect(res.body.message).toBe('Bulan Januari 2027 belum tiba: alokasi paling jauh untuk bulan Desember 2026.');
    const run = await keuangan.post('/api/v1/reconciliations').send({ month: '2027-01' }).expect(400);
    expect(run.body.message).toBe('Bulan Januari 2027 belum tiba: rekonsiliasi paling jauh untuk bulan Desember 2026.');
    expect(await stored()).toEqual([]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM obligation`)).toEqual([{ n: 0 }]);
  });

  it('reads of a future month never allocated stay 404 NOT_ALLOCATED and allocate nothing', async () => {
    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get('/api/v1/allocations/2099-12').expect(404)).body.code).toBe('NOT_ALLOCATED');
    expect((await auditor.get('/api/v1/splits?month=2099-12').expect(404)).body.code).toBe('NOT_ALLOCATED');
    expect((await auditor.get('/api/v1/splits/summary?month=2099-12').expect(404)).body.code).toBe('NOT_ALLOCATED');
    expect(await stored()).toEqual([]);
  });

  it('next month is allowed; on 1 January 2027 the scheduler allocates January, and February may then be asked', async () => {
    await keuangan.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    t.clock.set(new Date('2026-12-31T19:00:00Z')); // 1 January 2027, 02:00 WIB
    const outcomes = await t.app.get(MonthlySchedule).runDue(t.clock.now());
    expect(outcomes.at(-1)).toMatchObject({ month: '2027-01', status: 'DONE', allocated: true });
    await keuangan.post('/api/v1/allocations').send({ month: '2027-02' }).expect(201);
    expect((await keuangan.post('/api/v1/allocations').send({ month: '2027-03' }).expect(400)).body.code).toBe('MONTH_IN_FUTURE');
    expect((await stored()).filter((m: string) => m >= '2027')).toEqual(['2027-01', '2027-02']);
  });
});
