/** Reading what a console page shows or saves: a table's cells, a downloaded workbook. */
import { expect } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Download, Locator } from 'playwright-core';

/**
 * The body rows of a table as the text of their cells, once the table is on the page: read at once, a
 * table a click is still rendering read as no rows (CI: a month's corrections note after "Tampilkan").
 */
export async function tableRows(table: Locator): Promise<string[][]> {
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.children, (td: any) => ((td.textContent ?? '') as string).trim())));
}

/** Waits for the download that `click` starts; → its file name and the workbook read back with ExcelJS. */
export async function downloadWorkbook(click: () => Promise<void>, page: { waitForEvent(event: 'download'): Promise<Download> }): Promise<{ name: string; workbook: ExcelJS.Workbook }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const body = readFileSync((await download.path())!);
  expect(body.subarray(0, 2).toString()).toBe('PK'); // a zip container, as every .xlsx is
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return { name: download.suggestedFilename(), workbook };
}

/** Every row of a worksheet as an array of its cell values (column A first; formulas as their result). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v && typeof v === 'object' && 'formula' in v ? ((v as ExcelJS.CellFormulaValue).result ?? 0) : v)));
  });
  return rows;
}
