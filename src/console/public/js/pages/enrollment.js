/**
 * Operator: upload an enrollment sheet (choose or drop), follow its progress, see the counts and the
 * rejected/warned rows, download the report and the template; earlier uploads below.
 */
import { api, ApiError, upload } from '../api.js';
import { h, replace } from '../dom.js';
import { dateTimeLabel, label, number, percent, UPLOAD_STATUS_LABELS } from '../format.js';
import { clearErrors, field, form, showErrors } from '../forms.js';
import { issuesCaption, issuesTable } from '../issues-table.js';
import { hasReport, hasRowReport, reportPath, sheetWarningCount } from '../row-report.js';
import { sleep, uploadBox } from '../upload-box.js';
import { fetchPage, pager } from '../pager.js';
import { announce, badge, busy, dataTable, downloadButton, errorNotice, focusResult, notice, pageHeader, section, sheetWarningNotices, stats } from '../ui.js';
import { historyCounts, NOTHING_STORED, OWED_CHANGING_CODES, processingText, recognisedText, resultCounts, resultHeadline } from './enrollment-text.js';

// the words of an upload's result, tested from this page
export { historyCounts, NOTHING_STORED, OWED_CHANGING_CODES, processingText, recognisedText, resultCounts, resultHeadline } from './enrollment-text.js';

const BASE = '/api/v1/enrollment-uploads';
const POLL_MS = 1000;

export async function render(main, ctx) {
  const result = h('div', { class: 'upload-result' });
  const history = h('div');
  const box = uploadBox({ name: 'file', label: 'Berkas daftar peserta' });
  const progress = h('progress', { max: '1', value: '0', 'aria-label': 'Kemajuan unggahan', hidden: true });
  const phase = h('p', { class: 'phase', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Unggah');

  const uploadForm = form(
    {
      label: 'Unggah daftar peserta',
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          clearErrors(el);
          const file = box.file();
          if (!file) return showErrors(el, { message: 'Pilih berkas terlebih dahulu.', details: [{ field: 'file', messages: ['Pilih berkas .xlsx atau .csv.'] }] });
          const body = new FormData();
          body.append('file', file);
          progress.hidden = false;
          progress.value = 0;
          replace(result);
          replace(phase, `Mengirim ${file.name}…`);
          let lastAnnounced = 0;
          try {
            let status = await upload(BASE, body, {
              signal: ctx.signal,
              onProgress: (f) => {
                progress.value = f * 0.5;
                if (f - lastAnnounced >= 0.25 || f === 1) {
                  lastAnnounced = f;
                  replace(phase, `Mengirim berkas: ${percent(f)}`);
                }
              },
            });
            while (status.status === 'PROCESSING' || status.status === 'QUEUED') {
              progress.value = 0.5 + 0.5 * (Number(status.progress) || 0);
              replace(phase, processingText(status));
              await sleep(POLL_MS, ctx.signal);
              status = await api(`${BASE}/${encodeURIComponent(status.id)}`, { signal: ctx.signal });
            }
            progress.value = 1;
            replace(phase, status.status === 'FAILED' ? 'Unggahan gagal.' : 'Selesai.');
            announce(status.status === 'FAILED' ? `Unggahan gagal: ${NOTHING_STORED}.` : `Unggahan selesai: ${number(status.accepted)} diterima, ${number(status.rejected)} ditolak, ${number(status.warnings)} peringatan.`);
            box.reset();
            await showResult(result, status, ctx, el);
            loadHistory(history, ctx);
          } catch (err) {
            if (err?.name === 'AbortError') return;
            progress.hidden = true;
            replace(phase);
            showErrors(el, err instanceof ApiError ? err : { message: String(err), details: [] });
            loadHistory(history, ctx); // a file refused as a whole is kept as a FAILED upload: list it (QA)
          }
        }),
    },
    box.element,
    h('div', { class: 'actions' }, submit, downloadButton('Unduh templat (.xlsx)', '/api/v1/templates/enrollment.xlsx', { fallbackName: 'templat-peserta.xlsx' })),
    progress,
    phase,
  );

  replace(
    main,
    pageHeader('Unggah Daftar Peserta', 'Unggah lembar peserta Jamkesda (.xlsx atau .csv). Baris yang benar langsung masuk; baris yang salah dicantumkan di laporan untuk diperbaiki dan diunggah ulang.'),
    section('Berkas baru', uploadForm),
    result,
    section('Riwayat unggahan', history),
  );
  await loadHistory(history, ctx);
}

