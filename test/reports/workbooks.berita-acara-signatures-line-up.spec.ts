/**
 * The three signature blocks of Berita Acara line up (QA, printed with LibreOffice: "Kabupaten
 * Bengkulu Utara" wrapped to two lines under Kepala BPKAD only): every title and unit fits its
 * column on one line, and LibreOffice prints the three units on one line.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { wrappedLines } from '../../src/common/spreadsheet/workbook-style.js';
import { SIGNATORIES } from '../../src/reports/reconciliation-workbook/berita-acara.sheet.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { libreOfficePrintedText, sofficePath } from './support/libreoffice.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';

const itWithLibreOffice = sofficePath() ? it : it.skip;

describe('Berita Acara: signature blocks', () => {
  let t: TestApp;
  let body: Buffer;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    t = await createTestApp();
    const runId = await insertReportFixture(t.dataSource);
    body = (await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body;
    ws = (await readWorkbook(body)).getWorksheet('Berita Acara')!;
  });
  afterAll(() => t.close());

  it('each title and unit fits its column on one line, so the rows stay one line high', () => {
    const titles = rowOf(ws, SIGNATORIES[0][0]);
    for (const row of [titles, ws.getRow(titles.number + 1)]) {
      const cells = [1, 2, 3].map((c) => ({ text: String(row.getCell(c).value), width: ws.getColumn(c).width! }));
      expect(cells.map((c) => c.text)).toEqual(SIGNATORIES.map((s) => (row === titles ? s[0] : s[1])));
      expect(cells.map((c) => wrappedLines(c.text, c.width))).toEqual([1, 1, 1]);
      expect(row.height).toBe(15);
    }
  });

  itWithLibreOffice('LibreOffice prints the three units side by side on one line', () => {
    const printed = libreOfficePrintedText(body);
    if (printed === null) return; // no pdftotext
    const line = printed.split('\n').find((l) => l.includes('Kantor Cabang Bengkulu'));
    expect(line).toMatch(/Kabupaten Bengkulu Utara\s+Kabupaten Bengkulu Utara\s+Kantor Cabang Bengkulu/);
  });
});
