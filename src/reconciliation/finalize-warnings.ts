/**
 * What the answer of POST /reconciliations/:id/finalize tells the officer besides the run's header (`warnings`): the
 * month is finalized all the same, as a run with NO_PBI_LIST is (run-warnings.ts), but something of it is left to do.
 */
import { dayName, monthName, monthsSaid } from '../common/month.js';
import { rupiah } from '../common/money.js';
import type { PledgeMonthOwn } from '../payments/payment-status.js';
import type { MonthToFreeze } from '../periods/sql/months-frozen-by-finalize.sql.js';

export type FinalizeWarning = DueDateNotPassedWarning | FreezesOpenMonthsWarning;

export interface DueDateNotPassedWarning {
  /** DUE_DATE_NOT_PASSED: finalized on or before the month's due date (§8, the 10th) with funders still owing for it. */
  code: 'DUE_DATE_NOT_PASSED';
  message: string;
  details: { dueDate: string; unpaid: number; funders: number; pledgeCodes: string[] };
}

export interface FreezesOpenMonthsWarning {
  /**
   * FREEZES_OPEN_MONTHS: the finalization freezes earlier months of its year that were not finalized (§9): each, whether
   * it has a draft run, and what its funders still owe; `openMonth`: where their payments go, as corrections.
   */
  code: 'FREEZES_OPEN_MONTHS';
  message: string;
  details: { months: MonthToFreeze[]; openMonth: string };
}

/** At most this many funders are named per month in a message; `details` has them all. */
const FUNDERS_SAID = 5;

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
): DueDateNotPassedWarning | null {
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

/**
 * Finalizing `month` freezes the earlier months of its year not finalized yet (`months`, monthsFrozenByFinalize), as §9
 * has it: their allocation is kept and their payments can then only be recorded as corrections in `openMonth`; none
 * has a signed Berita Acara. Said with the months never reconciled apart from those reconciled as a draft only, and what
 * each month's funders still owe by pledge code (`details` names the funders too) (QA: November finalized closed
 * August–October, drafts only, October Rp18.445.300 unpaid, with `"warnings":[]`). Null when there is none.
 * Finalizing stays allowed: §9 refuses nothing here.
 */
export function freezesOpenMonthsWarning(month: string, months: readonly MonthToFreeze[], openMonth: string): FreezesOpenMonthsWarning | null {
  if (!months.length) return null;
  const never = months.filter((k) => k.draftVersion === null).map((k) => k.month);
  const drafts = months.filter((k) => k.draftVersion !== null).map((k) => `${monthName(k.month)} versi ${k.draftVersion}`);
  const kinds = [never.length ? `belum pernah direkonsiliasi: ${monthsSaid(never)}` : null, drafts.length ? `hanya draf, rekonsiliasinya belum difinalisasi: ${drafts.join(', ')}` : null];
  const owing = months.filter((k) => k.owed > 0);
  const owed = owing.reduce((a, k) => a + k.owed, 0);
  const them = months.length === 1 ? 'bulan itu' : 'bulan-bulan itu';
  return {
    code: 'FREEZES_OPEN_MONTHS',
    message:
      `Finalisasi ${monthName(month)} juga menutup ${months.length} bulan sebelumnya yang belum difinalisasi, ${monthsSaid(months.map((k) => k.month))} (${kinds.filter(Boolean).join('; ')}). ` +
      (owing.length ? `Masih terutang ${rupiah(owed)}: ${owing.map(owedSaid).join('; ')}. ` : `Tidak ada yang masih terutang untuk ${them}. `) +
      `Alokasi ${them} dibekukan dan pembayarannya hanya dapat dicatat sebagai koreksi di bulan yang masih terbuka (mis. ${monthName(openMonth)}) ` +
      `dengan Koreksi untuk bulan = bulan yang dibayar. Belum ada berita acara yang ditandatangani untuk ${them}; ${them} masih dapat direkonsiliasi lalu difinalisasi.`,
    details: { months: [...months], openMonth },
  };
}

/** "Oktober 2026 Rp55.600 (APBD-2026 Rp17.800, PROV-2026 Rp37.800)", the first FUNDERS_SAID pledges named. */
function owedSaid(k: MonthToFreeze): string {
  const named = k.funders.slice(0, FUNDERS_SAID).map((f) => `${f.pledgeCode} ${rupiah(f.owed)}`);
  const more = k.funders.length - named.length;
  return `${monthName(k.month)} ${rupiah(k.owed)} (${named.join(', ')}${more > 0 ? ` dan ${more} komitmen lain` : ''})`;
}
