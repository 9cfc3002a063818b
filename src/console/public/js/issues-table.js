/**
 * Rejected and warned rows of an upload ([{ row | rowNumber, severity, column, message, sheet? }]) as a table;
 * `sheet: true` adds the sheet each row is on (a pledge sheet's rows are on Komitmen or Daftar).
 */
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

export function issuesTable(issues, caption = 'Baris ditolak dan peringatan', { sheet = false } = {}) {
  return dataTable({
    caption,
    columns: [
      ...(sheet ? [{ label: 'Lembar', value: (r) => r.sheet ?? '–' }] : []),
      { label: 'Baris', value: (r) => r.row ?? r.rowNumber ?? '–', numeric: true },
      { label: 'Jenis', render: (r) => (r.severity === 'WARN' ? badge('Peringatan', 'warn') : badge('Ditolak', 'bad')) },
      { label: 'Kolom', value: (r) => r.column ?? '–' },
      { label: 'Pesan', value: (r) => r.message ?? (r.messages ?? []).join(' '), wrap: true },
    ],
    rows: issues,
    empty: 'Tidak ada baris bermasalah.',
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
