/** Indonesian words users read in workbooks: months, categories, statuses, source types, Rupiah. */
import { dayInWib } from '../../common/clock/clock.js';
import { addMonths, dayName, monthName, monthsSaid } from '../../common/month.js';
import { rupiah } from '../../common/money.js';
import { correctionsIn, duenessOf, isLatePayment, isOwed, ownPaymentsOf, paymentStatusOf, type PaymentFact } from '../../payments/payment-status.js';

/** '2026-10' → 'Oktober 2026' */
export const monthLabel = monthName;

/** A payment recorded in its month as a correction of an earlier, finalized one (DOMAIN §9) says so (QA: it read as the month's own). */
export function correctionNote(p: { adjustsMonth: string | null }): string | null {
  return p.adjustsMonth ? `Koreksi untuk ${monthName(p.adjustsMonth)}` : null;
}

export { wibTimestamp } from '../../common/clock/clock.js';
export { rupiah };

/**
 * Source types as every user reads them (DOMAIN §5), the one server-side list: workbooks, statements, the splits export
 * and the pledge template's help take it from here; the console's format.js keeps a copy, held equal by
 * console.format.spec (QA: the Alokasi page and its export said "Anggaran Desa", a signed workbook "APBDes"). The short
 * official forms a signed document uses: APBDes is the village budget's own name, and TJSLP (Tanggung Jawab Sosial dan
 * Lingkungan Perusahaan, UU 40/2007 Pasal 74) already says "perusahaan", so "(CSR)" only glosses it.
 */
export const SOURCE_TYPE_LABELS: Record<string, string> = {
  APBD: 'APBD Kabupaten',
  APBD_PROV: 'APBD Provinsi',
  DESA: 'APBDes',
  TJSLP: 'TJSLP (CSR)',
};

export const FUND_LABELS: Record<string, string> = { DANA_DESA: 'Dana Desa', ADD: 'Alokasi Dana Desa', PADES: 'Pendapatan Asli Desa' };

export const SCOPE_LABELS: Record<string, string> = { ALL: 'Semua peserta', VILLAGES: 'Desa tertentu', RESIDENTS: 'Peserta tertentu' };

/** Finding categories of DOMAIN §7, in the order of the spec; the console says the same (format.js, kept equal by console.format.spec). */
export const CATEGORY_LABELS: Record<string, string> = {
  DUPLICATE_BILLING: 'Tagihan ganda',
  NOT_REGISTERED: 'Tidak terdaftar',
  BILLED_AFTER_DEATH: 'Ditagih setelah meninggal',
  NOT_COVERED: 'Di luar masa kepesertaan',
  AMOUNT_MISMATCH: 'Selisih nominal iuran',
  NOKA_MISMATCH: 'NOKA berbeda',
  MATCHED: 'Sesuai',
  NOT_BILLED: 'Tidak ditagih',
  TOTAL_MISMATCH: 'Total invoice tidak sama dengan jumlah baris',
  DOUBLE_COVERAGE: 'Terdaftar ganda, PBI APBN',
};

export const PAYMENT_STATUS_LABELS: Record<string, string> = {
  PAID: 'Lunas',
  UNPAID: 'Belum dibayar',
  UNDERPAID: 'Kurang bayar',
  OVERPAID: 'Lebih bayar',
};

/**
 * A pledge-month's §8 status in a statement or workbook, with its due-ness on `today` (WIB, `YYYY-MM-DD`; duenessOf,
 * as GET /payments/status says it): one not (fully) paid whose premiums are not yet due says so, `Belum dibayar (jatuh
 * tempo 10 Desember 2026)` (QA: a statement taken on 5 December showed December as arrears), one paid in part before
 * then `Dibayar sebagian (jatuh tempo 10 Desember 2026)`, not "Kurang bayar" (QA: read as an arrear), one past its due date
 * `Belum dibayar – lewat jatuh tempo 10 November 2026` (QA: it read as one not yet due). PAID and OVERPAID as they are.
 */
export function statementStatusLabel(status: string, month: string, today: string, own?: OwnPayments): string {
  if (own && isRefundOnly(own)) return refundOnlyLabel(month, today, own);
  const text = label(PAYMENT_STATUS_LABELS, status);
  // paid in sum only thanks to corrections of other months recorded in it: said so, and the own premium's due-ness (QA)
  if (own && !isOwed(status) && isOwed(own.ownStatus)) return coveredByCorrectionsLabel(text, month, today, own);
  if (!isOwed(status)) return text;
  const dueness = duenessOf(month, own?.ownStatus ?? status, today);
  const due = dayName(dueness.dueDate);
  if (dueness.overdue) return `${text} – lewat jatuh tempo ${due}`;
  // part paid before the due date is not (yet) an underpayment: "Kurang bayar" read as an arrear (QA, as the Jumlah's words)
  return `${status === 'UNDERPAID' ? NOT_YET_DUE_PART_PAID : text} (jatuh tempo ${due})`;
}

