/**
 * Komitmen: a pledge sheet uploaded (POST /api/v1/pledge-uploads, one row per pledge, the template at
 * GET /api/v1/templates/pledges.xlsx), optionally only checked (`?dryRun=true`). The answer is shown as the
 * payment sheet's is: counts, the pledges saved, the rows refused with sheet, row, column and message. The
 * API stores no pledge upload, so there is no report workbook on the server: the refused rows are offered as
 * a CSV built in the browser (csv.js), to fix the sheet by.
 */
import { saveBlob, upload } from './api.js';
import { h, replace } from './dom.js';
import { csvBlob, toCsv } from './csv.js';
import { number } from './format.js';
import { clearErrors, field, form, showErrors, values } from './forms.js';
import { issuesTable } from './issues-table.js';
import { hashFor } from './routes.js';
import { uploadBox } from './upload-box.js';
import { announce, busy, dataTable, downloadButton, notice, stats } from './ui.js';

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

/** The headline of an upload's answer. Pure, tested. */
export function resultText(res) {
  const refused = res.rejected ? `, ${number(res.rejected)} baris ditolak` : '';
  return res.dryRun
    ? `Hanya diperiksa, tidak ada yang disimpan: ${number(res.accepted)} komitmen dapat disimpan${refused}.`
    : `Lembar diproses: ${number(res.accepted)} komitmen tersimpan${refused}.`;
}

/** The upload form with the template button; `onSaved()` after pledges were saved (to list them). */
export function pledgeSheetForm({ signal, onSaved }) {
  const box = uploadBox({ name: 'file', label: 'Lembar komitmen', hint: 'Satu baris per komitmen, kolom seperti templat (KODE, SUMBER, PEMBERI_DANA, TAHUN, CAKUPAN, …); .xlsx atau .csv.' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Unggah komitmen');
  const out = h('div', { 'aria-live': 'polite' });
  return form(
    {
      label: 'Unggah lembar komitmen',
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          clearErrors(el);
          replace(out);
          const file = box.file();
          if (!file) return showErrors(el, { message: 'Pilih berkas terlebih dahulu.', details: [{ field: 'file', messages: ['Pilih berkas .xlsx atau .csv.'] }] });
          const dryRun = Boolean(values(el).dryRun);
          const body = new FormData();
          body.append('file', file);
          try {
            const res = await upload(`/api/v1/pledge-uploads${dryRun ? '?dryRun=true' : ''}`, body, { signal });
            box.reset();
            replace(out, ...result(res));
            announce(res.dryRun ? 'Lembar komitmen diperiksa.' : 'Lembar komitmen diproses.');
            if (!res.dryRun && res.accepted > 0) await onSaved();
          } catch (err) {
            if (err?.name === 'AbortError') return;
            showErrors(el, err);
          }
        }),
    },
    box.element,
    field({ label: 'Periksa saja, jangan simpan', name: 'dryRun', type: 'checkbox' }),
    h('div', { class: 'actions' }, submit, downloadButton('Unduh templat (.xlsx)', '/api/v1/templates/pledges.xlsx', { fallbackName: 'templat-komitmen-pendanaan.xlsx' })),
    out,
  );
}

function result(res) {
  const issues = Array.isArray(res.issues) ? res.issues : [];
  const pledges = Array.isArray(res.pledges) ? res.pledges : [];
  return [
    notice(res.rejected ? 'warning' : 'success', resultText(res)),
    stats([
      { label: 'Baris dibaca', value: number(res.rowsRead) },
      { label: res.dryRun ? 'Dapat disimpan' : 'Diterima', value: number(res.accepted), tone: 'ok' },
      { label: 'Ditolak', value: number(res.rejected), tone: res.rejected ? 'bad' : null },
    ]),
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
    issues.length
      ? h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => saveBlob(csvBlob(toCsv(PLEDGE_ISSUE_COLUMNS, issues)), issuesFileName(res.filename)) }, 'Unduh daftar baris bermasalah (.csv)'),
        )
      : null,
    issues.length ? issuesTable(issues, `Baris ditolak (${number(issues.length)})`, { sheet: true }) : null,
  ];
}
