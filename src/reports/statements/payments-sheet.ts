/** The "Pembayaran" sheet of a statement: every payment of the given pledges in the period. */
import type { PaymentRow } from '../data/report-queries.js';
import { isLatePayment } from '../data/payment-status.js';
import { correctionNote, monthLabel } from '../format/labels.js';
import type { WorkbookOutput } from '../workbook/workbook-output.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';

const COLUMNS: TableColumn[] = [
  { header: 'Bulan', kind: 'text', width: 16 },
  { header: 'Kode Komitmen', kind: 'text', width: 28 },
  { header: 'Tanggal Bayar', kind: 'date', width: 14 },
  { header: 'Referensi (SP2D/transfer)', kind: 'text', width: 32 },
  { header: 'Jumlah (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Terlambat (lewat tgl 10)', kind: 'text', width: 14 },
  { header: 'Keterangan', kind: 'text', width: 26 },
];

export function writePaymentsSheet(output: WorkbookOutput, title: string[], payments: PaymentRow[]): void {
  const t = new TableSheet(output.workbook, 'Pembayaran', COLUMNS, { title });
  for (const p of payments) t.addRow([monthLabel(p.month), p.pledgeCode, p.paidAt, p.reference, p.amount, isLatePayment(p.month, p.paidAt) ? 'Ya' : 'Tidak', correctionNote(p)]);
  t.finishTable();
  t.commit();
}
