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
          'Jika baris itu termasuk unggahan ini (satu daftar yang terbagi), salin ke sheet "Segmen 1" lalu unggah kembali. ' +
          'Jika justru sheet itu yang dimaksud (misalnya daftar bulan terbaru) dan sheet "Segmen 1" sudah lama, hapus sheet "Segmen 1" atau pindahkan sheet yang dimaksud ke urutan paling depan, lalu unggah kembali.',
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

  it('monthly sheets: the first is read, and the warning says to delete it, reorder, or name the current one as the format does (QA: "pindahkan ke sheet NOVEMBER")', async () => {
    const wb = new ExcelJS.Workbook();
    add(wb, 'NOVEMBER', [['NIK', 'NAMA'], [nik(1), 'A']]);
    add(wb, 'DESEMBER', [['NIK', 'NAMA'], [nik(2), 'B']]);
    const [warning] = (await read(wb, 'Daftar Peserta')).reader.sheetWarnings;
    expect(warning).toMatchObject({ code: 'SHEETS_NOT_READ', sheets: ['DESEMBER'], read: 'NOVEMBER' });
    expect(warning.message).toMatch(
      /Jika justru sheet itu yang dimaksud \(misalnya daftar bulan terbaru\) dan sheet "NOVEMBER" sudah lama, hapus sheet "NOVEMBER", pindahkan sheet yang dimaksud ke urutan paling depan, atau beri nama "Daftar Peserta" pada sheet yang dimaksud, lalu unggah kembali\.$/,
    );
    expect(warning.message).not.toMatch(/pindahkan ke sheet "NOVEMBER"/);
  });

  it('names a sheet with a partial header (NIK and some columns) and rows, before or after the sheet read, when the format asks (PARTIAL_SHEETS_NOT_READ; QA: deaths ignored unsaid)', async () => {
    const columns = [...COLUMNS, { name: 'TMT', required: true }, { name: 'TAT', required: false }];
    const wb = new ExcelJS.Workbook();
    add(wb, 'Meninggal', [['NIK', 'NAMA', 'TAT'], [nik(1), 'A', '2026-10-01']]);
    add(wb, 'Petunjuk', [['NIK', 'Ya', '16 digit'], ['TAT', 'Tidak', 'tanggal berakhir']]); // one column named a row: a note, not a header
    add(wb, 'Peserta Baru', [['NIK', 'NAMA', 'TMT', 'TAT'], [nik(2), 'B', '2026-12-01', '']]);
    add(wb, 'Pindah', [['Daftar pindah'], ['nik', 'tat'], [nik(3), '2026-11-30']]);
    add(wb, 'Kosong', [['NIK', 'TAT']]); // header only
    add(wb, 'Peringatan', [['BARIS', 'NIK', 'NAMA', 'KOLOM', 'PESAN'], ['3', nik(4), 'D', 'TMT', 'Perubahan TMT ini …']]); // a row report's: names rows only
    const partialSheets = { column: 'NIK', names: ['NAMA'], advice: (sheet: string) => `Catat di sheet "${sheet}".` };
    const { rows, reader } = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'a.xlsx', columns, partialSheets, batchSize: 2 });
    expect(rows.map((r) => r.cells[0].text)).toEqual([nik(2)]);
    expect(reader.sheetWarnings).toEqual([
      {
        code: 'PARTIAL_SHEETS_NOT_READ',
        sheets: ['Meninggal', 'Pindah'],
        read: 'Peserta Baru',
        message:
          'Sheet "Meninggal" berisi kolom NIK tetapi tanpa kolom TMT, sehingga barisnya tidak dibaca. Sheet "Pindah" berisi kolom NIK tetapi tanpa kolom NAMA, TMT, sehingga barisnya tidak dibaca. ' +
          'Satu unggahan hanya membaca satu sheet dengan kolom lengkap, di sini sheet "Peserta Baru". Catat di sheet "Peserta Baru".',
      },
    ]);
    // without the option, as every other upload reads: nothing said
    const plain = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'a.xlsx', columns, batchSize: 2 });
    expect(plain.reader.sheetWarnings).toEqual([]);
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
