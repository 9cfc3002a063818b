import type { ClosedMonthCorrections } from './closed-month-corrections.js';
import type { RunWarning } from './run-warnings.js';
import type { PledgePaymentStatus } from '../payments/payment-statuses.service.js';

/**
 * Finding categories (DOMAIN §7) in their stable order: the seven bill-line categories in the
 * order they are checked, then the month-level ones. Findings are numbered (`seq`) in this order.
 */
export const LINE_CATEGORIES = [
  'DUPLICATE_BILLING',
  'NOT_REGISTERED',
  'BILLED_AFTER_DEATH',
  'NOT_COVERED',
  'AMOUNT_MISMATCH',
  'NOKA_MISMATCH',
  'MATCHED',
] as const;
export const CATEGORIES = [...LINE_CATEGORIES, 'NOT_BILLED', 'TOTAL_MISMATCH', 'DOUBLE_COVERAGE'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Checksums of everything a run read (DOMAIN §9): same inputs, same totals. */
export interface RunInputs {
  bill: { id: string; version: number; checksum: string } | null;
  pbiApbnList: { id: string; version: number; checksum: string } | null;
  /** Order-independent hash of the month's obligations (register as allocated): nik, amount, unfunded, tmt, village. */
  obligations: string;
  /** Order-independent hash of the month's splits: nik, pledge, revision, amount. */
  splits: string;
  /** Order-independent hash of the month's payments. */
  payments: string;
  /** Register fields the categories read (NIK, NOKA, TAT, end reason) of billed NIKs. */
  register: string;
  /**
   * What the checksums cover, in figures, so that a change can be named for what it is (run-inputs.ts
   * splitsChange, obligationsChange): per pledge its participants, rupiah and the revisions its splits
   * carry (from = to but for a month allocated half under each); the obligations' totals, with `niks`, a
   * hash of the NIKs owed alone (who is owed, whatever their TMT or village). Absent in runs made
   * before they were kept (`niks`: before 2026-12-05).
   */
  pledges?: Record<string, { participants: number; amount: number; revisionFrom: number; revisionTo: number }>;
  obligationTotals?: { participants: number; obligation: number; unfundedParticipants: number; unfundedAmount: number; niks?: string };
  /**
   * Checksum of the closed months' register corrections the run found (closed-month-corrections.ts; absent in runs before
   * 2026-12-06). Not compared by changedSince: recomputing them reads every obligation of the year's closed months, and
   * any register change already marks the open months' allocations STALE (MARK_OPEN_ALLOCATIONS_STALE), which it names.
   */
  closedMonthCorrections?: string;
}

/** The API.md summary of a run, stored as is in `reconciliation_run.summary`. */
export interface RunSummary {
  participants: number;
  obligation: number;
  funded: { pledgeCode: string; sourceType: string; participants: number; amount: number }[];
  unfunded: { participants: number; amount: number };
  bill: { invoiceTotal: number; linesTotal: number; payable: number; overbilled: number; underbilled: number } | null;
  findings: Record<Category, number>;
  payments: PledgePaymentStatus[];
  /** What the officer was told when it ran (run-warnings.ts: NO_BILL, BILL_ROWS_REJECTED, NO_PBI_LIST, NO_PLEDGES_FOR_YEAR, REGISTER_CHANGED_SINCE_FROZEN); absent on runs stored before. */
  warnings?: RunWarning[];
  /**
   * The register corrections of the fiscal year's closed months as they stood when the run was computed (§9: recorded
   * in an open month), with their participant-months (`items`, for the workbook; the API sends the figures only).
   * Absent on runs stored before 2026-12-06.
   */
  closedMonthCorrections?: ClosedMonthCorrections;
}
