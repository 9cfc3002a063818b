/**
 * QA: a PERSEN cell formatted as a percentage shows 40% but holds 0.4, and was refused as "PERSEN
 * harus bilangan bulat 1 sampai 100.". It is now read as the percent it shows when that is whole;
 * text `40%` is 40; a percent that is not whole (40.5%) is refused naming the percent shown.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('pledge sheet: PERSEN as the cell shows it', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('a percent-formatted 0.4 and text "25 %" are read as 40 and 25; 40.5% and a plain 0.4 are refused', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Komitmen');
    sheet.addRow(['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'PERSEN']);
    const rows: [string, ExcelJS.CellValue, string | undefined][] = [
      ['QA-A-2027', 0.4, '0%'],
      ['QA-B-2027', '25 %', undefined],
      ['QA-C-2027', 0.405, '0.0%'],
      ['QA-D-2027', 0.4, undefined],
    ];
    for (const [code, persen, format] of rows) {
      const row = sheet.addRow([code, 'APBD', 'Pemkab', 2027, 'ALL', persen]);
      if (format) row.getCell(6).numFmt = format;
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pledge-uploads').attach('file', file, 'persen.xlsx').expect(201);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 2 });
    expect(res.body.issues.map((i: { rowNumber: number; column: string; message: string }) => [i.rowNumber, i.column, i.message])).toEqual([
      [4, 'PERSEN', 'PERSEN "40.5" bukan bilangan bulat: tulis bilangan bulat, misalnya 50.'],
      [5, 'PERSEN', expect.stringMatching(/^PERSEN harus bilangan bulat 1 sampai 100\./)],
    ]);
    const stored = await t.dataSource.query(`SELECT code, share_percent AS share FROM pledge ORDER BY code`);
    expect(stored).toEqual([{ code: 'QA-A-2027', share: 40 }, { code: 'QA-B-2027', share: 25 }]);
  });
});
