/**
 * Rejected and warned rows of an upload ([{ row | rowNumber, severity, column, message, sheet? }]) as a table;
 * `sheet: true` adds the sheet each row is on (a pledge sheet's rows are on Komitmen or Daftar).
 */
import { h } from './dom.js';
import { badge, dataTable } from './ui.js';
import { number } from './format.js';

/**
 * The heading of an upload's issue list: it counts rows, and says how many messages they carry when a
 * row has several (QA: "(8)" over 7 rows). `rows` defaults to the distinct rows of `issues` (a row of
 * each sheet its own: a pledge sheet's `Komitmen` row 3 and `Daftar` row 3 are two); `label` names the list.
 */
export function issuesCaption(issues, total = issues.length, rows = distinctRows(issues), label = 'Baris ditolak dan peringatan') {
  const counted = total === rows ? `${number(rows)} baris` : `${number(total)} pesan pada ${number(rows)} baris`;
  return `${label} (${counted})`;
}

const distinctRows = (issues) => new Set(issues.map((r) => `${r.sheet ?? ''}\u0000${r.row ?? r.rowNumber}`)).size;

/**
 * On a phone (QA: 522 px of table in a 341 px box, the message off-screen) the row number is not held at 9rem and
 * Kolom is shown under Jenis, so the message has the room left beside them; the table stays one table of the same
 * columns (the Kolom column hidden there, the Jenis header reading "Jenis / Kolom").
 */
export function issuesTable(issues, caption = 'Baris ditolak dan peringatan', { sheet = false, empty = 'Tidak ada baris bermasalah.' } = {}) {
  return dataTable({
    caption,
    className: 'table-wrap--narrow-first issues-table',
    columns: [
      ...(sheet ? [{ label: 'Lembar', value: (r) => r.sheet ?? '–' }] : []),
      { label: 'Baris', value: (r) => r.row ?? r.rowNumber ?? '–', numeric: true },
      // Kolom, for a phone, under the badge as generated text (data-column, console.css): the cell's text stays the badge's
      { label: 'Jenis', className: 'issue-kind', render: (r) => h('span', { 'data-column': r.column ?? '–' }, r.severity === 'WARN' ? badge('Peringatan', 'warn') : badge('Ditolak', 'bad')) },
      { label: 'Kolom', value: (r) => r.column ?? '–', className: 'phone-hidden' },
      { label: 'Pesan', value: (r) => r.message ?? (r.messages ?? []).join(' '), wrap: true },
    ],
    rows: issues,
    empty,
  });
}

/**
 * The rows of an upload refused because no row could be accepted (400 NO_ACCEPTED_ROWS carries its
 * row report in `details`, and so does a payment sheet's 409 ALREADY_RECORDED, every row a payment
 * recorded already), as a table; null for any other error. Nothing was stored, so there is
 * no report workbook to download: the table is the only place the operator sees why.
 */
export function refusedRowsTable(err) {
  const issues = err?.code === 'NO_ACCEPTED_ROWS' || err?.code === 'ALREADY_RECORDED' ? err.body?.details?.issues : null;
  return Array.isArray(issues) && issues.length ? issuesTable(issues, `Baris ditolak (${issues.length.toLocaleString('id-ID')})`) : null;
}
