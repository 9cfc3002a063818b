/**
 * A statement's Peserta list longer than a sheet (a year of an APBD pledge over a province-sized
 * register is 12 million participant-months; Excel stops at 1,048,576 rows) continues on
 * "Peserta (2)", ... like the reconciliation workbook's Rincian Peserta, instead of failing halfway
 * through the download. Here the sheet limit is lowered so that one data row fits a sheet.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { WritePledgeStatement } from '../../src/reports/use-cases/write-pledge-statement.use-case.js';
import { WriteVillageStatement } from '../../src/reports/use-cases/write-village-statement.use-case.js';
import type { PreparedWorkbook } from '../../src/reports/use-cases/write-reconciliation-workbook.use-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { formula, readWorkbook, rowOf } from './support/xlsx.js';

/** Two title lines, a blank row and the header take rows 1-4: row 5 holds one participant-month, row 6 the totals. */
const SHEET_ROWS = 6;

async function written(prepared: PreparedWorkbook): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await prepared.write(out);
  return readWorkbook(Buffer.concat(chunks));
}

/** Each Peserta part's data rows (between the header and JUMLAH) and its JUMLAH of `column`. */
function parts(wb: ExcelJS.Workbook, column: number): { name: string; rows: number; total: unknown }[] {
  return wb.worksheets
    .filter((ws) => ws.name.startsWith('Peserta'))
    .map((ws) => {
      const jumlah = rowOf(ws, 'JUMLAH');
      return { name: ws.name, rows: jumlah.number - 5, total: formula(jumlah.getCell(column)).result };
    });
}

describe('statements: a Peserta list past the sheet row limit continues on the next sheet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  it('village, fiscal year: four participant-months on four sheets, each with its own total', async () => {
    const prepared = await t.app.get(WriteVillageStatement).prepare({ villageCode: '1703062001', year: 2026, actor: 'uji', pageSize: 3, sheetRows: SHEET_ROWS });
    const wb = await written(prepared);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Ringkasan', 'Peserta', 'Peserta (2)', 'Peserta (3)', 'Peserta (4)', 'Pembayaran']);
    const peserta = parts(wb, 5);
    expect(peserta.map((p) => p.rows)).toEqual([1, 1, 1, 1]);
    // Together the parts hold the year: the Ringkasan's premiums (151,200), two residents a month for two months.
    expect(peserta.reduce((sum, p) => sum + Number(p.total), 0)).toBe(151200);
    expect(wb.getWorksheet('Peserta (2)')!.getCell('A1').value).toBe(`${wb.getWorksheet('Peserta')!.getCell('A1').value} (lanjutan 2)`);
  });

  it('pledge, fiscal year: two participant-months on two sheets', async () => {
    const prepared = await t.app.get(WritePledgeStatement).prepare({ pledgeCode: 'TJSLP-ALNO-2026', year: 2026, actor: 'uji', sheetRows: SHEET_ROWS });
    const wb = await written(prepared);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Ringkasan', 'Peserta', 'Peserta (2)', 'Pembayaran']);
    const peserta = parts(wb, 8);
    expect(peserta.map((p) => p.rows)).toEqual([1, 1]);
    expect(peserta.reduce((sum, p) => sum + Number(p.total), 0)).toBe(75600);
  });
});
