/**
 * What a repeat of a payment (same pledge, month and reference: paymentKey) is told, in the same words whether it came
 * as a sheet row or as POST /payments, and whether it repeats a stored payment or an earlier row of the same sheet:
 * identical, it is that payment again (nothing to do); with another amount, paid day or "Koreksi untuk bulan"
 * (adjustsMonth), what was kept, what the repeat writes, and how to replace the kept one (QA: a Rp999.999 typo, fixed
 * and sent again, was ignored without a word and Rp999.999 stayed). A correction carrying the SP2D of the payment of
 * the month it corrects (or of another correction of it) is that payment too, recorded in another month: said so,
 * naming it (QA: it was taken, and the month counted twice).
 */
import { dayName, monthName } from '../common/month.js';
import { rupiah } from '../common/money.js';
import type { PaymentKey, RecordedPayment } from './duplicate-payments.js';

/** What a repeat is compared by: the amount (rupiah), the paid day (`YYYY-MM-DD`) and the month it corrects (null: none). */
export interface PaymentFigures {
  amount: number;
  paidAt: string;
  adjustsMonth: string | null;
}

/** A field in which a repeat differs from the payment it repeats, with both values (DUPLICATE_PAYMENT's `details.differences`). */
export interface FigureDifference {
  field: 'month' | 'amount' | 'paidAt' | 'adjustsMonth';
  recorded: number | string | null;
  sent: number | string | null;
}

export const sameFigures = (a: PaymentFigures, b: PaymentFigures) => a.amount === b.amount && a.paidAt === b.paidAt && a.adjustsMonth === b.adjustsMonth;

/** Where `sent` differs from `recorded`; `month` only for a recorded payment of another month (a correction's SP2D reused). */
export function figureDifferences(sent: PaymentFigures & { month?: string }, recorded: PaymentFigures & { month?: string }): FigureDifference[] {
  const differences: FigureDifference[] = [];
  if (sent.month && recorded.month && sent.month !== recorded.month) differences.push({ field: 'month', recorded: recorded.month, sent: sent.month });
  if (sent.amount !== recorded.amount) differences.push({ field: 'amount', recorded: recorded.amount, sent: sent.amount });
  if (sent.paidAt !== recorded.paidAt) differences.push({ field: 'paidAt', recorded: recorded.paidAt, sent: sent.paidAt });
  if (sent.adjustsMonth !== recorded.adjustsMonth) differences.push({ field: 'adjustsMonth', recorded: recorded.adjustsMonth, sent: sent.adjustsMonth });
  return differences;
}

/** "Koreksi untuk bulan Oktober 2026", or "tanpa Koreksi untuk bulan" (the console's field, KOREKSI_UNTUK_BULAN of a sheet). */
const correctionOf = (adjustsMonth: string | null) => (adjustsMonth ? `Koreksi untuk bulan ${monthName(adjustsMonth)}` : 'tanpa Koreksi untuk bulan');

/** The kept payment's figures: "jumlah Rp1.000.000 (tanggal 5 November 2026)", with its Koreksi untuk bulan when it has one or the repeat's differs. */
function keptFigures(p: PaymentFigures, sent: PaymentFigures): string {
  const correction = p.adjustsMonth || p.adjustsMonth !== sent.adjustsMonth ? `, ${correctionOf(p.adjustsMonth)}` : '';
  return `jumlah ${rupiah(p.amount)} (tanggal ${dayName(p.paidAt)})${correction}`;
}

/**
 * What the repeat writes that differs: "Rp1.200.000", "tanggal 6 November 2026", "Rp1.200.000 (tanggal 6 November 2026)",
 * then its Koreksi untuk bulan when that differs ("…, tanpa Koreksi untuk bulan").
 */
function differingFigures(sent: PaymentFigures, kept: PaymentFigures): string {
  const figures =
    sent.amount === kept.amount && sent.paidAt === kept.paidAt ? ''
    : sent.amount === kept.amount ? `tanggal ${dayName(sent.paidAt)}`
    : sent.paidAt === kept.paidAt ? rupiah(sent.amount)
    : `${rupiah(sent.amount)} (tanggal ${dayName(sent.paidAt)})`;
  const correction = sent.adjustsMonth === kept.adjustsMonth ? '' : correctionOf(sent.adjustsMonth);
  return [figures, correction].filter(Boolean).join(', ');
}

/**
 * How a wrong payment is replaced. Of an open month: DELETE /payments/:id is the console's Hapus… on Pembayaran, then
 * the repeat is sent again (`again`). Of a closed month (`closed`: finalized or frozen; the repeat is compared before
 * the month is judged, so the officer hears it is recorded): nothing of it can be removed, a difference is recorded as
 * a correction in an open month, with the SP2D of the transfer that corrects it.
 */
