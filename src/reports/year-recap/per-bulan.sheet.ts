/**
 * Rekap Tahunan, sheet "Per Bulan": one row per month of the fiscal year (YEAR_MONTHS) — participants, obligations,
 * funded and unfunded, the latest BPJS bill's invoice total, the latest run's payable / overbilled / underbilled
 * (its stored summary), the month's status (Terbuka, Final, Dibekukan) and what the fiscal year's pledges paid for
 * it — and the JUMLAH row.
 */
import type { YearMonthRow } from '../data/statement-queries.js';
import { label, monthLabel, RUN_STATUS_LABELS } from '../format/labels.js';
import { NOT_ALLOCATED_NOTE } from '../statements/statement-period.js';
import { type CellInput, TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import type { WorkbookOutput } from '../workbook/workbook-output.js';

export const PER_BULAN = 'Per Bulan';

export const MONTH_COLUMNS: TableColumn[] = [
  { header: 'Bulan', kind: 'text', width: 16 },
  { header: 'Peserta', kind: 'count', width: 10, total: true },
  { header: 'Kewajiban (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Terdanai (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Tidak Terdanai (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Tagihan BPJS (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Rekonsiliasi', kind: 'text', width: 22 },
  { header: 'Dapat Dibayar (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Lebih Tagih (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Kurang Tagih (Rp)', kind: 'rupiah', width: 16, total: true },
  { header: 'Status Bulan', kind: 'text', width: 12 },
  { header: 'Dibayar (Rp)', kind: 'rupiah', width: 16, total: true },
];

export const NO_BILL = 'belum ada tagihan';
export const NOT_RECONCILED = 'belum direkonsiliasi';

/** Terbuka, Final (finalized itself) or Dibekukan (frozen by a later finalized month of its year, §9). */
export function monthStatus(m: Pick<YearMonthRow, 'finalized' | 'closed'>): string {
  return m.finalized ? 'Final' : m.closed ? 'Dibekukan' : 'Terbuka';
}

export function writePerBulan(output: WorkbookOutput, title: string[], months: readonly YearMonthRow[]): void {
  const t = new TableSheet(output.workbook, PER_BULAN, MONTH_COLUMNS, { title });
  for (const m of months) {
    const run = m.run;
    // a run whose summary has no bill figures (no bill then) says so in its own column, its figures left empty
    const figure = (v: number | null | undefined): CellInput => (run ? (v ?? null) : null);
    // a month not allocated has no obligation figures: its note reads on across their empty cells
    // (QA: "belum dialokasikan" printed cut off as "belum dialok" beside Rp0)
    const allocated = m.allocated || m.participants > 0;
    t.addRow([
      monthLabel(m.month),
      allocated ? m.participants : { note: NOT_ALLOCATED_NOTE },
      allocated ? m.obligation : null,
      allocated ? m.funded : null,
      allocated ? m.unfunded : null,
      m.bill ? m.bill.invoiceTotal : { note: NO_BILL },
      run ? `Versi ${run.version}, ${label(RUN_STATUS_LABELS, run.status)}${run.payable === null ? ' (tanpa tagihan)' : ''}` : NOT_RECONCILED,
      figure(run?.payable),
      figure(run?.overbilled),
      figure(run?.underbilled),
      monthStatus(m),
      m.paid,
    ]);
  }
  t.finishTable();
  t.commit();
}
