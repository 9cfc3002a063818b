/**
 * A pledge's fiscal year in the year-end recap (Rekap Tahunan, sheet Per Pemberi Dana), from the rows the statements
 * already read: its splits per month (what it funded, §6), the payments recorded for the year's months and the
 * corrections of those months (`adjustsMonth`) wherever they were recorded. Pure, so the figures are tested apart.
 *
 * - funded: the pledge's splits over the year.
 * - paid: the payments recorded for the year's months, plus corrections of its months recorded after the year
 *   (a December shortfall paid and recorded in January): each rupiah paid for the year once. A correction recorded
 *   within the year is already among the year's payments.
 * - owed: the months §8 calls UNPAID or UNDERPAID (GET /payments/status's rule: paid = the payments recorded for the
 *   month, corrections of other months included), each with its shortfall, whether it is not yet due on `today`, and
 *   any correction of it recorded later (which §8 counts in the month it was recorded in).
 * - late: the months §8 calls late (a payment after the 10th), "(hanya koreksi)" when only corrections were.
 */
import { monthsSaid } from '../../common/month.js';
import { correctionsIn, isOwed, pledgeMonthStatus } from '../../payments/payment-status.js';
import type { PaymentRow, PledgeMonthAmount, PledgeRow } from '../data/report-queries.js';
import { monthLabel, rupiah } from '../format/labels.js';
import { notYetDue } from '../statements/not-yet-due.js';

export interface PledgeYear {
  pledge: PledgeRow;
  participantMonths: number;
  funded: number;
  paid: number;
  /** Of `paid`: corrections of the year's months recorded after it. */
  paidLater: number;
  owed: string[];
  late: string[];
}

export function pledgeYears(
  pledges: readonly PledgeRow[],
  months: readonly string[],
  splits: readonly PledgeMonthAmount[],
  payments: readonly PaymentRow[],
  corrections: readonly PaymentRow[],
  today: string,
): PledgeYear[] {
  const last = months[months.length - 1];
  return pledges.map((pledge) => {
    const own = splits.filter((s) => s.pledgeCode === pledge.code);
    const recorded = payments.filter((p) => p.pledgeCode === pledge.code);
    const correcting = corrections.filter((p) => p.pledgeCode === pledge.code);
    const later = correcting.filter((p) => p.month > last);
    const owed: string[] = [];
    const late: string[] = [];
    for (const month of months) {
      const due = own.find((s) => s.month === month)?.amount ?? 0;
      const paidFor = recorded.filter((p) => p.month === month);
      if (due === 0 && paidFor.length === 0) continue;
      const s = pledgeMonthStatus(month, due, paidFor);
      if (s.late) late.push(correctionsIn(month, paidFor).lateOnlyByCorrections ? `${monthLabel(month)} (hanya koreksi)` : monthLabel(month));
      if (!isOwed(s.status)) continue;
      const short = s.status === 'UNPAID' ? `belum dibayar ${rupiah(due)}` : `kurang ${rupiah(due - s.paid)}`;
      const notes = [notYetDue(month, today) ? 'belum jatuh tempo' : null, correctedLater(correcting.filter((p) => p.adjustsMonth === month && p.month > month))];
      owed.push(`${monthLabel(month)}: ${short}${notes.filter(Boolean).map((n) => `; ${n}`).join('')}`);
    }
    return {
      pledge,
      participantMonths: own.reduce((a, s) => a + s.participants, 0),
      funded: own.reduce((a, s) => a + s.amount, 0),
      paid: sum(recorded) + sum(later),
      paidLater: sum(later),
      owed,
      late,
    };
  });
}

const sum = (rows: readonly { amount: number }[]) => rows.reduce((a, p) => a + p.amount, 0);

/** "dikoreksi Rp75.600, dicatat pada Januari 2027" for the corrections of a month recorded in later months, or null. */
function correctedLater(rows: readonly PaymentRow[]): string | null {
  if (!rows.length) return null;
  return `dikoreksi ${rupiah(sum(rows))}, dicatat pada ${monthsSaid(rows.map((p) => p.month))}`;
}
