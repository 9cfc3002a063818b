/**
 * Temuan: the run's findings (DOMAIN §7) with the proposed action of each, read by keyset pages.
 * Kategori says the category in Indonesian; its code (DUPLICATE_BILLING, …) stands in Kode beside it,
 * for auditors who cross-reference the API.
 * Amounts are not totalled down the table: its rows are of different kinds (TOTAL_MISMATCH carries
 * the invoice total, NOT_BILLED only an expected amount), so the sums are given per category in a
 * recap under it, as formulas over the table.
 */
import { keysetPages } from '../data/keyset-pages.js';
import type { FindingRow } from '../data/report-queries.js';
import { CATEGORY_LABELS, label } from '../format/labels.js';
import { TableSeries } from '../workbook/table-series.js';
import type { TableColumn, TableSheet } from '../workbook/table-sheet.js';
import type ExcelJS from 'exceljs';
import { columnStyle, LABEL_STYLE, TOTAL_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { sheetHeading } from './titles.js';
import type { ReconciliationWorkbookContext } from './workbook-context.js';

const COLUMNS: TableColumn[] = [
  { header: 'No', kind: 'count', width: 7 },
  { header: 'Kategori', kind: 'text', width: 28 },
  { header: 'Kode', kind: 'text', width: 19 },
  { header: 'Baris Tagihan', kind: 'count', width: 9 },
  { header: 'NIK', kind: 'text', width: 19 },
  { header: 'NOKA', kind: 'text', width: 16 },
  // the register's, beside the billed one: a NOKA_MISMATCH's two sides (QA: only the billed NOKA was shown)
  { header: 'NOKA di Daftar Peserta', kind: 'text', width: 16 },
  { header: 'Nama', kind: 'text', width: 26 },
  { header: 'Ditagih (Rp)', kind: 'rupiah', width: 15 },
  { header: 'Seharusnya (Rp)', kind: 'rupiah', width: 15 },
  { header: 'Selisih (Rp)', kind: 'rupiah', width: 15 },
  { header: 'Usulan Tindakan', kind: 'text', width: 60 },
];

export async function writeTemuan(ctx: ReconciliationWorkbookContext): Promise<void> {
  const t = new TableSeries(ctx.output.workbook, 'Temuan', COLUMNS, sheetHeading(ctx, 'Temuan Rekonsiliasi Tagihan BPJS Kesehatan'));
  let no = 0;
  const recap = new Map<string, CategoryRecap>();
  const pages = keysetPages<FindingRow, number>((after, limit) => ctx.queries.findingsPage(ctx.run.id, after, limit), (r) => r.seq, 0, ctx.pageSize);
  for await (const page of pages) {
    for (const f of page) {
      const difference = f.billedAmount !== null && f.expectedAmount !== null ? f.billedAmount - f.expectedAmount : null;
      t.addRow([++no, label(CATEGORY_LABELS, f.category), f.category, f.rowNumber, f.nik, f.noka, f.registerNoka, f.name, f.billedAmount, f.expectedAmount, difference, f.action]);
      const r = recap.get(f.category) ?? recap.set(f.category, { findings: 0, billed: 0, expected: 0, difference: 0 }).get(f.category)!;
      r.findings += 1;
      r.billed += f.billedAmount ?? 0;
      r.expected += f.expectedAmount ?? 0;
      r.difference += difference ?? 0;
      await ctx.output.rowWritten();
    }
    await ctx.output.breathe();
  }
  const count = (row: ExcelJS.Row) => {
    const cell = row.getCell(COLUMN.category);
    cell.style = COUNT_TOTAL_STYLE;
    cell.value = no === 0 ? 0 : { formula: acrossParts(t, [COLUMN.code], (codes) => `COUNTA(${codes})`), result: no };
  };
  t.finish('JUMLAH TEMUAN', (last) => writeRecap(last, t, recap), count);
}

/**
 * 1-based columns: the category as users read it (CATEGORY_LABELS, the console's words), and its
 * DOMAIN §7 code, which the recap's formulas count and sum by (a code does not change with wording).
 */
const COLUMN = { category: 2, code: 3, billed: 9, expected: 10, difference: 11 } as const;

const COUNT_TOTAL_STYLE: Partial<ExcelJS.Style> = { ...columnStyle('count'), ...TOTAL_STYLE };

/**
 * `f` of the columns' ranges in each part of the table (the same rows of each), added up: a long
 * table continues on "Temuan (2)".
 */
function acrossParts(t: TableSeries, columns: number[], f: (...ranges: string[]) => string): string {
  const ranges = columns.map((column) => t.columnRanges(column));
  return ranges[0].map((_, part) => f(...ranges.map((r) => r[part]))).join('+');
}

/** A category's findings and the sums of their amounts (an empty amount counts 0, as SUMIF does). */
interface CategoryRecap {
  findings: number;
  billed: number;
  expected: number;
  difference: number;
}

/**
 * Per category, under the table of the last part: findings, billed, expected and difference as
 * COUNTIF and SUMIF formulas over the table (DOMAIN §11: totals are formulas), with what they
 * come to as their cached results; then the number of findings. Amounts are not added across
 * categories: TOTAL_MISMATCH's are the invoice's totals, not participants'.
 */
function writeRecap(last: TableSheet, t: TableSeries, recap: Map<string, CategoryRecap>): void {
  if (!recap.size) return;
  last.blankRow();
  last.writeStyledRow(['Rekap per kategori', null, null, 'Temuan', null, null, null, null, 'Ditagih (Rp)', 'Seharusnya (Rp)', 'Selisih (Rp)'], LABEL_STYLE);
  const sumOf = (column: number, category: string) => acrossParts(t, [COLUMN.code, column], (codes, amounts) => `SUMIF(${codes},"${category}",${amounts})`);
  let first = 0;
  for (const [category, r] of recap) {
    const row = last.writeStyledRow(
      [
        null,
        label(CATEGORY_LABELS, category),
        category,
        { formula: acrossParts(t, [COLUMN.code], (codes) => `COUNTIF(${codes},"${category}")`), result: r.findings },
        null,
        null,
        null,
        null,
        { formula: sumOf(COLUMN.billed, category), result: r.billed },
        { formula: sumOf(COLUMN.expected, category), result: r.expected },
        { formula: sumOf(COLUMN.difference, category), result: r.difference },
      ],
      {},
    );
    first ||= row;
  }
  const lastRecap = last.currentRow - 1;
  last.writeStyledRow(['Jumlah temuan', null, null, { formula: `SUM(D${first}:D${lastRecap})`, result: [...recap.values()].reduce((n, r) => n + r.findings, 0) }], TOTAL_STYLE);
  if (recap.has('DOUBLE_COVERAGE')) last.writeStyledRow([DOUBLE_COVERAGE_NOTE]);
}

/**
 * Under the recap when it has double coverage: a DOUBLE_COVERAGE finding is a participant on the PBI-APBN list, whose
 * bill lines are also findings of their own category (or who is NOT_BILLED), DOMAIN §7 (QA: the console's column added
 * up to more than the bill, and nothing said so).
 */
export const DOUBLE_COVERAGE_NOTE =
  'Temuan "Terdaftar ganda, PBI APBN" juga dihitung pada kategori lainnya (kategori baris tagihannya, atau "Tidak ditagih"): Jumlah temuan dapat memuat peserta yang sama dua kali, dan Ditagih (Rp) per kategori bukan jumlah tagihan.';
