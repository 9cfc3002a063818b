/**
 * Real answers against the documented response schemas. Every feature's routes are called through the test app with
 * real data: an enrollment sheet, pledges by the API and by sheet, a tariff, an allocation, payments by the API and by
 * sheet, a BPJS bill and PBI-APBN list, a reconciliation finalized by a second finance officer, users, the audit chain.
 * Each answer is checked against the OpenAPI document's response for its operation and status (support/openapi.ts):
 * its content type is documented and a JSON body matches the schema, objects closed (no field the document does not
 * name), so a field renamed, added, dropped or of another type on either side fails here. A few refusals are checked
 * against the one error body. Every operation of the document is called at least once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { Role } from '../../src/users/role.js';
import { pledgeWorkbook } from '../funding/support/pledge-workbook.js';
import { insertParticipants } from '../funding/support/register.js';
import { secondKeuangan } from '../reconciliation/support/users.js';
import { fixture } from '../register/support.js';
import { openApiDocument, ResponseValidator } from '../support/openapi.js';
import { createTestApp, TEST_PASSWORD, testUsername, type TestApp } from '../support/test-app.js';

const file = (path: string) => readFileSync(join(process.cwd(), 'test/fixtures', path));
const PLEDGE_HEADER = ['KODE', 'SUMBER', 'JENIS_DANA', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'NIK', 'PERSEN', 'PAGU'];
const NIK = '1703061203800001'; // Ahmad Saputra of ok/basic.xlsx, village 17.03.06.2001
const VILLAGE = '17.03.06.2001';

describe('OpenAPI: real answers match the documented response schemas', () => {
  let t: TestApp;
  let validator: ResponseValidator;
  const problems: string[] = [];
  const called = new Set<string>();
  /** Checks `res` against the document's `method path` and its status; returns it for the next request. */
  const check = (res: Response, method: string, path: string): Response => {
    called.add(`${method.toUpperCase()} ${path}`);
    problems.push(...validator.problems(res, method, path));
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp({ allocationWorker: true }); // on PostgreSQL, allocations by hand and projections answered by the funding worker's thread
    validator = new ResponseValidator(await openApiDocument(t));
  });
  afterAll(() => t.close());

  it('register, master data and health', async () => {
    const operator = await t.as(Role.OPERATOR_DINKES);
    const keuangan = await t.as(Role.KEUANGAN);
    check(await t.http.get('/health').expect(200), 'get', '/health');
    check(await operator.get('/api/v1/villages').expect(200), 'get', '/api/v1/villages');
    check(await operator.get('/api/v1/templates/enrollment.xlsx').expect(200), 'get', '/api/v1/templates/enrollment.xlsx');
    check(await keuangan.get('/api/v1/templates/bill.xlsx').expect(200), 'get', '/api/v1/templates/bill.xlsx');
    check(await keuangan.get('/api/v1/templates/pbi-apbn.xlsx').expect(200), 'get', '/api/v1/templates/pbi-apbn.xlsx');
    const up = check(await operator.post('/api/v1/enrollment-uploads').attach('file', fixture('ok/basic.xlsx'), 'basic.xlsx').expect(201), 'post', '/api/v1/enrollment-uploads');
    const refused = check(
      await operator.post('/api/v1/enrollment-uploads').attach('file', fixture('not-ok/birth-after-tmt.csv'), 'birth-after-tmt.csv').expect(201),
      'post',
      '/api/v1/enrollment-uploads',
    );
    expect(refused.body.rejected).toBeGreaterThan(0);
    check(await operator.post('/api/v1/enrollment-uploads').attach('file', fixture('ok/basic.xlsx'), 'basic.xlsx').expect(201), 'post', '/api/v1/enrollment-uploads'); // recognised
    check(await operator.post('/api/v1/enrollment-uploads').attach('file', fixture('ok/basic-changed.xlsx'), 'basic-changed.xlsx').expect(201), 'post', '/api/v1/enrollment-uploads');
    // HIDDEN_ROWS; SHEETS_NOT_READ; NUMBERED_ROWS and COLUMNS_NOT_READ (its No column)
    for (const [sheet, count] of [['ok/hidden-rows-libreoffice.xlsx', 1], ['ok/named-sheet-not-first.xlsx', 1], ['ok/numbered-empty-rows.csv', 2]] as const) {
      const name = sheet.endsWith('.csv') ? 'peserta.csv' : 'peserta.xlsx';
      const warned = check(await operator.post('/api/v1/enrollment-uploads').attach('file', fixture(sheet), name).expect(201), 'post', '/api/v1/enrollment-uploads');
      expect([sheet, warned.body.sheetWarnings.length]).toEqual([sheet, count]);
    }
    check(await operator.get('/api/v1/enrollment-uploads').expect(200), 'get', '/api/v1/enrollment-uploads');
    check(await operator.get(`/api/v1/enrollment-uploads/${up.body.id}`).expect(200), 'get', '/api/v1/enrollment-uploads/{id}');
    const issues = check(await operator.get(`/api/v1/enrollment-uploads/${refused.body.id}/issues`).expect(200), 'get', '/api/v1/enrollment-uploads/{id}/issues');
    expect(issues.body.items.length).toBeGreaterThan(0);
    check(await operator.get(`/api/v1/enrollment-uploads/${refused.body.id}/report.xlsx`).expect(200), 'get', '/api/v1/enrollment-uploads/{id}/report.xlsx');
    check(await operator.get(`/api/v1/participants?villageCode=${VILLAGE}`).expect(200), 'get', '/api/v1/participants');
    check(await operator.get(`/api/v1/participants/export.xlsx?villageCode=${VILLAGE}`).expect(200), 'get', '/api/v1/participants/export.xlsx');
    check(await operator.get(`/api/v1/participants/${NIK}`).expect(200), 'get', '/api/v1/participants/{nik}');
    const changed = check(await operator.get('/api/v1/participants/1703064512900002').expect(200), 'get', '/api/v1/participants/{nik}'); // changed by basic-changed.xlsx
    expect(changed.body.history.map((e: { kind: string }) => e.kind)).toEqual(['CREATE', 'UPDATE']);
    check(await keuangan.get('/api/v1/participants/1703069999999999').expect(404), 'get', '/api/v1/participants/{nik}');
    await insertParticipants(t.dataSource, [{ nik: '1703069999990001', tmt: '2026-11-01' }]);
    await t.dataSource.query(`UPDATE participant SET noka = '0001000099901' WHERE nik = '1703069999990001'`);
    check(await operator.delete('/api/v1/participants/1703069999990001/noka').send({ reason: 'Kartu milik orang lain' }).expect(200), 'delete', '/api/v1/participants/{nik}/noka');
    check(await operator.delete('/api/v1/participants/1703069999990001/noka').send({ reason: 'Kartu milik orang lain' }).expect(409), 'delete', '/api/v1/participants/{nik}/noka');
    check(await operator.post('/api/v1/participants/1703069999990001/void').send({ reason: 'NIK salah ketik' }).expect(201), 'post', '/api/v1/participants/{nik}/void');
    check(await operator.post('/api/v1/participants/1703069999990001/void').send({ reason: 'NIK salah ketik' }).expect(404), 'post', '/api/v1/participants/{nik}/void');
    check(await keuangan.get('/api/v1/participants/1703069999990001').expect(404), 'get', '/api/v1/participants/{nik}');
  });

  it('funding: pledges, pledge sheets, tariffs, the allocation and its splits', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const admin = await t.as(Role.ADMIN);
    const desa = { code: 'DESA-1703062001-2026', sourceType: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', fiscalYear: 2026, scope: 'VILLAGES', villageCodes: ['1703062001'], priority: 20 };
    check(await keuangan.post('/api/v1/pledges').send(desa).expect(201), 'post', '/api/v1/pledges');
    check(await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 10_000_000, legalBasis: 'Perbup 1/2026' }).expect(201), 'post', '/api/v1/pledges');
    check(await keuangan.post('/api/v1/pledges').send(desa).expect(409), 'post', '/api/v1/pledges');
    check(await keuangan.post('/api/v1/pledges').send({ code: 'X-2026' }).expect(400), 'post', '/api/v1/pledges');
    check(await (await t.as(Role.AUDITOR)).post('/api/v1/pledges').send(desa).expect(403), 'post', '/api/v1/pledges');
    check(await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 20_000_000, reason: 'APBD-P' }).expect(200), 'patch', '/api/v1/pledges/{code}');
    check(await keuangan.get('/api/v1/pledges?fiscalYear=2026').expect(200), 'get', '/api/v1/pledges');
    check(await keuangan.get(`/api/v1/pledges/${desa.code}`).expect(200), 'get', '/api/v1/pledges/{code}');
    check(await keuangan.get('/api/v1/pledges/TIDAK-ADA').expect(404), 'get', '/api/v1/pledges/{code}');
    check(await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026-B', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' }).expect(201), 'post', '/api/v1/pledges');
    check(await keuangan.post('/api/v1/pledges/APBD-2026-B/withdraw').send({ reason: 'Komitmen ganda' }).expect(201), 'post', '/api/v1/pledges/{code}/withdraw');
    check(await keuangan.post('/api/v1/pledges/APBD-2026-B/withdraw').send({ reason: 'Komitmen ganda' }).expect(409), 'post', '/api/v1/pledges/{code}/withdraw');
    check(await keuangan.get('/api/v1/pledges/APBD-2026-B').expect(200), 'get', '/api/v1/pledges/{code}');
    check(await keuangan.get('/api/v1/pledges?withdrawn=true').expect(200), 'get', '/api/v1/pledges');
    check(await keuangan.get('/api/v1/pledges/APBD-2026-B/revisions').expect(200), 'get', '/api/v1/pledges/{code}/revisions');
    check(await keuangan.post('/api/v1/pledges/APBD-2026-B/reinstate').send({ reason: 'Bukan ganda' }).expect(201), 'post', '/api/v1/pledges/{code}/reinstate');
    check(await keuangan.post('/api/v1/pledges/APBD-2026-B/reinstate').send({}).expect(400), 'post', '/api/v1/pledges/{code}/reinstate');
    check(await keuangan.post('/api/v1/pledges/APBD-2026-B/withdraw').send({ reason: 'Komitmen ganda' }).expect(201), 'post', '/api/v1/pledges/{code}/withdraw');
    check(await keuangan.get('/api/v1/pledges/APBD-2026/revisions').expect(200), 'get', '/api/v1/pledges/{code}/revisions');

    check(await keuangan.get('/api/v1/templates/pledges.xlsx').expect(200), 'get', '/api/v1/templates/pledges.xlsx');
    check(await keuangan.get('/api/v1/templates/payments.xlsx').expect(200), 'get', '/api/v1/templates/payments.xlsx');
    const sheet = await pledgeWorkbook(PLEDGE_HEADER, [
      ['TJSLP-R-2026', 'TJSLP', null, 'PT R', 2026, 'RESIDENTS', null, NIK, 50, '1.000.000'],
      ['DESA-X-2026', 'DESA', 'ADD', 'Desa X', 2026, 'VILLAGES', '1703999999', null, 100, null],
    ]);
    check(await keuangan.post('/api/v1/pledge-uploads?dryRun=true').attach('file', sheet, 'komitmen.xlsx').expect(201), 'post', '/api/v1/pledge-uploads');
    const pu = check(await keuangan.post('/api/v1/pledge-uploads').attach('file', sheet, 'komitmen.xlsx').expect(201), 'post', '/api/v1/pledge-uploads');
    check(await keuangan.post('/api/v1/pledge-uploads').attach('file', sheet, 'komitmen.xlsx').expect(201), 'post', '/api/v1/pledge-uploads'); // recognised
    check(await keuangan.get('/api/v1/pledge-uploads').expect(200), 'get', '/api/v1/pledge-uploads');
    check(await keuangan.get(`/api/v1/pledge-uploads/${pu.body.id}`).expect(200), 'get', '/api/v1/pledge-uploads/{id}');
    check(await keuangan.get(`/api/v1/pledge-uploads/${pu.body.id}/report.xlsx`).expect(200), 'get', '/api/v1/pledge-uploads/{id}/report.xlsx');

    check(await keuangan.get('/api/v1/tariffs').expect(200), 'get', '/api/v1/tariffs');
    check(await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 40000, validFrom: '2027-01-01', legalBasis: 'Perpres (uji)' }).expect(201), 'post', '/api/v1/tariffs');

    check(await keuangan.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201), 'post', '/api/v1/allocations');
    check(await keuangan.get('/api/v1/allocations/2026-10').expect(200), 'get', '/api/v1/allocations/{month}');
    check(await keuangan.get('/api/v1/allocations/2025-06').expect(404), 'get', '/api/v1/allocations/{month}');
    check(await keuangan.get('/api/v1/allocations/2026-10/unfunded').expect(200), 'get', '/api/v1/allocations/{month}/unfunded');
    const projection = check(await keuangan.get('/api/v1/projections?fiscalYear=2026').expect(200), 'get', '/api/v1/projections');
    expect(projection.body.months.map((m: { basis: string }) => m.basis)).toContain('ALLOCATED');
    check(await keuangan.get('/api/v1/projections?fiscalYear=2027').expect(200), 'get', '/api/v1/projections');
    check(await keuangan.get('/api/v1/projections?fiscalYear=2099').expect(400), 'get', '/api/v1/projections');
    check(await keuangan.get('/api/v1/splits?month=2026-10').expect(200), 'get', '/api/v1/splits');
    check(await keuangan.get(`/api/v1/splits?nik=${NIK}`).expect(200), 'get', '/api/v1/splits');
    check(await keuangan.get('/api/v1/splits/export.xlsx?month=2026-10').expect(200), 'get', '/api/v1/splits/export.xlsx');
    for (const groupBy of ['pledge', 'village', 'sourceType']) {
      check(await keuangan.get(`/api/v1/splits/summary?month=2026-10&groupBy=${groupBy}`).expect(200), 'get', '/api/v1/splits/summary');
    }
    const reader = check(await keuangan.get(`/api/v1/participants/${NIK}`).expect(200), 'get', '/api/v1/participants/{nik}');
    expect(reader.body.fundingByMonth.length).toBeGreaterThan(0);
  });

  it('payments, BPJS inputs, reconciliation and reports', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    check(await keuangan.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 30000, paidAt: '2026-10-12', reference: 'SP2D-1' }).expect(201), 'post', '/api/v1/payments');
    const mistake = check(await keuangan.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 1000, paidAt: '2026-10-05', reference: 'SP2D-2' }).expect(201), 'post', '/api/v1/payments');
    check(await keuangan.delete(`/api/v1/payments/${mistake.body.id}`).send({ reason: 'Tercatat keliru' }).expect(200), 'delete', '/api/v1/payments/{id}');
    check(await keuangan.get('/api/v1/payments?month=2026-10').expect(200), 'get', '/api/v1/payments');
    // due-ness on the test clock's 15 November 2026: October ended underpaid (MONTH_ENDED), the enum and date as documented
    const status = check(await keuangan.get('/api/v1/payments/status?month=2026-10').expect(200), 'get', '/api/v1/payments/status');
    expect(status.body.find((s: { pledgeCode: string }) => s.pledgeCode === 'APBD-2026')).toMatchObject({ status: 'UNDERPAID', dueDate: '2026-10-10', overdue: true, suspensionRisk: 'MONTH_ENDED' });
    const sheet = check(await keuangan.post('/api/v1/payment-uploads').attach('file', file('payments/ok/pembayaran-2026-10.csv'), 'pembayaran.csv').expect(201), 'post', '/api/v1/payment-uploads');
    check(await keuangan.get('/api/v1/payment-uploads').expect(200), 'get', '/api/v1/payment-uploads');
    check(await keuangan.get(`/api/v1/payment-uploads/${sheet.body.id}/report.xlsx`).expect(200), 'get', '/api/v1/payment-uploads/{id}/report.xlsx');

    const bill = check(
      await keuangan.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '160000').attach('file', file('bills/ok/tagihan-2026-10.csv'), 'tagihan.csv').expect(201),
      'post',
      '/api/v1/bills',
    );
    const shorter = Buffer.from('NOKA,NIK,NAMA,IURAN\n0001000000001,1703061203800001,Ahmad Saputra,37800\n');
    check(await keuangan.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '160000').attach('file', file('bills/ok/tagihan-2026-10.csv'), 'tagihan.csv').expect(201), 'post', '/api/v1/bills'); // recognised
    const second = check(await keuangan.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '37800').attach('file', shorter, 'tagihan-2.csv').expect(201), 'post', '/api/v1/bills');
    expect(second.body).toMatchObject({ version: 2, replaces: { version: 1, count: 4 }, notice: expect.any(String) });
    check(await keuangan.get('/api/v1/bills?month=2026-10').expect(200), 'get', '/api/v1/bills');
    check(await keuangan.get(`/api/v1/bills/${bill.body.id}`).expect(200), 'get', '/api/v1/bills/{id}');
    check(await keuangan.get(`/api/v1/bills/${bill.body.id}/report.xlsx`).expect(200), 'get', '/api/v1/bills/{id}/report.xlsx');
    check(await keuangan.get(`/api/v1/bills/${bill.body.id}/lines.xlsx`).expect(200), 'get', '/api/v1/bills/{id}/lines.xlsx');
    const pbi = check(await keuangan.post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', file('pbi-apbn/ok/pbi-apbn-2026-10.csv'), 'pbi.csv').expect(201), 'post', '/api/v1/pbi-apbn-lists');
    check(await keuangan.get('/api/v1/pbi-apbn-lists?month=2026-10').expect(200), 'get', '/api/v1/pbi-apbn-lists');
    check(await keuangan.get(`/api/v1/pbi-apbn-lists/${pbi.body.id}`).expect(200), 'get', '/api/v1/pbi-apbn-lists/{id}');
    check(await keuangan.get(`/api/v1/pbi-apbn-lists/${pbi.body.id}/report.xlsx`).expect(200), 'get', '/api/v1/pbi-apbn-lists/{id}/report.xlsx');

    check(await keuangan.post('/api/v1/reconciliations').send({ month: '2026-09' }).expect(201), 'post', '/api/v1/reconciliations'); // no bill: NO_BILL warning
    const run = check(await keuangan.post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(201), 'post', '/api/v1/reconciliations');
    check(await keuangan.get('/api/v1/reconciliations?month=2026-10').expect(200), 'get', '/api/v1/reconciliations');
    check(await keuangan.get(`/api/v1/reconciliations/${run.body.id}`).expect(200), 'get', '/api/v1/reconciliations/{id}');
    check(await keuangan.get(`/api/v1/reconciliations/${run.body.id}/findings`).expect(200), 'get', '/api/v1/reconciliations/{id}/findings');
    check(await keuangan.get(`/api/v1/reconciliations/${run.body.id}/finalize-preview`).expect(200), 'get', '/api/v1/reconciliations/{id}/finalize-preview');
    check(await keuangan.post(`/api/v1/reconciliations/${run.body.id}/finalize`).expect(403), 'post', '/api/v1/reconciliations/{id}/finalize'); // maker-checker
    check(await (await secondKeuangan(t)).post(`/api/v1/reconciliations/${run.body.id}/finalize`).expect(201), 'post', '/api/v1/reconciliations/{id}/finalize');
    check(await keuangan.get(`/api/v1/reconciliations/${run.body.id}`).expect(200), 'get', '/api/v1/reconciliations/{id}');
    check(await keuangan.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 1000, paidAt: '2026-10-05', reference: 'SP2D-3' }).expect(409), 'post', '/api/v1/payments');
    check(await keuangan.get(`/api/v1/reconciliations/${run.body.id}/workbook.xlsx`).expect(200), 'get', '/api/v1/reconciliations/{id}/workbook.xlsx');
    check(await keuangan.get(`/api/v1/statements/villages/${VILLAGE}.xlsx?month=2026-10`).expect(200), 'get', '/api/v1/statements/villages/{code}.xlsx');
    check(await keuangan.get('/api/v1/statements/pledges/APBD-2026.xlsx?year=2026').expect(200), 'get', '/api/v1/statements/pledges/{code}.xlsx');
    check(await keuangan.get('/api/v1/reports/year/2026.xlsx').expect(200), 'get', '/api/v1/reports/year/{year}.xlsx');
  });

  it('users, audit and auth', async () => {
    const admin = await t.as(Role.ADMIN);
    const auditor = await t.as(Role.AUDITOR);
    const user = check(await admin.post('/api/v1/users').send({ username: 'petugas-baru', password: 'rahasia-baru-123', role: 'AUDITOR' }).expect(201), 'post', '/api/v1/users');
    check(await admin.post('/api/v1/users').send({ username: 'petugas-baru', password: 'rahasia-baru-123', role: 'AUDITOR' }).expect(409), 'post', '/api/v1/users');
    check(await admin.patch(`/api/v1/users/${user.body.id}`).send({ active: false }).expect(200), 'patch', '/api/v1/users/{id}');
    check(await auditor.get('/api/v1/users').expect(200), 'get', '/api/v1/users');
    check(await auditor.get('/api/v1/audit-events?entity=pledge').expect(200), 'get', '/api/v1/audit-events');
    check(await auditor.get('/api/v1/audit-events/verify').expect(200), 'get', '/api/v1/audit-events/verify');
    check(await auditor.get('/api/v1/auth/me').expect(200), 'get', '/api/v1/auth/me');
    check(await t.http.post('/api/v1/auth/login').send({ username: testUsername(Role.AUDITOR), password: TEST_PASSWORD }).expect(200), 'post', '/api/v1/auth/login');
    check(await t.http.post('/api/v1/auth/login').send({ username: testUsername(Role.AUDITOR), password: 'salah-sandi-123' }).expect(401), 'post', '/api/v1/auth/login');
    check(await auditor.post('/api/v1/auth/logout').expect(204), 'post', '/api/v1/auth/logout');
    check(await auditor.get('/api/v1/auth/me').expect(401), 'get', '/api/v1/auth/me');
  });

  it('every answer matched its documented schema, and every documented operation was called', () => {
    expect(problems).toEqual([]);
    const operations = Object.entries(validator.doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.filter((o) => !called.has(o))).toEqual([]);
  });
});
