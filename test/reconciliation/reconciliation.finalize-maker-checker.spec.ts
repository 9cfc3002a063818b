/** DOMAIN §9: finalize by a second finance officer; a finalized month is closed to every change. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from './support/seed.js';
import { secondKeuangan } from './support/users.js';
import { FINALIZED_BY_FINANCE } from '../../src/reconciliation/reconciliation.controller.js';
import { download, readWorkbook } from '../reports/support/xlsx.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('reconciliation: finalize (maker-checker) and closed months', () => {
  let t: TestApp;
  let checker: Awaited<ReturnType<typeof secondKeuangan>>;
  beforeAll(async () => {
    t = await createTestApp();
    checker = await secondKeuangan(t);
    await insertParticipants(t.dataSource, [{ nik: nik(1), noka: '0000000000001' }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, '2026-09', [{ nik: nik(1), noka: '0000000000001' }]);
  });
  afterAll(() => t?.close());

  const start = async (month: string) => (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month }).expect(201)).body;

  it('refuses the officer who started the run, an admin and an auditor', async () => {
    const run = await start('2026-09');
    const self = await (await t.as(Role.KEUANGAN)).post(`/api/v1/reconciliations/${run.id}/finalize`).expect(403);
    expect(self.body.code).toBe('SAME_PERSON');
    // the admin is told why: finalizing is a second finance officer's (QA: only "Peran Anda tidak diizinkan …")
    const admin = await (await t.as(Role.ADMIN)).post(`/api/v1/reconciliations/${run.id}/finalize`).expect(403);
    expect(admin.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message: FINALIZED_BY_FINANCE });
    expect(admin.body.message).toMatch(/^Finalisasi rekonsiliasi hanya dilakukan oleh petugas Keuangan, dan bukan oleh yang menjalankannya \(prinsip empat mata\); Admin pun/);
    const operator = await (await t.as(Role.OPERATOR_DINKES)).post(`/api/v1/reconciliations/${run.id}/finalize`).expect(403);
    expect(operator.body.message).toBe(FINALIZED_BY_FINANCE);
    // the auditor keeps the reason every write refused to it has
    const auditor = await (await t.as(Role.AUDITOR)).post(`/api/v1/reconciliations/${run.id}/finalize`).expect(403);
    expect(auditor.body.message).toBe('Peran Auditor hanya dapat membaca data; tindakan ini tidak diizinkan.');
    expect((await t.dataSource.query(`SELECT status FROM reconciliation_run WHERE id = $1`, [run.id]))[0].status).toBe('DONE');
  });

  it('refuses a run that is not the latest version of its month', async () => {
    const [older] = (await (await t.as(Role.KEUANGAN)).get('/api/v1/reconciliations?month=2026-09').expect(200)).body;
    await start('2026-09');
    const res = await checker.post(`/api/v1/reconciliations/${older.id}/finalize`).expect(409);
    expect(res.body.code).toBe('NOT_LATEST_VERSION');
  });

  it('refuses when a newer bill arrived after the run', async () => {
    await insertBill(t.dataSource, '2026-09', [{ nik: nik(1), noka: '0000000000001' }]);
    const [latest] = (await checker.get('/api/v1/reconciliations?month=2026-09').expect(200)).body;
    const res = await checker.post(`/api/v1/reconciliations/${latest.id}/finalize`).expect(409);
    expect(res.body.code).toBe('INPUTS_CHANGED');
  });

  it('names every change, as the run\'s workbook lists them, not the first alone (QA)', async () => {
    const run = await start('2026-09');
    // the run's page says so before anyone tries to finalize (QA: the console only learnt it from the refusal)
    expect((await checker.get(`/api/v1/reconciliations/${run.id}`).expect(200)).body.changes).toEqual([]);
    await insertBill(t.dataSource, '2026-09', [{ nik: nik(1), noka: '0000000000001' }]);
    const payment = { pledgeCode: 'APBD-2026', month: '2026-09', amount: 1000, paidAt: '2026-09-08', reference: 'SP2D 78' };
    const recorded = (await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(payment).expect(201)).body;
    const res = await checker.post(`/api/v1/reconciliations/${run.id}/finalize`).expect(409);
    expect(res.body.details).toMatchObject({ changes: ['tagihan BPJS', 'pembayaran'], changed: 'tagihan BPJS; pembayaran' });
    expect(res.body.message).toContain('(tagihan BPJS; pembayaran)');
    expect((await checker.get(`/api/v1/reconciliations/${run.id}`).expect(200)).body.changes).toEqual(['tagihan BPJS', 'pembayaran']);
    await (await t.as(Role.KEUANGAN)).delete(`/api/v1/payments/${recorded.id}`).send({ reason: 'Tercatat keliru' }).expect(200);
  });

  it('refuses when a payment of the month was recorded after the run: the signed figures would not show it', async () => {
    const run = await start('2026-09');
    const payment = { pledgeCode: 'APBD-2026', month: '2026-09', amount: 1000, paidAt: '2026-09-08', reference: 'SP2D 77' };
    const recorded = (await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(payment).expect(201)).body;
    const res = await checker.post(`/api/v1/reconciliations/${run.id}/finalize`).expect(409);
    expect(res.body).toMatchObject({ code: 'INPUTS_CHANGED', details: { changed: 'pembayaran' } });
    await (await t.as(Role.KEUANGAN)).delete(`/api/v1/payments/${recorded.id}`).send({ reason: 'Tercatat keliru' }).expect(200);
  });

  it('refuses when a pledge changed after the run: the month waits to be re-allocated', async () => {
    const run = await start('2026-09');
    await (await t.as(Role.KEUANGAN)).patch('/api/v1/pledges/APBD-2026').send({ priority: 2, reason: 'uji' }).expect(200);
    const res = await checker.post(`/api/v1/reconciliations/${run.id}/finalize`).expect(409);
    expect(res.body).toMatchObject({ code: 'INPUTS_CHANGED', message: expect.stringContaining('alokasi bulan Januari 2026, Februari 2026') });
    // Re-allocated by someone reading it, with other splits: still refused, the run read the old ones
    await (await t.as(Role.KEUANGAN)).patch('/api/v1/pledges/APBD-2026').send({ sharePercent: 50, reason: 'uji' }).expect(200);
    await (await t.as(Role.AUDITOR)).get('/api/v1/allocations/2026-09').expect(200);
    const after = await checker.post(`/api/v1/reconciliations/${run.id}/finalize`).expect(409);
    // the shares moved and, with half of APBD's rupiah gone, the unfunded remainder: not the obligations themselves (QA)
    expect(after.body).toMatchObject({ code: 'INPUTS_CHANGED', details: { changes: ['pembagian dana antar komitmen', 'sisa iuran yang tidak terdanai'] } });
    await (await t.as(Role.KEUANGAN)).patch('/api/v1/pledges/APBD-2026').send({ sharePercent: null, reason: 'uji selesai' }).expect(200);
  });

  it('says a revision that moved no rupiah as a revision, not as the shares between pledges changing (QA)', async () => {
    const run = await start('2026-09');
    const ran = (await checker.get(`/api/v1/reconciliations/${run.id}`).expect(200)).body.inputs.pledges['APBD-2026'];
    expect(ran).toEqual({ participants: 1, amount: expect.any(Number), revisionFrom: ran.revisionTo, revisionTo: expect.any(Number) });
    await (await t.as(Role.KEUANGAN)).patch('/api/v1/pledges/APBD-2026').send({ budget: 1_000_000_000, reason: 'APBD-P: pagu yang tidak tercapai' }).expect(200);
    await (await t.as(Role.AUDITOR)).get('/api/v1/allocations/2026-09').expect(200); // re-allocated by reading it
    const res = await checker.post(`/api/v1/reconciliations/${run.id}/finalize`).expect(409);
    const now = (await checker.get(`/api/v1/reconciliations?month=2026-09`).expect(200)).body;
    expect(now[0].id).toBe(run.id);
    expect(res.body.details.changes).toEqual([
      `revisi komitmen (APBD-2026 revisi ${ran.revisionTo} → ${ran.revisionTo + 1}), tanpa perubahan jumlah peserta dan rupiah per komitmen`,
    ]);
    await (await t.as(Role.KEUANGAN)).patch('/api/v1/pledges/APBD-2026').send({ budget: null, reason: 'uji selesai' }).expect(200);
  });

  it('runs next month at the furthest (today is 15 November 2026 here) and finalizes no month that has not begun', async () => {
    const far = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2027-01' }).expect(400);
    expect(far.body).toMatchObject({ code: 'MONTH_IN_FUTURE', message: 'Bulan Januari 2027 belum tiba: rekonsiliasi paling jauh untuk bulan Desember 2026.' });
    const december = await start('2026-12');
    const res = await checker.post(`/api/v1/reconciliations/${december.id}/finalize`).expect(409);
    expect(res.body).toMatchObject({
      code: 'MONTH_NOT_STARTED',
      message: 'Bulan Desember 2026 belum berjalan, sehingga belum dapat difinalisasi (finalisasi menutup bulan itu dan bulan-bulan sebelumnya pada tahun yang sama untuk selamanya). Finalisasi paling cepat pada 1 Desember 2026.',
    });
    expect(await t.dataSource.query(`SELECT month FROM closed_month`)).toEqual([]);
  });

  it('refuses a run made without a BPJS bill: nothing to agree, and the bill could never come after (QA)', async () => {
    const october = await start('2026-10');
    expect((await checker.get(`/api/v1/reconciliations/${october.id}`).expect(200)).body).toMatchObject({ status: 'DONE', bill: null, changes: [] });
    const res = await checker.post(`/api/v1/reconciliations/${october.id}/finalize`).expect(409);
    expect(res.body).toMatchObject({ code: 'BILL_MISSING', details: { month: '2026-10', billNow: false } });
    expect(res.body.message).toContain('dijalankan tanpa tagihan BPJS Kesehatan');
    expect(res.body.message).toMatch(/Unggah tagihan bulan Oktober 2026, jalankan ulang rekonsiliasi/);
    // the bill came after the run: said so, not asked for again (QA)
    await insertBill(t.dataSource, '2026-10', [{ nik: nik(1), noka: '0000000000001' }]);
    const after = await checker.post(`/api/v1/reconciliations/${october.id}/finalize`).expect(409);
    expect(after.body).toMatchObject({ code: 'BILL_MISSING', details: { billNow: true } });
    expect(after.body.message).toMatch(/Tagihan bulan Oktober 2026 sudah diunggah sesudahnya: jalankan ulang rekonsiliasi/);
    expect(await t.dataSource.query(`SELECT month FROM closed_month`)).toEqual([]);
  });

  it('a second officer finalizes the latest DONE run: FINAL and the month is closed', async () => {
    const run = await start('2026-09');
    const res = await checker.post(`/api/v1/reconciliations/${run.id}/finalize`).expect(201);
    expect(res.body).toMatchObject({ id: run.id, month: '2026-09', status: 'FINAL', finalizedBy: checker.username });
    const stored = (await checker.get(`/api/v1/reconciliations/${run.id}`).expect(200)).body;
    expect(stored).toMatchObject({ status: 'FINAL', finalizedBy: checker.username, bill: expect.any(Object) });
    expect(await t.dataSource.query('SELECT month, run_id FROM closed_month')).toEqual([{ month: '2026-09', run_id: run.id }]);
    // the audit trail names the month finalized, the request naming the run by its id alone (QA: "Hasil: (Versi: 1, Status: Final)")
    const [event] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'reconciliation.finalize' AND entity_id = $1`, [run.id]);
    expect(JSON.parse(event.summary).result).toEqual({ month: '2026-09', version: run.version, status: 'FINAL' });
    // a request that names its month is not told it twice
    const [started] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'reconciliation.start' AND entity_id = $1`, [run.id]);
    expect(JSON.parse(started.summary).result).not.toHaveProperty('month');
  });

  it('refuses a second finalize and a new run of the closed month', async () => {
    const [final] = (await checker.get('/api/v1/reconciliations?month=2026-09').expect(200)).body;
    expect((await checker.post(`/api/v1/reconciliations/${final.id}/finalize`).expect(409)).body.code).toBe('ALREADY_FINAL');
    expect((await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-09' }).expect(409)).body.code).toBe('MONTH_CLOSED');
  });

  it('refuses payments for the closed month; a correction goes to an open month as an adjustment', async () => {
    const api = await t.as(Role.KEUANGAN);
    const payment = { pledgeCode: 'APBD-2026', month: '2026-09', amount: 37800, paidAt: '2026-09-08', reference: 'SP2D 9' };
    const refused = await api.post('/api/v1/payments').send(payment).expect(409);
    expect(refused.body).toMatchObject({ code: 'MONTH_CLOSED', message: expect.stringContaining('September 2026') });
    expect(refused.body.message).not.toContain('adjustsMonth'); // console users read it
    const adjustment = await api.post('/api/v1/payments').send({ ...payment, month: '2026-10', paidAt: '2026-10-02', adjustsMonth: '2026-09' }).expect(201);
    expect(adjustment.body).toMatchObject({ month: '2026-10', adjustsMonth: '2026-09', amount: 37800 });
  });

  it('refuses bill, PBI-APBN list and payment-sheet uploads for the closed month', async () => {
    const api = await t.as(Role.KEUANGAN);
    const bill = await api
      .post('/api/v1/bills')
      .field('month', '2026-09')
      .field('invoiceTotal', '37800')
      .attach('file', Buffer.from('NOKA,NIK,NAMA,IURAN\n0000000000001,' + nik(1) + ',A,37800\n'), 'tagihan.csv')
      .expect(409);
    // a bill's own advice, naming no API field (QA: the payments' advice, "… atau adjustsMonth …")
    expect(bill.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message:
        'Bulan September 2026 sudah difinalisasi dan tidak dapat diubah. Tagihan bulan yang sudah difinalisasi tidak dapat diganti. Bila BPJS mengoreksi tagihan bulan itu, ' +
        'selisih uangnya dicatat sebagai pembayaran penyesuaian pada bulan yang masih terbuka ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran).',
    });
    const pbi = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-09').attach('file', Buffer.from(`NIK\n${nik(1)}\n`), 'pbi.csv').expect(409);
    expect(pbi.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message: 'Bulan September 2026 sudah difinalisasi dan tidak dapat diubah. Daftar PBI APBN bulan yang sudah difinalisasi tidak dapat diganti; hasil rekonsiliasinya tetap seperti saat difinalisasi.',
    });
    const sheet = 'KODE_KOMITMEN,BULAN,JUMLAH,TANGGAL_BAYAR,REFERENSI\nAPBD-2026,2026-09,37800,2026-09-05,SP2D 1\n';
    const payments = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'bayar.csv').expect(400);
    expect(payments.body.details.issues[0]).toMatchObject({ column: 'BULAN', code: 'MONTH_CLOSED' });
  });

  it('refuses an allocation of the closed month; a pledge revision applies to the open months and leaves its splits as finalized', async () => {
    const api = await t.as(Role.KEUANGAN);
    const splitsOfSeptember = () => t.dataSource.query(`SELECT nik, pledge_code, amount, pledge_revision FROM split WHERE month = '2026-09' ORDER BY nik`);
    const finalized = await splitsOfSeptember();
    expect(finalized.length).toBeGreaterThan(0);
    const revision = await api.patch('/api/v1/pledges/APBD-2026').send({ sharePercent: 50, reason: 'uji bulan tertutup' }).expect(200);
    expect(revision.body.closedMonths).toEqual(['2026-09']);
    await api.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    expect(await splitsOfSeptember()).toEqual(finalized);
    const allocation = await api.post('/api/v1/allocations').send({ month: '2026-09' }).expect(409);
    expect(allocation.body.code).toBe('MONTH_CLOSED');
  });
});

/**
 * Finalizing a month on or before its due date (§8: the 10th) while funders still owe for it is allowed, and the answer
 * says so (DUE_DATE_NOT_PASSED, as a run says NO_PBI_LIST): the due date, what is unpaid and by how many funders (QA:
 * December 2026 finalized on 6 December, its two owing funders unsaid). Three participants at Rp37.800: PROV-2026 funds
 * one, APBD-2026 two; APBD-2026 paid Rp50.000 of December. A month finalized after its due date hears nothing.
 */
