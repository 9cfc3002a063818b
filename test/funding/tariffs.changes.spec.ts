import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';
import { tariffGaps, type TariffSpan } from '../../src/funding/domain/tariff-gaps.js';

describe('§3: a tariff change is a new row; obligations of months from its first day use it', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as(Role.ADMIN);
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2026-01-01' }]);
    await finance.post('/api/v1/allocations').send({ month: '2026-05' }).expect(201);
  });
  afterAll(() => t.close());

  it('lists the seeded rows of §3 to readers and the health office', async () => {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/tariffs').expect(200);
    expect(res.body.map((r: { component: string; amount: number; validFrom: string; validTo: string | null }) => `${r.component} ${r.amount} ${r.validFrom}..${r.validTo ?? ''}`)).toEqual([
      'BANTUAN_DAERAH 2800 2021-01-01..',
      'BANTUAN_PUSAT 4200 2021-01-01..',
      'IURAN 23000 2018-01-01..2019-07-31',
      'IURAN 42000 2019-08-01..2020-12-31',
      'IURAN 35000 2021-01-01..',
    ]);
  });

  it('only an admin adds rows; overlapping validity is refused', async () => {
    const row = { component: 'IURAN', payer: 'LOCAL', amount: 40000, validFrom: '2026-04-01', legalBasis: 'Perpres 59/2024 (uji)' };
    await (await t.as(Role.KEUANGAN)).post('/api/v1/tariffs').send(row).expect(403);
    const overlap = await admin.post('/api/v1/tariffs').send({ ...row, validFrom: '2020-06-01' }).expect(400);
    expect(overlap.body.message).toContain('bertumpang tindih');
    const notADay = await admin.post('/api/v1/tariffs').send({ ...row, validFrom: '2026-02-30' }).expect(400);
    expect(notADay.body).toMatchObject({ code: 'TARIFF_INVALID', message: 'Tarif tidak valid: validFrom (berlaku mulai) 2026-02-30 tidak ada di kalender.', details: { field: 'validFrom' } });
    const endsBefore = await admin.post('/api/v1/tariffs').send({ ...row, validTo: '2026-03-31' }).expect(400);
    expect(endsBefore.body).toMatchObject({ code: 'TARIFF_INVALID', details: { field: 'validTo' } });
  });

  it('closes the open row the day before, marks allocated months from then STALE, and the new amount applies', async () => {
    const res = await admin
      .post('/api/v1/tariffs')
      .send({ component: 'IURAN', payer: 'LOCAL', amount: 40000, validFrom: '2026-04-01', legalBasis: 'Perpres 59/2024 (uji)' })
      .expect(201);
    expect(res.body).toMatchObject({ component: 'IURAN', amount: 40000, validFrom: '2026-04-01', validTo: null, createdBy: 'uji-admin' });
    const [closed] = await t.dataSource.query(`SELECT valid_to FROM tariff WHERE component = 'IURAN' AND amount = 35000`);
    expect(closed.valid_to).toBe('2026-03-31');
    const statuses = await t.dataSource.query(`SELECT month, status FROM allocation_month ORDER BY month`);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(['CURRENT', 'CURRENT', 'CURRENT', 'STALE', 'STALE']);

    const may = await admin.get('/api/v1/allocations/2026-05').expect(200);
    expect(may.body).toMatchObject({ obligation: 42800, tariffIds: [4, res.body.id] });
    const march = await admin.get('/api/v1/allocations/2026-03').expect(200);
    expect(march.body.obligation).toBe(37800);
    const obligations = await t.dataSource.query(`SELECT month, amount::int FROM obligation ORDER BY month`);
    expect(obligations.map((o: { amount: number }) => o.amount)).toEqual([37800, 37800, 37800, 42800, 42800]);
  });
});

/**
 * QA: a tariff of Rp0 for IURAN was taken and closed the open Rp35.000 row: the obligation silently
 * fell to Rp2.800. IURAN, the premium itself, is never Rp0 (400 TARIFF_INVALID on `amount`); another
 * component at Rp0 is how it is abolished, and the answer says it is no longer charged.
 */
