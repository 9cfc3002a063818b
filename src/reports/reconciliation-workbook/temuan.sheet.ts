/**
 * Temuan: the run's findings (DOMAIN §7) with the proposed action of each, read by keyset pages.
 * Amounts are not totalled down the table: its rows are of different kinds (TOTAL_MISMATCH carries
 * the invoice total, NOT_BILLED only an expected amount), so the sums are given per category in a
 * recap under it.
 */
import { keysetPages } from '../data/keyset-pages.js';
import type { FindingRow } from '../data/report-queries.js';
import { CATEGORY_LABELS, label } from '../format/labels.js';
import { TableSeries } from '../workbook/table-series.js';
import type { TableColumn, TableSheet } from '../workbook/table-sheet.js';
import { LABEL_STYLE } from '../../common/spreadsheet/workbook-style.js';
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
  { header: 'Ditagih (Rp)', kind: 'rupiah', width: 15 },
  { header: 'Seharusnya (Rp)', kind: 'rupiah', width: 15 },
  { header: 'Selisih (Rp)', kind: 'rupiah', width: 15 },
  { header: 'Usulan Tindakan', kind: 'text', width: 60 },
];

export async function writeTemuan(ctx: ReconciliationWorkbookContext): Promise<void> {
  const t = new TableSeries(ctx.output.workbook, 'Temuan', COLUMNS, { title: sheetTitle(ctx, 'Temuan Rekonsiliasi Tagihan BPJS Kesehatan') });
  let no = 0;
  const recap = new Map<string, CategoryRecap>();
  const pages = keysetPages<FindingRow, number>((after, limit) => ctx.queries.findingsPage(ctx.run.id, after, limit), (r) => r.seq, 0, ctx.pageSize);
  for await (const page of pages) {
    for (const f of page) {
      const difference = f.billedAmount !== null && f.expectedAmount !== null ? f.billedAmount - f.expectedAmount : null;
      t.addRow([++no, f.category, label(CATEGORY_LABELS, f.category), f.rowNumber, f.nik, f.noka, f.name, f.billedAmount, f.expectedAmount, difference, f.action]);
      const r = recap.get(f.category) ?? recap.set(f.category, { findings: 0, billed: null, expected: null, difference: 0 }).get(f.category)!;
      r.findings += 1;
      if (f.billedAmount !== null) r.billed = (r.billed ?? 0) + f.billedAmount;
      if (f.expectedAmount !== null) r.expected = (r.expected ?? 0) + f.expectedAmount;
      r.difference = r.difference !== null && difference !== null ? r.difference + difference : null;
    }
    await ctx.output.breathe();
  }
  t.finish(`JUMLAH TEMUAN: ${no}`, (last) => writeRecap(last, recap));
}

/** A category's findings and the sums of their amounts; a sum stays empty (null) where a row of the category has no such amount. */
interface CategoryRecap {
  findings: number;
  billed: number | null;
  expected: number | null;
  difference: number | null;
}

/** Per category: findings, billed, expected and difference, under the table of the last part. */
function writeRecap(t: TableSheet, recap: Map<string, CategoryRecap>): void {
  if (!recap.size) return;
  t.blankRow();
  t.writeStyledRow(['Rekap per kategori', null, null, 'Temuan', null, null, null, 'Ditagih (Rp)', 'Seharusnya (Rp)', 'Selisih (Rp)'], LABEL_STYLE);
  for (const [category, r] of recap) {
    t.writeStyledRow([null, category, label(CATEGORY_LABELS, category), r.findings, null, null, null, r.billed, r.expected, r.difference], {});
  }
}
