/**
 * The payment sheets uploaded (GET /api/v1/payment-uploads: `{ items, total }`, newest first), ten a
 * page, each with the row report of its rejected and warned rows, so that a report can be found again
 * after leaving the page (QA).
 */
import { api } from './api.js';
import { h, replace } from './dom.js';
import { dateTimeLabel, number, rupiah } from './format.js';
import { hasRowReport, reportPath } from './row-report.js';
import { fetchPage, pager } from './pager.js';
import { dataTable, downloadButton, errorNotice, loading, notice } from './ui.js';

const BASE = '/api/v1/payment-uploads';
const SHOWN = 10;

/** The name a report is saved under if the server's answer names none (it names it by the upload's WIB day). */
export const PAYMENT_REPORT_FALLBACK = 'laporan-pembayaran.xlsx';

/** → { element, load(page = 1) }: an upload's answer loads the first page, where its sheet is. */
export function paymentUploadHistory({ signal }) {
  const element = h('div', { class: 'upload-history' });
  async function load(asked = 1) {
    replace(element, loading());
    try {
      const { res, page } = await fetchPage((p) => api(BASE, { query: { page: p, pageSize: SHOWN }, signal }), asked, SHOWN);
      const { items, total } = res;
      replace(
        element,
        dataTable({
          caption: total > SHOWN ? `Riwayat unggahan lembar pembayaran (${number(total)} lembar, terbaru di atas)` : 'Riwayat unggahan lembar pembayaran',
          columns: [
            { label: 'Diunggah', value: (u) => dateTimeLabel(u.uploadedAt) },
            { label: 'Oleh', value: (u) => u.uploadedBy },
            { label: 'Berkas', value: (u) => u.filename },
            { label: 'Pembayaran', value: (u) => `${number(u.payments)} (${rupiah(u.amount)})`, numeric: true },
            { label: 'Ditolak', value: (u) => number(u.rejected), numeric: true },
            { label: 'Peringatan', value: (u) => number(u.warnings), numeric: true },
            { label: 'Laporan', render: (u) => (hasRowReport(u) ? downloadButton('Unduh', reportPath(BASE, u.id), { kind: 'ghost', fallbackName: PAYMENT_REPORT_FALLBACK }) : '–') },
          ],
          rows: items,
          empty: 'Belum ada lembar pembayaran yang diunggah.',
        }),
        pager({ page, pageSize: SHOWN, total, label: 'Halaman riwayat lembar pembayaran', onPage: load }),
      );
    } catch (err) {
      if (err?.name === 'AbortError') return;
      replace(element, err.missingRoute ? notice('info', 'Riwayat unggahan belum tersedia di server ini.') : errorNotice(err));
    }
  }
  return { element, load };
}