describe('§3: a tariff of Rp0', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  const row = { payer: 'LOCAL', amount: 0, validFrom: '2026-12-01', legalBasis: 'Perpres (uji)' };
  const obligation = async (month: string) => (await finance.post('/api/v1/allocations').send({ month }).expect(201)).body.obligation;
  beforeAll(async () => {
    t = await createTestApp(); // 15 November 2026
    admin = await t.as(Role.ADMIN);
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2026-01-01' }]);
  });
  afterAll(() => t.close());

  it('is refused for IURAN, naming amount, and the open Rp35.000 row stays open', async () => {
    const before = (await admin.get('/api/v1/tariffs').expect(200)).body;
    const res = await admin.post('/api/v1/tariffs').send({ ...row, component: 'IURAN' }).expect(400);
    expect(res.body).toMatchObject({
      code: 'TARIFF_INVALID',
      message: 'Tarif tidak valid: amount tidak boleh Rp0 untuk IURAN, iuran itu sendiri: komponen lain dapat dihapus dengan Rp0, IURAN tidak. Isi besar iuran yang berlaku mulai 1 Desember 2026.',
      details: { field: 'amount' },
    });
    expect((await admin.get('/api/v1/tariffs').expect(200)).body).toEqual(before);
    expect(await obligation('2026-12')).toBe(35000 + 2800);
  });

  it('abolishes another component, and the answer warns that it is no longer charged from that day', async () => {
    const res = await admin.post('/api/v1/tariffs').send({ ...row, component: 'BANTUAN_DAERAH' }).expect(201);
    expect(res.body).toMatchObject({ component: 'BANTUAN_DAERAH', amount: 0, validFrom: '2026-12-01', validTo: null });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['NOT_CHARGED', 'ALLOCATED_MONTHS_REPRICED']);
    expect(res.body.warnings.map((w: { message: string }) => w.message)).toEqual([
      'Tarif BANTUAN_DAERAH Rp0: komponen ini tidak lagi ditagihkan sejak 1 Desember 2026, sehingga iuran bulan-bulan itu tidak memuat komponen ini.',
      // December was allocated by the test before (at Rp37.800)
      'Tarif BANTUAN_DAERAH ini mengubah iuran bulan Desember 2026 yang sudah dialokasikan; alokasi bulan itu dihitung ulang dengan iuran yang baru.',
    ]);
    expect(await obligation('2026-12')).toBe(35000);
    expect(await obligation('2026-11')).toBe(35000 + 2800);
  });

  it('a new component at Rp0 is told it is not charged, not "no longer" (QA: it never was), and re-prices no allocated month', async () => {
    const res = await admin.post('/api/v1/tariffs').send({ ...row, component: 'TAMBAHAN_BARU' }).expect(201);
    expect(res.body.warnings).toEqual([{ code: 'NOT_CHARGED', message: 'Tarif TAMBAHAN_BARU Rp0: komponen ini tidak ditagihkan sejak 1 Desember 2026, sehingga iuran bulan-bulan itu tidak memuat komponen ini.' }]);
  });
});

const iuran = (validFrom: string, validTo: string | null = null): TariffSpan => ({ component: 'IURAN', validFrom, validTo });

describe('§3 tariff gaps: the months a component is left without a row', () => {
  it('finds none while the rows follow each other and the last is open', () => {
    expect(tariffGaps([iuran('2021-01-01'), iuran('2019-08-01', '2020-12-31'), iuran('2018-01-01', '2019-07-31')])).toEqual([]);
  });

  it('finds the end of the last bounded row, and a gap between two rows that holds a 1st of a month', () => {
    expect(tariffGaps([iuran('2027-01-01', '2027-02-28'), iuran('2027-03-01', '2027-05-31')])).toEqual([{ from: '2027-06-01', to: null }]);
    expect(tariffGaps([iuran('2021-01-01', '2027-04-30'), iuran('2027-07-01')])).toEqual([{ from: '2027-05-01', to: '2027-06-30' }]);
    expect(tariffGaps([iuran('2021-01-01', '2027-04-10'), iuran('2027-04-20')])).toEqual([]);
    expect(tariffGaps([iuran('2021-01-01', '2099-12-31')])).toEqual([]);
  });
});