/**
 * Whether a pledge-month's only payments are refunds: negative corrections of earlier months (money given back, §9), no
 * payment of its own. §8's sum makes it UNDERPAID, which read "Dibayar sebagian" on signed documents (QA).
 */
export function isRefundOnly(own: OwnPayments): boolean {
  return own.ownPaid === 0 && own.corrections < 0;
}

/**
 * "Pengembalian kelebihan bayar (koreksi Oktober–November 2026) Rp32.680; tidak ada iuran bulan ini", or with a premium
 * of its own "…; iuran Desember 2026 sendiri belum dibayar (jatuh tempo 10 Desember 2026)": a refund-only month (isRefundOnly).
 */
export function refundOnlyLabel(month: string, today: string, own: OwnPayments): string {
  const refund = `Pengembalian kelebihan bayar (koreksi ${monthsSaid(own.correctedMonths)}) ${rupiah(-own.corrections)}`;
  if (own.due === 0) return `${refund}; tidak ada iuran bulan ini`;
  const dueness = duenessOf(month, own.ownStatus, today);
  const due = dayName(dueness.dueDate);
  return `${refund}; iuran ${monthName(month)} sendiri belum dibayar` + (dueness.overdue ? ` – lewat jatuh tempo ${due}` : ` (jatuh tempo ${due})`);
}

/** An UNDERPAID pledge-month not yet past its due date, in a statement's or workbook's status. */
const NOT_YET_DUE_PART_PAID = 'Dibayar sebagian';

/** What a pledge-month's own payments paid beside its §8 status (ownPaymentsOf, correctionsIn). */
export interface OwnPayments {
  due: number;
  ownPaid: number;
  ownStatus: string;
  corrections: number;
  correctedMonths: readonly string[];
}

/** The own figures of a pledge-month from its due and payments (the pure functions GET /payments/status uses). */
export function ownPaymentsLabelOf(due: number, payments: readonly PaymentFact[]): OwnPayments {
  return { due, ...ownPaymentsOf(due, payments), ...correctionsIn('', payments) };
}

/**
 * "Lunas menurut jumlah (termasuk koreksi November 2026 Rp283.500); iuran Desember 2026 sendiri belum dibayar – lewat
 * jatuh tempo 10 Desember 2026": a month PAID or OVERPAID by §8's sum whose own payments are not (QA: December read
 * Lunas when only a correction of November was paid in it). The console's status badge says the same (payment-status.js).
 */
function coveredByCorrectionsLabel(text: string, month: string, today: string, own: OwnPayments): string {
  const months = own.correctedMonths.length ? monthsSaid(own.correctedMonths) : 'bulan sebelumnya';
  const dueness = duenessOf(month, own.ownStatus, today);
  const due = dayName(dueness.dueDate);
  const ownText =
    paymentStatusOf(own.due, own.ownPaid) === 'UNPAID' ? 'belum dibayar' : `baru dibayar ${rupiah(own.ownPaid)} dari ${rupiah(own.due)}`;
  return (
    `${text} menurut jumlah (termasuk koreksi ${months} ${rupiah(own.corrections)}); iuran ${monthName(month)} sendiri ${ownText}` +
    (dueness.overdue ? ` – lewat jatuh tempo ${due}` : ` (jatuh tempo ${due})`)
  );
}

/**
 * The header of the column that says whether a pledge-month or a payment was paid late (§8: a payment dated after the
 * 10th), in the reconciliation workbook and the statements. Said as "paid late": beside a status *Belum dibayar –
 * lewat jatuh tempo …*, a column "Terlambat" reading *Tidak* read as a contradiction (QA); an unpaid month is overdue,
 * not paid late.
 */
export const PAID_LATE_HEADER = 'Dibayar Terlambat (setelah tanggal 10)';

/**
 * The PAID_LATE_HEADER cell of a pledge-month (§8), as the console's badge says it: "Ya (hanya koreksi)" when its only
 * payments after the 10th are corrections of earlier months (`lateOnlyByCorrections` of correctionsIn), "Ya" when an
 * ordinary payment was late, "-" when nothing was paid (UNPAID is never late; its status says whether it is overdue),
 * "Tidak" otherwise.
 */
export function monthLateLabel(s: { late: boolean; lateOnlyByCorrections: boolean; status?: string | null }): string {
  if (s.late) return s.lateOnlyByCorrections ? 'Ya (hanya koreksi)' : 'Ya';
  return s.status === 'UNPAID' ? '-' : 'Tidak';
}

