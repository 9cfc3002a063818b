/**
 * templates/bill.xlsx and templates/pbi-apbn.xlsx (QA: the Tagihan page only named the columns, while
 * payments, pledges and enrollment each had a template): the BPJS bill sheet (DOMAIN §12: NOKA, NIK,
 * NAMA, IURAN) and the PBI-APBN list (NIK), built from the columns the readers take (BILL_COLUMNS,
 * PBI_COLUMNS). Identifiers are Text (a 16-digit NIK in a number cell loses its last digit), IURAN is
 * rupiah. The data sheet comes first (the readers take the first sheet with the header), then a
 * sheet of instructions in Indonesian; no example rows, which an upload would store as billed lines.
 */
import ExcelJS from 'exceljs';
import type { ColumnSpec } from '../../common/spreadsheet/column-spec.js';
import { columnStyle, frozenHeader, HEADER_STYLE, TITLE_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { BILL_COLUMNS } from '../bills/bill-row.validator.js';
import { PBI_COLUMNS } from '../pbi/upload-pbi-apbn-list.use-case.js';

/** Fixed so the workbook properties do not change from run to run (templates/ is compared with the builder's output). */
const TEMPLATE_DATE = new Date(Date.UTC(2026, 0, 1));

const BILL_HELP = [
  'Isi sheet Tagihan BPJS mulai baris 2 (baris 1 adalah judul kolom, jangan diubah): satu baris per peserta yang ditagih BPJS Kesehatan untuk bulan itu, sesuai lampiran tagihan.',
  'NOKA: 13 digit nomor kartu BPJS. NIK: 16 digit. Keduanya berformat Teks, agar Excel tidak membuang angka nol di depan atau digit terakhir.',
  'NAMA: nama peserta seperti tertulis di tagihan (boleh kosong). IURAN: rupiah penuh tanpa desimal (mis. 37800).',
  'Jangan menambahkan baris jumlah atau tanda tangan di bawah data. Total invoice diisi di formulir unggah, bukan di berkas ini.',
  'Unggah berkas ini (.xlsx) atau simpanan CSV-nya di menu Tagihan BPJS, pilih bulan tagihan, isi total invoice. Baris ganda, NIK tak terdaftar dan NOKA berbeda tidak ditolak: semuanya menjadi temuan rekonsiliasi.',
];

const PBI_HELP = [
  'Isi sheet PBI APBN mulai baris 2: satu NIK (16 digit, format Teks) per baris, dari daftar peserta PBI APBN (pusat) bulan itu. Kolom lain boleh ditambahkan dan diabaikan.',
  'Unggah di menu Tagihan BPJS, bagian Daftar PBI APBN, dengan bulannya. Peserta Jamkesda yang juga ada di daftar ini menjadi temuan kepesertaan ganda pada rekonsiliasi; NIK yang tidak terdaftar di Jamkesda diabaikan.',
];

/** The bill template as bytes (scripts/write-templates.ts, GET /api/v1/templates/bill.xlsx). */
export function buildBillTemplate(): Promise<Buffer> {
  return template('Tagihan BPJS', BILL_COLUMNS, { NOKA: 'text', NIK: 'text', NAMA: 'text', IURAN: 'rupiah' }, 'Petunjuk pengisian tagihan BPJS Kesehatan (peserta Jamkesda)', BILL_HELP);
}

/** The PBI-APBN list template as bytes (GET /api/v1/templates/pbi-apbn.xlsx). */
export function buildPbiTemplate(): Promise<Buffer> {
  return template('PBI APBN', PBI_COLUMNS, { NIK: 'text' }, 'Petunjuk pengisian daftar PBI APBN', PBI_HELP);
}

async function template(sheetName: string, columns: readonly ColumnSpec[], kinds: Record<string, 'text' | 'rupiah'>, title: string, help: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jamkesda Bengkulu Utara';
  workbook.created = TEMPLATE_DATE;
  workbook.modified = TEMPLATE_DATE;
  const sheet = workbook.addWorksheet(sheetName, { views: frozenHeader(1) });
  sheet.columns = columns.map((c) => ({ header: c.name, key: c.name, width: c.width ?? c.name.length + 6, style: columnStyle(kinds[c.name] ?? 'text') }));
  sheet.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  const instructions = workbook.addWorksheet('Petunjuk');
  instructions.columns = [{ width: 6 }, { width: 120 }];
  instructions.addRow([title]).getCell(1).style = TITLE_STYLE;
  instructions.addRow([]);
  help.forEach((line, i) => (instructions.addRow([`${i + 1}.`, line]).getCell(2).alignment = { wrapText: true, vertical: 'top' }));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
