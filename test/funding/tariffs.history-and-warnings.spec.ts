/**
 * §3 a tariff row's trail and what the admin is told (QA): the rows a new row changes besides itself
 * are in the audit trail under their own ids; a row that repeats the open row, or has no legal basis
 * but spaces, is refused; a row from after the 1st says which month it first prices, and a LOCAL row
 * names the months it re-prices that were already reconciled or paid.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth, insertParticipants, testNik } from './support/register.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { LOCAL_TARIFF_OF_MONTH } from '../../src/funding/sql/allocate.sql.js';
import { TARIFF_BY_MONTH } from '../../src/reports/sql/report.sql.js';

type Tariff = { id: number; component: string; payer: string; amount: number; validFrom: string; validTo: string | null; legalBasis: string };

describe('§3 tariff rows: their audit trail, unchanged and blank rows, and the warnings of a late or retroactive row', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  const tariffs = async (): Promise<Tariff[]> => (await admin.get('/api/v1/tariffs').expect(200)).body;
  const openRow = async (component: string) => (await tariffs()).find((r) => r.component === component && r.validTo === null)!;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as(Role.ADMIN);
    const finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2026-01-01' }]);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 1_000_000 }).expect(201);
    await finance.post('/api/v1/reconciliations').send({ month: '2026-09' }).expect(201); // a draft run, no bill
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 37_800, paidAt: '2026-10-05', reference: 'SP2D 1' }).expect(201);
  });
  afterAll(() => t.close());

  it('refuses a legal basis of spaces alone as missing', async () => {
    const res = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2027-01-01', legalBasis: '   ' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'legalBasis', messages: ['legalBasis (dasar hukum) wajib diisi'] }] });
    expect((await tariffs()).some((r) => r.validFrom === '2027-01-01')).toBe(false);
  });

  it('refuses a row that repeats the open row (TARIFF_UNCHANGED), and takes the same amount under a new legal basis', async () => {
    const open = await openRow('IURAN');
    const same = { component: 'IURAN', payer: 'LOCAL', amount: open.amount, validFrom: '2027-01-01', legalBasis: ` ${open.legalBasis} ` };
    const res = await admin.post('/api/v1/tariffs').send(same).expect(400);
    expect(res.body).toMatchObject({ code: 'TARIFF_UNCHANGED', details: { field: 'amount', tariffId: open.id } });
    expect(res.body.message).toBe(
      `Tarif IURAN sudah Rp35.000 dengan dasar hukum yang sama sejak 1 Januari 2021 (#${open.id}, tanpa batas akhir): baris ini tidak mengubah apa pun, jadi tidak disimpan.`,
    );
    expect((await openRow('IURAN')).id).toBe(open.id); // not closed

    const renewed = await admin.post('/api/v1/tariffs').send({ ...same, legalBasis: 'Perpres 1/2027 (uji)' }).expect(201);
    expect(renewed.body).toMatchObject({ amount: 35000, validFrom: '2027-01-01', legalBasis: 'Perpres 1/2027 (uji)', warnings: [] });
  });

  it('a legal basis written with other spaces or case is the same legal basis (QA: " Perpres  64/2020 " was stored)', async () => {
    const open = await openRow('IURAN');
    const res = await admin
      .post('/api/v1/tariffs')
      .send({ component: 'IURAN', payer: 'LOCAL', amount: open.amount, validFrom: '2027-06-01', legalBasis: `  ${open.legalBasis.toUpperCase().replace(/ /g, '   ')} ` })
      .expect(400);
    expect(res.body.code).toBe('TARIFF_UNCHANGED');
  });

  it('names the row an overlap is with, in the words users write dates in; a row from the open row’s own day replaces it, with a reason', async () => {
    const earlier = (await tariffs()).find((r) => r.component === 'IURAN' && r.amount === 42000)!;
    const res = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2020-06-01', validTo: '2020-12-31', legalBasis: 'uji' }).expect(400);
    expect(res.body).toMatchObject({ code: 'TARIFF_INVALID', details: { field: 'validFrom', tariffId: earlier.id } });
    expect(res.body.message).toBe(`Tarif tidak valid: masa berlaku bertumpang tindih dengan tarif IURAN #${earlier.id} (1 Agustus 2019 s.d. 31 Desember 2020).`);
    // until 2026-12-06 this was an overlap too ("bertumpang tindih dengan tarif IURAN #6"), and a mistaken row could not be corrected
    const open = await openRow('IURAN');
    const sameDay = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2027-01-01', validTo: '2027-03-31', legalBasis: 'uji' }).expect(400);
    expect(sameDay.body).toMatchObject({ code: 'TARIFF_INVALID', details: { field: 'reason', tariffId: open.id } });
  });

  it('an interlude from the 15th: says its first month and the months reconciled and paid it re-prices; the closed and resumed rows have their events', async () => {
    const open = await openRow('BANTUAN_DAERAH');
    const res = await admin
      .post('/api/v1/tariffs')
      .send({ component: 'BANTUAN_DAERAH', payer: 'LOCAL', amount: 3000, validFrom: '2026-07-15', validTo: '2026-10-31', legalBasis: 'Perbup uji' })
      .expect(201);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['FIRST_PRICED_MONTH', 'ALLOCATED_MONTHS_REPRICED', 'RECONCILED_MONTHS_REPRICED', 'PAID_MONTHS_REPRICED']);
    expect(res.body.warnings.map((w: { message: string }) => w.message)).toEqual([
      'Berlaku mulai 15 Juli 2026, tetapi iuran sebulan dihitung dengan tarif yang berlaku pada tanggal 1: baris ini pertama kali dipakai untuk iuran Agustus 2026.',
      // the run of September allocated January to September; October is not allocated
      'Tarif BANTUAN_DAERAH ini mengubah iuran bulan Agustus–September 2026 yang sudah dialokasikan; alokasi bulan-bulan itu dihitung ulang dengan iuran yang baru.',
      'Tarif BANTUAN_DAERAH ini mengubah iuran bulan yang sudah direkonsiliasi (September 2026): jalankan ulang rekonsiliasinya agar temuannya memakai iuran yang baru.',
      'Pembayaran yang sudah dicatat untuk Oktober 2026 kini dibandingkan dengan iuran yang baru: periksa kembali status pembayaran bulan itu.',
    ]);
    const resumed = res.body.resumed as Tariff;
    expect(resumed).toMatchObject({ component: 'BANTUAN_DAERAH', amount: open.amount, validFrom: '2026-11-01', validTo: null });

    const auditor = await t.as(Role.AUDITOR);
    const events = async (id: number) => (await auditor.get(`/api/v1/audit-events?entity=tariff&entityId=${id}`).expect(200)).body.items;
    const summary = (e: { summary: unknown }) => (typeof e.summary === 'string' ? JSON.parse(e.summary) : e.summary);
    const [closed] = await events(open.id);
    expect(closed).toMatchObject({ action: 'tariff.close', actor: 'uji-admin' });
    expect(summary(closed)).toEqual({ validTo: '2026-07-14', closedBy: res.body.id });
    const [resume] = await events(resumed.id);
    expect(resume).toMatchObject({ action: 'tariff.resume', actor: 'uji-admin' });
    expect(summary(resume)).toEqual({ resumes: open.id, after: res.body.id });
    expect((await events(res.body.id)).map((e: { action: string }) => e.action)).toEqual(['tariff.add']);

    // the list says who closed a row and when, from its tariff.close event (QA: the console showed the seed's "system")
    const rows = (await auditor.get('/api/v1/tariffs').expect(200)).body as (Tariff & { createdBy: string; closedBy: string | null; closedAt: string | null })[];
    expect(rows.find((r) => r.id === open.id)).toMatchObject({ validTo: '2026-07-14', createdBy: 'system', closedBy: 'uji-admin', closedAt: closed.at });
    // a row entered with its end (the seed's, the interlude) and an open row: nobody closed them
    const seeded = rows.find((r) => r.component === 'IURAN' && r.validFrom === '2018-01-01')!;
    expect([seeded, res.body, resumed].map((r) => [r.closedBy, r.closedAt])).toEqual([[null, null], [null, null], [null, null]]);
  });

  it('a row that keeps the amount under a new legal basis re-prices nothing: no warning of reconciled or paid months (QA)', async () => {
    const component = { component: 'TAMBAHAN_UJI', payer: 'LOCAL', amount: 1000 };
    const added = await admin.post('/api/v1/tariffs').send({ ...component, validFrom: '2026-08-01', legalBasis: 'Perbup lama (uji)' }).expect(201);
    expect(added.body.warnings.map((w: { code: string }) => w.code)).toEqual(['ALLOCATED_MONTHS_REPRICED', 'RECONCILED_MONTHS_REPRICED', 'PAID_MONTHS_REPRICED']); // a new component re-prices
    const renamed = await admin.post('/api/v1/tariffs').send({ ...component, validFrom: '2026-09-01', legalBasis: 'Perbup baru (uji)' }).expect(201);
    expect(renamed.body.warnings).toEqual([]);
  });

  it('an interlude ending mid-month says the month it still prices, and when the old tariff is used again (QA: May unsaid)', async () => {
    const res = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2027-03-01', validTo: '2027-05-15', legalBasis: 'Perpres 1/2027 (uji)' }).expect(201);
    expect(res.body.resumed).toMatchObject({ validFrom: '2027-05-16', amount: 35000 });
    expect(res.body.warnings).toEqual([
      {
        code: 'RESUMED_FROM_MONTH',
        message:
          'Tarif IURAN Rp35.000 berlaku lagi mulai 16 Mei 2027, tetapi iuran sebulan dihitung dengan tarif yang berlaku pada tanggal 1: iuran Mei 2027 memakai Rp36.000 baris ini, dan Rp35.000 dipakai lagi mulai iuran Juni 2027.',
      },
    ]);
  });

  it('a CENTRAL row re-prices no obligation: no warning of reconciled or paid months', async () => {
    const res = await admin.post('/api/v1/tariffs').send({ component: 'BANTUAN_PUSAT', payer: 'CENTRAL', amount: 4500, validFrom: '2026-09-01', legalBasis: 'uji' }).expect(201);
    expect(res.body.warnings).toEqual([]);
  });

  it('says an end before the start in dates as users write them', async () => {
    const res = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2027-07-01', validTo: '2027-06-30', legalBasis: 'uji' }).expect(400);
    expect(res.body).toMatchObject({
      code: 'TARIFF_INVALID',
      message: 'Tarif tidak valid: validTo (berlaku sampai) 30 Juni 2027 lebih awal dari tanggal berlaku mulai, 1 Juli 2027.',
      details: { field: 'validTo' },
    });
  });
});

describe('§3 a tariff row from a month already allocated names the open months it re-prices (QA: 201 with warnings [] on 6 December)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-06T03:00:00Z'));
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2026-01-01' }]);
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
  });
  afterAll(() => t.close());

  it('IURAN Rp36.000 from 1 November: November and December were allocated, not reconciled or paid; they are recomputed at the new amount', async () => {
    const admin = await t.as(Role.ADMIN);
    const res = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2026-11-01', legalBasis: 'Perpres X' }).expect(201);
    expect(res.body.warnings).toEqual([
      {
        code: 'ALLOCATED_MONTHS_REPRICED',
        message: 'Tarif IURAN ini mengubah iuran bulan November–Desember 2026 yang sudah dialokasikan; alokasi bulan-bulan itu dihitung ulang dengan iuran yang baru.',
      },
    ]);
    const obligation = async (month: string) => (await admin.get(`/api/v1/allocations/${month}`).expect(200)).body.obligation;
    expect([await obligation('2026-10'), await obligation('2026-12')]).toEqual([37800, 36000 + 2800]);
  });

  it('a row from a month not yet allocated warns of nothing allocated', async () => {
    const res = await (await t.as(Role.ADMIN)).post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 36500, validFrom: '2027-01-01', legalBasis: 'Perpres Y' }).expect(201);
    expect(res.body.warnings).toEqual([]);
  });

  it("a month whose only payments are corrections of earlier months is not paid for PAID_MONTHS_REPRICED (QA: January 2027's corrections of 2026)", async () => {
    await insertPledge(t.dataSource, 'APBD-2026');
    const pay = (month: string, adjustsMonth: string | null, reference: string) =>
      t.dataSource.query(`INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('APBD-2026', $1, 37800, '2026-12-05', $3, $2, 'uji')`, [month, adjustsMonth, reference]);
    await pay('2027-01', '2026-11', 'SP2D KOREKSI NOV');
    await pay('2027-01', '2026-12', 'SP2D KOREKSI DES');
    const admin = await t.as(Role.ADMIN);
    const row = { component: 'BANTUAN_DAERAH', payer: 'LOCAL', legalBasis: 'Perbup 2027' };
    const res = await admin.post('/api/v1/tariffs').send({ ...row, amount: 3100, validFrom: '2027-01-01' }).expect(201);
    expect(res.body.warnings).toEqual([]);
    // a month's own payment still counts
    await pay('2027-02', null, 'SP2D FEB');
    const again = await admin.post('/api/v1/tariffs').send({ ...row, amount: 3200, validFrom: '2027-02-01', legalBasis: 'Perbup 2027 perubahan' }).expect(201);
    expect(again.body.warnings.map((w: { code: string; message: string }) => [w.code, w.message])).toEqual([
      ['PAID_MONTHS_REPRICED', 'Pembayaran yang sudah dicatat untuk Februari 2027 kini dibandingkan dengan iuran yang baru: periksa kembali status pembayaran bulan itu.'],
    ]);
  });
});

/**
 * QA (MONEY-WRONG): IURAN Rp37.000 from 2027-01-01 was a typo for Rp36.000, and no row could correct January: the same
 * day overlapped row #6, a row from 2 January priced February on. A row from the same day as the component's last row
 * replaces it while no month it prices is closed; the replaced row is kept and prices no day. And a back-dated row was
 * told July was finalized, when its March was frozen by July, without the first open month.
 */
