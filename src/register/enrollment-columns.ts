/**
 * The columns of the enrollment sheet (Daftar Peserta, DOMAIN §12): ONE definition used by the
 * parser (header matching), the template (formats, drop-down, instructions) and the upload report
 * (rows repeated as uploaded), so the three cannot drift apart.
 */
import { type ColumnSpec, type HeaderMatch, labelsByName } from '../common/spreadsheet/column-spec.js';
import type { ColumnKind } from '../common/spreadsheet/workbook-style.js';

export interface EnrollmentColumn extends ColumnSpec {
  /** Template/report formatting: identifiers are Text so Excel keeps every digit. */
  readonly kind: ColumnKind;
  readonly width: number;
  /** One line for the instructions sheet (Indonesian). */
  readonly help: string;
  /** Example value in the instructions. */
  readonly example: string;
}

/** The sheet the template writes and the upload reads when the workbook has it (else the first visible sheet). */
export const ENROLLMENT_SHEET = 'Daftar Peserta';

export const ENROLLMENT_COLUMNS = [
  {
    name: 'NIK',
    aliases: ['NO NIK', 'NOMOR NIK', 'NOMOR INDUK KEPENDUDUKAN', 'NO KTP', 'NIK PESERTA'],
    required: true,
    kind: 'text',
    width: 20,
    help: '16 digit Nomor Induk Kependudukan. Kolom harus berformat Teks: angka 16 digit di sel angka kehilangan digit terakhir.',
    example: '1703064512900001',
  },
  {
    name: 'NO_KK',
    aliases: ['NO KK', 'NOMOR KK', 'NO KARTU KELUARGA', 'NOMOR KARTU KELUARGA', 'KK'],
    required: true,
    kind: 'text',
    width: 20,
    help: '16 digit nomor Kartu Keluarga (format Teks).',
    example: '1703060101200001',
  },
  {
    name: 'NAMA',
    aliases: ['NAMA PESERTA', 'NAMA LENGKAP', 'NAMA ANGGOTA'],
    required: true,
    kind: 'text',
    width: 30,
    help: 'Nama lengkap peserta sesuai KTP/KK.',
    example: 'Siti Aminah',
  },
  {
    name: 'TANGGAL_LAHIR',
    aliases: ['TGL LAHIR', 'TGLLAHIR', 'TANGGAL LAHIR PESERTA', 'TGL LHR'],
    required: true,
    kind: 'date',
    width: 14,
    help: 'Tanggal lahir: sel tanggal Excel, atau teks YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY.',
    example: '05/12/1990',
  },
  {
    name: 'JENIS_KELAMIN',
    aliases: ['JK', 'L/P', 'KELAMIN', 'SEX', 'GENDER'],
    required: true,
    kind: 'text',
    width: 10,
    help: 'L (laki-laki) atau P (perempuan).',
    example: 'P',
  },
  {
    name: 'KODE_DESA',
    // `KODE DESA/KEL`: the slash is part of the header (only spaces, dots and underscores are ignored)
    aliases: ['KODE WILAYAH', 'KD DESA', 'KODE KEMENDAGRI', 'KODE DESA KELURAHAN', 'KODE KELURAHAN', 'KODE DESA/KEL', 'KODE DESA/KELURAHAN', 'KD DESA/KEL'],
    required: true,
    kind: 'text',
    width: 34,
    help: 'Kode Kemendagri desa/kelurahan domisili, dengan atau tanpa titik (17.03.06.2001 = 1703062001). Pilih dari daftar.',
    example: '17.03.06.2001',
  },
  {
    name: 'NOKA',
    aliases: ['NO KARTU', 'NOMOR KARTU', 'NO KARTU BPJS', 'NOMOR KARTU BPJS', 'NO BPJS', 'NOKA BPJS'],
    required: false,
    kind: 'text',
    width: 18,
    help: '13 digit nomor kartu BPJS Kesehatan (format Teks). Boleh kosong bila belum ada kartu; sel kosong pada peserta yang sudah terdaftar mempertahankan kartunya. Isi HAPUS untuk menghapus kartu yang salah tercatat pada peserta ini.',
    example: '0001234567890',
  },
  {
    name: 'TMT',
    aliases: ['TGL TMT', 'TANGGAL TMT', 'TANGGAL MULAI', 'TGL MULAI', 'TMT KEPESERTAAN', 'TMT PESERTA', 'TANGGAL MULAI BERLAKU'],
    required: true,
    kind: 'date',
    width: 14,
    help: 'Tanggal mulai kepesertaan (wajib).',
    example: '2026-01-01',
  },
  {
    name: 'TAT',
    aliases: ['TGL TAT', 'TANGGAL TAT', 'TANGGAL AKHIR', 'TANGGAL BERAKHIR', 'TGL BERAKHIR', 'TANGGAL SELESAI', 'TGL SELESAI'],
    required: false,
    kind: 'date',
    width: 14,
    help: 'Tanggal akhir kepesertaan; kosongkan bila masih aktif. Untuk peserta meninggal: tanggal meninggal. Tidak boleh sebelum TMT.',
    example: '',
  },
  {
    name: 'ALASAN_BERAKHIR',
    aliases: ['ALASAN', 'ALASAN TAT', 'ALASAN AKHIR', 'KETERANGAN BERAKHIR'],
    required: false,
    kind: 'text',
    width: 18,
    help: 'Wajib bila TAT diisi: MENINGGAL, PINDAH, PBI_APBN, MAMPU atau LAINNYA. "Meninggal Dunia" dibaca MENINGGAL, "Pindah Domisili" dibaca PINDAH (huruf besar atau kecil).',
    example: '',
  },
] as const satisfies readonly EnrollmentColumn[];

