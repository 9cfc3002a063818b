/**
 * Komitmen: a pledge sheet uploaded (POST /api/v1/pledge-uploads, one row per pledge, the template at
 * GET /api/v1/templates/pledges.xlsx), optionally only checked (`?dryRun=true`). The answer is shown as the
 * payment sheet's is: counts, the pledges saved, the rows refused with sheet, row, column and message. A
 * saved sheet is stored: its refused rows are offered as its row report (GET …/:id/report.xlsx), and the
 * latest sheets are listed under the form (pledgeUploadHistory). A dry run is not stored: its refused
 * rows are offered as a CSV built in the browser (csv.js), to fix the sheet by.
 */
import { saveBlob } from './api.js';
import { h, replace } from './dom.js';
import { csvBlob, toCsv } from './csv.js';
import { number } from './format.js';
import { field, values } from './forms.js';
import { issuesCaption, issuesTable } from './issues-table.js';
import { hasRowReport, reportPath } from './row-report.js';
import { hashFor } from './routes.js';
import { sheetUploadForm } from './upload-box.js';
import { latestUploads } from './upload-history.js';
import { announce, dataTable, downloadButton, notice, sheetWarningNotices, stats } from './ui.js';

const BASE = '/api/v1/pledge-uploads';

/** The name a report is saved under if the server's answer names none (it names it by the upload's WIB day). */
export const PLEDGE_REPORT_FALLBACK = 'laporan-komitmen.xlsx';

export const PLEDGE_ISSUE_COLUMNS = [
  { label: 'Lembar', key: 'sheet' },
  { label: 'Baris', key: 'rowNumber' },
  { label: 'Kolom', key: 'column' },
  { label: 'Pesan', key: 'message' },
];

/** "komitmen 2026.xlsx" → "laporan-komitmen-2026.csv"-like name of the refused rows' CSV. Pure, tested. */
export function issuesFileName(filename) {
  const stem = String(filename ?? '').replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `baris-bermasalah-${stem || 'komitmen'}.csv`;
}

/**
 * The headline of an upload's answer: pledge rows refused, and `Daftar` rows refused (counted apart); the same file as an
 * earlier upload (`recognised`): the server's message naming it, as a payment sheet's. Pure, tested.
 */
export function resultText(res) {
  if (res.recognised) return `${res.message} Angka di bawah dari unggahan itu.`;
  const refused = (res.rejected ? `, ${number(res.rejected)} baris ditolak` : '') + (res.listRowsRejected ? `, ${number(res.listRowsRejected)} baris Daftar ditolak` : '');
  return res.dryRun
    ? `Hanya diperiksa, tidak ada yang disimpan: ${number(res.accepted)} komitmen dapat disimpan${refused}.`
    : `Lembar diproses: ${number(res.accepted)} komitmen tersimpan${refused}.`;
}

/** The latest pledge sheets saved, each with its row report: → { element, load() }. */
export function pledgeUploadHistory({ signal }) {
  return latestUploads({
    base: BASE,
    what: 'lembar komitmen',
    columns: [
      { label: 'Diterima', value: (u) => number(u.accepted), numeric: true },
      { label: 'Ditolak', value: (u) => number(u.rejected), numeric: true },
      { label: 'Daftar ditolak', value: (u) => number(u.listRowsRejected ?? 0), numeric: true },
    ],
    fallbackName: PLEDGE_REPORT_FALLBACK,
    signal,
  });
}

/**
 * The upload form with the template button; `onSaved()` after pledges were saved (to list them),
 * `history` (pledgeUploadHistory) reloaded after every sheet saved.
 */