function replaceAdvice(month: string, which: string, again: string, closed: boolean): string {
  if (closed) {
    return (
      `Bulan ${monthName(month)} sudah ditutup, jadi ${which} tidak dapat dihapus: bila ada selisih, catat koreksinya di bulan yang masih terbuka ` +
      `dengan Koreksi untuk bulan = ${monthName(month)} dan nomor SP2D/bukti transfer koreksi itu.`
    );
  }
  return `Bila yang tercatat salah, hapus ${which} di halaman Pembayaran (bulan ${monthName(month)}, tombol Hapus…), lalu ${again}.`;
}

const head = (p: PaymentKey) => `Pembayaran ${p.pledgeCode} bulan ${monthName(p.month)} dengan referensi "${p.reference}" sudah tercatat`;

/** Who repeats the payment, as the message names it: a row of a payment sheet, or a payment sent to POST /payments. */
const REPEAT = {
  row: { writes: 'baris ini menulis', again: 'unggah ulang baris ini', who: 'Baris ini', refused: 'ditolak' },
  request: { writes: 'yang dikirim', again: 'catat ulang pembayaran ini', who: 'Pembayaran yang dikirim', refused: 'tidak dicatat' },
} as const;

/** "pembayaran bulan November 2026", or "koreksi untuk bulan November 2026 (dicatat di bulan Desember 2026)". */
const role = (p: { month: string; adjustsMonth: string | null }) =>
  p.adjustsMonth ? `koreksi untuk bulan ${monthName(p.adjustsMonth)} (dicatat di bulan ${monthName(p.month)})` : `pembayaran bulan ${monthName(p.month)}`;

/**
 * PAYMENT_DUPLICATE of a sheet row, DUPLICATE_PAYMENT of POST /payments: `sent` repeats the stored payment `recorded`.
 * `closed`: the month of `sent` is closed (the repeat is told before MONTH_CLOSED: it is recorded, whatever the month).
 */
export function repeatOfRecorded(sent: PaymentKey & PaymentFigures, recorded: RecordedPayment, by: keyof typeof REPEAT, closed = false): string {
  if (recorded.month !== sent.month) return sameTransfer(sent, recorded, by);
  if (sameFigures(sent, recorded)) {
    const correction = recorded.adjustsMonth ? `, ${correctionOf(recorded.adjustsMonth)}` : '';
    return by === 'row'
      ? `${head(sent)} dengan jumlah, tanggal bayar dan Koreksi untuk bulan yang sama; baris ini ditolak dan tidak dicatat lagi.`
      : `${head(sent)} dengan jumlah, tanggal bayar dan Koreksi untuk bulan yang sama (${rupiah(recorded.amount)}, tanggal ${dayName(recorded.paidAt)}${correction}); tidak ada yang perlu dicatat lagi.`;
  }
  return (
    `${head(sent)} dengan ${keptFigures(recorded, sent)}; ${REPEAT[by].writes} ${differingFigures(sent, recorded)} dan tidak dicatat. ` +
    replaceAdvice(sent.month, 'pembayaran itu', REPEAT[by].again, closed)
  );
}

/**
 * `sent` carries the reference of `recorded`, a payment of the same pledge recorded in another month for the same month
 * (RECORDED_ALREADY): a correction with the SP2D of the payment it corrects, or of another correction of that month.
 * One SP2D is one transfer: it is that payment again, and a real correction has an SP2D of its own.
 */
function sameTransfer(sent: PaymentKey & PaymentFigures, recorded: RecordedPayment, by: keyof typeof REPEAT): string {
  return (
    `Referensi "${sent.reference}" sudah tercatat untuk ${sent.pledgeCode} sebagai ${role(recorded)} (${rupiah(recorded.amount)}, tanggal ${dayName(recorded.paidAt)}). ` +
    `${REPEAT[by].who}, ${role(sent)} dengan referensi yang sama, adalah pembayaran itu lagi dan ${REPEAT[by].refused} agar tidak terhitung dua kali. ` +
    'Koreksi adalah transfer baru dengan nomor SP2D sendiri: bila memang ada transfer koreksi, catat dengan referensi SP2D transfer itu.'
  );
}

/**
 * PAYMENT_DUPLICATE of a sheet row repeating row `keptRow` of the same sheet, the one recorded (a row is compared with
 * the first of the file kept with its key, which may come after it when it waited for the file's date order).
 */
export function repeatOfRow(sent: PaymentKey & PaymentFigures, keptRow: number, kept: PaymentFigures): string {
  if (sameFigures(sent, kept)) {
    return `Pembayaran yang sama (komitmen, bulan, referensi, jumlah, tanggal bayar dan Koreksi untuk bulan) sudah ada di baris ${keptRow} berkas ini dan dicatat dari baris itu; baris ini ditolak agar tidak tercatat dua kali.`;
  }
  return (
    `Pembayaran dengan komitmen, bulan dan referensi yang sama sudah ada di baris ${keptRow} berkas ini dengan ${keptFigures(kept, sent)} dan dicatat dari baris itu; ` +
    `baris ini menulis ${differingFigures(sent, kept)} dan tidak dicatat. ` +
    replaceAdvice(sent.month, `pembayaran dari baris ${keptRow}`, REPEAT.row.again, false)
  );
}
