/**
 * Rincian Peserta: one row per participant-month with the amount each source type paid, the
 * unfunded rest and the pledges that paid. Read by keyset pages and committed row by row, so a
 * month of a million participants never sits in memory. Past Excel's last row the table goes on in
 * "Rincian Peserta (2)" and so on (TableSeries).
 */
import { keysetPages } from '../data/keyset-pages.js';
import type { ParticipantMonthRow } from '../data/report-queries.js';
import { writePagedTable } from '../workbook/table-series.js';
import type { TableColumn } from '../workbook/table-sheet.js';
import { SOURCE_COLUMNS } from './per-desa.sheet.js';
import { currentDataHeading } from './titles.js';
import { type ReconciliationWorkbookContext, villageNames } from './workbook-context.js';

export const RINCIAN_COLUMNS: TableColumn[] = [
  { header: 'No', kind: 'count', width: 8 },
  { header: 'NIK', kind: 'text', width: 19 },
  { header: 'NOKA', kind: 'text', width: 16 },
  { header: 'Nama', kind: 'text', width: 28 },
  { header: 'Kode Desa', kind: 'text', width: 15 },
  { header: 'Desa/Kelurahan', kind: 'text', width: 22 },
  { header: 'Kecamatan', kind: 'text', width: 20 },
  { header: 'TMT', kind: 'date', width: 12 },
  { header: 'Iuran (Rp)', kind: 'rupiah', width: 14, total: true },
  ...SOURCE_COLUMNS.map((c) => ({ ...c, width: 16 })),
  { header: 'Tidak Terdanai (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Komitmen Pendanaan', kind: 'text', width: 40 },
];

/**
 * Starts reading the participant-months (call early: the first page loads while other sheets are
 * written), with NOKA and name as the run saw them: the register may have changed since.
 */
export function participantMonthPages(ctx: Pick<ReconciliationWorkbookContext, 'queries' | 'month' | 'pageSize' | 'run'>): AsyncGenerator<ParticipantMonthRow[]> {
  const asOf = ctx.run.finished_at ?? new Date();
  return keysetPages<ParticipantMonthRow, string>((after, limit) => ctx.queries.participantMonthsPage(ctx.month, after, limit, asOf), (r) => r.nik, '', ctx.pageSize);
}

export function writeRincianPeserta(ctx: ReconciliationWorkbookContext, pages: AsyncGenerator<ParticipantMonthRow[]>): Promise<void> {
  const table = { name: 'Rincian Peserta', columns: RINCIAN_COLUMNS, options: currentDataHeading(ctx, 'Rincian Iuran dan Pendanaan per Peserta') };
  let no = 0;
  return writePagedTable(ctx.output, table, pages, (r) => {
    const names = villageNames(ctx, r.villageCode);
    return [++no, r.nik, r.noka, r.name, r.villageCode, names.village, names.kecamatan, r.tmt, r.amount, r.apbd, r.apbdProv, r.desa, r.tjslp, r.unfunded, r.pledges];
  });
}
