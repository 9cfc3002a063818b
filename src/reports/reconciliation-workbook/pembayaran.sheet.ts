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
 *
 * Corrections of earlier months recorded in the month (`adjustsMonth`, §9) count toward its §8 paid, but are not the
 * month's own over- or underpayment: they stand in a column of their own, and Selisih is the month's own payments less
 * what it owed (QA: January's correction of December, Rp122.200, made APBD-2026 "Lebih bayar" and the Berita Acara
 * said "Kelebihan pembayaran komitmen Rp122.200", though it settled December exactly).
 */
import { dayInWib } from '../../common/clock/clock.js';
import { dayName, monthsSaid } from '../../common/month.js';
import { columnStyle, HEADER_STYLE, LABEL_STYLE, NUMBER_FORMATS, TOTAL_STYLE, WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { correctionsIn, isOwed } from '../../payments/payment-status.js';
import { PAYMENTS_CHANGED } from '../../reconciliation/run-inputs.js';
import type { PaymentRow } from '../data/report-queries.js';
import {
  correctionNote,
  label,
  monthLateLabel,
  PAID_LATE_HEADER,
  ownPaymentsLabelOf,
  type OwnPayments,
  PAYMENT_STATUS_LABELS,
  paymentLateLabel,
  rupiah,
  SOURCE_TYPE_LABELS,
  statementStatusLabel,
  isRefundOnly,
  refundOnlyLabel,
} from '../format/labels.js';
import { dayToDate, TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { sheetHeading } from './titles.js';
import { funderInYear, type ReconciliationWorkbookContext } from './workbook-context.js';

const COLUMNS: TableColumn[] = [
  { header: 'Kode Komitmen', kind: 'text', width: 26 },
  { header: 'Sumber Dana', kind: 'text', width: 16 },
  { header: 'Pemberi Dana', kind: 'text', width: 44 },
  { header: 'Terutang (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Dibayar (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Koreksi Bulan Sebelumnya (Rp)', kind: 'rupiah', width: 18, total: true },
  { header: 'Selisih Pembayaran Bulan Ini − Terutang (Rp)', kind: 'rupiah', width: 20, total: true },
  { header: 'Status', kind: 'text', width: 30 },
  { header: PAID_LATE_HEADER, kind: 'text', width: 18 },
];

/** Dibayar terlambat in the list of payments, in a column that is Koreksi's (rupiah) above: text. */
const LATE_STYLE = columnStyle('text');

/** Writes the sheet; answers the month's payments it lists (the Berita Acara names their corrections). */
export async function writePembayaran(ctx: ReconciliationWorkbookContext): Promise<PaymentRow[]> {
  const t = new TableSheet(ctx.output.workbook, 'Pembayaran', COLUMNS, sheetHeading(ctx, 'Status Pembayaran Iuran per Komitmen'));
  const payments = await ctx.queries.payments(ctx.month, ctx.month, null);
  const lateOnlyByCorrections = (code: string) => correctionsIn(ctx.month, payments.filter((p) => p.pledgeCode === code)).lateOnlyByCorrections;
  const ranOn = dayInWib(ctx.run.finished_at ?? ctx.generatedAt);
  for (const p of ctx.summary.payments) {
    const late = monthLateLabel({ late: p.late, lateOnlyByCorrections: lateOnlyByCorrections(p.pledgeCode), status: p.status });
    const own = ownPaymentsOfPledge(p, payments);
    t.addRow([
      p.pledgeCode,
      label(SOURCE_TYPE_LABELS, ctx.pledgeByCode.get(p.pledgeCode)?.sourceType),
      funderInYear(ctx, p.pledgeCode),
      p.due,
      p.paid,
      own.corrections,
      p.paid - own.corrections - p.due,
      ownStatusLabel(p.status, ctx.month, ranOn, own),
      late,
    ]);
  }
  t.finishTable();
  writeShortfallAndOverpayment(t, ctx, payments);
  if (ctx.summary.payments.some((p) => isOwed(p.status))) {
    t.writeStyledRow([
      `Jatuh tempo dinilai pada ${dayName(ranOn)}, saat rekonsiliasi versi ${ctx.run.version} dijalankan. Iuran jatuh tempo tanggal 10; BPJS Kesehatan dapat menonaktifkan kepesertaan bila iurannya belum lunas pada akhir bulan.`,
    ]);
  }

  t.blankRow();
  t.writeStyledRow(['Rincian pembayaran (SP2D/transfer) untuk bulan ini'], LABEL_STYLE);
  // Dibayar terlambat beside Jumlah, the header no wider than the list (QA: three empty dark cells stood between them)
  t.writeStyledRow(['Kode Komitmen', 'Tanggal Bayar', 'Referensi', 'Keterangan', 'Jumlah (Rp)', 'Dibayar terlambat'], HEADER_STYLE);
  const dateStyle = { numFmt: NUMBER_FORMATS.date };
  const first = t.currentRow;
  for (const p of payments) {
    t.writeStyledRow([p.pledgeCode, dayToDate(p.paidAt), p.reference, correctionNote(p), p.amount, paymentLateLabel(p)], undefined, [undefined, dateStyle, undefined, undefined, undefined, LATE_STYLE]);
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
 * Below the JUMLAH row: the shortfall (each pledge's max(due − own paid, 0)) and the overpayment (max(own paid − due, 0)),
 * summed apart as SUMIF of the Selisih column, so that one pledge's surplus does not hide another's shortfall (QA:
 * the Berita Acara read Rp18.445.300 short for Rp18.465.300); then the corrections of earlier months on a line of
 * their own (QA: counted as kelebihan). The Berita Acara says the same (ownFigures).
 */
function writeShortfallAndOverpayment(t: TableSheet, ctx: ReconciliationWorkbookContext, payments: readonly PaymentRow[]): void {
  const { shortfall, overpaid, corrections } = ownFigures(ctx.summary.payments, payments);
  const range = `G${t.firstDataRow}:G${t.lastDataRow}`;
  const cell = (formula: string, result: number) => (ctx.summary.payments.length ? { formula, result } : 0);
  t.writeStyledRow(['Jumlah kekurangan pembayaran (komitmen yang kurang/belum dibayar)', null, null, null, null, null, cell(`-SUMIF(${range},"<0")`, shortfall)], TOTAL_STYLE);
  t.writeStyledRow(['Jumlah kelebihan pembayaran (komitmen yang lebih bayar)', null, null, null, null, null, cell(`SUMIF(${range},">0")`, overpaid)], TOTAL_STYLE);
  if (corrections !== 0) {
    const column = `F${t.firstDataRow}:F${t.lastDataRow}`;
    t.writeStyledRow(['Koreksi bulan sebelumnya yang dicatat bulan ini (bukan kelebihan/kekurangan bulan ini)', null, null, null, null, cell(`SUM(${column})`, corrections)], TOTAL_STYLE);
  }
}

/** A pledge-month's own payments and its corrections of earlier months, from the month's payments (ownPaymentsLabelOf). */
function ownPaymentsOfPledge(p: { pledgeCode: string; due: number }, payments: readonly PaymentRow[]): OwnPayments {
  return ownPaymentsLabelOf(p.due, payments.filter((x) => x.pledgeCode === p.pledgeCode));
}

/**
 * The month's own shortfall and overpayment, each summed over the pledges (never netted), and the corrections of
 * earlier months recorded in it: what the Pembayaran sheet's rows under JUMLAH and the Berita Acara say; `short` and
 * `over`, the pledges making them up (in the statuses' order), which the Berita Acara names under them.
 */
export function ownFigures(statuses: readonly { pledgeCode: string; due: number; paid: number }[], payments: readonly PaymentRow[]) {
  let shortfall = 0, overpaid = 0, corrections = 0;
  const short: PledgeAmount[] = [];
  const over: PledgeAmount[] = [];
  for (const p of statuses) {
    const own = ownPaymentsOfPledge(p, payments);
    const ownPaid = p.paid - own.corrections;
    if (p.due > ownPaid) short.push({ pledgeCode: p.pledgeCode, amount: p.due - ownPaid });
    if (ownPaid > p.due) over.push({ pledgeCode: p.pledgeCode, amount: ownPaid - p.due });
    shortfall += Math.max(p.due - ownPaid, 0);
    overpaid += Math.max(ownPaid - p.due, 0);
    corrections += own.corrections;
  }
  return { shortfall, overpaid, corrections, short, over };
}

export interface PledgeAmount {
  pledgeCode: string;
  amount: number;
}

/**
 * The status cell: a month whose §8 status differs from its own payments' only by corrections of earlier months reads
 * as its own ("Lunas (ditambah koreksi Desember 2026 Rp122.200)", or with nothing due "Tidak ada iuran bulan ini; hanya
 * koreksi …", not "Lebih bayar"); one still owed on its own says
 * so (statementStatusLabel).
 */
function ownStatusLabel(status: string, month: string, ranOn: string, own: OwnPayments): string {
  if (isRefundOnly(own)) return refundOnlyLabel(month, ranOn, own);
  if (own.corrections !== 0 && !isOwed(own.ownStatus) && own.ownStatus !== status) {
    if (own.due === 0 && own.ownPaid === 0) return `Tidak ada iuran bulan ini; hanya koreksi ${monthsSaid(own.correctedMonths)} ${rupiah(own.corrections)}`;
    return `${label(PAYMENT_STATUS_LABELS, own.ownStatus)} (ditambah koreksi ${monthsSaid(own.correctedMonths)} ${rupiah(own.corrections)})`;
  }
  return statementStatusLabel(status, month, ranOn, own);
}