describe('§3 a tariff row replaced from the same day while its months are open; a back-dated row into frozen months', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  const iuran = { component: 'IURAN', payer: 'LOCAL', legalBasis: 'Perpres 2027 (uji)' };
  const allocation = async (month: string) => (await admin.get(`/api/v1/allocations/${month}`).expect(200)).body;
  let typo: number;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2027-01-10T03:00:00Z'));
    admin = await t.as(Role.ADMIN);
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2].map((i) => ({ nik: testNik(i), tmt: '2026-01-01' })));
    await closeMonth(t.dataSource, '2026-07'); // March–June 2026 frozen by it
  }, 180_000);
  afterAll(() => t?.close());

  it('a back-dated row into a frozen month says it is frozen, by which finalization, and the first open month', async () => {
    const res = await admin.post('/api/v1/tariffs').send({ ...iuran, amount: 36000, validFrom: '2026-03-01' }).expect(409);
    expect(res.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message:
        'Bulan Maret 2026 sudah dibekukan (Juli 2026 difinalisasi) dan tidak dapat diubah. Tarif bulan yang sudah ditutup tidak berubah lagi: mulailah baris tarif ini pada bulan pertama yang masih terbuka, Agustus 2026 (berlaku mulai 1 Agustus 2026).',
      details: { month: '2026-03', closedMonth: '2026-07', firstOpenMonth: '2026-08', field: 'validFrom' },
    });
  });

  it('replaces the last row from the same day with a reason: the allocated month is re-priced, the replaced row kept and never used', async () => {
    typo = (await admin.post('/api/v1/tariffs').send({ ...iuran, amount: 37000, validFrom: '2027-01-01' }).expect(201)).body.id;
    expect((await finance.post('/api/v1/allocations').send({ month: '2027-01' }).expect(201)).body).toMatchObject({ obligation: 2 * (37000 + 2800), tariffIds: [4, typo] });

    const fix = { ...iuran, amount: 36000, validFrom: '2027-01-01' };
    const noReason = await admin.post('/api/v1/tariffs').send(fix).expect(400);
    expect(noReason.body).toMatchObject({ code: 'TARIFF_INVALID', details: { field: 'reason', tariffId: typo } });
    expect(noReason.body.message).toBe(
      `Tarif tidak valid: reason (alasan) wajib diisi: baris ini berlaku mulai tanggal yang sama dengan tarif IURAN #${typo} (Rp37.000, mulai 1 Januari 2027) dan menggantikannya; sebutkan mengapa baris itu diganti.`,
    );
    const same = await admin.post('/api/v1/tariffs').send({ ...fix, amount: 37000, reason: 'uji' }).expect(400);
    expect(same.body).toMatchObject({ code: 'TARIFF_UNCHANGED', details: { tariffId: typo } });

    const res = await admin.post('/api/v1/tariffs').send({ ...fix, reason: 'Salah ketik: seharusnya Rp36.000' }).expect(201);
    const id = res.body.id;
    expect(res.body).toMatchObject({ amount: 36000, validFrom: '2027-01-01', validTo: null, supersededBy: null, resumed: null });
    expect(res.body.supersedes).toMatchObject({ id: typo, amount: 37000, validFrom: '2027-01-01', validTo: '2026-12-31', supersededBy: id, supersededReason: 'Salah ketik: seharusnya Rp36.000', closedBy: 'uji-admin' });
    expect(res.body.warnings).toEqual([
      { code: 'ALLOCATED_MONTHS_REPRICED', message: 'Tarif IURAN ini mengubah iuran bulan Januari 2027 yang sudah dialokasikan; alokasi bulan itu dihitung ulang dengan iuran yang baru.' },
    ]);
    // January, allocated at Rp39.800 a participant, is recomputed at Rp38.800
    expect(await allocation('2027-01')).toMatchObject({ obligation: 2 * (36000 + 2800), tariffIds: [4, id] });
    const obligations = await t.dataSource.query(`SELECT amount::int FROM obligation WHERE month = '2027-01'`);
    expect(obligations.map((o: { amount: number }) => o.amount)).toEqual([38800, 38800]);

    // every query of the rows valid on a day passes the replaced row over
    const [local] = await t.dataSource.query(LOCAL_TARIFF_OF_MONTH, ['2027-01']);
    expect(local.ids.map(Number)).toEqual([4, id]);
    const [report] = await t.dataSource.query(TARIFF_BY_MONTH, [['2027-01']]);
    expect(Number(report.local)).toBe(38800);
    const iuranRows = (await admin.get('/api/v1/tariffs').expect(200)).body.filter((r: Tariff) => r.component === 'IURAN');
    expect(iuranRows.map((r: Tariff & { supersededBy: number | null }) => `${r.amount} ${r.validFrom}..${r.validTo ?? ''} ${r.supersededBy ?? ''}`).slice(-3)).toEqual([
      '35000 2021-01-01..2026-12-31 ',
      `37000 2027-01-01..2026-12-31 ${id}`,
      '36000 2027-01-01.. ',
    ]);

    const events = (await (await t.as(Role.AUDITOR)).get(`/api/v1/audit-events?entity=tariff&entityId=${typo}`).expect(200)).body.items;
    const supersede = events.find((e: { action: string }) => e.action === 'tariff.supersede');
    const summary = typeof supersede.summary === 'string' ? JSON.parse(supersede.summary) : supersede.summary;
    expect(summary).toEqual({ supersededBy: id, reason: 'Salah ketik: seharusnya Rp36.000', was: { amount: 37000, validFrom: '2027-01-01', validTo: null, legalBasis: 'Perpres 2027 (uji)' }, validTo: '2026-12-31' });
  });

  it('refuses to replace a row once a month it prices is closed, naming the first open month; the row stays', async () => {
    await closeMonth(t.dataSource, '2027-01');
    const before = (await admin.get('/api/v1/tariffs').expect(200)).body;
    const last = before.at(-1) as Tariff;
    const res = await admin.post('/api/v1/tariffs').send({ ...iuran, amount: 36500, validFrom: '2027-01-01', reason: 'uji' }).expect(409);
    expect(res.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message: `Tarif IURAN #${last.id} (Rp36.000, mulai 1 Januari 2027) tidak dapat diganti: iuran bulan Januari 2027 dihitung dengannya, dan bulan Januari 2027 sudah difinalisasi. Tambahkan baris tarif baru mulai bulan pertama yang masih terbuka, Februari 2027 (berlaku mulai 1 Februari 2027).`,
      details: { month: '2027-01', closedMonth: '2027-01', firstOpenMonth: '2027-02', tariffId: last.id },
    });
    expect((await admin.get('/api/v1/tariffs').expect(200)).body).toEqual(before);
    // a row from the day of a replaced row (never in effect) is no replacement of it either
    expect(await t.dataSource.query(`SELECT id FROM tariff WHERE superseded_by IS NOT NULL`)).toEqual([{ id: typo }]);
  });
});
