/**
 * Read columns Excel hides (`<col hidden="1">`: by hand or in a collapsed outline group) are read as
 * the file holds them and named in `reader.sheetWarnings` (HIDDEN_COLUMNS, hidden-columns.ts) when
 * they hold a value in some data row; the tap that notes hidden rows notes them on the way.
 */
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { hiddenColumnsMessage } from '../../src/common/spreadsheet/hidden-columns.js';
import { readSheet } from './read-sheet.js';
import { throughTap } from './hidden-tap.js';

const COLUMNS = [
  { name: 'NIK', required: true },
  { name: 'NAMA', required: true },
  { name: 'TAT', aliases: ['TANGGAL BERAKHIR'] },
];

const read = (content: Buffer, filename = 'a.xlsx') => readSheet(content, { filename, columns: COLUMNS, batchSize: 2 });

/** A sheet with `header`, rows of `values`, and the 1-based columns `hide` hidden. */
async function workbook(header: string[], values: string[][], hide: number[], dress?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.addRow(header);
  for (const v of values) ws.addRow(v);
  for (const n of hide) ws.getColumn(n).hidden = true;
  dress?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('hidden columns of an .xlsx', () => {
  it('reads a hidden column holding values and names it by its header and letter', async () => {
    const content = await workbook(
      ['NIK', 'CATATAN', 'NAMA', 'TANGGAL BERAKHIR'],
      [
        ['1703061203700001', 'x', 'A', ''],
        ['1703061203700002', '', 'B', '2026-03-31'],
      ],
      [2, 4],
    );
    const { rows, reader } = await read(content);
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1703061203700001', 'A', ''],
      ['1703061203700002', 'B', '2026-03-31'],
    ]);
    const message =
      'Kolom TANGGAL BERAKHIR (kolom D) tersembunyi di Excel dan tetap dibaca seperti kolom lain. ' +
      'Periksa isinya: jika kolom itu tidak dimaksud, hapus kolomnya dari berkas lalu unggah kembali.';
    // CATATAN (B) is hidden too, but the format does not read it: not a hidden column read, only a column not read (COLUMNS_NOT_READ)
    expect(reader.sheetWarnings).toEqual([
      { code: 'HIDDEN_COLUMNS', message, columns: [{ name: 'TAT', header: 'TANGGAL BERAKHIR', letter: 'D' }] },
      { code: 'COLUMNS_NOT_READ', headers: ['CATATAN'], message: 'Kolom berikut tidak dibaca: CATATAN.' },
      { code: 'HEADERS_READ_AS', headersReadAs: [{ header: 'TANGGAL BERAKHIR', column: 'TAT', columnLetter: 'D' }], message: 'Kolom "TANGGAL BERAKHIR" (kolom D) dibaca sebagai TAT.' },
    ]);
  });

  it('refuses a hidden NIK before the one shown, naming both letters (DUPLICATE_COLUMN: the first was read, values Excel did not show)', async () => {
    const content = await workbook(
      ['NIK', 'NAMA', 'NIK'],
      [
        ['1703061203700001', 'A', '1703061203700009'],
        ['1703061203700002', 'B', '1703061203700008'],
      ],
      [1],
      (ws) => (ws.getRow(3).hidden = true),
    );
    await expect(read(content)).rejects.toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'NIK', headers: ['NIK', 'NIK'], letters: ['A', 'C'] }] } });
  });

  it('says nothing of a hidden read column left empty, nor of a sheet with none hidden; a collapsed group of unread columns is only not read', async () => {
    const empty = await workbook(['NIK', 'NAMA', 'TAT'], [['1703061203700001', 'A', '']], [3]);
    expect((await read(empty)).reader.sheetWarnings).toEqual([]);
    const grouped = await workbook(['NIK', 'NAMA', 'X', 'Y'], [['1703061203700001', 'A', '1', '2']], [3, 4], (ws) => {
      ws.getColumn(3).outlineLevel = 1;
      ws.getColumn(4).outlineLevel = 1;
    });
    expect((await read(grouped)).reader.sheetWarnings.map((w) => w.code)).toEqual(['COLUMNS_NOT_READ']); // X and Y: not read, hidden or not
    const plain = await workbook(['NIK', 'NAMA', 'TAT'], [['1703061203700001', 'A', '2026-01-31']], []);
    expect((await read(plain)).reader.sheetWarnings).toEqual([]);
  });

  it('reads a range of hidden columns (`min` to `max`), whose tag may be cut anywhere between chunks', async () => {
    const xml = '<worksheet><cols><col min="1" max="1" width="9"/><x:col min="3" max="16384" hidden="true" width="0"/><col min="2" max="2" hidden="0"/></cols><sheetData/></worksheet>';
    for (const size of [1, 2, 5, 1000]) {
      const { tap, out } = await throughTap(xml, size);
      expect(out).toBe(xml);
      expect(tap.columns).toEqual([[2, 16383]]);
    }
  });

  it('lists several columns in the message', () => {
    expect(
      hiddenColumnsMessage([
        { header: 'NIK', letter: 'A' },
        { header: 'TMT', letter: 'H' },
        { header: 'TAT', letter: 'AB' },
      ]),
    ).toMatch(/^Kolom NIK \(kolom A\), TMT \(kolom H\) dan TAT \(kolom AB\) tersembunyi di Excel/);
  });
});
