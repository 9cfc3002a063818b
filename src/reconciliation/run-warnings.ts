/**
 * What the answer of POST /reconciliations tells the finance officer besides the run's header
 * (`warnings`): a run is made all the same, but it is not the run the month needs. The scheduler
 * re-runs a month only once its bill has arrived (§10), so only a manual start can hear NO_BILL.
 */
import { monthName } from '../common/month.js';
import { rupiah } from '../common/money.js';

export interface RunWarning {
  /**
   * NO_BILL: the month has no BPJS bill recorded, so the run has `bill: null` and finalizing it is refused (BILL_MISSING).
   * REGISTER_CHANGED_SINCE_FROZEN: the month is frozen and judged with the obligations it had, which the register no
   * longer agrees with (frozenDriftWarning). NO_PLEDGES_FOR_YEAR: the month's fiscal year has no pledge (noPledgesFor, allocation-summary.ts).
   * PLEDGES_NOT_RENEWED: funders of the year before have no pledge this year (pledgesNotRenewed).
   * NO_PBI_LIST: the month has no PBI-APBN list, so double coverage was not checked (noPbiListWarning).
   * BILL_ROWS_REJECTED: the bill version used had rows refused at upload, which were not matched (billRowsRejectedWarning).
   */
  code: 'NO_BILL' | 'REGISTER_CHANGED_SINCE_FROZEN' | 'NO_PLEDGES_FOR_YEAR' | 'PLEDGES_NOT_RENEWED' | 'NO_PBI_LIST' | 'BILL_ROWS_REJECTED';
  message: string;
  /** BILL_ROWS_REJECTED only: the bill version the run used and how many of its rows the upload refused. */
  details?: { billVersion: number; rowsRejected: number };
  /** PLEDGES_NOT_RENEWED only: the previous year's pledges whose funder has none this year (pledges-not-renewed.ts). */
  pledgeCodes?: string[];
}

/** What FROZEN_MONTH_DRIFT found. */
export interface FrozenDrift {
  ended: number;
  endedAmount: number;
  endedNiks: string[];
  added: number;
  addedNiks: string[];
}

/**
 * A frozen month whose obligations the register has moved away from (QA: a bill line of a resident recorded dead
 * after the freeze was MATCHED and payable with no word that the register says otherwise). The run stays as §9
 * wants it; the officer hears who differs and that a correction goes into an open month.
 */
export function frozenDriftWarning(month: string, d: FrozenDrift): RunWarning | null {
  if (!d.ended && !d.added) return null;
  const niks = (list: string[], n: number) => `NIK ${list.join(', ')}${n > list.length ? ` dan ${n - list.length} lainnya` : ''}`;
  const parts = [
    d.ended ? `${d.ended} peserta yang berutang iuran bulan itu (${rupiah(d.endedAmount)}) sudah tidak tercakup menurut daftar sekarang (berakhir atau meninggal sebelum bulan itu; ${niks(d.endedNiks, d.ended)})` : null,
    d.added ? `${d.added} peserta tercakup menurut daftar sekarang tetapi tidak berutang iuran bulan itu (terdaftar setelah dibekukan; ${niks(d.addedNiks, d.added)})` : null,
  ].filter(Boolean);
  return {
    code: 'REGISTER_CHANGED_SINCE_FROZEN',
    message:
      `${monthName(month)} sudah dibekukan (bulan sesudahnya difinalisasi): tagihannya dinilai dengan iuran saat dibekukan, tetapi daftar peserta sudah berubah: ` +
      `${parts.join('; ')}. Iuran bulan itu tidak dihitung ulang; catat koreksinya sebagai pembayaran penyesuaian pada bulan yang masih terbuka.`,
  };
}

/**
 * A month reconciled without its PBI-APBN list: DOUBLE_COVERAGE was not checked, and once the month is finalized its
 * list can no longer be uploaded (QA: November was finalized with "Terdaftar ganda 0", read as "checked, nobody").
 */
export function noPbiListWarning(month: string): RunWarning {
  const name = monthName(month);
  return {
    code: 'NO_PBI_LIST',
    message:
      `Belum ada daftar PBI APBN untuk ${name}: kepesertaan ganda (terdaftar juga sebagai PBI APBN) tidak diperiksa. ` +
      `Unggah daftar PBI APBN ${name} di halaman Tagihan dan jalankan ulang rekonsiliasi sebelum finalisasi; sesudah finalisasi daftarnya tidak dapat diunggah lagi.`,
  };
}

/**
 * A month reconciled with a bill whose upload refused rows (a NIK typed as a number, an amount that is not whole rupiah,
 * …): those rows are no bill line, so whoever BPJS billed on them counts as NOT_BILLED (and in "Kekurangan tagihan")
 * although BPJS billed them (QA: 8 of 13 rows refused, reconciled and finalized unwarned). Finalizing stays allowed, as
 * with NO_PBI_LIST: BPJS may bill those rows wrongly; the officer decides, told. Null when no row was refused, or for a
 * bill stored before the counts were kept (`rejected` null).
 */
export function billRowsRejectedWarning(month: string, bill: { version: number; rejected: number | null }): RunWarning | null {
  if (!bill.rejected) return null;
  return {
    code: 'BILL_ROWS_REJECTED',
    message:
      `Tagihan BPJS Kesehatan ${monthName(month)} versi ${bill.version} memuat ${bill.rejected} baris yang ditolak saat diunggah dan tidak ikut dicocokkan: ` +
      'peserta pada baris itu dihitung Tidak ditagih (termasuk dalam kekurangan tagihan) walaupun ditagih BPJS Kesehatan. ' +
      'Perbaiki baris itu di berkas tagihan yang lengkap (lihat laporan baris bermasalah di halaman Tagihan), unggah ulang seluruh tagihan dan jalankan ulang rekonsiliasi sebelum finalisasi.',
    details: { billVersion: bill.version, rowsRejected: bill.rejected },
  };
}

export function noBillWarning(month: string): RunWarning {
  const name = monthName(month);
  return {
    code: 'NO_BILL',
    message:
      `Belum ada tagihan BPJS Kesehatan untuk ${name}: rekonsiliasi ini dijalankan tanpa temuan tagihan (tidak ada baris tagihan yang dicocokkan ` +
      `dan tidak ada peserta yang dinyatakan tidak ditagih) dan tidak dapat difinalisasi sampai tagihan ${name} diunggah dan rekonsiliasi bulan itu ` +
      'dijalankan ulang.',
  };
}
