/**
 * The payment sheets uploaded (GET /api/v1/payment-uploads: `{ items, total }`, newest first), ten a
 * page, each with the row report of its rejected and warned rows, so that a report can be found again
 * after leaving the page (QA).
 */
import { number, rupiah } from './format.js';
import { latestUploads } from './upload-history.js';

/** The name a report is saved under if the server's answer names none (it names it by the upload's WIB day). */
export const PAYMENT_REPORT_FALLBACK = 'laporan-pembayaran.xlsx';

/** → { element, load(page = 1) } (latestUploads): an upload's answer loads the first page, where its sheet is. */
export function paymentUploadHistory({ signal }) {
  return latestUploads({
    base: '/api/v1/payment-uploads',
    what: 'lembar pembayaran',
    columns: [
      { label: 'Pembayaran', value: (u) => `${number(u.payments)} (${rupiah(u.amount)})`, numeric: true },
      { label: 'Ditolak', value: (u) => number(u.rejected), numeric: true },
      { label: 'Peringatan', value: (u) => number(u.warnings), numeric: true },
    ],
    fallbackName: PAYMENT_REPORT_FALLBACK,
    signal,
  });
}
