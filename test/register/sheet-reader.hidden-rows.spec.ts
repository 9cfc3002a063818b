/**
 * Rows Excel hides (by hand, filtered out, in a collapsed outline group: `<row hidden="1">`) are read
 * like the others and named in `reader.sheetWarnings` (hidden-rows.ts); ExcelJS's streaming reader
 * does not pass the attribute on, so the worksheet's XML is tapped on its way to it.
 */
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { HiddenRows, hiddenRowsMessage } from '../../src/common/spreadsheet/hidden-rows.js';
import { readSheet } from './read-sheet.js';
import { throughTap } from './hidden-tap.js';

const COLUMNS = [
  { name: 'NIK', required: true },
  { name: 'NAMA', required: true },
];

const read = (content: Buffer | string, filename: string) => readSheet(content, { filename, columns: COLUMNS, batchSize: 3 });

/** Rows 2..11 of NIK/NAMA; `hide` row numbers hidden. */
async function workbook(hide: number[], dress?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(['NIK', 'NAMA']);
  for (let i = 2; i <= 11; i++) ws.addRow([`17030612037000${String(i).padStart(2, '0')}`, `Desa ${i}`]);
  for (const n of hide) ws.getRow(n).hidden = true;
  dress?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('hidden rows of an .xlsx', () => {
  it('reads hidden rows and names them as ranges', async () => {
    const { rows, reader } = await read(await workbook([3, 4, 5, 9]), 'a.xlsx');
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(reader.sheetWarnings).toEqual([
      {
        code: 'HIDDEN_ROWS',
        rows: 4,
        ranges: [
          [3, 5],
          [9, 9],
        ],
        message:
          'Baris 3–5 dan 9 (4 baris) tersembunyi di Excel (disembunyikan atau tersaring) dan tetap dibaca seperti baris lain. ' +
          'Jika hanya baris yang terlihat yang dimaksud, hapus baris tersembunyi itu dari berkas.',
      },
    ]);
  });

  it('says the same of rows an AutoFilter filtered out and of a collapsed outline group', async () => {
    const filtered = await workbook([2, 3, 4, 6, 7, 8, 9, 10, 11], (ws) => (ws.autoFilter = 'A1:B11'));
    const { rows, reader } = await read(filtered, 'filtered.xlsx');
    expect(rows).toHaveLength(10);
    expect(reader.sheetWarnings[0]).toMatchObject({ rows: 9, message: expect.stringMatching(/^Baris 2–4 dan 6–11 \(9 baris\) tersembunyi di Excel/) });

    const grouped = await workbook([7, 8], (ws) => {
      ws.properties.outlineLevelRow = 1;
      for (const n of [7, 8]) ws.getRow(n).outlineLevel = 1;
    });
    const group = await read(grouped, 'grouped.xlsx');
    expect(group.rows).toHaveLength(10);
    expect(group.reader.sheetWarnings[0]).toMatchObject({ rows: 2, ranges: [[7, 8]] });
  });

  it('says nothing of a sheet without hidden rows, nor of a hidden title row or empty hidden rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['DAFTAR']);
    ws.addRow(['NIK', 'NAMA']);
    ws.addRow(['1703061203700001', 'A']);
    ws.addRow(['1703061203700002', 'B']);
    ws.getRow(1).hidden = true;
    ws.getRow(5).hidden = true; // empty
    ws.getRow(5).height = 20;
    const { rows, reader } = await read(Buffer.from(await wb.xlsx.writeBuffer()), 'b.xlsx');
    expect(rows.map((r) => r.rowNumber)).toEqual([3, 4]);
    expect(reader.sheetWarnings).toEqual([]);
    expect((await read(await workbook([]), 'c.xlsx')).reader.sheetWarnings).toEqual([]);
  });

  it('says nothing of a .csv', async () => {
    const { reader } = await read('NIK,NAMA\n1703061203700001,A\n', 'd.csv');
    expect(reader.sheetWarnings).toEqual([]);
  });

  it('finds a row tag cut anywhere between chunks, prefixed or not', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"/></row><x:row r="2" spans="1:2" hidden="1"><c r="A2"/></x:row><row hidden="true" r="13"/><rowBreaks/></sheetData></worksheet>';
    for (const size of [1, 2, 3, 7, 1000]) {
      const { tap, out } = await throughTap(xml, size);
      expect(out).toBe(xml);
      expect([1, 2, 13].map((r) => tap.hidden(r))).toEqual([false, true, true]);
      expect(tap.hidden(2)).toBe(false); // forgotten once asked
    }
  });

  it('names at most ten ranges, then counts the rest', () => {
    const rows = new HiddenRows();
    for (let r = 2; r <= 60; r += 2) rows.add(r); // 30 single rows
    rows.add(61);
    const [warning] = rows.warnings();
    expect(warning.rows).toBe(31);
    expect(warning.ranges).toHaveLength(30);
    expect(warning.message).toMatch(/^Baris 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 dan 21 baris lain \(31 baris\) tersembunyi di Excel/);
    expect(hiddenRowsMessage([[12, 12]], 1)).toMatch(/^Baris 12 tersembunyi di Excel/);
  });

  it('keeps the first hundred ranges as they are: rows past them are counted, never added to the last one kept', () => {
    const rows = new HiddenRows();
    for (let r = 2; r <= 400; r += 2) rows.add(r); // 200 single rows
    rows.add(401); // next to 400, which no kept range holds
    const [warning] = rows.warnings();
    expect(warning.rows).toBe(201);
    expect(warning.ranges).toHaveLength(100);
    expect(warning.ranges[99]).toEqual([200, 200]);
  });
});
