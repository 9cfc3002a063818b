/**
 * The enrollment template workbook (templates/enrollment.xlsx), built from ENROLLMENT_COLUMNS, the
 * same definitions the parser reads with: sheet "Daftar Peserta" (headers, NIK/NO_KK/NOKA formatted
 * as Text, drop-downs for KODE_DESA, JENIS_KELAMIN and ALASAN_BERAKHIR), "Petunjuk" (instructions in
 * Indonesian) and "Daftar Desa" (the 218 villages the KODE_DESA drop-down offers, with their names).
 */
import ExcelJS from 'exceljs';
import { thousands } from '../../common/money.js';
import { WILAYAH_1703 } from '../../regions/data/wilayah-1703.js';
import { BASE_FONT, columnStyle, frozenHeader, HEADER_STYLE, LABEL_STYLE, TITLE_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { END_REASONS, ENROLLMENT_COLUMNS, ENROLLMENT_SHEET, COL, NOKA_CLEAR } from '../enrollment-columns.js';

/**
 * Data rows of "Daftar Peserta" that carry the drop-downs (rows 2..100001): a regency's register, with room.
 * Each drop-down is one range in the file whatever its length, but ExcelJS-based readers expand a range
 * into one entry per cell (the sheet's 1,048,576 rows: 6 s and ~600 MB to open; 100,000: 0.4 s).
 */
export const TEMPLATE_ROWS = 100_000;
/** Fixed so the workbook properties do not change from run to run. */
const TEMPLATE_DATE = new Date(Date.UTC(2026, 0, 1));

export const DATA_SHEET = ENROLLMENT_SHEET;
export const VILLAGE_SHEET = 'Daftar Desa';

/** `17.03.06.2001 - Kota Bani`: what the KODE_DESA drop-down offers (the parser takes the code). */
export function villageChoices(): { choice: string; code: string; name: string; kecamatan: string }[] {
  const kecamatan = new Map(WILAYAH_1703.filter((r) => r[1] === 'kecamatan').map((r) => [r[0], r[2]]));
  return WILAYAH_1703.filter((r) => r[1] !== 'kecamatan').map(([code, , name, kec]) => ({ choice: `${code} - ${name}`, code, name, kecamatan: kecamatan.get(kec) ?? '' }));
}

export async function buildEnrollmentTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jamkesda Bengkulu Utara';
  wb.created = TEMPLATE_DATE;
  wb.modified = TEMPLATE_DATE;
  const villages = villageChoices();
  dataSheet(wb, villages.length);
  instructionsSheet(wb);
  villageSheet(wb, villages);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

function dataSheet(wb: ExcelJS.Workbook, villageCount: number): void {
  const ws = wb.addWorksheet(DATA_SHEET, { views: frozenHeader(1) });
  // the header fits too (QA: TANGGAL_LAHIR and JENIS_KELAMIN were cut in LibreOffice's PDF)
  ws.columns = ENROLLMENT_COLUMNS.map((c) => ({ header: c.name, key: c.name, width: Math.max(c.width, c.name.length + 4), style: columnStyle(c.kind === 'date' ? 'text' : c.kind) }));
  ws.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  ws.autoFilter = { from: 'A1', to: `${letter(ENROLLMENT_COLUMNS.length - 1)}1` };
  const rows = (col: number) => `${letter(col)}2:${letter(col)}${TEMPLATE_ROWS + 1}`;
  const list = (formula: string, title: string, prompt: string): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: 'stop', // ECMA-376's names: stop, warning, information (Excel repairs a file with any other)
    errorTitle: title,
    error: prompt,
  });
  // ExcelJS supports range validations but its typings omit `dataValidations`.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(rows(COL.KODE_DESA), list(`'${VILLAGE_SHEET}'!$A$2:$A$${villageCount + 1}`, 'KODE_DESA', 'Pilih desa/kelurahan dari daftar.'));
  validations.add(rows(COL.JENIS_KELAMIN), list('"L,P"', 'JENIS_KELAMIN', 'Isi L atau P.'));
  validations.add(rows(COL.ALASAN_BERAKHIR), list(`"${END_REASONS.join(',')}"`, 'ALASAN_BERAKHIR', `Pilih salah satu: ${END_REASONS.join(', ')}.`));
}

function instructionsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Petunjuk');
  ws.columns = [{ width: 20 }, { width: 12 }, { width: 100 }, { width: 20 }];
  ws.addRow(['Petunjuk pengisian Daftar Peserta Jamkesda Kabupaten Bengkulu Utara']).getCell(1).style = TITLE_STYLE;
  ws.addRow([]);
  const lines = [
    `Isi satu baris per peserta pada sheet "${DATA_SHEET}". Baris pertama (judul kolom) jangan diubah; kolom tambahan diabaikan.`,
    'Unggah berkas ini (.xlsx) atau simpanan CSV-nya (pemisah koma atau titik koma, UTF-8) pada menu Unggah Peserta.',
    'Berkas yang sama yang diunggah ulang akan dikenali dan tidak mengubah apa pun, kecuali ada unggahan lain di antaranya: bila sudah ada berkas lain yang diunggah sesudahnya, berkas itu diproses lagi sebagai unggahan baru. Baris dengan NIK yang sudah terdaftar memperbarui data peserta; perubahan dicatat dalam riwayat.',
    'Peserta meninggal, pindah atau keluar: isi TAT (untuk meninggal: tanggal meninggal) dan ALASAN_BERAKHIR.',
    `NOKA kosong (atau "-") tidak mengubah kartu peserta yang sudah terdaftar. Untuk menghapus kartu yang salah tercatat, isi NOKA dengan ${NOKA_CLEAR}; pemilik kartu itu boleh didaftarkan dengan nomor kartunya dalam unggahan yang sama.`,
    'Baris yang salah ditolak tanpa membatalkan baris lain. Unduh laporan unggahan, perbaiki baris di sheet Perbaiki (hanya baris yang ditolak), lalu unggah ulang laporan itu. ' +
      'Baris di sheet Peringatan sudah tersimpan: cukup diperiksa, jangan disalin ke Perbaiki (mengunggahnya lagi menimpa perubahan sesudahnya, misalnya kematian yang sudah dicatat).',
    'NIK, NO_KK dan NOKA harus berformat Teks: Excel hanya menyimpan 15 digit angka, sehingga NIK 16 digit di sel angka rusak dan ditolak.',
    `Pilihan KODE_DESA, JENIS_KELAMIN dan ALASAN_BERAKHIR tersedia sampai baris ${thousands(TEMPLATE_ROWS + 1)} (${thousands(TEMPLATE_ROWS)} peserta). Baris sesudahnya tetap dibaca dan diperiksa saat diunggah, tanpa daftar pilihan.`,
  ];
  lines.forEach((line, i) => ws.addRow([`${i + 1}.`, '', line]).getCell(3).alignment = { wrapText: true });
  ws.addRow([]);
  const header = ws.addRow(['Kolom', 'Wajib', 'Keterangan', 'Contoh']);
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  for (const c of ENROLLMENT_COLUMNS) {
    const row = ws.addRow([c.name, c.required ? 'Ya' : 'Tidak', c.help, c.example]);
    row.getCell(1).style = LABEL_STYLE;
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(4).numFmt = '@';
  }
  ws.eachRow((row) => row.eachCell((cell) => (cell.font ??= BASE_FONT)));
}

function villageSheet(wb: ExcelJS.Workbook, villages: ReturnType<typeof villageChoices>): void {
  const ws = wb.addWorksheet(VILLAGE_SHEET, { views: frozenHeader(1) });
  ws.columns = [
    { header: 'PILIHAN', width: 40, style: columnStyle('text') },
    { header: 'KODE_DESA', width: 16, style: columnStyle('text') },
    { header: 'NAMA DESA/KELURAHAN', width: 28, style: columnStyle('text') },
    { header: 'KECAMATAN', width: 24, style: columnStyle('text') },
  ];
  ws.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  for (const v of villages) ws.addRow([v.choice, v.code, v.name, v.kecamatan]);
}
