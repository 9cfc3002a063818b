import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth, insertParticipants, testNik } from './support/register.js';

const apbd = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 3 * 37800 };

describe('§9: a closed month is never allocated again; pledges touching it apply to the open months only', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    await keuangan.post('/api/v1/pledges').send(apbd).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
    await closeMonth(t.dataSource, '2026-01');
  });
  afterAll(() => t.close());

  it('refuses to allocate a closed month with 409 MONTH_CLOSED', async () => {
    const res = await keuangan.post('/api/v1/allocations').send({ month: '2026-01' }).expect(409);
    expect(res.body).toMatchObject({ code: 'MONTH_CLOSED', message: expect.stringContaining('Januari 2026') });
  });

  it("counts the closed month's stored splits toward the budget of later months", async () => {
    await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-C', fromMonth: 2 }).expect(201);
    // January used 2 of the 3 obligations of budget; February: APBD-2026 pays one, APBD-C (fromMonth 2) the other
    const res = await keuangan.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201);
    expect(res.body.funded).toEqual([
      { pledgeCode: 'APBD-2026', sourceType: 'APBD', participants: 1, amount: 37800 },
      { pledgeCode: 'APBD-C', sourceType: 'APBD', participants: 1, amount: 37800 },
    ]);
    const [jan] = await t.dataSource.query(`SELECT status FROM allocation_month WHERE month = '2026-01'`);
    expect(jan.status).toBe('CURRENT');
  });

  it('accepts a pledge and an APBD-P revision whose months include a closed month: they change the open months, the closed one keeps its stored splits', async () => {
    const splitsOf = (month: string) => t.dataSource.query('SELECT nik, pledge_code, amount FROM split WHERE month = $1 ORDER BY nik, pledge_code', [month]);
    const january = await splitsOf('2026-01');
    expect(january).toHaveLength(2);

    const created = await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-B' }).expect(201);
    expect(created.body.closedMonths).toEqual(['2026-01']);
    // Below what finalized January already paid (75,600) the year would exceed the budget (§6): refused.
    const below = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 75_599, reason: 'APBD-P: pagu dipotong' }).expect(400);
    expect(below.body.details).toEqual([
      {
        field: 'budget',
        messages: ['budget (pagu setahun) Rp75.599 lebih kecil dari Rp75.600 yang sudah terpakai (dialokasikan) dari komitmen ini pada bulan yang sudah difinalisasi atau dibekukan karena bulan sesudahnya sudah difinalisasi (Januari 2026).'],
      },
    ]);
    const revised = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 75_600, reason: 'APBD-P: pagu dipotong' }).expect(200);
    expect(revised.body).toMatchObject({ revision: 2, budget: 75_600, closedMonths: ['2026-01'] });

    // January already spent all 75,600 of APBD-2026's new budget: nothing is left for February;
    // APBD-B, which did not exist in January, pays both.
    const february = await keuangan.get('/api/v1/allocations/2026-02').expect(200);
    expect(february.body.funded).toEqual([{ pledgeCode: 'APBD-B', sourceType: 'APBD', participants: 2, amount: 2 * 37800 }]);
    expect(await splitsOf('2026-01')).toEqual(january);
    const [jan] = await t.dataSource.query(`SELECT status FROM allocation_month WHERE month = '2026-01'`);
    expect(jan.status).toBe('CURRENT');
  });

  it('refuses a pledge whose months are all closed, naming the month', async () => {
    const res = await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-JAN', toMonth: 1 }).expect(409);
    expect(res.body).toMatchObject({ code: 'MONTH_CLOSED', message: expect.stringContaining('Januari 2026') });
    // told what a pledge can do, not to record a payment adjustment (QA)
    expect(res.body.message).toContain('Komitmen hanya berlaku untuk bulan yang masih terbuka');
  });

  it('refuses a tariff row that prices a closed month, saying to start it in the first open month (QA: told to record a payment adjustment)', async () => {
    const admin = await t.as(Role.ADMIN);
    const res = await admin.post('/api/v1/tariffs').send({ component: 'BANTUAN_PUSAT', payer: 'CENTRAL', amount: 4500, validFrom: '2026-01-01', legalBasis: 'uji' }).expect(409);
    expect(res.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message:
        'Bulan Januari 2026 sudah difinalisasi dan tidak dapat diubah. Tarif bulan yang sudah ditutup tidak berubah lagi: mulailah baris tarif ini pada bulan pertama yang masih terbuka, Februari 2026 (berlaku mulai 1 Februari 2026).',
      details: { month: '2026-01', closedMonth: '2026-01', firstOpenMonth: '2026-02', field: 'validFrom' },
    });
  });
});

