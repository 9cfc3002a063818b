/**
 * The balance a statement's signatories sign for, split by due-ness (DOMAIN §8: a month's premiums are due by its
 * 10th). A statement taken on 5 December called December's unpaid premiums "kurang bayar" (QA: a signatory reads that
 * as an arrear), so the shortfall of months not yet due on the day it is taken is said apart, as not yet due, and the
 * rest of the balance keeps its words ("kurang bayar …" only for what is past due). The two figures add up to the
 * JUMLAH row's balance.
 */
import { dayName, monthsSaid } from '../../common/month.js';
import { dueDate } from '../../payments/payment-status.js';
import type { StatementAmount } from './statement-closing.js';

/** One pledge-month of the statement: what the pledge owed for it and what paid it (pledgeMonthFigures). */
export interface PledgeMonthFigures {
  month: string;
  due: number;
  paid: number;
}

/**
 * Each pledge's due and paid in each month of the period, as the statement's rows count them (statementMonth): the
 * month's own payments and the corrections recorded for it, whenever recorded. A December statement taken on 4 December,
 * with November's shortfall corrected by a payment recorded in December, has nothing past due and December's own
 * premium not yet due (QA: December read as paid, and November's corrected shortfall "kurang bayar"). `payments`: the
 * period's own payments and the corrections of its months; a correction of a month outside the period counts there, not
 * here.
 */
export function pledgeMonthFigures(
  codes: readonly string[],
  months: readonly string[],
  dueOf: (code: string, month: string) => number,
  payments: ReadonlyArray<{ pledgeCode: string; month: string; amount: number; adjustsMonth: string | null }>,
): PledgeMonthFigures[] {
  const paid = new Map<string, number>();
  for (const p of payments) {
    const month = p.adjustsMonth ?? p.month;
    if (!months.includes(month)) continue;
    paid.set(`${p.pledgeCode} ${month}`, (paid.get(`${p.pledgeCode} ${month}`) ?? 0) + p.amount);
  }
  return codes.flatMap((code) => months.map((month) => ({ month, due: dueOf(code, month), paid: paid.get(`${code} ${month}`) ?? 0 })));
}

/** Whether a month's premiums are not yet past their due date on `today` (WIB `YYYY-MM-DD`; the 10th itself is on time). */
export function notYetDue(month: string, today: string): boolean {
  return today <= dueDate(month);
}

/**
 * `balance` (paid − owed over the period, the JUMLAH row's) as one line when no pledge-month not yet due on `today` is
 * short; otherwise two: the balance without those shortfalls (`… di luar iuran yang belum jatuh tempo`, said as a
 * balance: kurang/lebih bayar or nol rupiah) and the shortfalls themselves (`Belum jatuh tempo (iuran bulan Desember
 * 2026, jatuh tempo 10 Desember 2026)`, negative as the balance is, said as not yet due). Each pledge-month on its own:
 * one pledge's surplus is no payment of another's premium. A surplus of a month not yet due stays in the first line:
 * paid too much is so whatever the date.
 */
export function balanceByDueness(balance: { label: string; amount: number }, pledgeMonths: readonly PledgeMonthFigures[], today: string): StatementAmount[] {
  const short = pledgeMonths.filter((p) => notYetDue(p.month, today) && p.due > p.paid);
  const notDue = -short.reduce((a, p) => a + (p.due - p.paid), 0);
  if (notDue === 0) return [{ ...balance, words: 'balance' }];
  const months = [...new Set(short.map((p) => p.month))].sort();
  const when = months.length === 1 ? `jatuh tempo ${dayName(dueDate(months[0]))}` : 'jatuh tempo tanggal 10 bulan masing-masing';
  return [
    { label: `${balance.label} di luar iuran yang belum jatuh tempo`, amount: balance.amount - notDue, words: 'balance' },
    { label: `Belum jatuh tempo (iuran bulan ${monthsSaid(months)}, ${when})`, amount: notDue, words: 'notYetDue' },
  ];
}
