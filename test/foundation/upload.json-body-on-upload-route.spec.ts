/**
 * QA: POST /bills with a JSON body was told about invoiceTotal ("bukan angka"), not that the route
 * reads a form. Every upload route now answers a body that is not multipart/form-data with 415
 * saying how to send the file, and stores nothing; a request without a body is still told the file
 * is required (FILE_REQUIRED on every upload route). A JSON body over 1 MB is 413 naming the limit, as a file over its limit is.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ROUTES: [route: string, table: string][] = [
  ['/api/v1/enrollment-uploads', 'enrollment_upload'],
  ['/api/v1/bills', 'bill'],
  ['/api/v1/pbi-apbn-lists', 'pbi_apbn_list'],
  ['/api/v1/payment-uploads', 'payment'],
  ['/api/v1/pledge-uploads', 'pledge'],
];

describe('an upload route sent JSON', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it.each(ROUTES)('%s answers 415 saying it takes multipart/form-data with a "file" field', async (route, table) => {
    // the role that uploads there: the admin enters no data (README, roles)
    const uploader = await t.as(route === '/api/v1/enrollment-uploads' ? Role.OPERATOR_DINKES : Role.KEUANGAN);
    const res = await uploader.post(route).send({ month: '2026-09', invoiceTotal: 'seratus', file: 'data.csv' });
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message:
        'Rute ini menerima berkas sebagai multipart/form-data (Content-Type: multipart/form-data), dengan berkasnya pada kolom "file" (.xlsx atau .csv) dan isian lain sebagai kolom formulir; isi JSON tidak dibaca.',
    });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(n).toBe(0);
  });

  // each module refuses in its own words, all with the one code (pledge-uploads answered UPLOAD_INVALID);
  // a bill or PBI-APBN list sends its form fields, checked before the file
  const FIELDS: Record<string, Record<string, string>> = { '/api/v1/bills': { month: '2026-09', invoiceTotal: '1000' }, '/api/v1/pbi-apbn-lists': { month: '2026-09' } };
  it.each(ROUTES)('%s without a file is still told the file is required (FILE_REQUIRED), storing nothing', async (route, table) => {
    const uploader = await t.as(route === '/api/v1/enrollment-uploads' ? Role.OPERATOR_DINKES : Role.KEUANGAN);
    const fields = Object.entries(FIELDS[route] ?? {});
    const res = await fields.reduce((req, [name, value]) => req.field(name, value), uploader.post(route));
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'FILE_REQUIRED' });
    expect(res.body.message).toMatch(/kolom "file"/);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(n).toBe(0);
  });

  it('a JSON body over 1 MB is 413 naming the limit', async () => {
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(1024 * 1024) });
    const res = await (await t.as(Role.ADMIN)).post('/api/v1/users').set('Content-Type', 'application/json').send(big);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Data yang dikirim terlalu besar: isi permintaan (JSON) paling besar 1 MB. Berkas diunggah lewat rute unggahan sebagai multipart/form-data.',
    });
  });
});

/**
 * QA: a form field an upload route does not read was ignored: `dryRun=true` in the form of POST
 * /pledge-uploads (read from the query only) saved the pledge, and `extra` on /bills, `mont` on
 * /pbi-apbn-lists, `dryRun` on /enrollment-uploads and `bogus` on /payment-uploads were taken as
 * if not sent. Every upload route now refuses one naming it, as a JSON body's unknown field is,
 * storing nothing and keeping no file.
 */
describe('an upload route sent a form field it does not read', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const FIELDS: Record<string, Record<string, string>> = { '/api/v1/bills': { month: '2026-09', invoiceTotal: '1000' }, '/api/v1/pbi-apbn-lists': { month: '2026-09' } };
  const UNKNOWN: Record<string, string> = { '/api/v1/bills': 'extra', '/api/v1/pbi-apbn-lists': 'mont', '/api/v1/enrollment-uploads': 'dryRun', '/api/v1/payment-uploads': 'bogus', '/api/v1/pledge-uploads': 'bogus' };

  it.each(ROUTES)('%s answers 400 VALIDATION_FAILED naming it, storing nothing', async (route, table) => {
    const uploader = await t.as(route === '/api/v1/enrollment-uploads' ? Role.OPERATOR_DINKES : Role.KEUANGAN);
    const fields = Object.entries({ ...FIELDS[route], [UNKNOWN[route]]: route === '/api/v1/pbi-apbn-lists' ? '2026-12' : 'true' });
    const req = fields.reduce((r, [name, value]) => r.field(name, value), uploader.post(route));
    const res = await req.attach('file', Buffer.from('NIK\n1703064101900001\n'), 'uji.csv');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: UNKNOWN[route], messages: [`kolom ${UNKNOWN[route]} tidak dikenal`] }] });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(n).toBe(0);
    expect(await readdir(join(t.config.dataDir, 'uploads'))).toEqual([]);
  });

  it("a bill's other field problems come in the same answer", async () => {
    const res = await (await t.as(Role.KEUANGAN))
      .post('/api/v1/bills')
      .field('month', '2026-9')
      .field('invoiceTotal', '1000')
      .field('extra', '1')
      .attach('file', Buffer.from('NOKA,NIK,NAMA,IURAN\n'), 'tagihan.csv')
      .expect(400);
    expect(res.body.details).toEqual([
      { field: 'extra', messages: ['kolom extra tidak dikenal'] },
      { field: 'month', messages: ['month harus berformat YYYY-MM dengan tahun 2000–2099'] },
    ]);
  });
});
