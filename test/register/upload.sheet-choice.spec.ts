/**
 * Which sheet of an .xlsx is read: "Daftar Peserta" when the workbook has it (with any data row), else the
 * first visible sheet with the columns (and data, when "Daftar Peserta" has its header only); never a hidden one (QA: a hidden "Lama" before "Daftar Peserta" registered
 * its stale row, silently). Data only on a hidden sheet: whole-file-refusals.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';

describe('the sheet an enrollment upload reads', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const names = async (uploadId: string) =>
    (await t.dataSource.query('SELECT name FROM participant WHERE created_upload_id = $1 ORDER BY nik', [uploadId])).map((r: { name: string }) => r.name);

  it('skips hidden and very hidden sheets before the visible one', async () => {
    const res = await upload(t, 'ok/hidden-sheet-first.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 1, created: 1 });
    expect(await names(res.body.id)).toEqual(['Baris Terlihat']);
  });

  it('reads "Daftar Peserta" (any case, spaces around) rather than an earlier sheet with the same columns', async () => {
    const res = await upload(t, 'ok/named-sheet-not-first.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 1, created: 1 });
    expect(await names(res.body.id)).toEqual(['Baris Daftar']);
  });

  it('reads the first visible sheet with the columns when "Daftar Peserta" is empty (QA: refused as EMPTY_FILE, "Berkas kosong")', async () => {
    const res = await upload(t, 'ok/empty-named-sheet.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 1, created: 1 });
    expect(await names(res.body.id)).toEqual(['Baris Sheet Data']);
  });

  it('reads the first other visible sheet with the columns and data when "Daftar Peserta" has its header only (it was NO_DATA_ROWS)', async () => {
    // "Contoh", the next sheet, has the header only too: passed over for "Data"
    const res = await upload(t, 'ok/header-only-named-sheet.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 1, created: 1 });
    expect(await names(res.body.id)).toEqual(['Baris Sheet Data']);
  });
});
