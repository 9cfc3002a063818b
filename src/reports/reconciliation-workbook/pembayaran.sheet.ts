/**
 * Pembayaran: per pledge the §8 status of the month (due, paid, status, late) as the run found
 * it, then every payment recorded for the month. A pledge late only by corrections of earlier months
 * recorded in it (its only payments after the 10th) reads "Ya (hanya koreksi)", as the console's status
 * table says it; the list names each correction's month.
 *
 * A status still owed says whether it was past its due date (the 10th) on the day the run finished, not the
 * day of the download: the status is the run's, and a finalized run's workbook is the signed snapshot, the same
 * whenever it is downloaded. Under the JUMLAH row (whose Selisih nets one pledge's surplus against another's
 * shortfall), the shortfall and the overpayment each summed over the pledges (QA).
 */
import { dayInWib } from '../../common/clock/clock.js';
import { dayName } from '../../common/month.js';
import { HEADER_STYLE, LABEL_STYLE, NUMBER_FORMATS, TOTAL_STYLE, WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { correctionsIn, isOwed } from '../../payments/payment-status.js';
import { PAYMENTS_CHANGED } from '../../reconciliation/run-inputs.js';
import type { PaymentRow } from '../data/report-queries.js';
import { correctionNote, label, monthLateLabel, PAID_LATE_HEADER, paymentLateLabel, rupiah, SOURCE_TYPE_LABELS, statementStatusLabel } from '../format/labels.js';
import { dayToDate, TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { sheetTitle } from './titles.js';
import { funderInYear, type ReconciliationWorkbookContext } from './workbook-context.js';

const COLUMNS: TableColumn[] = [
  { header: 'Kode Komitmen', kind: 'text', width: 26 },
  { header: 'Sumber Dana', kind: 'text', width: 16 },
  { header: 'Pemberi Dana', kind: 'text', width: 44 },
  { header: 'Terutang (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Dibayar (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Selisih Dibayar − Terutang (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Status', kind: 'text', width: 30 },
  { header: PAID_LATE_HEADER, kind: 'text', width: 18 },
];

/** Writes the sheet; answers the month's payments it lists (the Berita Acara names their corrections). */
export async function writePembayaran(ctx: ReconciliationWorkbookContext): Promise<PaymentRow[]> {
  const t = new TableSheet(ctx.output.workbook, 'Pembayaran', COLUMNS, { title: sheetTitle(ctx, 'Status Pembayaran Iuran per Komitmen') });
  const payments = await ctx.queries.payments(ctx.month, ctx.month, null);
  const lateOnlyByCorrections = (code: string) => correctionsIn(ctx.month, payments.filter((p) => p.pledgeCode === code)).lateOnlyByCorrections;
  const ranOn = dayInWib(ctx.run.finished_at ?? ctx.generatedAt);
  for (const p of ctx.summary.payments) {
    const late = monthLateLabel({ late: p.late, lateOnlyByCorrections: lateOnlyByCorrections(p.pledgeCode), status: p.status });
    t.addRow([p.pledgeCode, label(SOURCE_TYPE_LABELS, ctx.pledgeByCode.get(p.pledgeCode)?.sourceType), funderInYear(ctx, p.pledgeCode), p.due, p.paid, p.paid - p.due, statementStatusLabel(p.status, ctx.month, ranOn), late]);
  }
  t.finishTable();
  writeShortfallAndOverpayment(t, ctx);
  if (ctx.summary.payments.some((p) => isOwed(p.status))) {
    t.writeStyledRow([
      `Jatuh tempo dinilai pada ${dayName(ranOn)}, saat rekonsiliasi versi ${ctx.run.version} dijalankan. Iuran jatuh tempo tanggal 10; BPJS Kesehatan dapat menonaktifkan kepesertaan bila iurannya belum lunas pada akhir bulan.`,
    ]);
  }

  t.blankRow();
  t.writeStyledRow(['Rincian pembayaran (SP2D/transfer) untuk bulan ini'], LABEL_STYLE);
  t.writeStyledRow(['Kode Komitmen', 'Tanggal Bayar', 'Referensi', 'Keterangan', 'Jumlah (Rp)', null, null, 'Terlambat'], HEADER_STYLE);
  const dateStyle = { numFmt: NUMBER_FORMATS.date };
  const first = t.currentRow;
  for (const p of payments) {
    t.writeStyledRow([p.pledgeCode, dayToDate(p.paidAt), p.reference, correctionNote(p), p.amount, null, null, paymentLateLabel(p)], undefined, [undefined, dateStyle]);
  }
  const total = payments.reduce((a, p) => a + p.amount, 0);
  t.writeStyledRow(['JUMLAH', null, null, null, payments.length ? { formula: `SUM(E${first}:E${t.currentRow - 1})`, result: total } : 0], LABEL_STYLE);
  if (ctx.changes.includes(PAYMENTS_CHANGED)) {
    // the status above is the run's, the list the month's as it is now (QA: Rp97.298.400 above, Rp112.418.300 below, unsaid)
    const paid = ctx.summary.payments.reduce((a, p) => a + p.paid, 0);
    // with equal totals the entries changed (one removed, another recorded for as much): said so, not two equal sums (QA)
    const totals =
      paid === total
        ? `; jumlahnya tetap ${rupiah(total)}, tetapi ada pembayaran yang dihapus atau dicatat sesudah rekonsiliasi`
        : ` (dibayar ${rupiah(paid)} saat itu, ${rupiah(total)} saat diunduh)`;
    t.blankRow();
    t.writeStyledRow(
      [
        `DRAF: status di atas dihitung saat rekonsiliasi versi ${ctx.run.version} dijalankan, sedangkan rincian ini memuat pembayaran yang tercatat saat diunduh${totals}. ` +
          'Jalankan ulang rekonsiliasi agar keduanya sama sebelum ditandatangani.',
      ],
      WARNING_STYLE,
    );
  }
  t.commit();
  return payments;
}

/**
 * Below the JUMLAH row: the shortfall (each pledge's max(due − paid, 0)) and the overpayment (max(paid − due, 0)),
 * summed apart as SUMIF of the Selisih column, so that one pledge's surplus does not hide another's shortfall (QA:
 * the Berita Acara read Rp18.445.300 short for Rp18.465.300).
 */
function writeShortfallAndOverpayment(t: TableSheet, ctx: ReconciliationWorkbookContext): void {
  const rows = ctx.summary.payments;
  const shortfall = rows.reduce((a, p) => a + Math.max(p.due - p.paid, 0), 0);
  const overpaid = rows.reduce((a, p) => a + Math.max(p.paid - p.due, 0), 0);
  const range = `F${t.firstDataRow}:F${t.lastDataRow}`;
  const cell = (formula: string, result: number) => (rows.length ? { formula, result } : 0);
  t.writeStyledRow(['Jumlah kekurangan pembayaran (komitmen yang kurang/belum dibayar)', null, null, null, null, cell(`-SUMIF(${range},"<0")`, shortfall)], TOTAL_STYLE);
  t.writeStyledRow(['Jumlah kelebihan pembayaran (komitmen yang lebih bayar)', null, null, null, null, cell(`SUMIF(${range},">0")`, overpaid)], TOTAL_STYLE);
}
