import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';

describe('large files are processed in the background', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ uploadBackgroundBytes: 1000 })));
  afterAll(() => t.close());

  it('answers PROCESSING with progress, then DONE', async () => {
    const res = await upload(t, 'ok/concurrent-a.csv');
    expect(res.body).toMatchObject({ status: 'PROCESSING', rowsRead: 0 });
    expect(res.body.progress).toBeGreaterThanOrEqual(0);
    expect(res.body.progress).toBeLessThanOrEqual(1);
    await t.app.get(ImportEnrollmentSheet).idle();
    const done = await (await t.as(Role.KEUANGAN)).get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', progress: 1, rowsRead: 200, accepted: 200, created: 200 });
  });

  it('a background upload names the rows Excel hid once DONE, as one read within the request does', async () => {
    const res = await upload(t, 'ok/hidden-rows-libreoffice.xlsx'); // rows 2, 4 and 6 hidden (upload.hidden-rows-warned.spec.ts)
    expect(res.body).toMatchObject({ status: 'PROCESSING', sheetWarnings: [] });
    await t.app.get(ImportEnrollmentSheet).idle();
    const done = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', rowsRead: 6, sheetWarnings: [{ code: 'HIDDEN_ROWS', rows: 3, message: expect.stringMatching(/^Baris 2, 4 dan 6 \(3 baris\) tersembunyi di Excel/) }] });
  });

  it('a background refusal is reported on the upload', async () => {
    const res = await upload(t, 'not-ok/missing-required-column.xlsx');
    expect(res.body.status).toBe('PROCESSING');
    await t.app.get(ImportEnrollmentSheet).idle();
    const failed = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200);
    expect(failed.body).toMatchObject({ status: 'FAILED' });
    expect(failed.body.error).toMatch(/Kolom wajib tidak ditemukan: KODE_DESA, TMT/);
  });
});
