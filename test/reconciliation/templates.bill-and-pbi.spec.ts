/**
 * The BPJS bill and PBI-APBN list templates (QA: the Tagihan page only named the columns), filled in as a finance
 * officer would, upload as they are: the data sheet is read, the instructions are not, and a NIK typed into the
 * template's Text cells keeps all 16 digits.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('GET /api/v1/templates/bill.xlsx and pbi-apbn.xlsx, filled in and uploaded', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({}, new Date('2026-12-06T03:00:00Z'))));
  afterAll(() => t.close());

  const filled = async (name: string, rows: (string | number)[][]) => {
    const api = await t.as(Role.KEUANGAN);
    const res = await api.get(`/api/v1/templates/${name}`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0];
    rows.forEach((r) => ws.addRow(r));
    return { api, sheets: wb.worksheets.map((s) => s.name), header: ws.getRow(1).values, numFmt: ws.getColumn(ws.getRow(1).cellCount === 1 ? 1 : 2).numFmt, content: Buffer.from(await wb.xlsx.writeBuffer()) };
  };

  it('the bill: NOKA, NIK, NAMA, IURAN, identifiers as Text; two lines stored', async () => {
    const { api, sheets, header, numFmt, content } = await filled('bill.xlsx', [
      ['0001234567890', '1703064512900001', 'Siti Aminah', 37800],
      ['0001234567891', '1703061305850002', 'Budi Santoso', 37800],
    ]);
    expect(sheets).toEqual(['Tagihan BPJS', 'Petunjuk']);
    expect(header).toEqual([undefined, 'NOKA', 'NIK', 'NAMA', 'IURAN']);
    expect(numFmt).toBe('@');
    const bill = await api.post('/api/v1/bills').field('month', '2026-12').field('invoiceTotal', '75600').attach('file', content, 'tagihan.xlsx').expect(201);
    expect(bill.body).toMatchObject({ lines: 2, linesTotal: 75_600, rejected: 0, sheetWarnings: [] });
    const stored = await t.dataSource.query(`SELECT nik, noka, amount::int FROM bill_line ORDER BY nik`);
    expect(stored).toEqual([
      { nik: '1703061305850002', noka: '0001234567891', amount: 37800 },
      { nik: '1703064512900001', noka: '0001234567890', amount: 37800 },
    ]);
  });

  it('the PBI-APBN list: one NIK column; the NIKs stored', async () => {
    const { api, sheets, header, numFmt, content } = await filled('pbi-apbn.xlsx', [['1703064512900001'], ['1703061305850002']]);
    expect(sheets).toEqual(['PBI APBN', 'Petunjuk']);
    expect(header).toEqual([undefined, 'NIK']);
    expect(numFmt).toBe('@');
    const list = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-12').attach('file', content, 'pbi.xlsx').expect(201);
    expect(list.body).toMatchObject({ niks: 2, rejected: 0 });
  });
});
