/**
 * A participant's funding history as the API shows it: `funding`, the splits as they are stored, and
 * `fundingByMonth`, every month they owed an obligation with its amount, the splits that paid it and
 * what no pledge funded (QA: a partly funded month read like a fully funded one, and a month nobody
 * funded was not listed at all).
 */
import { lastDay } from '../common/month.js';

/** One split: which pledge paid how much of a month's obligation. */
export interface FundingView {
  month: string;
  pledgeCode: string;
  sourceType: string;
  amount: number;
  /** The pledge's revision the month was allocated under, as `GET /splits` gives it. */
  pledgeRevision: number;
}

/**
 * One allocated month the participant was covered in (§4, §6): splits + unfunded = obligation. Also a closed month the
 * register covers them in today without an obligation there (registered late, or a TMT moved earlier): obligation 0.
 */
export interface FundingMonthView {
  month: string;
  obligation: number;
  funded: number;
  unfunded: number;
  /** The month's splits, by pledge code (as in `funding`); empty when no pledge paid anything. */
  splits: Omit<FundingView, 'month'>[];
  /** The month is finalized, or frozen by a later finalized month of its year (§9): never recomputed, whatever the register says now. */
  closed: boolean;
  /** The register as it is today covers the participant in the month (§4): false in a closed month they owed in, reported ended since. */
  coveredNow: boolean;
}

/** The participant's coverage (§4), TMT and TAT as `YYYY-MM-DD`. */
export interface Coverage {
  tmt: string;
  tat: string | null;
}

/** Whether `coverage` covers `month` (§4: TMT ≤ its last day, TAT empty or ≥ its first day). */
export function coversMonth(coverage: Coverage, month: string): boolean {
  return coverage.tmt <= lastDay(month) && (coverage.tat === null || coverage.tat >= `${month}-01`);
}

export interface ObligationRow {
  month: string;
  amount: string;
  unfunded: string;
}

/**
 * The months of `obligations` (in their order), each with its splits from `funding`, whether it is closed and whether the
 * register covers the participant there now; and the closed allocated months (`closedAllocated`) the register covers them
 * in now without an obligation, with 0 (QA: such a month was not listed, and the page said nothing was allocated).
 */
export function fundingByMonth(
  obligations: readonly ObligationRow[],
  funding: readonly FundingView[],
  coverage: Coverage,
  closed: ReadonlySet<string>,
  closedAllocated: readonly string[],
): FundingMonthView[] {
  const splits = new Map<string, Omit<FundingView, 'month'>[]>();
  for (const { month, ...split } of funding) {
    const list = splits.get(month);
    if (list) list.push(split);
    else splits.set(month, [split]);
  }
  const owed: FundingMonthView[] = obligations.map((o) => {
    const obligation = Number(o.amount);
    const unfunded = Number(o.unfunded);
    return { month: o.month, obligation, funded: obligation - unfunded, unfunded, splits: splits.get(o.month) ?? [], closed: closed.has(o.month), coveredNow: coversMonth(coverage, o.month) };
  });
  const listed = new Set(owed.map((m) => m.month));
  const notOwed = closedAllocated
    .filter((month) => !listed.has(month) && coversMonth(coverage, month))
    .map((month) => ({ month, obligation: 0, funded: 0, unfunded: 0, splits: [], closed: true, coveredNow: true }));
  return notOwed.length ? [...owed, ...notOwed].sort((a, b) => a.month.localeCompare(b.month)) : owed;
}
