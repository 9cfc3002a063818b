/**
 * QA: the pledge sheet refused `Peserta tertentu`, the name the form shows, with "CAKUPAN harus salah satu dari: ALL,
 * VILLAGES, RESIDENTS.". SUMBER, JENIS_DANA and CAKUPAN now take the Indonesian names the console and the workbooks
 * show as well as the codes; anything else is still refused naming the codes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testNik } from './support/register.js';

describe('pledge sheet: codes written by their Indonesian names', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('reads the console’s names as the codes, and refuses a name it does not know', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'JENIS_DANA', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'NIK', 'PERSEN']);
    sheet.addRow(['PROV-2027', 'APBD Provinsi', null, 'Pemprov', 2027, 'Semua peserta', null, null, 40]);
    sheet.addRow(['DESA-1703062001-2027', 'Anggaran Desa', 'Alokasi Dana Desa (ADD)', 'Desa Talang Jambu', 2027, 'Desa tertentu', '17.03.06.2001', null, 100]);
    sheet.addRow(['TJSLP-UJI-2027', 'TJSLP (CSR perusahaan)', null, 'PT Uji', 2027, 'Peserta tertentu (NIK)', null, testNik(1), 100]);
    sheet.addRow(['APBD-2027', 'apbd kabupaten', null, 'Pemkab', 2027, 'semua', null, null, 100]);
    sheet.addRow(['SALAH-2027', 'APBD', null, 'Pemkab', 2027, 'Sebagian peserta', null, null, 100]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads').attach('file', file, 'nama.xlsx').expect(201);
    expect(res.body).toMatchObject({ accepted: 4, rejected: 1 });
    expect(res.body.issues.map((i: { rowNumber: number; column: string; message: string }) => [i.rowNumber, i.column, i.message])).toEqual([
      [6, 'CAKUPAN', expect.stringMatching(/^CAKUPAN harus salah satu dari: ALL, VILLAGES, RESIDENTS\..* Boleh juga ditulis dengan namanya: Semua peserta, Desa tertentu, Peserta tertentu \(NIK\)\.$/)],
    ]);
    const stored = await t.dataSource.query(`SELECT code, source_type, fund, scope FROM pledge ORDER BY code`);
    expect(stored).toEqual([
      { code: 'APBD-2027', source_type: 'APBD', fund: null, scope: 'ALL' },
      { code: 'DESA-1703062001-2027', source_type: 'DESA', fund: 'ADD', scope: 'VILLAGES' },
      { code: 'PROV-2027', source_type: 'APBD_PROV', fund: null, scope: 'ALL' },
      { code: 'TJSLP-UJI-2027', source_type: 'TJSLP', fund: null, scope: 'RESIDENTS' },
    ]);
  });
});
