/**
 * LibreOffice opens the workbooks cleanly and, recalculating every formula itself, gets the same
 * totals as the cached values the writer stored. Skipped, with a warning, when soffice is missing
 * (.ci/run installs Debian's libreoffice-calc).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { libreOfficeSheets, sofficePath } from './support/libreoffice.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, formulaCells, readWorkbook } from './support/xlsx.js';

const soffice = sofficePath();
if (!soffice) {
  console.warn('SKIPPED: LibreOffice (soffice) is not installed, so the LibreOffice recalculation tests do not run. Install the Debian package libreoffice-calc.');
}
const itWithLibreOffice = soffice ? it : it.skip;

/** Every formula cell's cached value equals what LibreOffice computed for it. */
async function expectLibreOfficeAgrees(body: Buffer): Promise<{ formulas: number; sheets: Map<string, string[][]> }> {
  const wb = await readWorkbook(body);
  const names = wb.worksheets.map((w) => w.name);
  const sheets = libreOfficeSheets(body, names);
  const cells = formulaCells(wb);
  for (const c of cells) {
    const text = sheets.get(c.sheet)?.[c.row - 1]?.[c.col - 1] ?? '';
    // Percentages keep their % sign in LibreOffice's CSV even with raw values.
    const computed = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    expect({ sheet: c.sheet, row: c.row, col: c.col, formula: c.formula, value: round(computed) }).toEqual({ sheet: c.sheet, row: c.row, col: c.col, formula: c.formula, value: round(c.result) });
  }
  return { formulas: cells.length, sheets };
}

describe('LibreOffice recalculates the same totals', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  itWithLibreOffice('recalculates on load (a wrong cached value is replaced by the computed one)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Uji');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('A3').value = { formula: 'SUM(A1:A2)', result: 99 };
    const sheets = libreOfficeSheets(Buffer.from(await wb.xlsx.writeBuffer()), ['Uji']);
    expect(sheets.get('Uji')![2][0]).toBe('3');
  });

  itWithLibreOffice('reconciliation workbook: every formula', async () => {
    const { body } = await download((await t.as(Role.KEUANGAN)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`));
    const { formulas, sheets } = await expectLibreOfficeAgrees(body);
    expect(formulas).toBeGreaterThan(30);
    // User text that looks like a formula stays text in LibreOffice too.
    const names = sheets.get('Rincian Peserta')!.map((r) => r[3]);
    expect(names).toEqual(expect.arrayContaining(['=HYPERLINK("http://contoh.invalid","klik")', '-Budi Santoso', '@Siti Aminah', '+Rina Wati']));
    expect(sheets.get('Pembayaran')!.some((r) => r.includes('=SUM(A1:A9)'))).toBe(true);
  });

  itWithLibreOffice('village and pledge statements: every formula', async () => {
    const agent = await t.as(Role.AUDITOR);
    for (const url of ['/api/v1/statements/villages/17.03.06.2001.xlsx?year=2026', '/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026']) {
      const { body } = await download(agent.get(url));
      expect((await expectLibreOfficeAgrees(body)).formulas).toBeGreaterThan(5);
    }
  });
});
