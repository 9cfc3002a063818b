/**
 * Every upload route refuses a file over UPLOAD_MAX_MB the same way while it arrives: 413
 * FILE_TOO_LARGE naming the limit in Indonesian, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ROUTES: [route: string, fields: Record<string, string>, table: string][] = [
  ['/api/v1/enrollment-uploads', {}, 'enrollment_upload'],
  ['/api/v1/bills', { month: '2026-09', invoiceTotal: '100' }, 'bill'],
  ['/api/v1/pbi-apbn-lists', { month: '2026-09' }, 'pbi_apbn_list'],
  ['/api/v1/payment-uploads', {}, 'payment'],
  ['/api/v1/pledge-uploads', {}, 'pledge'],
];

describe('uploads over the size limit', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ uploadMaxBytes: 10_000 })));
  afterAll(() => t.close());

  const big = Buffer.from('NIK;NAMA\n' + '1703060101900001;Nama Peserta\n'.repeat(700)); // about 21 KB

  it.each(ROUTES)('%s answers 413 FILE_TOO_LARGE and stores nothing', async (route, fields, table) => {
    // the role that uploads there: the admin enters no data (README, roles)
    let req = (await t.as(route === '/api/v1/enrollment-uploads' ? Role.OPERATOR_DINKES : Role.KEUANGAN)).post(route);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    const res = await req.attach('file', big, 'besar.csv').expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'FILE_TOO_LARGE', details: { maxBytes: 10_000 } });
    expect(res.body.message).toMatch(/melebihi batas ukuran unggahan/);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(n).toBe(0);
  });
});
