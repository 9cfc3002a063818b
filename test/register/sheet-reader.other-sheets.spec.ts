/**
 * One upload reads one sheet; another visible sheet holding the format's header and data rows is not
 * read, and `reader.sheetWarnings` names it (SHEETS_NOT_READ, other-sheets.ts). Sheets without the
 * header, or with it and no row below, are not named; hidden sheets are never read nor named.
 */
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readSheet } from './read-sheet.js';

const COLUMNS = [
  { name: 'NIK', required: true },
  { name: 'NAMA', required: true },
];

const read = async (wb: ExcelJS.Workbook, sheet?: string) => readSheet(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'a.xlsx', columns: COLUMNS, sheet, batchSize: 2 });

function add(wb: ExcelJS.Workbook, name: string, rows: string[][], state?: 'hidden'): void {
  const ws = wb.addWorksheet(name, state ? { state } : undefined);
  for (const r of rows) ws.addRow(r);
}

const nik = (i: number) => `17030612037000${String(i).padStart(2, '0')}`;

describe('other sheets with rows of the format', () => {
  it('reads the first sheet with the header and names the others that hold the header and data', async () => {
    const wb = new ExcelJS.Workbook();
    add(wb, 'Petunjuk', [['Isi sheet Segmen 1']]);
    add(wb, 'Segmen 1', [['NIK', 'NAMA'], [nik(1), 'A'], [nik(2), 'B'], [nik(3), 'C']]);
    add(wb, 'Segmen 2', [['Tagihan lanjutan'], ['NIK', 'NAMA'], [nik(4), 'D']]);
    add(wb, 'Kosong', [['NIK', 'NAMA']]); // header only: nothing unread
    add(wb, 'Rekap', [['DESA', 'JUMLAH'], ['Talang Jambu', '3']]); // another table
    add(wb, 'Segmen 3', [['nik', 'Nama'], [nik(5), 'E']]);
    add(wb, 'Lama', [['NIK', 'NAMA'], [nik(6), 'F']], 'hidden');
    const { rows, reader } = await read(wb);
    expect(rows.map((r) => r.cells[0].text)).toEqual([nik(1), nik(2), nik(3)]);
    expect(reader.sheetWarnings).toEqual([
      {
        code: 'SHEETS_NOT_READ',
        sheets: ['Segmen 2', 'Segmen 3'],
        read: 'Segmen 1',
        message:
          'Sheet "Segmen 2" dan "Segmen 3" juga berisi judul kolom dan baris data, tetapi tidak dibaca: satu unggahan hanya membaca satu sheet, di sini sheet "Segmen 1". ' +
          'Jika baris itu termasuk unggahan ini, pindahkan ke sheet "Segmen 1" lalu unggah kembali.',
      },
    ]);
  });

  it('names them beside the sheet the format names, read alone', async () => {
    const wb = new ExcelJS.Workbook();
    add(wb, 'Salinan', [['NIK', 'NAMA'], [nik(9), 'Z']]);
    add(wb, 'Daftar Peserta', [['NIK', 'NAMA'], [nik(1), 'A']]);
    const { rows, reader } = await read(wb, 'Daftar Peserta');
    expect(rows.map((r) => r.cells[0].text)).toEqual([nik(1)]);
    expect(reader.sheetWarnings).toEqual([expect.objectContaining({ code: 'SHEETS_NOT_READ', sheets: ['Salinan'], read: 'Daftar Peserta' })]);
  });

  it('says nothing of a workbook whose other sheets hold no rows of the format', async () => {
    const wb = new ExcelJS.Workbook();
    add(wb, 'Daftar Peserta', [['NIK', 'NAMA'], [nik(1), 'A']]);
    add(wb, 'Petunjuk', [['NIK: 16 digit'], ['NAMA: sesuai KTP']]);
    add(wb, 'Desa', [['KODE_DESA', 'NAMA'], ['17.03.06.2001', 'Talang Jambu']]);
    expect((await read(wb, 'Daftar Peserta')).reader.sheetWarnings).toEqual([]);
    expect((await read(wb)).reader.sheetWarnings).toEqual([]);
  });
});
