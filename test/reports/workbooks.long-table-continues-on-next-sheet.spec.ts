/**
 * A table longer than a sheet can hold (Excel: 1,048,576 rows; here a 10-row limit) continues on
 * "Name (2)", "Name (3)", ... with the same header and its own totals row, instead of failing or
 * writing a file Excel cannot open.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { TableSeries } from '../../src/reports/workbook/table-series.js';
import type { TableColumn } from '../../src/reports/workbook/table-sheet.js';

const COLUMNS: TableColumn[] = [
  { header: 'No', kind: 'count', width: 6 },
  { header: 'NIK', kind: 'text', width: 19 },
  { header: 'Iuran (Rp)', kind: 'rupiah', width: 14, total: true },
];

async function writeRows(count: number, ranges: string[] = []): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  // Title on row 1, blank row 2, header row 3: rows 4..9 take data and row 10 the totals.
  const series = new TableSeries(workbook, 'Rincian Peserta', COLUMNS, { title: ['Rincian Iuran'], maxRows: 10 });
  for (let i = 1; i <= count; i++) series.addRow([i, `170300000000${String(i).padStart(4, '0')}`, 37800]);
  series.finish(undefined, undefined, () => ranges.push(...series.columnRanges(3)));
  await workbook.commit();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return read;
}

describe('workbooks: a table past the sheet row limit continues on the next sheet', () => {
  it('15 rows with room for 6 per sheet: three sheets of 6, 6 and 3 rows, each with its own SUM', async () => {
    const wb = await writeRows(15);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Rincian Peserta', 'Rincian Peserta (2)', 'Rincian Peserta (3)']);
    const parts = wb.worksheets.map((ws) => {
      const rows: unknown[][] = [];
      ws.eachRow((row, n) => {
        if (n > 3) rows.push((row.values as unknown[]).slice(1));
      });
      return { title: ws.getCell('A1').value, header: ws.getRow(3).values, rows };
    });
    expect(parts.map((p) => p.title)).toEqual(['Rincian Iuran', 'Rincian Iuran (lanjutan 2)', 'Rincian Iuran (lanjutan 3)']);
    for (const p of parts) expect((p.header as unknown[]).slice(1)).toEqual(['No', 'NIK', 'Iuran (Rp)']);
    expect(parts.map((p) => p.rows.length - 1)).toEqual([6, 6, 3]);
    expect(parts[1].rows[0].slice(0, 2)).toEqual([7, '1703000000000007']);
    expect(parts[2].rows.at(-1)).toEqual(['JUMLAH', undefined, { formula: 'SUM(C4:C6)', result: 3 * 37800 }]);
    expect(parts[0].rows.at(-1)![2]).toEqual({ formula: 'SUM(C4:C9)', result: 6 * 37800 });
    expect(wb.worksheets.every((ws) => ws.rowCount <= 10)).toBe(true);
  });

  it('a formula over the whole table reaches every part: columnRanges names each sheet\'s data rows', async () => {
    const ranges: string[] = [];
    await writeRows(15, ranges);
    expect(ranges).toEqual(["'Rincian Peserta'!C4:C9", "'Rincian Peserta (2)'!C4:C9", "'Rincian Peserta (3)'!C4:C6"]);
  });

  it('a table that fits stays one sheet under its own name', async () => {
    const wb = await writeRows(6);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Rincian Peserta']);
  });
});