describe('§6, §9: a budget may not drop below what the months frozen by a later finalized month used', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('counts January, frozen because February was finalized, with February itself', async () => {
    t = await createTestApp();
    const keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    await keuangan.post('/api/v1/pledges').send(apbd).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201); // January first, then February
    await closeMonth(t.dataSource, '2026-02');
    // January paid 75,600 and February the 37,800 left: 113,400 used in months that are never allocated again
    const below = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 75_600, reason: 'APBD-P' }).expect(400);
    expect(below.body.details[0].messages[0]).toMatch(/^budget \(pagu setahun\) Rp75\.600 lebih kecil dari Rp113\.400 yang sudah terpakai .* \(Januari 2026, Februari 2026\)\.$/);
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 113_401, reason: 'APBD-P' }).expect(200); // (113,400 is the budget it has: PLEDGE_UNCHANGED)
  });

  it('names frozen months beside closed ones, and refuses a pledge that could only touch them', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const created = await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-F' }).expect(201);
    expect(created.body).toMatchObject({ closedMonths: ['2026-02'], frozenMonths: ['2026-01'] });
    const january = await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-JAN', toMonth: 1 }).expect(409);
    expect(january.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message: 'Bulan Januari 2026 tidak dialokasikan lagi karena bulan Februari 2026 sudah difinalisasi, sehingga perubahan ini tidak akan mengubah apa pun. Catat koreksi pada bulan yang masih terbuka.',
    });
    // a finalized month among them is named as finalized, not as frozen (QA)
    const both = await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-JANFEB', toMonth: 2 }).expect(409);
    expect(both.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message: 'Bulan Januari 2026 s.d. Februari 2026 tidak dialokasikan lagi: Februari 2026 sudah difinalisasi, bulan sebelumnya ikut dibekukan, sehingga perubahan ini tidak akan mengubah apa pun. Catat koreksi pada bulan yang masih terbuka.',
      details: { months: ['2026-01', '2026-02'], closedMonth: '2026-02', closedMonths: ['2026-02'] },
    });
  });

  it('refuses a tariff row that could only price frozen months, or no month at all (QA: it was stored and never applied)', async () => {
    const admin = await t.as(Role.ADMIN);
    const row = { component: 'UJI_BEKU', payer: 'LOCAL', amount: 100, legalBasis: 'uji' };
    const frozen = await admin.post('/api/v1/tariffs').send({ ...row, validFrom: '2026-01-01', validTo: '2026-01-31' }).expect(409);
    expect(frozen.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message: expect.stringMatching(/^Bulan Januari 2026 sudah dibekukan \(Februari 2026 difinalisasi\) .* bulan pertama yang masih terbuka, Maret 2026 \(berlaku mulai 1 Maret 2026\)\.$/),
      details: { month: '2026-01', closedMonth: '2026-02', firstOpenMonth: '2026-03' },
    });
    const noFirst = await admin.post('/api/v1/tariffs').send({ ...row, validFrom: '2026-03-15', validTo: '2026-03-31' }).expect(400);
    expect(noFirst.body).toMatchObject({ code: 'TARIFF_INVALID', details: { field: 'validTo' }, message: expect.stringContaining('tidak mencakup tanggal 1 bulan mana pun') });
    const afterLast = await admin.post('/api/v1/tariffs').send({ ...row, validFrom: '2099-12-02' }).expect(400);
    expect(afterLast.body).toMatchObject({ code: 'TARIFF_INVALID', details: { field: 'validFrom' }, message: expect.stringContaining('(sejak 2 Desember 2099, tanpa batas akhir) tidak mencakup tanggal 1 bulan mana pun sampai Desember 2099') });
    expect((await admin.get('/api/v1/tariffs').expect(200)).body.filter((r: { component: string }) => r.component === 'UJI_BEKU')).toEqual([]);
    // one that prices an open month is taken
    await admin.post('/api/v1/tariffs').send({ ...row, validFrom: '2026-02-15', validTo: '2026-03-31' }).expect(201);
  });
});
