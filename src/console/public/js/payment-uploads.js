/**
 * The latest payment sheets (GET /api/v1/payment-uploads: `{ items, total }`, newest first), each
 * with the row report of its rejected and warned rows, so that a report can be found again after
 * leaving the page (QA).
 */
import { api } from './api.js';
import { h, replace } from './dom.js';
import { dateTimeLabel, number, rupiah } from './format.js';
import { hasRowReport, reportPath } from './row-report.js';
import { dataTable, downloadButton, errorNotice, loading, notice } from './ui.js';

const BASE = '/api/v1/payment-uploads';
const SHOWN = 10;

/** `laporan-pembayaran-YYYY-MM-DD.xlsx` by the upload's WIB day, as the server names it. Pure, tested. */
export const paymentReportName = (u) => `laporan-pembayaran-${new Date(new Date(u.uploadedAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10)}.xlsx`;

/** → { element, load() } */
export function paymentUploadHistory({ signal }) {
  const element = h('div', { class: 'upload-history' });
  async function load() {
    replace(element, loading());
    try {
      const { items, total } = await api(BASE, { query: { pageSize: SHOWN }, signal });
      replace(
        element,
        dataTable({
          caption: total > SHOWN ? `Riwayat unggahan lembar pembayaran (${SHOWN} terbaru dari ${number(total)})` : 'Riwayat unggahan lembar pembayaran',
          columns: [
            { label: 'Diunggah', value: (u) => dateTimeLabel(u.uploadedAt) },
            { label: 'Oleh', value: (u) => u.uploadedBy },
            { label: 'Berkas', value: (u) => u.filename },
            { label: 'Pembayaran', value: (u) => `${number(u.payments)} (${rupiah(u.amount)})`, numeric: true },
            { label: 'Ditolak', value: (u) => number(u.rejected), numeric: true },
            { label: 'Peringatan', value: (u) => number(u.warnings), numeric: true },
            { label: 'Laporan', render: (u) => (hasRowReport(u) ? downloadButton('Unduh', reportPath(BASE, u.id), { kind: 'ghost', fallbackName: paymentReportName(u) }) : '–') },
          ],
          rows: items,
          empty: 'Belum ada lembar pembayaran yang diunggah.',
        }),
      );
    } catch (err) {
      if (err?.name === 'AbortError') return;
      replace(element, err.missingRoute ? notice('info', 'Riwayat unggahan belum tersedia di server ini.') : errorNotice(err));
    }
  }
  return { element, load };
}
