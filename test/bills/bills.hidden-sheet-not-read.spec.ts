/**
 * A bill's hidden sheet is never read (QA: last month's lines on a hidden "Lama" before the visible
 * "Tagihan" were stored as the bill, silently); a bill whose lines are only on a hidden sheet is
 * refused naming the sheet. Every upload reads sheets through the same SheetReader.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

const HEADER = ['NOKA', 'NIK', 'NAMA', 'IURAN'];

/** Sheets in tab order: [name, state, lines]. */
async function workbook(sheets: [string, ExcelJS.WorksheetState, (string | number)[][]][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, state, lines] of sheets) {
    const ws = wb.addWorksheet(name, { state });
    ws.getColumn(1).numFmt = ws.getColumn(2).numFmt = '@';
    for (const line of lines) ws.addRow(line);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('bills: hidden sheets are not read', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (content: Buffer, status: number) =>
    (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '75600').attach('file', content, 'tagihan.xlsx').expect(status);

  it('reads the visible sheet after a hidden one', async () => {
    const file = await workbook([
      ['Lama', 'hidden', [HEADER, ['0001000000001', '1703061203700001', 'BARIS SHEET TERSEMBUNYI', 42000]]],
      ['Tagihan', 'visible', [HEADER, ['0001000000002', '1703061203700002', 'Baris terlihat 1', 37800], ['0001000000003', '1703061203700003', 'Baris terlihat 2', 37800]]],
    ]);
    const res = await upload(file, 201);
    expect(res.body).toMatchObject({ lines: 2, linesTotal: 75600, rowsRead: 2, accepted: 2 });
    const lines = await t.dataSource.query('SELECT name FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id]);
    expect(lines).toEqual([{ name: 'Baris terlihat 1' }, { name: 'Baris terlihat 2' }]);
  });

  it('refuses a bill whose lines are only on a hidden sheet, naming it', async () => {
    const file = await workbook([
      ['Catatan', 'visible', [['Tagihan Oktober 2026, lihat sheet berikut']]],
      ['Tagihan Okt', 'veryHidden', [HEADER, ['0001000000002', '1703061203700002', 'Baris', 37800]]],
    ]);
    const res = await upload(file, 400);
    expect(res.body).toMatchObject({ code: 'HIDDEN_SHEET', details: { sheet: 'Tagihan Okt' } });
    expect(res.body.message).toMatch(/^Data berkas "tagihan\.xlsx" ada di sheet tersembunyi "Tagihan Okt"/);
  });
});
