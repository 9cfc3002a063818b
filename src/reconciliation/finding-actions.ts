import type { Category } from './reconciliation.types.js';

/**
 * The proposed action of each finding, in Indonesian for the finance officer, chosen in SQL
 * (reconcile.sql.ts) by the finding's category and, for some, what else the run knows of its line.
 * The category stays as DOMAIN §7 assigns it; only the text it proposes is refined:
 *
 * - DUPLICATE_BILLING_KEEP: the DUPLICATE_BILLING line that carries the register's NOKA when the NIK's
 *   first line (§7 order) does not (its NOKA is empty or another): the line BPJS should keep, the
 *   others deleted (QA: the officer was told to delete the right line and record the wrong NOKA).
 * - BILLED_AGAIN_OTHER_NOKA, BILLED_AGAIN_NO_NOKA: that first line, AMOUNT_MISMATCH or NOKA_MISMATCH,
 *   when another line of its NIK carries the register's NOKA: the line to delete; nothing to record.
 * - AMOUNT_MISMATCH_CENTRAL: billed exactly the obligation plus the month's CENTRAL components (§3:
 *   Rp42.000 from 2021, the central government's Rp4.200 added); else AMOUNT_MISMATCH_OVER or _UNDER.
 * - NOKA_MISMATCH: the billed NOKA, to record; a line without one takes NOKA_MISMATCH_NOT_BILLED, one
 *   whose NOKA is not 13 digits NOKA_MISMATCH_MALFORMED, one whose NOKA was a number in the file with
 *   its leading zeros restored (bill_line.noka_restored) NOKA_MISMATCH_NUMERIC_CELL: neither is a card
 *   number to record, the register's stays; one whose NOKA the participant held before a card change the register
 *   recorded (participant_change) NOKA_MISMATCH_FORMER_CARD: the old card, not one to record back (QA: a bill of a month
 *   before the change, with the card valid then, was told to write the old card into the register).
 *
 * Placeholders, filled in per finding (ACTION_PLACEHOLDERS in reconcile.sql.ts): {noka} the billed
 * NOKA, {registerNoka} the register's, {billed} the billed amount, {expected} what the regency owes
 * for the line, {difference} the two apart (positive), {obligation} the participant's obligation in
 * the month (also on a DUPLICATE_BILLING line, whose expected is 0), {registerRow} the file row of the
 * NIK's line that carries the register's NOKA, {otherRows} the NIK's other lines, {cardChanged} the day (WIB, `15
 * November 2026`) the register last replaced the billed NOKA, {refusedRow} the file row of the bill that named a
 * NOT_BILLED participant and was refused at upload; amounts as `Rp37.800`.
 */
export type ActionKey =
  | Exclude<Category, 'AMOUNT_MISMATCH'>
  | 'DUPLICATE_BILLING_KEEP'
  | 'BILLED_AGAIN_OTHER_NOKA'
  | 'BILLED_AGAIN_NO_NOKA'
  | 'AMOUNT_MISMATCH_CENTRAL'
  | 'AMOUNT_MISMATCH_OVER'
  | 'AMOUNT_MISMATCH_UNDER'
  | 'NOKA_MISMATCH_NOT_BILLED'
  | 'NOKA_MISMATCH_MALFORMED'
  | 'NOKA_MISMATCH_NUMERIC_CELL'
  | 'NOKA_MISMATCH_FORMER_CARD'
  | 'NOT_BILLED_ROW_REFUSED';

/** Keeps the register untouched: said by every action that records nothing. */
const REGISTER_UNCHANGED = 'data peserta tidak diubah';

