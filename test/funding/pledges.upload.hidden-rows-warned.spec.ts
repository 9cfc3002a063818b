/**
 * A pledge sheet's rows Excel hides, on `Komitmen` or on `Daftar`, are read and saved like the others,
 * and the upload names them by sheet in `sheetWarnings`: its answer (a dry run's too), the upload read
 * back and its row report's Ringkasan.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { download, readWorkbook } from '../reports/support/xlsx.js';

const HEADER = ['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'NIK', 'PERSEN'];

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const komitmen = wb.addWorksheet('Komitmen');
  [HEADER, ['TJSLP-A-2026', 'TJSLP', 'PT A', 2026, 'ALL', null, null, 10], ['TJSLP-R-2026', 'TJSLP', 'PT R', 2026, 'RESIDENTS', null, null, 100]].forEach((r) => komitmen.addRow(r));
  komitmen.getRow(3).hidden = true;
  const daftar = wb.addWorksheet('Daftar');
  [['KODE', 'NILAI'], ['TJSLP-R-2026', '1703064101900001'], ['TJSLP-R-2026', '1703064101900002'], ['TJSLP-R-2026', '1703064101900003']].forEach((r) => daftar.addRow(r));
  daftar.getRow(3).hidden = daftar.getRow(4).hidden = true;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TAIL = 'tersembunyi di Excel (disembunyikan atau tersaring) dan tetap dibaca seperti baris lain. Jika hanya baris yang terlihat yang dimaksud, hapus baris tersembunyi itu dari berkas.';
const WARNINGS = [
  { code: 'HIDDEN_ROWS', sheet: 'Komitmen', rows: 1, ranges: [[3, 3]], message: `Sheet Komitmen: baris 3 ${TAIL}` },
  { code: 'HIDDEN_ROWS', sheet: 'Daftar', rows: 2, ranges: [[3, 4]], message: `Sheet Daftar: baris 3–4 (2 baris) ${TAIL}` },
];

describe('pledge sheet upload: hidden rows are read and named by sheet', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('a dry run names them already', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads?dryRun=true').attach('file', await workbook(), 'komitmen.xlsx').expect(201);
    expect(res.body).toMatchObject({ dryRun: true, accepted: 2, sheetWarnings: WARNINGS });
  });

  it('saves the hidden pledge and list rows and names them: answer, read back, row report', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads').attach('file', await workbook(), 'komitmen.xlsx').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, sheetWarnings: WARNINGS });
    const [pledge] = await t.dataSource.query(`SELECT niks FROM pledge WHERE code = 'TJSLP-R-2026'`);
    expect([...pledge.niks].sort()).toEqual(['1703064101900001', '1703064101900002', '1703064101900003']);

    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get(`/api/v1/pledge-uploads/${res.body.id}`).expect(200)).body.sheetWarnings).toEqual(WARNINGS);
    const report = await readWorkbook((await download(auditor.get(`/api/v1/pledge-uploads/${res.body.id}/report.xlsx`))).body);
    const lines = (report.getWorksheet('Ringkasan')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]);
    expect(lines.filter(([label]) => label === 'Peringatan berkas')).toEqual(WARNINGS.map((w) => ['Peringatan berkas', w.message]));
  });
});
