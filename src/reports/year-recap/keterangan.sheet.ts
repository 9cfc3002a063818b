/**
 * Rekap Tahunan, sheet "Keterangan": the year, when and by whom the copy was made, how each column of the other two
 * sheets is computed, and the warnings: pledges that break a §5 rule (Dana Desa), months not allocated, months that
 * were never reconciled, and why the recap is still a draft.
 */
import { WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import type { WorkbookOutput } from '../workbook/workbook-output.js';
import { NO_BILL, NOT_RECONCILED, PER_BULAN } from './per-bulan.sheet.js';
import { PER_PEMBERI_DANA } from './per-pemberi-dana.sheet.js';

const COLUMNS: TableColumn[] = [
  { header: 'Hal', kind: 'text', width: 30 },
  { header: 'Keterangan', kind: 'text', width: 110 },
];

export interface RecapFacts {
  year: number;
  made: string;
  actor: string;
  pledges: number;
  warnings: string[];
}

const HOW: Array<[string, string]> = [
  [`${PER_PEMBERI_DANA}: baris`, 'Satu baris per komitmen pendanaan tahun anggaran ini (ketentuan yang berlaku sekarang; komitmen yang dicabut ditandai "(dicabut)"), urut prioritas lalu kode.'],
  ['Terutang', 'Jumlah bagian iuran yang dialokasikan kepada komitmen itu pada bulan-bulan tahun ini: yang menjadi utangnya.'],
  [
    'Dibayar',
    'Pembayaran yang dicatat untuk bulan-bulan tahun ini, ditambah koreksi (pembayaran dengan "Koreksi untuk bulan") atas bulan-bulan tahun ini yang dicatat sesudah tahun ini berakhir. Koreksi yang dicatat dalam tahun ini sudah termasuk pembayaran bulan pencatatannya.',
  ],
  ['Selisih', 'Dibayar − Terutang: negatif berarti kurang bayar, positif lebih bayar.'],
  [
    'Bulan belum/kurang dibayar',
    'Status per bulan: dibayar = semua pembayaran yang dicatat untuk bulan itu (koreksi dihitung pada bulan pencatatannya). Disebut juga bila belum jatuh tempo (tanggal 10) dan koreksi atas bulan itu yang dicatat kemudian.',
  ],
  ['Bulan dibayar terlambat', 'Ada pembayaran bertanggal sesudah tanggal 10 bulan itu; "(hanya koreksi)" bila yang terlambat hanya koreksi bulan lain.'],
  ['Tidak Terdanai', 'Sisa iuran peserta yang tidak didanai komitmen mana pun, dijumlah atas tahun ini; Kewajiban iuran tahun ini = Terutang (semua komitmen) + Tidak Terdanai.'],
  [`${PER_BULAN}: Peserta, Kewajiban`, 'Peserta yang wajib dibayarkan iurannya pada bulan itu dan iurannya; JUMLAH peserta adalah peserta-bulan.'],
  ['Terdanai, Tidak Terdanai', 'Pembagian iuran ke komitmen pada bulan itu, dan sisanya yang tidak terdanai.'],
  ['Tagihan BPJS', `Total invoice versi tagihan BPJS terakhir bulan itu; "${NO_BILL}" bila belum diunggah.`],
  [
    'Rekonsiliasi, Dapat Dibayar, Lebih/Kurang Tagih',
    `Dari ringkasan tersimpan rekonsiliasi bulan itu: yang final bila ada, selain itu versi selesai (draf) terakhir; "${NOT_RECONCILED}" bila belum ada.`,
  ],
  ['Status Bulan', 'Final: rekonsiliasinya difinalisasi; Dibekukan: bulan sesudahnya pada tahun ini sudah difinalisasi; Terbuka: angkanya masih dapat berubah.'],
  ['Dibayar (per bulan)', `Pembayaran komitmen tahun anggaran ini untuk bulan itu, koreksi dihitung pada bulan yang dikoreksinya: JUMLAH-nya sama dengan Dibayar di sheet ${PER_PEMBERI_DANA}.`],
];

export function writeKeterangan(output: WorkbookOutput, title: string[], facts: RecapFacts): void {
  const t = new TableSheet(output.workbook, 'Keterangan', COLUMNS, { title });
  t.addRow(['Tahun anggaran', String(facts.year)]);
  t.addRow(['Dibuat', `${facts.made} oleh ${facts.actor}`]);
  t.addRow(['Komitmen', `${facts.pledges} komitmen pendanaan tahun anggaran ${facts.year}`]);
  for (const [what, how] of HOW) t.addRow([what, how]);
  if (!facts.warnings.length) t.addRow(['Peringatan', 'Tidak ada.']);
  for (const w of facts.warnings) t.writeStyledRow(['Peringatan', w], WARNING_STYLE);
  t.commit();
}
