import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';
import { MonthlySchedule } from '../../src/reconciliation/schedule/monthly-schedule.js';

describe('§6: allocating a month first allocates the earlier months of its year that have none', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp({ allocationWorker: true });
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2, 3].map((i) => ({ nik: testNik(i), tmt: '2025-06-01' })));
    // pagu of 4 obligations: January and February use 3 + 1, nothing is left for March
    await keuangan
      .post('/api/v1/pledges')
      .send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 4 * 37800 })
      .expect(201);
  });
  afterAll(() => t.close());

  it('allocating March allocates January and February first, and March gets the budget they left', async () => {
    const res = await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
    expect(res.body).toMatchObject({
      month: '2026-03',
      participants: 3,
      obligation: 3 * 37800,
      unfunded: { participants: 3, amount: 3 * 37800 },
      funded: [],
    });
    const months = await t.dataSource.query(`SELECT month, status, unfunded_participants FROM allocation_month ORDER BY month`);
    expect(months).toEqual([
      { month: '2026-01', status: 'CURRENT', unfunded_participants: 0 },
      { month: '2026-02', status: 'CURRENT', unfunded_participants: 2 },
      { month: '2026-03', status: 'CURRENT', unfunded_participants: 3 },
    ]);
    const feb = await keuangan.get('/api/v1/allocations/2026-02').expect(200);
    expect(feb.body.funded).toEqual([{ pledgeCode: 'APBD-2026', sourceType: 'APBD', participants: 1, amount: 37800 }]);
    expect(feb.body.tariffIds).toEqual([3, 4]);
    expect(feb.body.pledgeRevisions).toEqual({ 'APBD-2026': 1 });
  });

  it('obligations hold one row per covered participant-month with its unfunded remainder', async () => {
    const rows = await t.dataSource.query(`SELECT month, count(*)::int AS n, sum(amount)::int AS amount, sum(unfunded)::int AS unfunded FROM obligation GROUP BY month ORDER BY month`);
    expect(rows).toEqual([
      { month: '2026-01', n: 3, amount: 113400, unfunded: 0 },
      { month: '2026-02', n: 3, amount: 113400, unfunded: 75600 },
      { month: '2026-03', n: 3, amount: 113400, unfunded: 113400 },
    ]);
  });

  it('a month not allocated yet is 404 on GET, and a bad month is 400', async () => {
    await keuangan.get('/api/v1/allocations/2026-09').expect(404);
    await keuangan.get('/api/v1/allocations/2026-13').expect(400);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-7' }).expect(400);
  });
});

/**
 * QA: POST /allocations took any month 2000–2099; {"month":"2099-12"} wrote every month of 2099
 * (earlier months first), and statements of 2099 then existed. A month past next month (WIB) is now
 * refused as bills and reconciliations are (400 MONTH_IN_FUTURE, the same rule and wording), and the
 * reads of such a month stay 404 NOT_ALLOCATED without allocating anything.
 */
describe('allocating a month past next month is refused (MONTH_IN_FUTURE)', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  const stored = async () => (await t.dataSource.query(`SELECT month FROM allocation_month ORDER BY month`)).map((r: { month: string }) => r.month);
  beforeAll(async () => {
    t = await createTestApp({ allocationWorker: true }); // 15 November 2026 (on PostgreSQL, through the funding worker's thread)
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

/**
 * A month whose fiscal year has no pledge at all leaves everyone unfunded: the allocation says why, NO_PLEDGES_FOR_YEAR,
 * until a pledge of that year is recorded (QA: all unfunded with `warnings: []`). The fixed clock: 20 January 2027.
 */
const WARNING = {
  code: 'NO_PLEDGES_FOR_YEAR',
  message: 'Belum ada komitmen pendanaan tahun anggaran 2027: semua peserta Januari 2027 tidak terdanai. Catat komitmen tahun 2027 lalu hitung ulang alokasi.',
};

describe('allocation: no pledge for the fiscal year is said', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2027-01-20T03:00:00Z'));
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1) }, { nik: testNik(2) }]);
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' }).expect(201);
  });
  afterAll(() => t.close());

  it('warns on the allocation and its reads until a pledge of the year exists', async () => {
    const res = await keuangan.post('/api/v1/allocations').send({ month: '2027-01' }).expect(201);
    expect(res.body).toMatchObject({ participants: 2, unfunded: { participants: 2, amount: 2 * 37800 }, funded: [] });
    expect(res.body.warnings).toEqual([WARNING]);
    expect((await keuangan.get('/api/v1/allocations/2027-01').expect(200)).body.warnings).toEqual([WARNING]);
    // a reconciliation of that month says it to whoever runs and finalizes it, kept with the run (QA: a year without
    // pledges was finalized unwarned, and none of its pledges could be recorded afterwards)
    const run = (await keuangan.post('/api/v1/reconciliations').send({ month: '2027-01' }).expect(201)).body;
    expect(run.warnings.map((w: { code: string }) => w.code)).toEqual(['NO_BILL', 'NO_PBI_LIST', 'NO_PLEDGES_FOR_YEAR']);
    expect((await keuangan.get(`/api/v1/reconciliations/${run.id}`).expect(200)).body.warnings).toEqual(run.warnings);
    // a year with pledges is not warned
    expect((await keuangan.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201)).body.warnings).toEqual([]);
    const december = (await keuangan.post('/api/v1/reconciliations').send({ month: '2026-12' }).expect(201)).body;
    expect(december.warnings.map((w: { code: string }) => w.code)).toEqual(['NO_BILL', 'NO_PBI_LIST']);
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2027', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2027, scope: 'ALL' }).expect(201);
    const again = await keuangan.post('/api/v1/allocations').send({ month: '2027-01' }).expect(201);
    expect(again.body).toMatchObject({ unfunded: { participants: 0, amount: 0 }, warnings: [] });
    // a year whose only pledge is withdrawn has none in force: said again
    await keuangan.post('/api/v1/pledges/APBD-2027/withdraw').send({ reason: 'Dicatat untuk tahun yang salah' }).expect(201);
    const withdrawn = await keuangan.post('/api/v1/allocations').send({ month: '2027-01' }).expect(201);
    expect(withdrawn.body).toMatchObject({ unfunded: { participants: 2, amount: 2 * 37800 }, warnings: [WARNING] });
  });
});

