/**
 * The shared reader skips the column-numbering row right under the header (column-numbers.ts): every non-empty cell
 * its position counted from the row's first, at least three, the first row below the header only. Such a row is no
 * data row anywhere: a sheet with the header and the numbering row alone has no data (NO_DATA_ROWS), and another sheet
 * so is not named as unread (SHEETS_NOT_READ).
 */
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readSheet } from './read-sheet.js';
import type { SheetRow } from '../../src/common/spreadsheet/sheet-row.js';

const COLUMNS = [
  { name: 'NIK', required: true },
  { name: 'NAMA', required: true },
  { name: 'KODE', required: false },
];

const read = (file: { name: string; content: Buffer }) => readSheet(file.content, { filename: file.name, columns: COLUMNS });
const csv = (...lines: string[]) => ({ name: 'a.csv', content: Buffer.from(lines.join('\n') + '\n') });
const numbers = (rows: SheetRow[]) => rows.map((r) => r.rowNumber);

describe('the column-numbering row', () => {
  it('is skipped as (1) (2) (3) or 1 2 3, with a table starting in column B, or with columns left unnumbered', async () => {
    expect(numbers((await read(csv('NIK,NAMA,KODE', '(1),(2),(3)', 'x,y,z'))).rows)).toEqual([3]);
    expect(numbers((await read(csv(',NIK,NAMA,KODE', ',1,2,3', ',x,y,z'))).rows)).toEqual([3]);
    expect(numbers((await read(csv('NIK,NAMA,KODE,LAIN', '( 1 ),2,,4', 'x,y,z,w'))).rows)).toEqual([3]);
  });

  it('is a data row with fewer than three numbers, numbers out of order, anything else in it, or below another row', async () => {
    expect(numbers((await read(csv('NIK,NAMA', '1,2', 'x,y'))).rows)).toEqual([2, 3]);
    expect(numbers((await read(csv('NIK,NAMA,KODE', '1,3,2', 'x,y,z'))).rows)).toEqual([2, 3]);
    expect(numbers((await read(csv('NIK,NAMA,KODE', '1,2,3,x'))).rows)).toEqual([2]);
    expect(numbers((await read(csv('NIK,NAMA,KODE', '(1,2),3', 'x,y,z'))).rows)).toEqual([2, 3]);
    expect(numbers((await read(csv('NIK,NAMA,KODE', 'x,y,z', '1,2,3'))).rows)).toEqual([2, 3]);
  });

  it('leaves a sheet with the header only: NO_DATA_ROWS; another such sheet is not named as unread', async () => {
    await expect(read(csv('NIK,NAMA,KODE', '1,2,3'))).rejects.toMatchObject({ code: 'NO_DATA_ROWS' });
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('Data');
    [['NIK', 'NAMA', 'KODE'], [1, 2, 3], ['x', 'y', 'z']].forEach((r) => a.addRow(r));
    const b = wb.addWorksheet('Salinan');
    [['NIK', 'NAMA', 'KODE'], [1, 2, 3]].forEach((r) => b.addRow(r));
    const { rows, reader } = await read({ name: 'a.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(numbers(rows)).toEqual([3]);
    expect(reader.sheetWarnings).toEqual([]);
  });
});
