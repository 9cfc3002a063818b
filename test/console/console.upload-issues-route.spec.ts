/** GET /api/v1/enrollment-uploads/:id/issues: the rows of an upload's report, as JSON for the console. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { BOOT_TIMEOUT } from './support/browser.js';
import { enrollmentCsv, PEOPLE } from './support/sheets.js';

describe('upload issues as JSON', () => {
  let t: TestApp;
  let uploadId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const operator = await t.as(Role.OPERATOR_DINKES);
    const sheet = enrollmentCsv([...PEOPLE.slice(0, 2), { nik: '1701061205800009', name: 'Dari Luar' }, { nik: '17030612058A0007', name: 'Huruf' }]);
    const res = await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(sheet), 'peserta.csv').expect(201);
    uploadId = res.body.id;
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  it('lists the rejected and warned rows in row order, with column and message', async () => {
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${uploadId}/issues`).expect(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((i: any) => [i.rowNumber, i.severity, i.column])).toEqual([
      [4, 'WARN', 'NIK'],
      [5, 'REJECT', 'NIK'],
    ]);
    for (const item of res.body.items) expect(item.message).toMatch(/NIK/);
  });

  it('filters by severity and pages', async () => {
    const operator = await t.as(Role.OPERATOR_DINKES);
    const rejects = await operator.get(`/api/v1/enrollment-uploads/${uploadId}/issues?severity=REJECT`).expect(200);
    expect(rejects.body.items.map((i: any) => i.rowNumber)).toEqual([5]);
    const second = await operator.get(`/api/v1/enrollment-uploads/${uploadId}/issues?page=2&pageSize=1`).expect(200);
    expect(second.body).toMatchObject({ total: 2, items: [{ rowNumber: 5 }] });
  });

  it('answers a malformed id as an unknown upload (404), refuses a malformed severity with 400, and needs a login', async () => {
    const operator = await t.as(Role.OPERATOR_DINKES);
    expect((await operator.get('/api/v1/enrollment-uploads/bukan-uuid/issues').expect(404)).body.code).toBe('UPLOAD_NOT_FOUND');
    const bad = await operator.get(`/api/v1/enrollment-uploads/${uploadId}/issues?severity=ERROR`).expect(400);
    expect(bad.body.details[0].field).toBe('severity');
    await t.http.get(`/api/v1/enrollment-uploads/${uploadId}/issues`).expect(401);
  });

  it('answers 404 for an upload that does not exist, instead of an empty list', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/enrollment-uploads/00000000-0000-4000-8000-000000000000/issues').expect(404);
    expect(res.body.code).toBe('UPLOAD_NOT_FOUND');
  });
});