/**
 * A new fiscal year with pledges, but not from every funder of the year before (QA: January 2027 silently moved the
 * province's quota and the villages' and TJSLP shares onto APBD-2027, the only 2027 pledges being APBD-2027 and one
 * TJSLP): PLEDGES_NOT_RENEWED names them, on the allocation, its reads and a run of the month. A funder is the same
 * source type; for DESA the same village; for TJSLP the same company (case and spaces aside) or code stem.
 */
describe('allocation: funders of the year before without a pledge this year are said', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  const pledge = (code: string, sourceType: string, funder: string, fiscalYear: number, more: object = {}) =>
    keuangan.post('/api/v1/pledges').send({ code, sourceType, funder, fiscalYear, scope: 'ALL', priority: 10, ...more }).expect(201);
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2027-01-20T03:00:00Z'));
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1) }, { nik: testNik(2) }]);
    const desa = (villageCodes: string[]) => ({ fund: 'ADD', scope: 'VILLAGES', villageCodes });
    await pledge('APBD-2026', 'APBD', 'Pemkab', 2026);
    await pledge('PROV-2026', 'APBD_PROV', 'Pemprov', 2026, { sharePercent: 40, priority: 5 });
    await pledge('DESA-A-2026', 'DESA', 'Desa A', 2026, desa(['1703062001']));
    await pledge('DESA-B-2026', 'DESA', 'Desa B', 2026, desa(['1703062002']));
    await pledge('TJSLP-KOPI-2026', 'TJSLP', 'PT Kopi Bengkulu', 2026, { quota: 1 });
    await pledge('TJSLP-TEH-2026', 'TJSLP', 'PT Teh', 2026, { quota: 1 });
    await pledge('APBD-2027', 'APBD', 'Pemkab', 2027);
    await pledge('DESA-A-2027', 'DESA', 'Desa A', 2027, desa(['1703062001']));
    await pledge('CSR-KOPI-2027', 'TJSLP', 'pt  kopi BENGKULU', 2027, { quota: 1 }); // the same company, another code
  });
  afterAll(() => t.close());

  const WARNING = {
    code: 'PLEDGES_NOT_RENEWED',
    message:
      'Belum ada komitmen 2027 untuk: Pemprov (APBD_PROV, PROV-2026); Desa B (DESA, DESA-B-2026, desa 17.03.06.2002); PT Teh (TJSLP, TJSLP-TEH-2026). ' +
      'Pemberi dana itu berkomitmen pada tahun 2026; tanpa komitmen 2027, bagiannya ditanggung komitmen 2027 lain atau tidak terdanai. ' +
      'Catat komitmen 2027 mereka lalu hitung ulang alokasi, atau abaikan bila memang tidak berlanjut.',
    pledgeCodes: ['PROV-2026', 'DESA-B-2026', 'TJSLP-TEH-2026'],
  };

  it('warns on January 2027, its read, its run and the projection; not on 2026, nor once each has a 2027 pledge (the code stem is enough for TJSLP)', async () => {
    expect((await keuangan.post('/api/v1/allocations').send({ month: '2027-01' }).expect(201)).body.warnings).toEqual([WARNING]);
    expect((await keuangan.get('/api/v1/allocations/2027-01').expect(200)).body.warnings).toEqual([WARNING]);
    const run = (await keuangan.post('/api/v1/reconciliations').send({ month: '2027-01' }).expect(201)).body;
    expect(run.warnings.filter((w: { code: string }) => w.code === 'PLEDGES_NOT_RENEWED')).toEqual([WARNING]);
    expect((await keuangan.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201)).body.warnings.map((w: { code: string }) => w.code)).not.toContain('PLEDGES_NOT_RENEWED');
    // and the year's projection, as it says NO_PLEDGES_FOR_YEAR
    expect((await keuangan.get('/api/v1/projections?fiscalYear=2027').expect(200)).body.warnings).toEqual(expect.arrayContaining([WARNING]));
    await pledge('PROV-2027', 'APBD_PROV', 'Pemprov', 2027, { sharePercent: 40, priority: 5 });
    await pledge('DESA-B-2027', 'DESA', 'Desa B', 2027, { fund: 'ADD', scope: 'VILLAGES', villageCodes: ['1703062002'] });
    await pledge('TJSLP-TEH-2027', 'TJSLP', 'PT Teh Nusantara', 2027, { quota: 1 });
    expect((await keuangan.post('/api/v1/allocations').send({ month: '2027-01' }).expect(201)).body.warnings.map((w: { code: string }) => w.code)).not.toContain('PLEDGES_NOT_RENEWED');
  });
});
