/** Temuan: the run's findings (DOMAIN §7) with the proposed action of each, read by keyset pages. */
import { keysetPages } from '../data/keyset-pages.js';
import type { FindingRow } from '../data/report-queries.js';
import { CATEGORY_LABELS, label } from '../format/labels.js';
import { TableSeries } from '../workbook/table-series.js';
import type { TableColumn } from '../workbook/table-sheet.js';
import { sheetTitle } from './titles.js';
import type { ReconciliationWorkbookContext } from './workbook-context.js';

const COLUMNS: TableColumn[] = [
  { header: 'No', kind: 'count', width: 7 },
  { header: 'Kategori', kind: 'text', width: 20 },
  { header: 'Keterangan', kind: 'text', width: 28 },
  { header: 'Baris Tagihan', kind: 'count', width: 9 },
  { header: 'NIK', kind: 'text', width: 19 },
  { header: 'NOKA', kind: 'text', width: 16 },
  { header: 'Nama', kind: 'text', width: 26 },
  { header: 'Ditagih (Rp)', kind: 'rupiah', width: 15, total: true },
  { header: 'Seharusnya (Rp)', kind: 'rupiah', width: 15, total: true },
  { header: 'Selisih (Rp)', kind: 'rupiah', width: 15, total: true },
  { header: 'Usulan Tindakan', kind: 'text', width: 60 },
];

export async function writeTemuan(ctx: ReconciliationWorkbookContext): Promise<void> {
  const t = new TableSeries(ctx.output.workbook, 'Temuan', COLUMNS, { title: sheetTitle(ctx, 'Temuan Rekonsiliasi Tagihan BPJS Kesehatan') });
  let no = 0;
  const pages = keysetPages<FindingRow, number>((after, limit) => ctx.queries.findingsPage(ctx.run.id, after, limit), (r) => r.seq, 0, ctx.pageSize);
  for await (const page of pages) {
    for (const f of page) {
      const difference = f.billedAmount !== null && f.expectedAmount !== null ? f.billedAmount - f.expectedAmount : null;
      t.addRow([++no, f.category, label(CATEGORY_LABELS, f.category), f.rowNumber, f.nik, f.noka, f.name, f.billedAmount, f.expectedAmount, difference, f.action]);
    }
    await ctx.output.breathe();
  }
  t.finish();
}
