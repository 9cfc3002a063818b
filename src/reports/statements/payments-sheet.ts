/**
 * The "Pembayaran" sheet of a statement: every payment of the given pledges in the period, each late or not
 * by §8's rule (isLatePayment, as the Ringkasan's month and the reconciliation workbook judge it); a
 * correction's Keterangan names the month it corrects, so a month the Ringkasan calls "Ya (hanya koreksi)"
 * shows which corrections were paid after the 10th.
 */
import type { PaymentRow } from '../data/report-queries.js';
import { correctionNote, monthLabel, PAID_LATE_HEADER, paymentLateLabel } from '../format/labels.js';
import type { WorkbookOutput } from '../workbook/workbook-output.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';

const COLUMNS: TableColumn[] = [
  { header: 'Bulan', kind: 'text', width: 16 },
  { header: 'Kode Komitmen', kind: 'text', width: 28 },
  { header: 'Tanggal Bayar', kind: 'date', width: 14 },
  { header: 'Referensi (SP2D/transfer)', kind: 'text', width: 32 },
  { header: 'Jumlah (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: PAID_LATE_HEADER, kind: 'text', width: 14 },
  { header: 'Keterangan', kind: 'text', width: 26 },
];

export function writePaymentsSheet(output: WorkbookOutput, title: string[], payments: PaymentRow[]): void {
  const t = new TableSheet(output.workbook, 'Pembayaran', COLUMNS, { title });
  for (const p of payments) t.addRow([monthLabel(p.month), p.pledgeCode, p.paidAt, p.reference, p.amount, paymentLateLabel(p), correctionNote(p)]);
  t.finishTable();
  t.commit();
}