export type EnrollmentColumnName = (typeof ENROLLMENT_COLUMNS)[number]['name'];

/** The name findings give each column: the file's alias header as written, else the column's own name (HeaderMatch.labels). */
export type ColumnLabels = Readonly<Record<EnrollmentColumnName, string>>;

export const columnLabels = (labels?: readonly string[]): ColumnLabels => labelsByName(ENROLLMENT_COLUMNS, labels);

/** Position of each column in a row's cells (the reader delivers cells in this order). */
export const COL = Object.fromEntries(ENROLLMENT_COLUMNS.map((c, i) => [c.name, i])) as Record<EnrollmentColumnName, number>;

/**
 * MISSING_COLUMNS advice for a header that has TAT or ALASAN_BERAKHIR but lacks two or more required columns, such as
 * `NIK;NAMA;TAT;ALASAN_BERAKHIR`, as operators report deaths (QA: refused with the list of missing columns only):
 * the register's own export, changed where it changes, is the file to upload (unchanged rows change nothing).
 */
export function enrollmentMissingColumnsHint(best: HeaderMatch): string | undefined {
  if (best.indexes[COL.TAT] < 0 && best.indexes[COL.ALASAN_BERAKHIR] < 0) return undefined;
  // a list of ends lacks most of the participant's columns; a full sheet that lacks one (TMT) is not one (QA: told how
  // to record deaths when only TMT was missing)
  const missing = ENROLLMENT_COLUMNS.filter((c, i) => c.required && best.indexes[i] < 0).length;
  if (missing < 2) return undefined;
  return (
    'Untuk mencatat peserta yang meninggal atau berakhir, tidak perlu membuat berkas baru: cari pesertanya di Cari Peserta, ' +
    'unduh hasilnya (.xlsx), isi TAT dan ALASAN_BERAKHIR pada baris mereka, lalu unggah berkas itu di Unggah Peserta. ' +
    'Baris yang tidak diubah tidak mengubah apa pun.'
  );
}

/**
 * What a sheet beside the one read, headed by NIK and some of the columns but not all (a list of deaths `NIK, NAMA, TAT,
 * ALASAN_BERAKHIR`), is told to do with its rows (PARTIAL_SHEETS_NOT_READ; QA: such a sheet was ignored unsaid).
 */
export const ENROLLMENT_PARTIAL_SHEETS = {
  column: 'NIK',
  names: ['NAMA'],
  advice: (read: string) =>
    `Untuk mencatat peserta yang meninggal atau berakhir, isi TAT dan ALASAN_BERAKHIR pada baris lengkap peserta itu di sheet "${read}" ` +
    '(cari pesertanya di Cari Peserta dan unduh hasilnya untuk mendapat barisnya), lalu unggah kembali; peserta lain juga dengan semua kolom wajib.',
};

export const END_REASONS = ['MENINGGAL', 'PINDAH', 'PBI_APBN', 'MAMPU', 'LAINNYA'] as const;
export type EndReason = (typeof END_REASONS)[number];

/**
 * Common phrasings of a reason, as ALASAN_BERAKHIR is read (upper case, spaces and hyphens as one `_`): taken as that
 * reason (QA: "Meninggal Dunia" and "Pindah Domisili", as puskesmas write them, were refused; later "Wafat" and
 * "Pindah Keluar Daerah"). Anything else is refused.
 */
export const END_REASON_PHRASINGS: Readonly<Record<string, EndReason>> = {
  MENINGGAL_DUNIA: 'MENINGGAL',
  WAFAT: 'MENINGGAL',
  PINDAH_DOMISILI: 'PINDAH',
  PINDAH_KELUAR_DAERAH: 'PINDAH',
};

/** The phrasings as a message lists them: "Meninggal Dunia", "Wafat", "Pindah Domisili" dan "Pindah Keluar Daerah". */
export const END_REASON_PHRASINGS_SAID = '"Meninggal Dunia", "Wafat", "Pindah Domisili" dan "Pindah Keluar Daerah"';

/**
 * The NOKA cell that takes a participant's card away: an empty cell (or `-`) keeps the card (what a file does not state
 * keeps the register's value), so removing a wrong card needs a word of its own (QA: a card typed for the wrong person
 * could not be removed, and its owner's row was refused NOKA_TAKEN). In any case, spaces around it allowed.
 */
export const NOKA_CLEAR = 'HAPUS';

/** Whether a NOKA cell says NOKA_CLEAR. */
export function clearsNoka(cell: { kind: string; text: string }): boolean {
  return cell.kind === 'text' && cell.text.trim().toUpperCase() === NOKA_CLEAR;
}
