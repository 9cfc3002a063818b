/**
 * templates/payments.xlsx: the payment sheet (`Pembayaran`) with the columns the reader takes
 * (PAYMENT_COLUMNS, in its order, headed as headerOf says: the correction's column KOREKSI_UNTUK_BULAN, as the
 * console's form names it), headers only; KODE_KOMITMEN, BULAN, REFERENSI and KOREKSI_UNTUK_BULAN formatted as Text
 * (a month typed as 2026-11 stays a month, an SP2D number keeps its zeros), JUMLAH as rupiah and TANGGAL_BAYAR as a date; a sheet of instructions in Indonesian
 * and one of examples.
 *
 * As in the pledge template (pledge-template.ts), the examples are on a sheet `Contoh` only, one
 * column per example (a row per field), a layout the reader never takes for data: on the data sheet
 * a real code such as APBD-2026 would be recorded as a payment by anyone uploading the template as it came.
 */
import ExcelJS from 'exceljs';
import { headerOf } from '../common/spreadsheet/column-spec.js';
import { PAYMENT_COLUMNS } from './payment-row.validator.js';
import { columnStyle, frozenHeader, HEADER_STYLE, LABEL_STYLE, TITLE_STYLE } from '../common/spreadsheet/workbook-style.js';

export const PAYMENT_SHEET = 'Pembayaran';

/** Fixed so the workbook properties do not change from run to run (templates/ is compared with the builder's output). */
const TEMPLATE_DATE = new Date(Date.UTC(2026, 0, 1));

type Kind = 'text' | 'rupiah' | 'date';
const KINDS: Record<string, Kind> = { KODE_KOMITMEN: 'text', BULAN: 'text', JUMLAH: 'rupiah', TANGGAL_BAYAR: 'date', REFERENSI: 'text', PENYESUAIAN_BULAN: 'text' };
const WIDTHS: Record<string, number> = { KODE_KOMITMEN: 24, BULAN: 12, JUMLAH: 18, TANGGAL_BAYAR: 16, REFERENSI: 28, PENYESUAIAN_BULAN: 22 };

/** The examples, one per PAYMENT_COLUMNS order: a month paid on time, and a correction of a finalized month recorded in an open one. */
export const PAYMENT_EXAMPLES: (string | number | Date | null)[][] = [
  ['APBD-2026', '2026-11', 37_800_000, new Date(Date.UTC(2026, 10, 10)), 'SP2D 00123/LS/BUD/2026', null],
  ['APBD-2026', '2026-12', 378_000, new Date(Date.UTC(2026, 11, 8)), 'SP2D 00145/LS/BUD/2026', '2026-11'],
];

