/**
 * templates/pledges.xlsx: the pledge sheet and the `Daftar` list sheet, headers only, a sheet of
 * instructions and one of examples. List and code columns are formatted as Text so Excel keeps NIKs whole.
 *
 * The examples are on a sheet `Contoh` only, one column per example (a row per field), a layout the
 * reader never takes for data (no row holds KODE, SUMBER and TAHUN as headers): on `Komitmen` they
 * were saved as real pledges by anyone who uploaded the template as it came, or added rows below them
 * (QA: a made-up village pledge of Rp5.000.000 appeared on Talang Jambu's statement).
 */
import ExcelJS from 'exceljs';
import { SOURCE_TYPE_LABELS } from '../../reports/format/labels.js';
import { LIST_COLUMNS, LIST_SHEET_NAME, PLEDGE_COLUMNS, PLEDGE_SHEET_NAME } from './pledge-sheet.js';

const EXAMPLES: (string | number | null)[][] = [
  ['APBD-2026', 'APBD', null, 'Pemerintah Kabupaten Bengkulu Utara', 2026, 1, 12, 'ALL', null, null, 100, null, 1200000000, null, 'DPA Dinas Kesehatan 2026'],
  ['APBD_PROV-2026', 'APBD_PROV', null, 'Pemerintah Provinsi Bengkulu', 2026, 1, 12, 'ALL', null, null, 40, 1500, null, 30, 'Pergub Bengkulu 2026'],
  ['DESA-1703062001-2026', 'DESA', 'ADD', 'Pemerintah Desa', 2026, 1, 12, 'VILLAGES', '17.03.06.2001', null, 100, null, 5000000, null, 'APBDes 2026'],
  ['TJSLP-CONTOH-2026', 'TJSLP', null, 'PT Contoh (TJSLP)', 2026, 7, 12, 'RESIDENTS', null, null, 100, null, null, null, 'PKS No. 1/2026 (NIK di sheet Daftar)'],
];

const HELP = [
  'Isi sheet Komitmen mulai baris 2 (baris 1 adalah judul kolom). Templat ini tidak berisi baris data: contoh pengisian ada di sheet Contoh.',
  'Satu baris = satu komitmen pendanaan. Kolom wajib: KODE, SUMBER, TAHUN, PEMBERI_DANA, CAKUPAN.',
  `SUMBER: APBD, APBD_PROV, DESA, TJSLP (atau namanya: ${Object.values(SOURCE_TYPE_LABELS).join(', ')}). JENIS_DANA hanya untuk DESA: DANA_DESA, ADD, PADES (atau Dana Desa, Alokasi Dana Desa (ADD), Pendapatan Asli Desa (PADes)).`,
  'Sejak 2024 Dana Desa tidak boleh membayar iuran PBI (SE Kemendesa 4/PRI.00/I/2024): komitmen tetap diterima dengan peringatan.',
  'CAKUPAN: ALL (Semua peserta), VILLAGES (Desa tertentu: isi KODE_DESA), RESIDENTS (Peserta tertentu: isi NIK); kode atau namanya sama-sama diterima.',
  'KODE_DESA dan NIK boleh berisi beberapa nilai dipisah koma, titik koma atau spasi, atau ditulis satu per baris di sheet Daftar (KODE, NILAI). NIK boleh ditulis berkelompok dengan spasi, mis. 1703 0102 0709 2185.',
  'Format kolom NIK sebagai Teks: NIK yang diketik sebagai angka kehilangan digit terakhirnya dan ditolak.',
  'BULAN_DARI/BULAN_SAMPAI: 1-12 (bawaan 1 dan 12). PERSEN: 1-100 (bawaan 100). KUOTA: peserta per bulan. PAGU: rupiah setahun.',
  'PRIORITAS: angka lebih kecil dipakai lebih dahulu (bila kosong: RESIDENTS 10, VILLAGES 20, ALL 90; prioritas yang sama diurutkan menurut KODE). Porsi provinsi (mis. 40%) dengan prioritas kosong (90) dipakai sesudah APBD kabupaten yang kodenya lebih awal: beri prioritas lebih kecil (mis. 30) agar porsinya dipakai sejak awal.',
];

export async function writePledgeTemplate(path: string): Promise<void> {
  await (await pledgeWorkbook()).xlsx.writeFile(path);
}

/** The template as bytes (scripts/write-templates.ts). */
export async function buildPledgeTemplate(): Promise<Buffer> {
  return Buffer.from(await (await pledgeWorkbook()).xlsx.writeBuffer());
}

async function pledgeWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(PLEDGE_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLEDGE_COLUMNS.map((c) => ({ header: c.name, key: c.name, width: WIDTHS[c.name] ?? Math.max(14, c.name.length + 6) }));
  for (const name of ['KODE', 'KODE_DESA', 'NIK']) sheet.getColumn(name).numFmt = '@';
  sheet.getColumn('PAGU').numFmt = '#,##0';
  sheet.getRow(1).font = { bold: true };

  const list = workbook.addWorksheet(LIST_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = LIST_COLUMNS.map((c) => ({ header: c.name, key: c.name, width: 26 }));
  list.getColumn('NILAI').numFmt = '@';
  list.getColumn('KODE').numFmt = '@';
  list.getRow(1).font = { bold: true };

  const help = workbook.addWorksheet('Petunjuk');
  help.getColumn(1).width = 120;
  for (const line of HELP) help.addRow([line]);

  // one column per example: no row of this sheet reads as the Komitmen header, so it is never taken for data
  const examples = workbook.addWorksheet('Contoh');
  examples.columns = [{ width: 16 }, ...EXAMPLES.map(() => ({ width: 34 }))];
  examples.addRow(['Contoh pengisian: satu kolom = satu komitmen. Salin nilainya ke sheet Komitmen (satu baris per komitmen); sheet ini tidak dibaca.']).font = { bold: true };
  examples.addRow(['Kolom', ...EXAMPLES.map((_, i) => `Contoh ${i + 1}`)]).font = { bold: true };
  PLEDGE_COLUMNS.forEach((c, i) => examples.addRow([c.name, ...EXAMPLES.map((e) => e[i])]));
  examples.addRow(['Daftar', null, null, null, 'KODE: TJSLP-CONTOH-2026, NILAI: 1703064101900001']);
  return workbook;
}

/** Columns whose values or headers are longer than the default width (QA: cut in LibreOffice's PDF). */
const WIDTHS: Partial<Record<string, number>> = { KODE: 24, PEMBERI_DANA: 36, KODE_DESA: 20, NIK: 20, PAGU: 18, DASAR_HUKUM: 36 };
