/** A pledge sheet headed with accepted aliases (PERSEN BAGIAN, DAFTAR NIK, ANGGARAN, value) hears its issues in those headers, not the own names. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Issue = { sheet: string; rowNumber: number; column: string | null; message: string };

describe('POST /api/v1/pledge-uploads: issues name the columns as the file wrote them', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('column and message say the alias headers of the Komitmen and Daftar sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE KOMITMEN', 'SUMBER DANA', 'DANA', 'PEMBERI', 'TAHUN ANGGARAN', 'CAKUPAN', 'DESA', 'DAFTAR NIK', 'PERSEN BAGIAN', 'ANGGARAN']);
    sheet.addRow(['P-PERSEN', 'TJSLP', null, 'PT P', 2026, 'ALL', null, null, 150, null]);
    sheet.addRow(['P-NIK', 'TJSLP', null, 'PT N', 2026, 'RESIDENTS', null, 1703064101900001, 100, null]);
    sheet.addRow(['P-PAGU', 'TJSLP', null, 'PT A', 2026, 'ALL', null, null, 100, { formula: '1/0', result: { error: '#DIV/0!' } }]);
    sheet.addRow(['P-DESA', 'DESA', null, 'Desa Y', 2026, 'VILLAGES', '1703062001', null, 100, null]);
    sheet.addRow(['P-DAFTAR', 'TJSLP', null, 'PT D', 2026, 'RESIDENTS', null, null, 100, null]);
    const daftar = wb.addWorksheet('Daftar');
    daftar.addRow(['KODE KOMITMEN', 'value']);
    daftar.addRow(['P-DAFTAR', 1703064101900002]);
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads?dryRun=true').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'komitmen.xlsx').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 5, accepted: 0, rejected: 5 });
    const issues: Issue[] = res.body.issues;
    expect(issues.map((i) => [i.sheet, i.rowNumber, i.column])).toEqual([
      ['Komitmen', 2, 'PERSEN BAGIAN'],
      ['Komitmen', 3, 'DAFTAR NIK'],
      ['Komitmen', 4, 'ANGGARAN'],
      ['Komitmen', 5, 'DANA'],
      ['Komitmen', 6, 'DAFTAR NIK'],
      ['Daftar', 2, 'value'],
    ]);
    expect(issues[0].message).toBe('PERSEN BAGIAN harus bilangan bulat 1 sampai 100.');
    expect(issues[1].message).toMatch(/Format kolom DAFTAR NIK sebagai Teks/);
    expect(issues[2].message).toMatch(/^ANGGARAN: /);
    expect(issues[3].message).toMatch(/^DANA wajib diisi untuk sumber DESA/);
    expect(issues[4].message).toMatch(/^Daftar baris 2 ditolak \(NIK ditulis sebagai angka .*Format kolom value sebagai Teks/);
    expect(issues[5].message).toMatch(/Format kolom value sebagai Teks/);
    expect(issues.map((i) => i.message).join(' ')).not.toMatch(/\b(PAGU|JENIS_DANA|NILAI)\b|PERSEN harus/);
  });
});
