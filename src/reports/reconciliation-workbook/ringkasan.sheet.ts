/**
 * Ringkasan: the run's summary (the API's GET /reconciliations/:id) — funding by pledge with its
 * total, the BPJS bill, findings, payments, the CENTRAL component for information, and the
 * compliance warnings (Dana Desa rule) of the pledges the run funded, by the revisions its figures were allocated
 * under (fundedPledgesAsRun), as Per Sumber Dana and GET /reconciliations/:id say them.
 */
import { LABEL_STYLE, WARNING_STYLE } from '../../common/spreadsheet/workbook-style.js';
import { monthsSaid } from '../../common/month.js';
import { CATEGORY_LABELS, funderLabel, label, rupiah } from '../format/labels.js';
import { TableSheet } from '../workbook/table-sheet.js';
import { correctionMonths } from './koreksi-bulan-tertutup.sheet.js';
import { sheetHeading } from './titles.js';

/** The heading of a FINAL run's warnings: said when it ran, before it was finalized; what they advised is past. */
export const FINAL_RUN_WARNINGS_HEADING = 'Peringatan saat rekonsiliasi dijalankan, sebelum difinalisasi (sarannya tidak berlaku lagi: koreksi dicatat di bulan yang masih terbuka)';
import { funderOf, fundedPledgesAsRun, monthChangedSinceRun, type ReconciliationWorkbookContext } from './workbook-context.js';

/** Said under the list of what changed after the run (ctx.changes); Berita Acara says it is a draft. */
const STALE_RUN_ADVICE =
  'Lembar Pagu & Realisasi, Per Desa, Rincian Peserta dan Pembayaran memakai data saat ini, sehingga tidak cocok dengan ringkasan ini. Jalankan ulang rekonsiliasi sebelum ditandatangani.';

export const RINGKASAN_COLUMNS = [
  { header: 'Uraian', kind: 'text', width: 58 },
  { header: 'Peserta', kind: 'count', width: 12 },
  { header: 'Jumlah (Rp)', kind: 'rupiah', width: 20, total: true },
  { header: 'Keterangan', kind: 'text', width: 80 },
] as const;

