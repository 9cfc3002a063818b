/**
 * What a statement's month row says about corrections (payments with adjustsMonth, DOMAIN §8/§9).
 * A statement counts a correction under the month it corrects (statementMonth), not the one it is
 * recorded in, where the Pembayaran sheet lists it: the corrected month names the payment that
 * corrects it and when it was recorded, the recording month what its payment corrects (QA).
 */
import type { PaymentRow } from '../data/report-queries.js';
import { monthLabel, rupiah } from '../format/labels.js';
import { ownPaymentsOf } from '../../payments/payment-status.js';

/**
 * `recorded`: the payments recorded in the statement's months; `correcting`: the corrections of the
 * statement's months, whichever month they were recorded in. Per month, its notes in order. `dueOf`, when given: a
 * pledge-month's due, so that a corrected month also says what is left after its corrections, from its own payments
 * (ownPaymentsOf: a correction of another month recorded in it pays that month; QA, counted twice) less that due, as
 * the console's Pembayaran note does (QA: "Dikoreksi dengan pengembalian kelebihan bayar Rp20.000" on a month overpaid
 * Rp10.000, with no word that it is now Rp10.000 short). `namePledges`: a statement of several pledges (a village's
 * Dana Desa and ADD) names the pledge of each balance ("DESA-…-ADD: Masih kurang Rp2.800 sesudah koreksi").
 */
export function correctionNotesByMonth(
  recorded: readonly PaymentRow[],
  correcting: readonly PaymentRow[],
  dueOf?: (pledgeCode: string, month: string) => number,
  namePledges = false,
): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (month: string, note: string) => notes.set(month, [...(notes.get(month) ?? []), note]);
  const corrected = new Map<string, { pledgeCode: string; month: string; amount: number }>();
  for (const p of correcting) {
    if (!p.adjustsMonth) continue;
    add(p.adjustsMonth, `Dikoreksi dengan ${paymentSaid(p)} (${p.reference}) yang dicatat pada ${monthLabel(p.month)}`);
    const key = `${p.pledgeCode}|${p.adjustsMonth}`;
    const c = corrected.get(key) ?? { pledgeCode: p.pledgeCode, month: p.adjustsMonth, amount: 0 };
    corrected.set(key, { ...c, amount: c.amount + p.amount });
  }
  for (const c of dueOf ? corrected.values() : []) {
    const due = dueOf!(c.pledgeCode, c.month);
    const { ownPaid } = ownPaymentsOf(due, recorded.filter((p) => p.pledgeCode === c.pledgeCode && p.month === c.month));
    add(c.month, `${namePledges ? `${c.pledgeCode}: ` : ''}${balanceSaid(ownPaid - due, c.amount)}`);
  }
  for (const p of recorded) {
    if (p.adjustsMonth) add(p.month, `${capitalized(paymentSaid(p))} (${p.reference}) adalah koreksi untuk ${monthLabel(p.adjustsMonth)}, dihitung pada bulan itu`);
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

/**
 * What a month's balance (§8 paid less due) is after its corrections (`corrected`, negative for money given back), in
 * the console's words (corrections-note.js balanceText): "Masih kurang Rp10.000 sesudah koreksi", "Masih lebih bayar
 * Rp5.000 setelah pengembalian", "Lunas setelah pengembalian kelebihan bayar", "Lunas setelah koreksi (lebih Rp…)"; a
 * month not short that a correction paid anyway says how much it is now over.
 */
export function balanceSaid(balance: number, corrected: number): string {
  const after = balance + corrected;
  if (after < 0) return `Masih kurang ${rupiah(-after)} sesudah koreksi`;
  if (corrected < 0) return after > 0 ? `Masih lebih bayar ${rupiah(after)} setelah pengembalian` : 'Lunas setelah pengembalian kelebihan bayar';
  if (balance >= 0) return `Bulan ini tidak kurang bayar; sesudah koreksi lebih bayar ${rupiah(after)}`;
  return after > 0 ? `Lunas setelah koreksi (lebih ${rupiah(after)})` : 'Lunas setelah koreksi';
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
