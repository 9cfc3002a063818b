/**
 * What a repeat of a payment (same pledge, month and reference: paymentKey) is told, in the same words whether it came
 * as a sheet row or as POST /payments, and whether it repeats a stored payment or an earlier row of the same sheet:
 * identical, it is that payment again (nothing to do); with another amount or paid day, what was kept, what the
 * repeat writes, and how to replace the kept one (QA: a Rp999.999 typo, fixed and sent again, was ignored without a
 * word and Rp999.999 stayed).
 */
import { dayName, monthName } from '../common/month.js';
import { rupiah } from '../common/money.js';
import type { PaymentKey } from './duplicate-payments.js';

/** What a repeat is compared by: the amount (rupiah) and the paid day (`YYYY-MM-DD`). */
export interface PaymentFigures {
  amount: number;
  paidAt: string;
}

/** A field in which a repeat differs from the payment it repeats, with both values (DUPLICATE_PAYMENT's `details.differences`). */
export interface FigureDifference {
  field: 'amount' | 'paidAt';
  recorded: number | string;
  sent: number | string;
}

export const sameFigures = (a: PaymentFigures, b: PaymentFigures) => a.amount === b.amount && a.paidAt === b.paidAt;

export function figureDifferences(sent: PaymentFigures, recorded: PaymentFigures): FigureDifference[] {
  const differences: FigureDifference[] = [];
  if (sent.amount !== recorded.amount) differences.push({ field: 'amount', recorded: recorded.amount, sent: sent.amount });
  if (sent.paidAt !== recorded.paidAt) differences.push({ field: 'paidAt', recorded: recorded.paidAt, sent: sent.paidAt });
  return differences;
}

/** The kept payment's figures: "jumlah Rp1.000.000 (tanggal 5 November 2026)". */
const keptFigures = (p: PaymentFigures) => `jumlah ${rupiah(p.amount)} (tanggal ${dayName(p.paidAt)})`;

/** What the repeat writes that differs: "Rp1.200.000", "tanggal 6 November 2026", or "Rp1.200.000 (tanggal 6 November 2026)". */
function differingFigures(sent: PaymentFigures, kept: PaymentFigures): string {
  if (sent.amount === kept.amount) return `tanggal ${dayName(sent.paidAt)}`;
  if (sent.paidAt === kept.paidAt) return rupiah(sent.amount);
  return `${rupiah(sent.amount)} (tanggal ${dayName(sent.paidAt)})`;
}

/**
 * How a wrong payment of an open month is replaced: DELETE /payments/:id is the console's Hapus… on Pembayaran (a
 * finalized month's payment is refused before it is compared, so the month is open). `again`: how the repeat is sent.
 */
const replaceAdvice = (month: string, which: string, again: string) =>
  `Bila yang tercatat salah, hapus ${which} di halaman Pembayaran (bulan ${monthName(month)}, tombol Hapus…), lalu ${again}.`;

const head = (p: PaymentKey) => `Pembayaran ${p.pledgeCode} bulan ${monthName(p.month)} dengan referensi "${p.reference}" sudah tercatat`;

/** Who repeats the payment, as the message names it: a row of a payment sheet, or a payment sent to POST /payments. */
const REPEAT = {
  row: { writes: 'baris ini menulis', again: 'unggah ulang baris ini' },
  request: { writes: 'yang dikirim', again: 'catat ulang pembayaran ini' },
} as const;

/** PAYMENT_DUPLICATE of a sheet row, DUPLICATE_PAYMENT of POST /payments: `sent` repeats the stored payment `recorded`. */
export function repeatOfRecorded(sent: PaymentKey & PaymentFigures, recorded: PaymentFigures, by: keyof typeof REPEAT): string {
  if (sameFigures(sent, recorded)) {
    return by === 'row'
      ? `${head(sent)}; baris ini diabaikan.`
      : `${head(sent)} dengan jumlah dan tanggal bayar yang sama (${rupiah(recorded.amount)}, tanggal ${dayName(recorded.paidAt)}); tidak ada yang perlu dicatat lagi.`;
  }
  return (
    `${head(sent)} dengan ${keptFigures(recorded)}; ${REPEAT[by].writes} ${differingFigures(sent, recorded)} dan tidak dicatat. ` +
    replaceAdvice(sent.month, 'pembayaran itu', REPEAT[by].again)
  );
}

/**
 * PAYMENT_DUPLICATE of a sheet row repeating row `keptRow` of the same sheet, the one recorded (a row is compared with
 * the first of the file kept with its key, which may come after it when it waited for the file's date order).
 */
export function repeatOfRow(sent: PaymentKey & PaymentFigures, keptRow: number, kept: PaymentFigures): string {
  if (sameFigures(sent, kept)) {
    return `Pembayaran yang sama (komitmen, bulan, referensi, jumlah dan tanggal bayar) sudah ada di baris ${keptRow} berkas ini dan dicatat dari baris itu; baris ini diabaikan.`;
  }
  return (
    `Pembayaran dengan komitmen, bulan dan referensi yang sama sudah ada di baris ${keptRow} berkas ini dengan ${keptFigures(kept)} dan dicatat dari baris itu; ` +
    `baris ini menulis ${differingFigures(sent, kept)} dan tidak dicatat. ` +
    replaceAdvice(sent.month, `pembayaran dari baris ${keptRow}`, REPEAT.row.again)
  );
}
