/** Rejected and warned rows of an upload ([{ row | rowNumber, severity, column, message }]) as a table. */
import { badge, dataTable } from './ui.js';

export function issuesTable(issues, caption = 'Baris ditolak dan peringatan') {
  return dataTable({
    caption,
    columns: [
      { label: 'Baris', value: (r) => r.row ?? r.rowNumber ?? '–', numeric: true },
      { label: 'Jenis', render: (r) => (r.severity === 'WARN' ? badge('Peringatan', 'warn') : badge('Ditolak', 'bad')) },
      { label: 'Kolom', value: (r) => r.column ?? '–' },
      { label: 'Pesan', value: (r) => r.message ?? (r.messages ?? []).join(' '), wrap: true },
    ],
    rows: issues,
    empty: 'Tidak ada baris bermasalah.',
  });
}