/** The same column of one payment, by the same rule (isLatePayment); a correction's Keterangan (correctionNote) names the month it is for. */
export function paymentLateLabel(p: { month: string; paidAt: string; amount?: number }): string {
  return isLatePayment(p.month, p.paidAt, p.amount) ? 'Ya' : 'Tidak';
}

export const RUN_STATUS_LABELS: Record<string, string> = { DONE: 'Selesai (draf)', FINAL: 'Final', RUNNING: 'Berjalan', FAILED: 'Gagal' };

export const label = (labels: Record<string, string>, code: string | null | undefined): string => (code ? (labels[code] ?? code) : '');

/**
 * A funder as every workbook names it, once: "PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026". A name
 * that already ends with its type in brackets ("PT Agricinal (TJSLP)", "Bank Bengkulu (CSR)") loses
 * that bracket, as the source type's label follows it (QA: "PT Agricinal (TJSLP) (TJSLP (CSR))"). A withdrawn
 * pledge, still named where finalized months or payments keep it, says so after its code: "…, APBD-2026-B (dicabut)".
 */
export function funderLabel(p: { code: string; funder: string | null | undefined; sourceType: string | null | undefined; withdrawn?: boolean }): string {
  const type = label(SOURCE_TYPE_LABELS, p.sourceType);
  const name = withoutTypeBracket(p.funder ?? '', p.sourceType ?? '', type);
  const who = [name, type].filter(Boolean).join(' — ');
  const code = p.withdrawn ? `${p.code} ${WITHDRAWN_MARK}` : p.code;
  return who ? `${who}, ${code}` : code;
}

/** The funder's name alone, as it signs: "PT Agricinal" for "PT Agricinal (TJSLP)" (funderLabel's rule); its code when it has none. */
export function funderName(p: { code: string; funder: string | null | undefined; sourceType: string | null | undefined }): string {
  return withoutTypeBracket(p.funder ?? '', p.sourceType ?? '', label(SOURCE_TYPE_LABELS, p.sourceType)) || p.code;
}

/** What follows a withdrawn pledge's code in workbooks and statements. */
export const WITHDRAWN_MARK = '(dicabut)';

/** The funder's name without a trailing "(…)" that only says its source type: its code, its label or a word of the label. */
function withoutTypeBracket(funder: string, sourceType: string, typeLabel: string): string {
  const m = /^(.*\S)\s*\(([^()]*)\)\s*$/.exec(funder.trim());
  if (!m || !typeLabel) return funder.trim();
  const norm = (x: string) => x.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const said = norm(m[2]);
  const words = [sourceType, typeLabel, ...typeLabel.split(/[\s()]+/)].map(norm).filter((w) => w.length >= 3);
  return words.includes(said) ? m[1] : funder.trim();
}

/** A pledge revision as kept in pledge_revision: who/when/why (reason and time may be missing for data loaded without one). */
export interface RevisionFacts {
  revision: number;
  reason: string | null;
  changedAt: Date | null;
}

/** "Revisi 3 — 2026-11-20: APBD-P 2026: pengurangan pagu" (the day in WIB); "Revisi 3" when nothing more is recorded. */
export function revisionLabel(r: RevisionFacts): string {
  const when = r.changedAt ? dayName(dayInWib(r.changedAt)) : null; // 20 November 2026, as a reader writes it (QA: ISO)
  const what = [when, r.reason].filter(Boolean).join(': ');
  return what ? `Revisi ${r.revision} — ${what}` : `Revisi ${r.revision}`;
}

/** ['2026-01', '2026-02', '2026-03', '2026-08'] → 'Januari 2026 s.d. Maret 2026, Agustus 2026'. */
export function monthRanges(months: readonly string[]): string {
  const ranges: Array<[string, string]> = [];
  for (const m of months) {
    const last = ranges[ranges.length - 1];
    if (last && addMonths(last[1], 1) === m) last[1] = m;
    else ranges.push([m, m]);
  }
  return ranges.map(([a, b]) => (a === b ? monthLabel(a) : `${monthLabel(a)} s.d. ${monthLabel(b)}`)).join(', ');
}

/**
 * The header line of a download whose read recomputed STALE months first (AllocateMonth.refreshStale: the months it
 * waited for), below the title and period; none when it recomputed nothing. QA asked the file to say it, not only the
 * audit trail.
 */
export function recomputedNote(months: readonly string[]): string[] {
  return months.length ? [`Alokasi ${monthRanges(months)} dihitung ulang saat unduhan ini dibuat (data berubah sesudah dihitung).`] : [];
}
