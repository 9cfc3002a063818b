/**
 * Berita Acara: the statement the three parties sign — the month, the agreed totals in figures
 * and in Indonesian words, what each funder paid, and the signature blocks.
 */
import type ExcelJS from 'exceljs';
import { LABEL_STYLE, NUMBER_FORMATS, TOTAL_STYLE, WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import type { PaymentRow } from '../data/report-queries.js';
import { monthsSaid } from '../../common/month.js';
import { monthLabel, rupiah } from '../format/labels.js';
import { correctionMonths } from './koreksi-bulan-tertutup.sheet.js';
import { ownFigures } from './pembayaran.sheet.js';
import { terbilang, terbilangRupiah } from '../terbilang.js';
import { BPKAD_HEAD, CLOSING_ROWS, DINKES_HEAD, type Signatory, writeClosing } from '../workbook/signature-block.js';
import { TableSheet, type TableColumn } from '../workbook/table-sheet.js';
import { REGENCY } from './titles.js';
import { funderOf, type ReconciliationWorkbookContext } from './workbook-context.js';

/**
 * The BPJS Kesehatan branch office serving the regency: Bengkulu Utara is served by the Kantor
 * Cabang Bengkulu. A constant like REGENCY (the service is one regency's; there is no regional
 * configuration): change both if it ever serves another.
 */
export const BPJS_BRANCH = 'Kantor Cabang Bengkulu';

/** Title, unit (so the three blocks line up: QA found the BPJS one without a second line) and ID line. */
export const SIGNATORIES: readonly Signatory[] = [DINKES_HEAD, BPKAD_HEAD, ['Kepala BPJS Kesehatan', BPJS_BRANCH, 'NPP.']];

/**
 * Wide enough for every signatory's title and unit on one line (wrappedLines: their characters
 * take less than a digit's width on average, plus one for the cell's padding). The middle column, Angka, holds the BPKAD block:
 * at 22 "Kabupaten Bengkulu Utara" wrapped to two lines there only, so the three blocks did not line
 * up (QA, rendered with LibreOffice).
 */
const SIGNATURE_WIDTH = Math.max(...SIGNATORIES.flatMap(([title, unit]) => [title.length, unit.length])) + 2;

const COLUMNS: TableColumn[] = [
  { header: 'Uraian', kind: 'text', width: 48 },
  { header: 'Angka', kind: 'rupiah', width: Math.max(22, SIGNATURE_WIDTH) },
  { header: 'Terbilang', kind: 'text', width: 70 },
];

const countStyle: Partial<ExcelJS.Style> = { numFmt: NUMBER_FORMATS.count };

export function writeBeritaAcara(ctx: ReconciliationWorkbookContext, payments: readonly PaymentRow[]): void {
  const { summary } = ctx;
  const t = new TableSheet(ctx.output.workbook, 'Berita Acara', COLUMNS, {
    fixedRowHeights: true,
    notice: draftNotice(ctx),
    title: [
      'BERITA ACARA REKONSILIASI PENDANAAN IURAN JAMINAN KESEHATAN DAERAH (JAMKESDA)',
      `${REGENCY.toUpperCase()} — BULAN ${monthLabel(ctx.month).toUpperCase()}`,
      `Pada hari ini ............, tanggal ............, kami yang bertanda tangan di bawah ini telah melaksanakan rekonsiliasi iuran bulan ${monthLabel(ctx.month)} (rekonsiliasi versi ${ctx.run.version}) dengan hasil yang disepakati sebagai berikut:`,
    ],
  });
  const money = (text: string, amount: number) => t.addRow([text, amount, terbilangRupiah(amount)]);

  t.writeStyledRow(['Jumlah peserta', summary.participants, `${terbilang(summary.participants)} orang`], undefined, [undefined, countStyle]);
  money('Iuran yang menjadi kewajiban daerah', summary.obligation);
  money('Iuran didanai komitmen pendanaan', summary.funded.reduce((a, f) => a + f.amount, 0));
  money('Iuran tidak terdanai', summary.unfunded.amount);
  if (summary.bill) {
    money('Total tagihan BPJS Kesehatan (invoice)', summary.bill.invoiceTotal);
    money('Jumlah baris tagihan BPJS Kesehatan', summary.bill.linesTotal);
    money('Dapat dibayar', summary.bill.payable);
    money('Lebih tagih', summary.bill.overbilled);
    money('Kurang tagih', summary.bill.underbilled);
    writeRefusedBillRows(ctx, t);
  } else {
    t.writeStyledRow(['Tagihan BPJS Kesehatan', null, 'Belum ada tagihan untuk bulan ini']);
  }

  t.blankRow();
  t.writeStyledRow(['Pembayaran per pemberi dana'], LABEL_STYLE);
  const first = t.currentRow;
  // refunds (negative corrections of earlier months, money given back) are not what a funder paid: said on their own
  // line below, never as a negative "Dibayar oleh …" read "minus …" in words (QA)
  const refunds = payments.filter(isRefund);
  const refundOf = (pledgeCode: string) => refunds.filter((r) => r.pledgeCode === pledgeCode).reduce((a, r) => a + r.amount, 0);
  for (const p of summary.payments) {
    money(`Dibayar oleh ${funderOf(ctx, p.pledgeCode)}${correctionsOf(payments, p.pledgeCode)}`, p.paid - refundOf(p.pledgeCode));
  }
  const paid = summary.payments.reduce((a, p) => a + p.paid - refundOf(p.pledgeCode), 0);
  t.writeStyledRow(
    ['Jumlah dibayar', summary.payments.length ? { formula: `SUM(B${first}:B${t.currentRow - 1})`, result: paid } : 0, terbilangRupiah(paid)],
    TOTAL_STYLE,
  );
  if (refunds.length) {
    const refunded = -refunds.reduce((a, r) => a + r.amount, 0);
    const byPledge = [...new Set(refunds.map((r) => r.pledgeCode))].sort().map((code) => `${funderOf(ctx, code)} ${rupiah(-refundOf(code))}`);
    money(`Pengembalian kelebihan bayar bulan sebelumnya (koreksi ${monthsSaid(refunds.map((r) => r.adjustsMonth!))}: ${byPledge.join(', ')}), tidak termasuk dalam jumlah dibayar`, refunded);
  }
  // what the funders owed for the month against what they paid, for the signatories (QA: a funder that paid nothing
  // showed as "Rp0" with no word of what it owed, and no line gave the shortfall). The shortfall and the overpayment
  // are each summed over the pledges, never netted: one funder's surplus does not pay another's arrears (QA: Rp18.445.300
  // short for Rp18.465.300, two overpayments of Rp10.000 subtracted).
  const due = summary.payments.reduce((a, p) => a + p.due, 0);
  money('Jumlah terutang', due);
  // corrections of earlier months recorded in this one are neither its shortfall nor its surplus (QA: a correction of
  // December recorded in January read "Kelebihan pembayaran komitmen Rp122.200"): said on their own line
  // each followed by the funders making it up (QA: "Kekurangan pembayaran komitmen Rp513.480" named nobody)
  const { shortfall, overpaid, corrections, short, over } = ownFigures(summary.payments, payments);
  if (shortfall > 0) money('Kekurangan pembayaran komitmen', shortfall);
  for (const p of short) money(`– kurang dibayar oleh ${funderOf(ctx, p.pledgeCode)}`, p.amount);
  if (overpaid > 0) money('Kelebihan pembayaran komitmen', overpaid);
  for (const p of over) money(`– lebih dibayar oleh ${funderOf(ctx, p.pledgeCode)}`, p.amount);
  const added = corrections - refunds.reduce((a, r) => a + r.amount, 0); // the refunds are on their own line above
  if (added !== 0) money(`Koreksi bulan sebelumnya (${correctedMonths(payments)}), termasuk dalam jumlah dibayar`, added);
  writeClosedMonthCorrections(ctx, money);

  t.blankRow();
  t.keepTogether(CLOSING_ROWS); // the closing, the place and date and the signatures on one page
  // one column each: the Angka column is as wide as the longest title or unit (SIGNATURE_WIDTH)
  writeClosing(t, 'Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.', SIGNATORIES.map((signatory, column) => ({ signatory, column, span: 1 })));
  t.commit();
}

/**
 * A run not to be signed opens the sheet, above its title, with DRAF — JANGAN DITANDATANGANI and why: its month changed
 * since it ran, or it is not final yet (QA: a draft's Berita Acara looked exactly like one ready to sign; then the line
 * stood under the table's header, read after the title).
 */
function draftNotice(ctx: ReconciliationWorkbookContext): Array<Array<string | null>> {
  const v = ctx.run.version;
  if (ctx.changes.length > 0) {
    return [['DRAF — JANGAN DITANDATANGANI', null, `${staleRunText(v, ctx.changes)} Tanda tangani hanya berita acara versi terbaru; bila data bulan ini berubah, jalankan ulang rekonsiliasi dulu.`]];
  }
  if (ctx.run.status !== 'FINAL') {
    return [['DRAF — JANGAN DITANDATANGANI', null, `Rekonsiliasi versi ${v} belum difinalisasi. Tanda tangani berita acara yang diunduh sesudah rekonsiliasi ini difinalisasi oleh petugas keuangan lain.`]];
  }
  return [];
}

/**
 * Why version `v` no longer holds, from the run's `changes` (changedSince, after newerRun's "rekonsiliasi versi 2 sudah
 * difinalisasi" when there is one): the newer version, then the data changed since it ran under a label (QA: "…versi 2
 * sudah difinalisasi; daftar PBI APBN." left the list unlabelled). Exported for tests.
 */
export function staleRunText(v: number, changes: string[]): string {
  const newer = changes.find((c) => c.startsWith('rekonsiliasi versi '));
  const data = changes.filter((c) => c !== newer);
  if (!newer) return `Rekonsiliasi versi ${v} tidak lagi berlaku karena data bulan ini berubah sejak dijalankan: ${data.join('; ')}.`;
  return `Rekonsiliasi versi ${v} tidak lagi berlaku: ${newer}${data.length ? `; data yang berubah sejak versi ${v} dijalankan: ${data.join('; ')}` : ''}.`;
}

/**
 * The bill rows refused at upload (the run's BILL_ROWS_REJECTED warning), under the bill's figures they change: no line
 * was matched for them, so whoever they billed is in "Kurang tagih" (QA: a bill with 8 of 13 rows refused was
 * signed as if BPJS had not billed those people). The other run warnings are on Ringkasan only: they do not change a
 * figure signed here.
 */
function writeRefusedBillRows(ctx: ReconciliationWorkbookContext, t: TableSheet): void {
  const refused = (ctx.run.summary?.warnings ?? []).find((w) => w.code === 'BILL_ROWS_REJECTED');
  if (!refused?.details) return;
  const { billVersion, rowsRejected } = refused.details;
  t.writeStyledRow(
    [
      `Baris tagihan yang ditolak saat diunggah (tagihan versi ${billVersion})`,
      rowsRejected,
      `${terbilang(rowsRejected)} baris, tidak ikut dicocokkan: peserta pada baris itu dihitung tidak ditagih (termasuk dalam kekurangan tagihan) walaupun ditagih BPJS Kesehatan.`,
    ],
    WARNING_STYLE,
    [undefined, countStyle],
  );
}

/** The months the month's corrections are for: "Desember 2026". */
function correctedMonths(payments: readonly PaymentRow[]): string {
  return monthsSaid(payments.filter((p) => p.adjustsMonth && !isRefund(p)).map((p) => p.adjustsMonth!));
}

/** A negative correction of an earlier month: money given back (§9). */
function isRefund(p: PaymentRow): boolean {
  return !!p.adjustsMonth && p.amount < 0;
}

/**
 * What the register now says of the year's closed months, as the run kept it (Koreksi Peserta Bulan Tertutup): the overpaid
 * premiums to claim back and the unpaid ones, for the signatories (QA: nothing in December's statement told anyone of
 * November's Rp37.800 paid for a man who had died in October).
 */
function writeClosedMonthCorrections(ctx: ReconciliationWorkbookContext, money: (text: string, amount: number) => void): void {
  const c = ctx.summary.closedMonthCorrections;
  if (!c) return;
  if (c.over.participantMonths) {
    const funders = c.byPledge.map((p) => `${p.pledgeCode} ${rupiah(p.amount)}`).join(', ');
    money(`Koreksi daftar peserta bulan tertutup (${correctionMonths(c, 'OVER')}): kelebihan iuran ${c.over.participantMonths} peserta-bulan, ditagih kembali ke BPJS Kesehatan${funders ? ` (${funders})` : ''}`, c.over.amount);
  }
  if (c.under.participantMonths) {
    money(
      `Koreksi daftar peserta bulan tertutup (${correctionMonths(c, 'UNDER')}): kekurangan iuran ${c.under.participantMonths} peserta-bulan, dibayar sebagai koreksi dari komitmen yang ditentukan petugas keuangan (rincian per peserta: sheet Koreksi Peserta Bulan Tertutup)`,
      c.under.amount,
    );
  }
}

/**
 * "; termasuk koreksi untuk November 2026 Rp7.446.520": what of a funder's payments corrects earlier,
 * finalized months (DOMAIN §9), said in the line itself so the total below still sums the lines (QA).
 */
function correctionsOf(payments: readonly PaymentRow[], pledgeCode: string): string {
  const byMonth = new Map<string, number>();
  for (const p of payments) if (p.pledgeCode === pledgeCode && p.adjustsMonth && !isRefund(p)) byMonth.set(p.adjustsMonth, (byMonth.get(p.adjustsMonth) ?? 0) + p.amount);
  if (byMonth.size === 0) return '';
  const parts = [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, amount]) => `${monthLabel(month)} ${rupiah(amount)}`);
  return `; termasuk koreksi untuk ${parts.join(', ')}`;
}
