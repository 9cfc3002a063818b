/**
 * What a statement's month row says about corrections (payments with adjustsMonth, DOMAIN §8/§9).
 * A correction counts toward the month it is recorded in, so without a note the corrected month
 * reads "Belum dibayar" and the recording month "Lebih bayar" with nothing linking them (QA): the
 * corrected month names the payment that corrects it, the recording month what its payment corrects.
 */
import type { PaymentRow } from '../data/report-queries.js';
import { monthLabel, rupiah } from '../format/labels.js';
import type { StatementPeriod } from './statement-period.js';

/**
 * `recorded`: the payments recorded in the statement's months; `correcting`: the corrections of the
 * statement's months, whichever month they were recorded in. Per month, its notes in order.
 */
export function correctionNotesByMonth(recorded: readonly PaymentRow[], correcting: readonly PaymentRow[]): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (month: string, note: string) => notes.set(month, [...(notes.get(month) ?? []), note]);
  for (const p of correcting) {
    if (p.adjustsMonth) add(p.adjustsMonth, `Dikoreksi dengan ${paymentSaid(p)} (${p.reference}) yang dicatat pada ${monthLabel(p.month)}`);
  }
  for (const p of recorded) {
    if (p.adjustsMonth) add(p.month, `${capitalized(paymentSaid(p))} (${p.reference}) adalah koreksi untuk ${monthLabel(p.adjustsMonth)}`);
  }
  return notes;
}

/**
 * "pembayaran Rp37.800", or for a negative correction, money given back for an overpaid closed month, "pengembalian
 * kelebihan bayar Rp22.680" (it lowers the paid of the month it is recorded in).
 */
function paymentSaid(p: Pick<PaymentRow, 'amount'>): string {
  return p.amount < 0 ? `pengembalian kelebihan bayar ${rupiah(-p.amount)}` : `pembayaran ${rupiah(p.amount)}`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The corrections of the period's months recorded after it: they count toward the month they were recorded in,
 * outside this statement's totals, so a line under the table says how much came in and where it counts
 * (QA: December's shortfall paid in January, recorded as a correction for December, was in no statement's total).
 */
export function laterCorrectionsLine(correcting: readonly PaymentRow[], period: StatementPeriod): string | null {
  const later = correcting.filter((p) => p.month > period.to);
  if (!later.length) return null;
  const total = later.reduce((a, p) => a + p.amount, 0);
  const each = later.map((p) => `${p.amount < 0 ? `pengembalian ${rupiah(-p.amount)}` : rupiah(p.amount)} untuk ${monthLabel(p.adjustsMonth!)} (${p.reference}), dicatat pada ${monthLabel(p.month)}`);
  return `Koreksi yang dicatat setelah periode ini untuk bulan-bulannya: ${rupiah(total)} (${each.join('; ')}). Dihitung pada bulan pencatatannya, tidak termasuk jumlah di atas.`;
}
