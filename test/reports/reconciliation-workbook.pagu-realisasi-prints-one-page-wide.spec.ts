/**
 * Pagu & Realisasi printed (QA: "prints small"): one A4 page wide, as many pages high as it takes, landscape, its header
 * row on each printed page and the pages numbered (TableSheet's printSetup and PRINT_FOOTER, as every sheet of the
 * workbook). Fit to width, its column widths set the print size: they add up to no more than Rincian Peserta's, so it
 * prints at about two thirds rather than half, the long funder and revision texts wrapped in their cells.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';

const widthOf = (ws: ExcelJS.Worksheet) => ws.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);

describe('reconciliation workbook: Pagu & Realisasi prints one A4 page wide', () => {
  let t: TestApp;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    t = await createTestApp();
    const runId = await insertReportFixture(t.dataSource);
    wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
  });
  afterAll(() => t?.close());

  it('fits to one page wide, unlimited pages high, landscape A4, the header row repeated and the pages numbered', () => {
    const ws = wb.getWorksheet('Pagu & Realisasi')!;
    const headerRow = rowOf(ws, 'Kode Komitmen').number;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
    expect((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit).toBe(headerRow);
    expect(ws.headerFooter.oddFooter).toBe('&L&8&A&R&8Halaman &P dari &N');
  });

  it('is no wider than Rincian Peserta, so it prints as large; a funder longer than its column wraps', () => {
    const ws = wb.getWorksheet('Pagu & Realisasi')!;
    expect(widthOf(ws)).toBeLessThanOrEqual(widthOf(wb.getWorksheet('Rincian Peserta')!));
    expect(widthOf(ws)).toBeLessThan(275 * 0.85); // was 275 characters: printed at about half size
    // every rupiah column keeps room for Rp12.345.678.901 (no #### for a regency's pagu)
    const header = rowOf(ws, 'Kode Komitmen');
    header.eachCell((cell, col) => String(cell.value).endsWith('(Rp)') && expect(ws.getColumn(col).width).toBeGreaterThanOrEqual(18));
    const funderColumn = ws.getColumn(3);
    let wrapped = 0;
    ws.eachRow((row, n) => {
      if (n <= header.number) return;
      const funder = row.getCell(3);
      if (typeof funder.value === 'string' && funder.value.length > funderColumn.width! - 1 && !funder.isMerged) {
        expect(funder.alignment?.wrapText).toBe(true);
        wrapped++;
      }
    });
    expect(wrapped).toBeGreaterThan(0);
  });
});