export function writeRingkasan(ctx: ReconciliationWorkbookContext): void {
  const { summary } = ctx;
  // the §5 warnings of the terms the run's figures were allocated under, as Per Sumber Dana and the run API say them
  const asRun = new Map(ctx.allocatedPledges.map((p) => [p.code, p]));
  const t = new TableSheet(ctx.output.workbook, 'Ringkasan', [...RINGKASAN_COLUMNS], sheetHeading(ctx, 'Ringkasan Rekonsiliasi Pendanaan Iuran Jamkesda'));

  for (const f of summary.funded) {
    const pledge = asRun.get(f.pledgeCode);
    t.addRow([`Didanai ${funderOf(ctx, f.pledgeCode, f.sourceType)}`, f.participants, f.amount, pledge?.warnings.join(' ') || null]);
  }
  t.addRow(['Tidak terdanai', summary.unfunded.participants, summary.unfunded.amount, summary.unfunded.amount > 0 ? 'Belum ada komitmen pendanaan untuk sisa iuran ini.' : null]);
  t.finishTable('JUMLAH IURAN (didanai + tidak terdanai)');

  const kv = (text: string, participants: number | null, amount: number | null, note: string | null = null) =>
    t.writeStyledRow([text, participants, amount, note]);
  const heading = (text: string) => {
    t.blankRow();
    t.writeStyledRow([text], LABEL_STYLE);
  };

  heading('Kewajiban iuran daerah (bagian iuran yang ditanggung daerah)');
  kv('Jumlah peserta dan iuran bulan ini', summary.participants, summary.obligation);
  const tariff = ctx.tariffs.get(ctx.month);
  if (tariff && tariff.central > 0) {
    kv('Bantuan iuran Pemerintah Pusat — informasi', summary.participants, summary.participants * tariff.central, `${rupiah(tariff.central)} per peserta, dibayar Pemerintah Pusat; tidak termasuk kewajiban daerah.`);
  }

  heading('Tagihan BPJS Kesehatan');
  if (summary.bill) {
    kv('Total invoice', null, summary.bill.invoiceTotal);
    kv('Jumlah baris tagihan', null, summary.bill.linesTotal);
    kv('Dapat dibayar', null, summary.bill.payable);
    kv('Lebih tagih', null, summary.bill.overbilled);
    kv('Kurang tagih', null, summary.bill.underbilled);
  } else {
    kv('Belum ada tagihan BPJS untuk bulan ini', null, null, 'Tanpa tagihan tidak ada temuan tagihan.');
  }

  // Findings per category in Indonesian, each with its §7 code in Keterangan (as Temuan's Kode column), for auditors.
  t.blankRow();
  t.writeStyledRow(['Temuan', 'Banyaknya', null, 'Kode kategori'], LABEL_STYLE);
  const categories = Object.keys(CATEGORY_LABELS).filter((c) => c in summary.findings);
  for (const c of [...categories, ...Object.keys(summary.findings).filter((c) => !(c in CATEGORY_LABELS))]) {
    // without the month's PBI-APBN list double coverage was not looked for: said, not 0 (QA: read as checked)
    if (c === 'DOUBLE_COVERAGE' && !ctx.run.inputs?.pbiApbnList) kv(label(CATEGORY_LABELS, c), null, null, `${c}: tidak diperiksa (tidak ada daftar PBI APBN bulan ini)`);
    else kv(label(CATEGORY_LABELS, c), summary.findings[c], null, c);
  }
  if (Object.keys(summary.findings).length === 0) kv('Tidak ada temuan', 0, null);

  heading('Pembayaran');
  kv('Jumlah terutang', null, summary.payments.reduce((a, p) => a + p.due, 0));
  // corrections of earlier months recorded in this one are in its paid (§8) but pay those months: said how much (QA: nothing did)
  const corrections = ctx.paidThisYear.filter((p) => p.month === ctx.month && p.adjustsMonth);
  const corrected = corrections.reduce((a, p) => a + p.amount, 0);
  kv('Jumlah dibayar', null, summary.payments.reduce((a, p) => a + p.paid, 0), corrections.length ? `Termasuk koreksi bulan sebelumnya ${rupiah(corrected)} (baris di bawah).` : null);
  if (corrections.length) {
    const months = monthsSaid(corrections.map((p) => p.adjustsMonth!));
    kv(`Di antaranya koreksi ${months} (dicatat bulan ini)`, null, corrected, `Membayar kekurangan (atau mengembalikan kelebihan) ${months}, bukan iuran bulan ini; rinciannya di sheet Pembayaran.`);
  }

  // the register's corrections of the year's closed months, as the run kept them (sheet Koreksi Peserta Bulan Tertutup);
  // not the payments' corrections above (QA: read as those)
  heading('Koreksi daftar peserta bulan tertutup (perubahan daftar peserta sesudah bulan ditutup)');
  const c = summary.closedMonthCorrections;
  if (!c) kv('Tidak dihitung untuk rekonsiliasi versi ini', null, null, 'Jalankan ulang rekonsiliasi untuk melihatnya.');
  else if (c.participantMonths === 0) kv('Tidak ada koreksi daftar peserta', 0, 0, 'Daftar peserta sesuai dengan iuran bulan yang sudah ditutup.');
  else {
    const over = c.over.participantMonths ? `${correctionMonths(c, 'OVER')}: tagih kembali ke BPJS Kesehatan` : null;
    kv('Kelebihan iuran (peserta-bulan yang tidak tercakup lagi)', c.over.participantMonths, c.over.amount, over && (c.byPledge.length ? `${over}; didanai ${c.byPledge.map((p) => `${p.pledgeCode} ${rupiah(p.amount)}`).join(', ')}.` : `${over}.`));
    const under = c.under.participantMonths
      ? `${correctionMonths(c, 'UNDER')}: bayar sebagai koreksi dari komitmen yang ditentukan petugas keuangan; rincian per peserta di sheet Koreksi Peserta Bulan Tertutup.`
      : null;
    kv('Kekurangan iuran (peserta-bulan tercakup tanpa iuran)', c.under.participantMonths, c.under.amount, under);
  }

  const warnings = fundedPledgesAsRun(ctx).filter((p) => p.warnings.length > 0);
  heading('Peringatan kepatuhan');
  if (warnings.length === 0) kv('Tidak ada peringatan kepatuhan', null, null);
  for (const p of warnings) t.writeStyledRow([funderLabel(p), null, null, p.warnings.join(' ')], undefined, [WARNING_STYLE, undefined, undefined, WARNING_STYLE]);
  // what the officer heard when it ran, for whoever signs it (QA: a frozen month's register change was said to the starter only);
  // a run without a bill says so in its figures
  const heard = (ctx.run.summary?.warnings ?? []).filter((w) => w.code !== 'NO_BILL');
  if (heard.length > 0) {
    // a FINAL run's warnings were heard before it was finalized: their advice to run it again no longer applies (QA)
    heading(ctx.run.status === 'FINAL' ? FINAL_RUN_WARNINGS_HEADING : 'Peringatan saat rekonsiliasi dijalankan');
    for (const w of heard) t.writeStyledRow([w.message], WARNING_STYLE);
  }
  const obligationMoved = ctx.current.amount !== summary.obligation || ctx.current.participants !== summary.participants;
  if (monthChangedSinceRun(ctx)) {
    heading('Data bulan ini berubah setelah rekonsiliasi');
    for (const what of ctx.changes) t.writeStyledRow([`Berubah: ${what}`], WARNING_STYLE);
    if (obligationMoved) kv('Kewajiban saat ini', ctx.current.participants, ctx.current.amount, 'Berbeda dari hasil rekonsiliasi di atas.');
    t.writeStyledRow([STALE_RUN_ADVICE], WARNING_STYLE);
  }
  t.commit();
}
