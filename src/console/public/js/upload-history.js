/**
 * Earlier uploads, each with the row report of its rejected and warned rows, so that a report can be
 * found again after leaving the page: uploadHistory, one BPJS input (the bill or the PBI-APBN list)
 * for one month, newest version first (GET /api/v1/bills?month= or /api/v1/pbi-apbn-lists?month=: a
 * plain array); latestUploads, the latest sheets of one kind (GET /api/v1/payment-uploads,
 * /api/v1/pledge-uploads: `{ items, total }`, newest first).
 */
import { api } from './api.js';
import { breakAfter, h, replace } from './dom.js';
import { dateTimeLabel, monthLabel, number } from './format.js';
import { fetchPage, pager } from './pager.js';
import { hasRowReport, reportPath } from './row-report.js';
import { badge, dataTable, downloadButton, errorNotice, loading, notice } from './ui.js';

/**
 * uploadHistory({ base, what, count: { label, value(upload) }, extra: [more columns], after: [columns after the report], reportName(upload), signal })
 * → { element, load(month) }. `what` names the input in Indonesian ("tagihan", "daftar PBI APBN").
 */
export function uploadHistory({ base, what, count, extra = [], after = [], reportName, signal }) {
  const element = h('div', { class: 'upload-history' });
  let latestRequest = 0;

  async function load(month) {
    const request = (latestRequest += 1);
    if (!/^\d{4}-\d{2}$/.test(month ?? '')) return replace(element, h('p', { class: 'empty', text: `Isi bulan (YYYY-MM) untuk melihat riwayat unggahan ${what}.` }));
    replace(element, loading());
    try {
      const items = await api(base, { query: { month }, signal });
      if (request !== latestRequest) return; // the month changed while this one loaded
      replace(
        element,
        dataTable({
          caption: `Riwayat unggahan ${what} ${monthLabel(month)}`,
          columns: [
            { label: 'Versi', render: (u) => h('span', {}, String(u.version), u.latest ? [' ', badge('terbaru', 'ok')] : null) },
            { label: 'Diunggah', render: (u) => uploadedCell(u.uploadedAt) },
            { label: 'Oleh', value: (u) => u.uploadedBy ?? '–' },
            { label: 'Berkas', className: 'file-name', render: (u) => h('span', { title: `SHA-256 ${u.checksum}` }, u.filename ? breakAfter(u.filename) : '–') },
            { label: count.label, value: (u) => number(count.value(u)), numeric: true },
            ...extra,
            { label: 'Ditolak', value: (u) => number(u.rejected), numeric: true },
            { label: 'Peringatan', render: (u) => h('span', {}, number(u.warnings), sameFileNotes(u).map((n) => [' ', Object.assign(badge(n.text, 'warn'), { title: n.title })])), numeric: true },
            {
              label: 'Laporan',
              render: (u) => (hasRowReport(u) ? downloadButton('Unduh', reportPath(base, u.id), { kind: 'ghost', fallbackName: reportName(u) }) : '–'),
            },
            ...after,
          ],
          rows: items,
          empty: `Belum ada ${what} yang diunggah untuk ${monthLabel(month)}.`,
        }),
      );
    } catch (err) {
      if (err?.name === 'AbortError' || request !== latestRequest) return;
      replace(element, err.missingRoute ? notice('info', 'Riwayat unggahan belum tersedia di server ini.') : errorNotice(err));
    }
  }

  return { element, load };
}

/**
 * A bill version uploaded with the same bytes as another month's bill (its stored `fileWarnings`): the text of a
 * badge beside its row warnings naming those bills, *sama dengan tagihan Agustus 2026 v1*, with the whole message
 * as its title (QA: the history showed 0 warnings once the upload's answer was gone). Pure, tested.
 */
export function sameFileNotes(upload) {
  return (Array.isArray(upload?.fileWarnings) ? upload.fileWarnings : [])
    .filter((w) => w?.code === 'SAME_FILE_OTHER_MONTH' && Array.isArray(w.bills) && w.bills.length)
    .map((w) => ({ text: `sama dengan tagihan ${w.bills.map((b) => `${monthLabel(b.month)} v${b.version}`).join(', ')}`, title: w.message }));
}

/**
 * latestUploads({ base, what, columns, fallbackName, signal }) → { element, load(page = 1) }: the
 * sheets uploaded to `base`, newest first, `shown` a page with the pager, shown when, by whom and
 * which file, then the kind's own `columns` (dataTable columns: counts), then the row report's
 * **Unduh**. `what` names the sheet in Indonesian ("lembar pembayaran"); `fallbackName`, the
 * report's name if the server's answer names none.
 */
export function latestUploads({ base, what, columns, fallbackName, signal, shown = 10 }) {
  const element = h('div', { class: 'upload-history' });
  async function load(asked = 1) {
    replace(element, loading());
    try {
      const { res, page } = await fetchPage((p) => api(base, { query: { page: p, pageSize: shown }, signal }), asked, shown);
      const { items, total } = res;
      replace(
        element,
        dataTable({
          caption: total > shown ? `Riwayat unggahan ${what} (${number(total)} lembar, terbaru di atas)` : `Riwayat unggahan ${what}`,
          columns: [
            // the date and the time each on one line, a file name broken at its dots, dashes and underscores only (QA: mid-word, the date over 4 lines)
            { label: 'Diunggah', render: (u) => uploadedCell(u.uploadedAt) },
            { label: 'Oleh', value: (u) => u.uploadedBy },
            { label: 'Berkas', className: 'file-name', render: (u) => h('span', {}, breakAfter(u.filename ?? '–')) },
            ...columns,
            { label: 'Laporan', render: (u) => (hasRowReport(u) ? downloadButton('Unduh', reportPath(base, u.id), { kind: 'ghost', fallbackName }) : '–') },
          ],
          rows: items,
          empty: `Belum ada ${what} yang diunggah.`,
        }),
        pager({ page, pageSize: shown, total, label: `Halaman riwayat ${what}`, onPage: load }),
      );
    } catch (err) {
      if (err?.name === 'AbortError') return;
      replace(element, err.missingRoute ? notice('info', 'Riwayat unggahan belum tersedia di server ini.') : errorNotice(err));
    }
  }
  return { element, load };
}

/**
 * "15 November 2026 10.00 WIB" in a narrow column: the day and the time each kept on one line, the cell broken only
 * between them (QA: the date spread over 4 lines at 1366 px, while a whole line would push the report out of view).
 */
function uploadedCell(iso) {
  const text = dateTimeLabel(iso);
  const [, day, time] = /^(.*) (\d{2}\.\d{2} WIB)$/.exec(text) ?? [null, text, null];
  return h('span', {}, h('span', { class: 'nowrap', text: day }), time ? [' ', h('span', { class: 'nowrap', text: time })] : null);
}
