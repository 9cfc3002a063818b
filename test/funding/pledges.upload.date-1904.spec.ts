/**
 * A pledge sheet saved in the 1904 date system (old Excel for Mac) reads as the same sheet in the 1900
 * system: it has no date column (TAHUN is a year, BULAN_DARI/BULAN_SAMPAI month numbers), and its number
 * cells are numbers in either system. Pledge uploads answer with their issues, no Perbaiki workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

async function sheet(date1904: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Komitmen');
  ws.addRow(['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'BULAN_DARI', 'BULAN_SAMPAI', 'CAKUPAN', 'PERSEN', 'PAGU']);
  ws.addRow(['MAC-2026', 'TJSLP', 'PT Mac', 2026, 3, 12, 'ALL', 100, 1_500_000]);
  ws.addRow(['MAC-SALAH', 'TJSLP', 'PT Mac', 2026, 13, 12, 'ALL', 100, 1_500_000]); // refused: month 13
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('POST /api/v1/pledge-uploads: a sheet of the 1904 date system', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('reads its numbers as the same sheet in the 1900 system does', async () => {
    const api = await t.as(Role.KEUANGAN);
    const dryRun = async (date1904: boolean) => (await api.post('/api/v1/pledge-uploads?dryRun=true').attach('file', await sheet(date1904), 'komitmen.xlsx').expect(201)).body;
    const [in1900, in1904] = [await dryRun(false), await dryRun(true)];
    expect(in1904).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(in1904.issues.map((i: { rowNumber: number; column: string }) => [i.rowNumber, i.column])).toEqual([[3, 'BULAN_DARI']]);
    expect(in1904).toEqual(in1900);
  });
});
