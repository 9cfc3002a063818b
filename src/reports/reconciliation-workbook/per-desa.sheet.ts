/** Per Desa: the month's participants, obligation and funding by source type per village, with its kecamatan. */
import type { VillageTotals } from '../data/report-queries.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { sheetTitle } from './titles.js';
import { type ReconciliationWorkbookContext, villageNames } from './workbook-context.js';

export const SOURCE_COLUMNS: TableColumn[] = [
  { header: 'APBD Kabupaten (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'APBD Provinsi (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'APBDes (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'TJSLP (Rp)', kind: 'rupiah', width: 18, total: true },
];

const COLUMNS: TableColumn[] = [
  { header: 'Kode Desa', kind: 'text', width: 15 },
  { header: 'Desa/Kelurahan', kind: 'text', width: 26 },
  { header: 'Kecamatan', kind: 'text', width: 24 },
  { header: 'Peserta', kind: 'count', width: 10, total: true },
  { header: 'Iuran (Rp)', kind: 'rupiah', width: 18, total: true },
  ...SOURCE_COLUMNS,
  { header: 'Peserta Tidak Terdanai', kind: 'count', width: 12, total: true },
  { header: 'Tidak Terdanai (Rp)', kind: 'rupiah', width: 18, total: true },
];

export async function writePerDesa(ctx: ReconciliationWorkbookContext, villageTotals: Promise<VillageTotals[]>): Promise<void> {
  const rows = await villageTotals;
  const t = new TableSheet(ctx.output.workbook, 'Per Desa', COLUMNS, { title: sheetTitle(ctx, 'Peserta dan Pendanaan Iuran per Desa/Kelurahan') });
  for (const r of rows) {
    const names = villageNames(ctx, r.villageCode);
    t.addRow([r.villageCode, names.village, names.kecamatan, r.participants, r.obligation, r.apbd, r.apbdProv, r.desa, r.tjslp, r.unfundedParticipants, r.unfunded]);
  }
  t.finishTable();
  t.commit();
}