describe('reconciliation: finalize before the due date warns of what is unpaid', () => {
  let t: TestApp;
  let checker: Awaited<ReturnType<typeof secondKeuangan>>;
  const people = [1, 2, 3].map((n) => ({ nik: nik(n), noka: `000000000000${n}` }));
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-06T03:00:00Z'));
    checker = await secondKeuangan(t);
    await insertParticipants(t.dataSource, people);
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-12', amount: 50000, paidAt: '2026-12-05', reference: 'SP2D 1' }).expect(201);
    await insertBill(t.dataSource, '2026-11', people);
    await insertBill(t.dataSource, '2026-12', people);
  });
  afterAll(() => t?.close());

  const runOf = async (month: string) => (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month }).expect(201)).body;

  it('November, past its due date and unpaid, is finalized with no DUE_DATE_NOT_PASSED (only the earlier months it freezes)', async () => {
    const run = await runOf('2026-11');
    expect((await checker.get(`/api/v1/reconciliations/${run.id}`).expect(200)).body).toMatchObject({ dueDate: '2026-11-10', dueDatePassed: true });
    const warnings = (await checker.post(`/api/v1/reconciliations/${run.id}/finalize`).expect(201)).body.warnings;
    // allocating December allocated January–November: November freezes January–October, never reconciled
    expect(warnings.map((w: { code: string }) => w.code)).toEqual(['FREEZES_OPEN_MONTHS']);
    expect(warnings[0].details.months.map((k: { month: string; draftVersion: number | null }) => `${k.month}${k.draftVersion ?? ''}`)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`),
    );
  });

  it('December on 6 December: DUE_DATE_NOT_PASSED naming the due date, Rp63.400 unpaid by 2 funders, and January 2027 for their payments', async () => {
    const run = await runOf('2026-12');
    expect((await checker.get(`/api/v1/reconciliations/${run.id}`).expect(200)).body).toMatchObject({ dueDate: '2026-12-10', dueDatePassed: false, monthEnded: false });
    const res = await checker.post(`/api/v1/reconciliations/${run.id}/finalize`).expect(201);
    expect(res.body).toMatchObject({ month: '2026-12', status: 'FINAL' });
    expect(res.body.warnings).toEqual([
      {
        code: 'DUE_DATE_NOT_PASSED',
        message:
          'Desember 2026 difinalisasi sebelum jatuh tempo pembayarannya (10 Desember 2026; hari ini 6 Desember 2026): 2 pemberi dana masih belum membayar atau kurang bayar sebesar Rp63.400 ' +
          '(APBD-2026, PROV-2026). Pembayarannya, juga yang tepat waktu, kini dicatat sebagai koreksi di bulan yang masih terbuka (mis. Januari 2027) dengan Koreksi untuk bulan = Desember 2026.',
        details: { dueDate: '2026-12-10', unpaid: 63_400, funders: 2, pledgeCodes: ['APBD-2026', 'PROV-2026'] },
      },
    ]);
  });
});

/**
 * Finalizing a month freezes the earlier months of its year not finalized (§9), allowed, and said (FREEZES_OPEN_MONTHS):
 * before, by GET /reconciliations/:id/finalize-preview, and in the answer; afterwards, the frozen months without a
 * finalized reconciliation are listed, drafts among them (QA: November finalized closed August–October, reconciled as
 * drafts only, October still owing, with `"warnings":[]`, and the Dasbor left them out). Two participants at Rp37.800:
 * PROV-2026 funds one, APBD-2026 the other. July: finalized (January–June frozen by it, never reconciled). August: run (draft), paid in full. September: allocated, never run, unpaid.
 * October: run (draft), APBD-2026 paid Rp20.000. November: run and finalized on 15 December, after its due date.
 */
describe('reconciliation: finalize says which earlier open months it freezes and what they owe', () => {
  let t: TestApp;
  let checker: Awaited<ReturnType<typeof secondKeuangan>>;
  let novemberId: string;
  const people = [1, 2].map((n) => ({ nik: nik(n), noka: `000000000000${n}` }));
  const funder = 'Penyandang dana uji';
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-15T03:00:00Z'));
    checker = await secondKeuangan(t);
    await insertParticipants(t.dataSource, people);
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    for (const month of ['2026-07', '2026-08', '2026-10', '2026-11']) await insertBill(t.dataSource, month, people);
    // July finalized first: January–June frozen by it, not by November
    const july = (await finance.post('/api/v1/reconciliations').send({ month: '2026-07' }).expect(201)).body;
    await checker.post(`/api/v1/reconciliations/${july.id}/finalize`).expect(201);
    const pay = (pledgeCode: string, month: string, amount: number, reference: string) =>
      finance.post('/api/v1/payments').send({ pledgeCode, month, amount, paidAt: `${month}-05`, reference }).expect(201);
    await finance.post('/api/v1/reconciliations').send({ month: '2026-08' }).expect(201);
    await pay('APBD-2026', '2026-08', 37800, 'SP2D 8A');
    await pay('PROV-2026', '2026-08', 37800, 'SP2D 8P');
    await finance.post('/api/v1/allocations').send({ month: '2026-09' }).expect(201);
    await pay('APBD-2026', '2026-10', 20000, 'SP2D 10A');
    await finance.post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(201);
    novemberId = (await finance.post('/api/v1/reconciliations').send({ month: '2026-11' }).expect(201)).body.id;
  });
  afterAll(() => t?.close());

  const MONTHS = [
    { month: '2026-08', draftVersion: 1, owed: 0, funders: [] },
    {
      month: '2026-09',
      draftVersion: null,
      owed: 75_600,
      funders: [
        { pledgeCode: 'APBD-2026', funder, owed: 37_800 },
        { pledgeCode: 'PROV-2026', funder, owed: 37_800 },
      ],
    },
    {
      month: '2026-10',
      draftVersion: 1,
      owed: 55_600,
      funders: [
        { pledgeCode: 'APBD-2026', funder, owed: 17_800 },
        { pledgeCode: 'PROV-2026', funder, owed: 37_800 },
      ],
    },
  ];
  const WARNING = {
    code: 'FREEZES_OPEN_MONTHS',
    message:
      'Finalisasi November 2026 juga menutup 3 bulan sebelumnya yang belum difinalisasi, Agustus–Oktober 2026 (belum pernah direkonsiliasi: September 2026; ' +
      'hanya draf, rekonsiliasinya belum difinalisasi: Agustus 2026 versi 1, Oktober 2026 versi 1). ' +
      'Masih terutang Rp131.200: September 2026 Rp75.600 (APBD-2026 Rp37.800, PROV-2026 Rp37.800); Oktober 2026 Rp55.600 (APBD-2026 Rp17.800, PROV-2026 Rp37.800). ' +
      'Alokasi bulan-bulan itu dibekukan dan pembayarannya hanya dapat dicatat sebagai koreksi di bulan yang masih terbuka (mis. Desember 2026) ' +
      'dengan Koreksi untuk bulan = bulan yang dibayar. Belum ada berita acara yang ditandatangani untuk bulan-bulan itu; bulan-bulan itu masih dapat direkonsiliasi lalu difinalisasi.',
    details: { months: MONTHS, openMonth: '2026-12' },
  };

  it('GET /reconciliations/:id/finalize-preview says it before: August and October drafts, September never run, what each funder owes; nothing is closed', async () => {
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${novemberId}/finalize-preview`).expect(200);
    expect(res.body).toEqual({ id: novemberId, month: '2026-11', warnings: [WARNING] });
    expect(await t.dataSource.query('SELECT month FROM closed_month')).toEqual([{ month: '2026-07' }]);
    await (await t.as(Role.AUDITOR)).get('/api/v1/reconciliations/00000000-0000-4000-8000-000000000000/finalize-preview').expect(404);
  });

  it('finalize is allowed (§9 refuses nothing) and answers the same warning; the preview then has none', async () => {
    const res = await checker.post(`/api/v1/reconciliations/${novemberId}/finalize`).expect(201);
    expect(res.body).toMatchObject({ month: '2026-11', status: 'FINAL' });
    expect(res.body.warnings).toEqual([WARNING]); // past November's due date: no DUE_DATE_NOT_PASSED
    expect((await checker.get(`/api/v1/reconciliations/${novemberId}/finalize-preview`).expect(200)).body.warnings).toEqual([]);
    // October's payments are then corrections only, as the warning said
    const refused = await checker.post('/api/v1/payments').send({ pledgeCode: 'PROV-2026', month: '2026-10', amount: 37800, paidAt: '2026-12-15', reference: 'SP2D 10P' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'MONTH_CLOSED', details: { month: '2026-10', closedMonth: '2026-11' } });
  });

  it('afterwards the frozen months without a finalized reconciliation are listed, the drafts told apart, and the year recap is a DRAF naming them', async () => {
    const frozen = (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${novemberId}`).expect(200)).body.frozenUnreconciled;
    expect(frozen).toEqual([
      ...['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((month) => ({ month, frozenBy: '2026-07', draftVersion: null })),
      { month: '2026-08', frozenBy: '2026-11', draftVersion: 1 },
      { month: '2026-09', frozenBy: '2026-11', draftVersion: null },
      { month: '2026-10', frozenBy: '2026-11', draftVersion: 1 },
    ]);
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/reports/year/2026.xlsx'))).body);
    const draft: string[] = [];
    wb.getWorksheet('Per Pemberi Dana')!.eachRow((r) => String(r.getCell(1).value).startsWith('DRAF') && draft.push(String(r.getCell(1).value)));
    expect(draft).toHaveLength(1);
    expect(draft[0]).toContain(
      'Januari–Juni 2026, Agustus–Oktober 2026 dibekukan tanpa rekonsiliasi final (belum pernah direkonsiliasi: Januari–Juni 2026, September 2026; hanya draf, belum difinalisasi: Agustus 2026, Oktober 2026): ' +
        'belum ada berita acara yang ditandatangani untuk bulan-bulan itu.',
    );
    expect(draft[0]).toMatch(/^DRAF — JANGAN DITANDATANGANI: Desember 2026 belum dialokasikan/); // as before, the frozen months after it
  });
});
