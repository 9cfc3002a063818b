/**
 * User text starting with =, +, - or @ (names from the register and the BPJS bill, SP2D
 * references, funder names) is written as text with the Text format, never as a formula.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { looksLikeFormula, textValue } from '../../src/common/spreadsheet/workbook-style.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, readWorkbook } from './support/xlsx.js';

function textCells(wb: ExcelJS.Workbook): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.set(`${ws.name}!${cell.address}:${String(cell.value)}`, cell))));
  return out;
}

describe('formula injection: user text is written as text', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  it('the helper recognises every formula trigger and keeps the text unchanged', () => {
    for (const s of ['=1+1', '+62', '-Budi', '@SUM(A1)', '\t=1', '\r=1']) expect(looksLikeFormula(s)).toBe(true);
    for (const s of ['Budi', '1703', '', ' =1']) expect(looksLikeFormula(s)).toBe(false);
    expect(textValue('=1+1')).toBe('=1+1');
    expect(textValue(1703)).toBe('1703');
    expect(textValue(null)).toBeNull();
  });

  it.each([
    ['reconciliation workbook', 'run'],
    ['village statement', '/api/v1/statements/villages/1703062001.xlsx?month=2026-10'],
    ['pledge statement', '/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?month=2026-10'],
  ])('%s: formula-like text cells are strings with the Text format, and the only formulas are totals', async (_, url) => {
    const path = url === 'run' ? `/api/v1/reconciliations/${runId}/workbook.xlsx` : url;
    const wb = await readWorkbook((await download((await t.as(Role.KEUANGAN)).get(path))).body);
    let formulaLike = 0;
    for (const cell of textCells(wb).values()) {
      if (cell.type === ExcelJS.ValueType.Merge) continue; // a cell a long text spans shows its master's value: checked on the master
      if (cell.type === ExcelJS.ValueType.Formula) {
        // totals, differences, a ratio; Pembayaran's shortfall and overpayment (SUMIF of a Selisih column by sign); and the
        // Temuan recap's counts and sums per category over the table
        const range = "'Temuan( \\(\\d+\\))?'![A-Z]+\\d+:[A-Z]+\\d+";
        const recap = new RegExp(`^((COUNTA\\(${range}\\)|COUNTIF\\(${range},"[A-Z_]+"\\)|SUMIF\\(${range},"[A-Z_]+",${range}\\))\\+?)+$`);
        const bySign = '-?SUMIF\\([A-Z]+\\d+:[A-Z]+\\d+,"[<>]0"\\)';
        expect(cell.formula).toMatch(new RegExp(`^(SUM\\([A-Z]+\\d+:[A-Z]+\\d+\\)|[A-Z]+\\d+[-+][A-Z]+\\d+([-+][A-Z]+\\d+)?|IF\\(D\\d+=0,0,F\\d+\\/D\\d+\\)|${bySign})$|${recap.source}`));
        continue;
      }
      if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) {
        formulaLike++;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe('@');
      }
    }
    expect(formulaLike).toBeGreaterThan(0);
  });

  it('the reconciliation workbook keeps each injected value verbatim', async () => {
    const wb = await readWorkbook((await download((await t.as(Role.ADMIN)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
    const values = new Set([...textCells(wb).values()].map((c) => c.value));
    for (const v of ['=HYPERLINK("http://contoh.invalid","klik")', '-Budi Santoso', '@Siti Aminah', '+Rina Wati', "=cmd|' /C calc'!A0", '=SUM(A1:A9)', '=1+2 PT Alno Agro Utama — TJSLP (CSR), TJSLP-ALNO-2026']) {
      expect(values.has(v)).toBe(true);
    }
  });
});
