/**
 * What the answer of POST /reconciliations/:id/finalize tells the officer besides the run's header (`warnings`): the
 * month is finalized all the same, as a run with NO_PBI_LIST is (run-warnings.ts), but something of it is left to do.
 */
import { dayName, monthName } from '../common/month.js';
import { rupiah } from '../common/money.js';
import type { PledgeMonthOwn } from '../payments/payment-status.js';

export interface FinalizeWarning {
  /** DUE_DATE_NOT_PASSED: finalized on or before the month's due date (§8, the 10th) with funders still owing for it. */
  code: 'DUE_DATE_NOT_PASSED';
  message: string;
  details: { dueDate: string; unpaid: number; funders: number; pledgeCodes: string[] };
}

/**
 * A month finalized before its premiums were due (§8: by the 10th, the 10th itself on time) while some of its funders
 * have not paid it, or paid less, by their own payments (`ownStatus`, corrections of earlier months not counted): what
 * they owe can now only be recorded as a correction in `openMonth` (QA: December 2026 finalized on 6 December, two
 * funders still owing, unsaid by the answer). Null when the due date has passed or nobody owes.
 */
export function dueDateNotPassedWarning(
  month: string,
  dueDate: string,
  today: string,
  statuses: readonly ({ pledgeCode: string; due: number } & PledgeMonthOwn)[],
  openMonth: string,
): FinalizeWarning | null {
  if (today > dueDate) return null;
  const owing = statuses.filter((s) => s.ownStatus === 'UNPAID' || s.ownStatus === 'UNDERPAID');
  if (!owing.length) return null;
  const unpaid = owing.reduce((sum, s) => sum + Math.max(0, s.due - s.ownPaid), 0);
  const codes = owing.map((s) => s.pledgeCode);
  const name = monthName(month);
  return {
    code: 'DUE_DATE_NOT_PASSED',
    message:
      `${name} difinalisasi sebelum jatuh tempo pembayarannya (${dayName(dueDate)}; hari ini ${dayName(today)}): ${owing.length} pemberi dana masih belum membayar atau kurang bayar ` +
      `sebesar ${rupiah(unpaid)}${codes.length <= 5 ? ` (${codes.join(', ')})` : ''}. Pembayarannya, juga yang tepat waktu, kini dicatat sebagai koreksi di bulan yang masih terbuka ` +
      `(mis. ${monthName(openMonth)}) dengan Koreksi untuk bulan = ${name}.`,
    details: { dueDate, unpaid, funders: owing.length, pledgeCodes: codes },
  };
}