export const FINDING_ACTIONS: Record<ActionKey, string> = {
  DUPLICATE_BILLING: 'Tagihan ganda untuk NIK yang sama: ajukan koreksi ke BPJS agar baris ini dihapus',
  DUPLICATE_BILLING_KEEP:
    'Tagihan ganda untuk NIK yang sama, tetapi NOKA baris ini sesuai daftar peserta ({registerNoka}): baris inilah yang dipertahankan; ' +
    'minta BPJS menghapus baris {otherRows} untuk NIK ini. Iuran NIK ini dibayar sekali, sesuai kewajiban {obligation}',
  BILLED_AGAIN_OTHER_NOKA:
    'NIK ini juga ditagih pada baris {registerRow} dengan NOKA yang terdaftar ({registerNoka}); baris ini ganda dengan NOKA lain ({noka}): ' +
    `minta BPJS menghapus baris ini; ${REGISTER_UNCHANGED}`,
  BILLED_AGAIN_NO_NOKA:
    'NIK ini juga ditagih pada baris {registerRow} dengan NOKA yang terdaftar ({registerNoka}); baris ini ganda tanpa NOKA: ' +
    `minta BPJS menghapus baris ini; ${REGISTER_UNCHANGED}`,
  NOT_REGISTERED: 'NIK tidak terdaftar sebagai peserta Jamkesda: ajukan koreksi ke BPJS, jangan dibayar',
  BILLED_AFTER_DEATH: 'Tagihan atas peserta yang telah meninggal: ajukan koreksi ke BPJS',
  NOT_COVERED: 'Peserta tidak tercakup dalam kewajiban iuran bulan ini (di luar TMT/TAT saat alokasi bulan ini dihitung): ajukan koreksi ke BPJS',
  AMOUNT_MISMATCH_CENTRAL:
    'BPJS menagih juga bantuan pusat {difference} yang bukan beban daerah (ditagih {billed}, kewajiban daerah {expected}): ' +
    'bayar sesuai kewajiban dan minta koreksi tagihan',
  AMOUNT_MISMATCH_OVER: 'Iuran ditagih {billed}, lebih {difference} dari kewajiban {expected}: bayar sesuai kewajiban dan minta BPJS mengoreksi kelebihan tagihan',
  AMOUNT_MISMATCH_UNDER: 'Iuran ditagih {billed}, kurang {difference} dari kewajiban {expected}: bayar sesuai kewajiban dan minta BPJS mengoreksi kekurangan tagihan',
  NOKA_MISMATCH: 'NOKA pada tagihan ({noka}) berbeda dari daftar peserta: catat NOKA dari tagihan pada data peserta setelah diverifikasi',
  /** A line without a NOKA: there is nothing to record; the register's stays (QA). */
  NOKA_MISMATCH_NOT_BILLED: `Tagihan tidak mencantumkan NOKA, padahal daftar peserta mencatat NOKA peserta ini: minta BPJS melengkapi NOKA pada tagihan; ${REGISTER_UNCHANGED}`,
  /** A NOKA not of 13 digits (kept as billed, QA): not a NOKA to record in the register. */
  NOKA_MISMATCH_MALFORMED: `NOKA pada tagihan ({noka}) bukan 13 digit angka: periksa NOKA peserta ini dengan BPJS dan minta BPJS membetulkannya; ${REGISTER_UNCHANGED}`,
  /** A NOKA that was a number in the file, its leading zeros restored (NOKA_NUMERIC_CELL): the file's damage, not a card number (QA). */
  NOKA_MISMATCH_NUMERIC_CELL:
    'NOKA pada berkas tagihan tertulis sebagai angka; nol di depannya dipulihkan menjadi {noka}, yang berbeda dari NOKA di daftar peserta ({registerNoka}): ' +
    `minta BPJS nomor kartu yang benar atau periksa berkas tagihannya; ${REGISTER_UNCHANGED}`,
  /** The participant's former card, replaced in the register (QA): right for a month before the change, never to record back. */
  NOKA_MISMATCH_FORMER_CARD:
    'NOKA pada tagihan ({noka}) adalah kartu lama peserta ini, diganti menjadi {registerNoka} di daftar peserta pada {cardChanged}: ' +
    `bila BPJS masih memakai kartu lama, minta BPJS memperbarui NOKA peserta ini; ${REGISTER_UNCHANGED}`,
  MATCHED: 'Sesuai: bayar',
  NOT_BILLED: 'Peserta aktif tidak ada dalam tagihan: konfirmasi ke BPJS agar kepesertaannya tidak nonaktif',
  /** A participant named on a row of the bill refused at upload (BILL_ROWS_REJECTED): billed, but the row not matched (QA). */
  NOT_BILLED_ROW_REFUSED:
    'Peserta ini ada pada baris {refusedRow} tagihan yang ditolak saat diunggah, jadi tidak ikut dicocokkan walaupun ditagih BPJS: ' +
    'perbaiki baris itu (lihat laporan baris bermasalah di halaman Tagihan), unggah ulang seluruh tagihan lalu jalankan ulang rekonsiliasi',
  TOTAL_MISMATCH: 'Total invoice berbeda dari jumlah baris tagihan: minta BPJS menerbitkan invoice yang benar',
  DOUBLE_COVERAGE: 'Peserta juga terdaftar PBI APBN: akhiri kepesertaan Jamkesda (masih ditanggung sampai operator mengakhirinya)',
};
