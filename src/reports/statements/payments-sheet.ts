/**
 * The "Pembayaran" sheet of a statement: the payments its month rows count, so that its JUMLAH is the Ringkasan's
 * Dibayar (QA: the months counted corrections recorded after the period that this sheet did not list). The rows:
 *
 * - every payment of the given pledges recorded in the period, but those correcting a month before it;
 * - the corrections of the period's months recorded after it (statementMonth counts them under the month they
 *   correct), each said as a correction recorded in month X for month Y.
 *
 * Each is late or not by §8's rule (isLatePayment: against the 10th of the month it is recorded in, as GET
 * /payments/status and the Ringkasan's month judge it); a correction's Keterangan names the month it corrects. Under
 * the JUMLAH, as under the Ringkasan's table (earlierCorrectionsLine), the corrections recorded in the period for a
 * month before it: listed, but outside the total, since they count in the month they correct.
 */
import { LABEL_STYLE } from '../../common/spreadsheet/workbook-style.js';
import type { PaymentRow } from '../data/report-queries.js';
import { correctionNote, monthLabel, PAID_LATE_HEADER, paymentLateLabel } from '../format/labels.js';
import type { WorkbookOutput } from '../workbook/workbook-output.js';
import { dayToDate, TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import type { StatementPeriod } from './statement-period.js';

const COLUMNS: TableColumn[] = [
  { header: 'Bulan', kind: 'text', width: 16 },
  { header: 'Kode Komitmen', kind: 'text', width: 28 },
  { header: 'Tanggal Bayar', kind: 'date', width: 14 },
  { header: 'Referensi (SP2D/transfer)', kind: 'text', width: 32 },
  { header: 'Jumlah (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: PAID_LATE_HEADER, kind: 'text', width: 14 },
  { header: 'Keterangan', kind: 'text', width: 40 },
];

/** Above the corrections of months before the period, under the JUMLAH. */
export const EARLIER_CORRECTIONS_HEADING = 'Koreksi untuk bulan sebelum periode ini yang dicatat dalam periode ini (dihitung pada bulan yang dikoreksi, tidak termasuk JUMLAH di atas)';

/** "Koreksi untuk Oktober 2026, dicatat pada Januari 2027 (sesudah periode ini)": a correction recorded after the period. */
export const laterCorrectionNote = (p: PaymentRow) => `Koreksi untuk ${monthLabel(p.adjustsMonth!)}, dicatat pada ${monthLabel(p.month)} (sesudah periode ini)`;

/**
 * `payments`: recorded in the period (ReportQueries.payments); `correcting`: the corrections of its months, whenever
 * recorded (ReportQueries.correctionsOf).
 */
export function writePaymentsSheet(output: WorkbookOutput, title: string[], period: StatementPeriod, payments: readonly PaymentRow[], correcting: readonly PaymentRow[]): void {
  const t = new TableSheet(output.workbook, 'Pembayaran', COLUMNS, { title });
  const earlier = payments.filter((p) => p.adjustsMonth && p.adjustsMonth < period.from);
  const later = correcting.filter((p) => p.month > period.to);
  const row = (p: PaymentRow, note: string | null) => [monthLabel(p.month), p.pledgeCode, p.paidAt, p.reference, p.amount, paymentLateLabel(p), note];
  for (const p of payments) if (!earlier.includes(p)) t.addRow(row(p, correctionNote(p)));
  for (const p of later) t.addRow(row(p, laterCorrectionNote(p)));
  t.finishTable();
  if (earlier.length) {
    t.blankRow();
    t.writeStyledRow([EARLIER_CORRECTIONS_HEADING], LABEL_STYLE);
    // the table's own cell formats (a date, rupiah), outside its total
    for (const p of earlier) {
      const [month, code, , reference, amount, late] = row(p, null);
      t.writeStyledRow([month, code, dayToDate(p.paidAt), reference, amount, late, `Koreksi untuk ${monthLabel(p.adjustsMonth!)} (sebelum periode ini)`], {});
    }
  }
  t.commit();
}
