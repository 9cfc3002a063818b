/**
 * What the answer of POST /reconciliations tells the finance officer besides the run's header
 * (`warnings`): a run is made all the same, but it is not the run the month needs. The scheduler
 * re-runs a month only once its bill has arrived (§10), so only a manual start can hear NO_BILL.
 */
import { monthName } from '../common/month.js';

export interface RunWarning {
  /** NO_BILL: the month has no BPJS bill recorded, so the run has `bill: null` and finalizing it is refused (BILL_MISSING). */
  code: 'NO_BILL';
  message: string;
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