const HELP = [
  `Isi sheet ${PAYMENT_SHEET} mulai baris 2 (baris 1 adalah judul kolom, jangan diubah). Templat ini tidak berisi baris data: contoh pengisian ada di sheet Contoh.`,
  'Satu baris = satu pembayaran (SP2D atau bukti transfer) satu komitmen untuk satu bulan. Kolom wajib: KODE_KOMITMEN, BULAN, JUMLAH, TANGGAL_BAYAR, REFERENSI.',
  'KODE_KOMITMEN: kode komitmen yang sudah tercatat di menu Komitmen (mis. APBD-2026).',
  'BULAN: bulan iuran yang dibayar, ditulis YYYY-MM (mis. 2026-11) atau MM/YYYY (mis. 11/2026). Bulan itu harus masih terbuka: belum difinalisasi, dan tidak dibekukan oleh finalisasi bulan sesudahnya pada tahun yang sama.',
  'JUMLAH: rupiah penuh tanpa desimal (mis. 37800000), bukan 0. Jumlah negatif (mis. -22680) hanya untuk koreksi yang mengembalikan kelebihan bayar bulan yang sudah ditutup, dengan KOREKSI_UNTUK_BULAN diisi.',
  'TANGGAL_BAYAR: tanggal SP2D atau transfer, sebagai tanggal (DD/MM/YYYY) atau teks YYYY-MM-DD; tidak boleh sesudah hari ini dan tidak sebelum tahun anggaran komitmen.',
  'REFERENSI: nomor SP2D atau bukti transfer. Pembayaran dengan komitmen, bulan dan referensi yang sama dengan yang sudah tercatat ditolak sebagai duplikat.',
  'KOREKSI_UNTUK_BULAN (boleh kosong; di formulir Pembayaran: Koreksi untuk bulan): hanya untuk koreksi bulan yang sudah difinalisasi atau dibekukan. Isi BULAN dengan bulan yang masih terbuka (mis. bulan berjalan) dan KOREKSI_UNTUK_BULAN dengan bulan yang dikoreksi, yang harus lebih awal dari BULAN.',
  'Format kolom KODE_KOMITMEN, BULAN, REFERENSI dan KOREKSI_UNTUK_BULAN sebagai Teks, agar Excel tidak mengubah 2026-11 menjadi tanggal atau membuang angka nol di depan nomor SP2D.',
  'Unggah berkas ini (.xlsx) atau simpanan CSV-nya pada menu Pembayaran, Unggah lembar pembayaran. Baris yang salah ditolak tanpa membatalkan baris lain; unduh laporan baris bermasalah, perbaiki, lalu unggah ulang.',
];

/** The template as bytes (scripts/write-templates.ts, GET /api/v1/templates/payments.xlsx). */
export async function buildPaymentTemplate(): Promise<Buffer> {
  return Buffer.from(await (await paymentWorkbook()).xlsx.writeBuffer());
}

async function paymentWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jamkesda Bengkulu Utara';
  workbook.created = TEMPLATE_DATE;
  workbook.modified = TEMPLATE_DATE;

  const sheet = workbook.addWorksheet(PAYMENT_SHEET, { views: frozenHeader(1) });
  sheet.columns = PAYMENT_COLUMNS.map((c) => ({ header: headerOf(c), key: c.name, width: WIDTHS[c.name] ?? c.name.length + 6, style: columnStyle(KINDS[c.name] ?? 'text') }));
  sheet.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));

  const help = workbook.addWorksheet('Petunjuk');
  help.columns = [{ width: 6 }, { width: 120 }];
  help.addRow(['Petunjuk pengisian lembar pembayaran iuran Jamkesda Kabupaten Bengkulu Utara']).getCell(1).style = TITLE_STYLE;
  help.addRow([]);
  HELP.forEach((line, i) => (help.addRow([`${i + 1}.`, line]).getCell(2).alignment = { wrapText: true, vertical: 'top' }));

  // one column per example: no row of this sheet reads as the Pembayaran header, so it is never taken for data
  const examples = workbook.addWorksheet('Contoh');
  examples.columns = [{ width: 22 }, ...PAYMENT_EXAMPLES.map(() => ({ width: 30 }))];
  examples.addRow(['Contoh pengisian: satu kolom = satu pembayaran. Salin nilainya ke sheet Pembayaran (satu baris per pembayaran) dengan kode komitmen dan bulan Anda sendiri; sheet ini tidak dibaca.']).getCell(1).style = LABEL_STYLE;
  examples.addRow(['Kolom', 'Contoh 1: pembayaran bulan berjalan', 'Contoh 2: koreksi bulan yang sudah difinalisasi']).eachCell((cell) => (cell.style = HEADER_STYLE));
  PAYMENT_COLUMNS.forEach((c, i) => {
    const row = examples.addRow([headerOf(c), ...PAYMENT_EXAMPLES.map((e) => e[i])]);
    row.getCell(1).style = LABEL_STYLE;
    for (let col = 2; col <= PAYMENT_EXAMPLES.length + 1; col++) row.getCell(col).style = columnStyle(KINDS[c.name] ?? 'text');
  });
  return workbook;
}
