/**
 * §3 a tariff row's trail and what the admin is told (QA): the rows a new row changes besides itself
 * are in the audit trail under their own ids; a row that repeats the open row, or has no legal basis
 * but spaces, is refused; a row from after the 1st says which month it first prices, and a LOCAL row
 * names the months it re-prices that were already reconciled or paid.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';
import { insertPledge } from '../reconciliation/support/seed.js';

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

  it('names the row an overlap is with, in the words users write dates in', async () => {
    const open = await openRow('IURAN');
    const res = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2027-01-01', validTo: '2027-03-31', legalBasis: 'uji' }).expect(400);
    expect(res.body).toMatchObject({ code: 'TARIFF_INVALID', details: { field: 'validFrom', tariffId: open.id } });
    expect(res.body.message).toBe(`Tarif tidak valid: Masa berlaku bertumpang tindih dengan tarif IURAN #${open.id} (sejak 1 Januari 2027, tanpa batas akhir).`);
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
