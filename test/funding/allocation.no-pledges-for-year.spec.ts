/**
 * A month whose fiscal year has no pledge at all leaves everyone unfunded: the allocation says why, NO_PLEDGES_FOR_YEAR,
 * until a pledge of that year is recorded (QA: all unfunded with `warnings: []`). The fixed clock: 20 January 2027.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

const WARNING = {
  code: 'NO_PLEDGES_FOR_YEAR',
  message: 'Belum ada komitmen pendanaan tahun anggaran 2027: semua peserta Januari 2027 belum didanai. Catat komitmen tahun 2027 lalu hitung ulang alokasi.',
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