export function pledgeSheetForm({ signal, onSaved, history }) {
  return sheetUploadForm({
    label: 'Unggah lembar komitmen',
    box: { name: 'file', label: 'Lembar komitmen', hint: 'Satu baris per komitmen, kolom seperti templat (KODE, SUMBER, PEMBERI_DANA, TAHUN, CAKUPAN, …); .xlsx atau .csv.' },
    submitText: 'Unggah komitmen',
    path: (el) => `${BASE}${values(el).dryRun ? '?dryRun=true' : ''}`,
    signal,
    fields: [field({ label: 'Periksa saja, jangan simpan', name: 'dryRun', type: 'checkbox' })],
    actions: [downloadButton('Unduh templat (.xlsx)', '/api/v1/templates/pledges.xlsx', { fallbackName: 'templat-komitmen-pendanaan.xlsx' })],
    onAnswer: async (res, out, el) => {
      replace(out, ...result(res), res.dryRun && res.accepted > 0 ? saveChecked(el) : null);
      announce(res.dryRun ? 'Lembar komitmen diperiksa.' : 'Lembar komitmen diproses.');
      if (res.dryRun) return;
      await Promise.all([res.accepted > 0 ? onSaved() : null, history?.load()]);
    },
  });
}

/** After a check (dry run): the same file, still chosen, saved with one click (QA: it had to be picked again). */
function saveChecked(formEl) {
  const save = h('button', { type: 'button', class: 'btn btn--primary' }, 'Simpan lembar ini');
  save.addEventListener('click', () => {
    formEl.elements.namedItem('dryRun').checked = false;
    formEl.requestSubmit();
  });
  return h('div', { class: 'actions' }, h('span', { text: 'Berkas masih dipilih. ' }), save);
}

function result(res) {
  const issues = Array.isArray(res.issues) ? res.issues : [];
  const pledges = Array.isArray(res.pledges) ? res.pledges : [];
  return [
    notice(res.recognised ? 'info' : res.rejected || res.listRowsRejected ? 'warning' : 'success', resultText(res)),
    stats([
      { label: 'Baris dibaca', value: number(res.rowsRead) },
      { label: res.dryRun ? 'Dapat disimpan' : 'Diterima', value: number(res.accepted), tone: 'ok' },
      { label: 'Ditolak', value: number(res.rejected), tone: res.rejected ? 'bad' : null },
      ...(res.listRowsRejected ? [{ label: 'Baris Daftar ditolak', value: number(res.listRowsRejected), tone: 'bad' }] : []),
    ]),
    ...sheetWarningNotices(res),
    pledges.length
      ? dataTable({
          caption: res.dryRun ? `Komitmen yang dapat disimpan (${number(pledges.length)})` : `Komitmen tersimpan (${number(pledges.length)})`,
          columns: [
            { label: 'Baris', key: 'rowNumber', numeric: true },
            { label: 'Kode', render: (p) => (res.dryRun ? p.code : h('a', { href: hashFor(`/komitmen/${encodeURIComponent(p.code)}`), text: p.code })) },
            { label: 'Peringatan', value: (p) => ((p.warnings ?? []).map((w) => w.message).join(' ') || '–'), wrap: true },
          ],
          rows: pledges,
        })
      : null,
    issuesDownload(res, issues),
    issues.length ? issuesTable(issues, issuesCaption(issues, issues.length, undefined, 'Baris ditolak'), { sheet: true }) : null,
  ];
}

/** A stored upload's row report; a dry run's refused rows as CSV (it is not stored). */
function issuesDownload(res, issues) {
  if (res.id && hasRowReport(res)) {
    return h('div', { class: 'actions' }, downloadButton('Unduh laporan baris bermasalah (.xlsx)', reportPath(BASE, res.id), { kind: 'secondary', fallbackName: PLEDGE_REPORT_FALLBACK }));
  }
  if (!issues.length) return null;
  return h(
    'div',
    { class: 'actions' },
    h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => saveBlob(csvBlob(toCsv(PLEDGE_ISSUE_COLUMNS, issues)), issuesFileName(res.filename)) }, 'Unduh daftar baris bermasalah (.csv)'),
  );
}