/** File warnings said below the result that ask nothing of the user (showResult). */
const INFORMATIVE = new Set(['NUMBERED_ROWS', 'COLUMNS_NOT_READ', 'HEADERS_READ_AS']);

/** The outcome of one upload: counts, the rows with problems, and the report. */
async function showResult(container, status, ctx, formEl) {
  // a warning about the file (a sheet with data not read, hidden rows) is not a success either (QA: "Semua baris diterima." above it)
  // …except the template's numbered empty rows, skipped as empty: said below, nothing to fix (QA: "periksa, dan bila
  // perlu perbaiki berkasnya" for them alone); nor the columns not read (a NO, a KETERANGAN), named below: a column that
  // looked like one the file lacks refused the file instead (UNKNOWN_COLUMN); nor the headers read as a column under
  // another name (`NIK (16 digit)` as NIK), named below for the user to check
  const fileWarnings = sheetWarningCount(status) - (status.sheetWarnings ?? []).filter((w) => INFORMATIVE.has(w.code)).length;
  const { tone, headline } = resultHeadline(status, fileWarnings);
  const counts = resultCounts(status);
  const issues = h('div');
  replace(
    container,
    section(
      'Hasil unggahan',
      h('p', {}, 'Status: ', statusBadge(status.status), recognisedText(status)),
      notice(tone, headline),
      stats(counts),
      ...sheetWarningNotices(status),
      hasReport(status)
        ? h('div', { class: 'actions' }, downloadButton(hasRowReport(status) ? 'Unduh laporan baris bermasalah (.xlsx)' : 'Unduh laporan unggahan (.xlsx)', reportPath(BASE, status.id), { kind: 'primary', fallbackName: `laporan-unggahan-${status.id}.xlsx` }))
        : null,
      issues,
    ),
  );
  // focus on the result's heading, not left on the page's body by the reset chooser and the disabled button (QA)
  focusResult(container.querySelector('h2'), formEl);
  if (hasRowReport(status)) await showIssues(issues, status, ctx);
}

/**
 * Rejected and warned rows (GET …/:id/issues), a page at a time; the report workbook has them all. When rows were
 * refused, *Ditolak saja* lists only the refusals (`severity=REJECT`), counted and paged as such (QA: 7 refused among
 * 1,993 warned rows were spread over 20 pages in row order).
 */
async function showIssues(container, status, ctx) {
  const pageSize = 100;
  const list = h('div');
  const filter = status.rejected > 0 ? field({ label: 'Ditolak saja', name: 'onlyRejected', type: 'checkbox', attrs: { onchange: () => load(1, true) } }) : null;
  const only = filter?.querySelector('input');
  // the rows the headline counts in owedChanged (COVERAGE_CHANGED, CLOSED_MONTH_UNCHANGED), found at once (QA: 16 among many)
  const owedFilter = status.owedChanged > 0 ? field({ label: 'Hanya baris yang mengubah iuran', name: 'onlyOwedChanged', type: 'checkbox', attrs: { onchange: () => load(1, true) } }) : null;
  const onlyOwed = owedFilter?.querySelector('input');
  let latest = 0;
  async function load(asked = 1, changed = false) {
    const request = (latest += 1);
    const severity = only?.checked ? 'REJECT' : undefined;
    const code = onlyOwed?.checked ? OWED_CHANGING_CODES.join(',') : undefined;
    try {
      const query = (p) => ({ severity, code, page: p, pageSize });
      const { res, page } = await fetchPage((p) => api(`${BASE}/${encodeURIComponent(status.id)}/issues`, { query: query(p), signal: ctx.signal }), asked, pageSize);
      if (request !== latest) return; // the box was ticked again while this page loaded
      const caption = issuesCaption(res.items, res.total, res.rows ?? res.total, severity ? 'Baris ditolak' : code ? 'Baris yang mengubah iuran' : undefined);
      replace(
        list,
        issuesTable(res.items, caption, { empty: severity ? 'Tidak ada baris ditolak.' : code ? 'Tidak ada baris yang mengubah iuran.' : undefined }),
        pager({ page, pageSize, total: res.total, label: 'Halaman baris bermasalah', onPage: (p) => load(p) }),
      );
      if (changed) announce(caption); // the table replaced under the box: say what it lists now
    } catch (err) {
      if (err?.name === 'AbortError' || request !== latest) return;
      replace(container, notice('info', 'Rincian baris bermasalah ada di laporan (.xlsx) di atas.'));
    }
  }
  replace(container, filter || owedFilter ? h('div', { class: 'issues-filter' }, filter, owedFilter) : null, list);
  await load();
}