describe('§3 tariff rows with an end, through the API (QA: a bounded IURAN row left June at Rp2.800 a participant)', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  const row = { component: 'IURAN', payer: 'LOCAL', legalBasis: 'Perpres (uji)' };
  const spans = async (component: string) =>
    (await admin.get('/api/v1/tariffs').expect(200)).body
      .filter((r: { component: string }) => r.component === component)
      .map((r: { amount: number; validFrom: string; validTo: string | null }) => `${r.amount} ${r.validFrom}..${r.validTo ?? ''}`);
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as(Role.ADMIN);
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2026-01-01' }]);
  });
  afterAll(() => t.close());

  it('a row with an end inside the open row is an interlude: the open row’s tariff applies again after it', async () => {
    await admin.post('/api/v1/tariffs').send({ ...row, amount: 36000, validFrom: '2027-01-01', legalBasis: 'Perpres 2027' }).expect(201);
    const interlude = await admin.post('/api/v1/tariffs').send({ ...row, amount: 36500, validFrom: '2027-03-01', validTo: '2027-05-31' }).expect(201);
    expect(interlude.body).toMatchObject({ amount: 36500, validFrom: '2027-03-01', validTo: '2027-05-31', warnings: [] });
    expect(interlude.body.resumed).toMatchObject({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2027-06-01', validTo: null, legalBasis: 'Perpres 2027', createdBy: 'uji-admin' });
    expect(await spans('IURAN')).toEqual(['23000 2018-01-01..2019-07-31', '42000 2019-08-01..2020-12-31', '35000 2021-01-01..2026-12-31', '36000 2027-01-01..2027-02-28', '36500 2027-03-01..2027-05-31', '36000 2027-06-01..']);
    t.clock.set(new Date('2027-05-15T03:00:00Z')); // May and June 2027 may be allocated (MONTH_IN_FUTURE)
    expect((await finance.post('/api/v1/allocations').send({ month: '2027-05' }).expect(201)).body.obligation).toBe(36500 + 2800);
    expect((await finance.post('/api/v1/allocations').send({ month: '2027-06' }).expect(201)).body.obligation).toBe(36000 + 2800);
  });

  it('refuses a row that would leave IURAN without a row for some month, and adds nothing', async () => {
    const before = await spans('IURAN');
    const early = await admin.post('/api/v1/tariffs').send({ ...row, amount: 20000, validFrom: '2017-01-01', validTo: '2017-06-30' }).expect(400);
    expect(early.body).toMatchObject({
      code: 'TARIFF_INVALID',
      message: 'Tarif tidak valid: baris ini membuat tidak ada tarif IURAN dari 1 Juli 2017 s.d. 31 Desember 2017, sehingga iuran bulan-bulan itu tidak dapat dihitung. Tarif IURAN tidak boleh terputus.',
      details: { field: 'validTo' },
    });
    expect(await spans('IURAN')).toEqual(before);
  });

  it('a month before IURAN begins is not allocated at part of the premium', async () => {
    const res = await finance.post('/api/v1/allocations').send({ month: '2017-01' }).expect(409);
    expect(res.body).toMatchObject({
      code: 'TARIFF_MISSING',
      message: 'Tidak ada tarif IURAN yang berlaku pada 1 Januari 2017: iuran bulan ini tidak dapat dihitung. Admin perlu menambahkan baris tarif yang mencakup tanggal itu.',
      details: { month: '2017-01', component: 'IURAN' },
    });
    expect(await t.dataSource.query(`SELECT 1 FROM allocation_month WHERE month LIKE '2017-%'`)).toEqual([]);
  });

  it('a later month of such a year names the month asked for beside the month without IURAN (QA: "bulan ini" read as June)', async () => {
    const res = await finance.post('/api/v1/allocations').send({ month: '2017-06' }).expect(409);
    expect(res.body).toMatchObject({
      code: 'TARIFF_MISSING',
      message:
        'Tidak ada tarif IURAN yang berlaku pada 1 Januari 2017: iuran bulan itu tidak dapat dihitung, dan Juni 2017 hanya dapat dialokasikan ' +
        'setelah setiap bulan sebelumnya di tahun 2017 (sisa anggaran terbawa dari bulan ke bulan). Admin perlu menambahkan baris tarif yang mencakup tanggal itu.',
      details: { month: '2017-01', askedMonth: '2017-06', component: 'IURAN' },
    });
    const run = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2017-06' }).expect(409);
    expect(run.body).toMatchObject({ code: 'TARIFF_MISSING', details: { month: '2017-01', askedMonth: '2017-06' } });
  });

  it('warns when another LOCAL component is left without a row', async () => {
    const bantuan = { component: 'BANTUAN_DAERAH', payer: 'LOCAL', legalBasis: 'Perbup (uji)' };
    await t.dataSource.query(`INSERT INTO tariff (component, payer, amount, valid_from, valid_to, legal_basis) VALUES ('TAMBAHAN', 'LOCAL', 500, '2027-01-01', NULL, 'uji')`);
    const ended = await admin.post('/api/v1/tariffs').send({ ...bantuan, component: 'TAMBAHAN', amount: 600, validFrom: '2026-01-01', validTo: '2026-09-30' }).expect(201);
    expect(ended.body.warnings.map((w: { code: string }) => w.code)).toEqual(['COMPONENT_LAPSES']);
    expect(ended.body.warnings.map((w: { message: string }) => w.message)).toEqual([
      'Tidak ada tarif TAMBAHAN dari 1 Oktober 2026 s.d. 31 Desember 2026: iuran Oktober–Desember 2026 tidak memuat komponen ini. Bila komponen ini tetap berlaku, tambahkan baris tarifnya mulai 1 Oktober 2026.',
    ]);
    expect(ended.body.resumed).toBeNull();
  });
});
