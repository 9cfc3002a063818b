/**
 * Per Desa: per village, with its kecamatan, the month's participants owed and their obligation,
 * those with any funding and what each source type paid, and those not fully funded with the rest.
 * Each count says which participants it counts (QA: "Peserta" here was everyone owed, 12 in Banjar
 * Sari, where GET /splits/summary?groupBy=village's `participants` counts those with any funding, 8):
 * Seluruh Peserta is the API's `obligations`, Peserta Terdanai its `participants`, Peserta Belum
 * Terdanai Penuh its `unfundedParticipants`; a partly funded participant is in the last two.
 */
import type { VillageTotals } from '../data/report-queries.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { currentDataHeading } from './titles.js';
import { type ReconciliationWorkbookContext, villageNames } from './workbook-context.js';

export const SOURCE_COLUMNS: TableColumn[] = [
  { header: 'APBD Kabupaten (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'APBD Provinsi (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'APBDes (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'TJSLP (CSR) (Rp)', kind: 'rupiah', width: 18, total: true },
];

const COLUMNS: TableColumn[] = [
  { header: 'Kode Desa', kind: 'text', width: 15 },
  { header: 'Desa/Kelurahan', kind: 'text', width: 26 },
  { header: 'Kecamatan', kind: 'text', width: 24 },
  { header: 'Seluruh Peserta', kind: 'count', width: 12, total: true },
  { header: 'Iuran (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Peserta Terdanai', kind: 'count', width: 12, total: true },
  ...SOURCE_COLUMNS,
  { header: 'Peserta Belum Terdanai Penuh', kind: 'count', width: 14, total: true },
  { header: 'Tidak Terdanai (Rp)', kind: 'rupiah', width: 18, total: true },
];

/** Under the table: which participants each count counts, so the counts are not added or compared as one kind. */
export const PER_DESA_NOTE =
  'Seluruh Peserta: semua peserta desa yang iurannya menjadi kewajiban daerah bulan ini. Peserta Terdanai: peserta yang iurannya didanai, seluruhnya atau sebagian. ' +
  'Peserta Belum Terdanai Penuh: peserta yang iurannya masih bersisa, termasuk yang terdanai sebagian; peserta yang terdanai sebagian dihitung di kedua kolom itu.';

export async function writePerDesa(ctx: ReconciliationWorkbookContext, villageTotals: Promise<VillageTotals[]>): Promise<void> {
  const rows = await villageTotals;
  const t = new TableSheet(ctx.output.workbook, 'Per Desa', COLUMNS, currentDataHeading(ctx, 'Peserta dan Pendanaan Iuran per Desa/Kelurahan'));
  for (const r of rows) {
    const names = villageNames(ctx, r.villageCode);
    t.addRow([r.villageCode, names.village, names.kecamatan, r.participants, r.obligation, r.fundedParticipants, r.apbd, r.apbdProv, r.desa, r.tjslp, r.unfundedParticipants, r.unfunded]);
  }
  t.finishTable();
  t.writeStyledRow([PER_DESA_NOTE]);
  t.commit();
}
