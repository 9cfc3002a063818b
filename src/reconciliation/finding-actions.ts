import type { Category } from './reconciliation.types.js';

/**
 * The proposed action of each finding category, in Indonesian for the finance officer. `{noka}`
 * is replaced by the line's billed NOKA, `{expected}` by the obligation in Rupiah format
 * (done in SQL, see reconcile.sql.ts); a NOKA_MISMATCH whose line has no NOKA takes
 * NOKA_MISMATCH_NOT_BILLED, one whose NOKA is not 13 digits NOKA_MISMATCH_MALFORMED.
 */
export const FINDING_ACTIONS: Record<Category | 'NOKA_MISMATCH_NOT_BILLED' | 'NOKA_MISMATCH_MALFORMED', string> = {
  DUPLICATE_BILLING: 'Tagihan ganda untuk NIK yang sama: ajukan koreksi ke BPJS agar baris ini dihapus',
  NOT_REGISTERED: 'NIK tidak terdaftar sebagai peserta Jamkesda: ajukan koreksi ke BPJS, jangan dibayar',
  BILLED_AFTER_DEATH: 'Tagihan atas peserta yang telah meninggal: ajukan koreksi ke BPJS',
  NOT_COVERED: 'Peserta tidak tercakup dalam kewajiban iuran bulan ini (di luar TMT/TAT saat alokasi bulan ini dihitung): ajukan koreksi ke BPJS',
  AMOUNT_MISMATCH: 'Iuran ditagih berbeda dari kewajiban {expected}: bayar sesuai kewajiban dan ajukan koreksi selisih ke BPJS',
  NOKA_MISMATCH: 'NOKA pada tagihan ({noka}) berbeda dari register: catat NOKA dari tagihan pada data peserta setelah diverifikasi',
  /** NOKA_MISMATCH of a line without a NOKA: there is nothing to record; the register's stays (QA). */
  NOKA_MISMATCH_NOT_BILLED: 'Tagihan tidak mencantumkan NOKA, padahal register mencatat NOKA peserta ini: minta BPJS melengkapi NOKA pada tagihan; data peserta tidak diubah',
  /** NOKA_MISMATCH of a line whose NOKA is not 13 digits (kept as billed, QA): not a NOKA to record in the register. */
  NOKA_MISMATCH_MALFORMED: 'NOKA pada tagihan ({noka}) bukan 13 digit angka: periksa NOKA peserta ini dengan BPJS dan minta BPJS membetulkannya; data peserta tidak diubah',
  MATCHED: 'Sesuai: bayar',
  NOT_BILLED: 'Peserta aktif tidak ada dalam tagihan: konfirmasi ke BPJS agar kepesertaannya tidak nonaktif',
  TOTAL_MISMATCH: 'Total invoice berbeda dari jumlah baris tagihan: minta BPJS menerbitkan invoice yang benar',
  DOUBLE_COVERAGE: 'Peserta juga terdaftar PBI APBN: akhiri kepesertaan Jamkesda (masih ditanggung sampai operator mengakhirinya)',
};