function statusBadge(status) {
  const tone = status === 'DONE' ? 'ok' : status === 'FAILED' ? 'bad' : 'info';
  return badge(label(UPLOAD_STATUS_LABELS, status), tone);
}

/** Earlier uploads, newest first, 20 a page (GET …?page=&pageSize=: `{ items, total }`). */
async function loadHistory(container, ctx, asked = 1) {
  const pageSize = 20;
  try {
    const { res, page } = await fetchPage((p) => api(BASE, { query: { page: p, pageSize }, signal: ctx.signal }), asked, pageSize);
    replace(
      container,
      dataTable({
        caption: 'Unggahan terakhir',
        // nine columns cannot fit a phone: there each upload is a card of labelled lines (QA: 2,873 px wide at 390 px)
        className: 'table-wrap--cards',
        columns: [
          { label: 'Waktu', value: (u) => dateTimeLabel(u.uploadedAt) },
          { label: 'Berkas', value: (u) => u.filename ?? '–' },
          { label: 'Oleh', value: (u) => u.uploadedBy ?? '–' },
          // a failed upload's error is long text: it wraps (QA: ~1,874 px on one line)
          { label: 'Status', render: (u) => (u.error ? [statusBadge(u.status), h('span', { class: 'hint', text: ` ${u.error}` })] : statusBadge(u.status)), stack: true },
          { label: 'Dibaca', render: (u) => readCell(u), numeric: true },
          { label: 'Diterima', value: (u) => historyCounts(u).accepted, numeric: true },
          { label: 'Ditolak', value: (u) => historyCounts(u).rejected, numeric: true },
          // rows warned, and the warnings about the file marked beside them (QA: a sheet not read showed "0" and no report)
          { label: 'Peringatan', render: (u) => warningsCell(u), numeric: true },
          {
            label: 'Laporan',
            render: (u) => (hasReport(u) ? downloadButton('Unduh', reportPath(BASE, u.id), { kind: 'ghost', fallbackName: `laporan-unggahan-${u.id}.xlsx` }) : '–'),
          },
        ],
        rows: res.items,
        empty: 'Belum ada unggahan.',
      }),
      pager({ page, pageSize, total: res.total, label: 'Halaman unggahan', onPage: (p) => loadHistory(container, ctx, p) }),
    );
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(container, err.missingRoute ? notice('info', 'Daftar unggahan sebelumnya belum tersedia di server ini.') : errorNotice(err));
  }
}

/** A history row's Dibaca: a number, or for a FAILED upload the words saying nothing was stored, wrapping as words do. */
function readCell(u) {
  const { read } = historyCounts(u);
  return u.status === 'FAILED' ? h('span', { class: 'num-words', text: read }) : read;
}

/** A history row's warnings: the rows warned, and "+ N tentang berkas" for the file's (their messages as the title). */
function warningsCell(u) {
  if (u.status === 'FAILED') return '–';
  const n = sheetWarningCount(u);
  if (n === 0) return number(u.warnings);
  return [number(u.warnings), h('span', { class: 'hint', title: u.sheetWarnings.map((w) => w.message).join('\n'), text: ` + ${number(n)} tentang berkas` })];
}
