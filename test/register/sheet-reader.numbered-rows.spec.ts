/**
 * The shared reader skips a template's pre-numbered empty rows (numbered-rows.ts): a row number (1–999999) under a
 * `No` header the format does not read, and nothing else in the row. It says once how many (NUMBERED_ROWS). A row with
 * anything else in it is a data row as before, and so is a number under another header or a formula.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readSheet } from './read-sheet.js';
import { SheetReader } from '../../src/common/spreadsheet/sheet-reader.js';
import type { SheetRow } from '../../src/common/spreadsheet/sheet-row.js';

const COLUMNS = [
  { name: 'NIK', required: true },
  { name: 'NAMA', required: true },
];

const read = (file: { name: string; content: Buffer }) => readSheet(file.content, { filename: file.name, columns: COLUMNS });
const csv = (...lines: string[]) => ({ name: 'a.csv', content: Buffer.from(lines.join('\n') + '\n') });
const numbers = (rows: SheetRow[]) => rows.map((r) => r.rowNumber);

describe('pre-numbered empty rows', () => {
  it('are skipped under No, No., NO URUT, Nomor or #, and said once with their ranges', async () => {
    const { rows, reader } = await read(csv('No.,NIK,NAMA', '1,x,y', '2,,', '3,,', '4,,', '5,z,', '6,,', "7.,,"));
    expect(numbers(rows)).toEqual([2, 6]);
    expect(reader.sheetWarnings).toEqual([
      {
        code: 'NUMBERED_ROWS',
        rows: 5,
        ranges: [[3, 5], [7, 8]],
        message: 'Baris 3–5 dan 7–8 (5 baris) hanya berisi nomor urut di kolom No., tanpa data lain, dan dilewati sebagai baris kosong.',
      },
      { code: 'COLUMNS_NOT_READ', headers: ['No.'], message: 'Kolom berikut tidak dibaca: No.' }, // the No. column itself is not read
    ]);
    for (const header of ['NO URUT', 'Nomor', '#', 'no']) expect(numbers((await read(csv(`${header},NIK,NAMA`, '1,x,y', '2,,'))).rows)).toEqual([2]);
  });

  it('a row with anything else, a number that is no row number, or a number under another header is a data row', async () => {
    expect(numbers((await read(csv('No,NIK,NAMA,KET', '1,,,Catatan', '2,,Budi,', '0,,,', '-3,,,', '1234567,,,', 'x,,,'))).rows)).toEqual([2, 3, 4, 5, 6, 7]);
    const { rows, reader } = await read(csv('UMUR,NIK,NAMA', '45,,'));
    expect([numbers(rows), reader.sheetWarnings.map((w) => w.code)]).toEqual([[2], ['COLUMNS_NOT_READ']]); // UMUR: no NUMBERED_ROWS
  });

  it('a row number from a formula, or beside a cell a merged range hides, is a data row; numbered rows alone are NO_DATA_ROWS', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    [['No', 'NIK', 'NAMA'], [1, 'x', 'y'], [{ formula: 'A2+1', result: 2 }], [3], [4, 'z', 'w'], [5]].forEach((r) => ws.addRow(r));
    ws.mergeCells('B5:B6');
    const { rows, reader } = await read({ name: 'a.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(numbers(rows)).toEqual([2, 3, 5, 6]);
    expect(reader.sheetWarnings).toMatchObject([{ code: 'NUMBERED_ROWS', rows: 1, ranges: [[4, 4]] }, { code: 'COLUMNS_NOT_READ', headers: ['No'] }]);
    await expect(read(csv('No,NIK,NAMA', '1,,', '2,,'))).rejects.toMatchObject({ code: 'NO_DATA_ROWS' });
  });

  it('a named sheet holding numbered rows only gives way to the sheet with the data, and is not said', async () => {
    const wb = new ExcelJS.Workbook();
    const named = wb.addWorksheet('Daftar Peserta');
    [['No', 'NIK', 'NAMA'], [1], [2], [3]].forEach((r) => named.addRow(r));
    const data = wb.addWorksheet('Data');
    [['NIK', 'NAMA'], ['x', 'y']].forEach((r) => data.addRow(r));
    const path = join(await mkdtemp(join(tmpdir(), 'numbered-rows-')), 'a.xlsx');
    await writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const reader = new SheetReader(path, { filename: 'a.xlsx', columns: COLUMNS, sheet: 'Daftar Peserta' });
    const rows: SheetRow[] = [];
    for await (const batch of reader.batches()) rows.push(...batch);
    expect([numbers(rows), reader.header?.sheet, reader.sheetWarnings]).toEqual([[2], 1, []]);
  });
});
