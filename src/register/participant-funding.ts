/**
 * A participant's funding history as the API shows it: `funding`, the splits as they are stored, and
 * `fundingByMonth`, every month they owed an obligation with its amount, the splits that paid it and
 * what no pledge funded (QA: a partly funded month read like a fully funded one, and a month nobody
 * funded was not listed at all), and the rule inputs that produced it: each split's pledge revision
 * and the LOCAL tariff rows the month's allocation used, so an auditor can see why.
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

/** A LOCAL tariff row (§3) a month's allocation used: its obligation is the sum of the month's rows. */
export interface MonthTariffView {
  id: number;
  component: string;
  amount: number;
  validFrom: string;
  legalBasis: string | null;
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
  /** Closed by its own finalized reconciliation; a closed month that is not was frozen by a later one (§9). */
  finalized: boolean;
  /** The register as it is today covers the participant in the month (§4): false in a closed month they owed in, reported ended since. */
  coveredNow: boolean;
  /** The LOCAL tariff rows the month's allocation used (allocation_month.tariff_ids); empty for a month without an allocation row. */
  tariffs: MonthTariffView[];
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

export interface MonthTariffRow {
  month: string;
  id: number;
  component: string;
  amount: string;
  valid_from: string;
  legal_basis: string | null;
}

/** A month's figures before its tariff rows are read (MONTH_TARIFFS, one query for all the months listed). */
export type FundingMonthFigures = Omit<FundingMonthView, 'tariffs' | 'finalized'>;

/** Each month with its tariff rows from MONTH_TARIFFS (in their order); a month without an allocation row gets none. */
export function withTariffs(months: readonly FundingMonthFigures[], rows: readonly MonthTariffRow[]): Omit<FundingMonthView, 'finalized'>[] {
  const byMonth = new Map<string, MonthTariffView[]>();
  for (const r of rows) {
    const tariff = { id: Number(r.id), component: r.component, amount: Number(r.amount), validFrom: r.valid_from, legalBasis: r.legal_basis };
    const list = byMonth.get(r.month);
    if (list) list.push(tariff);
    else byMonth.set(r.month, [tariff]);
  }
  return months.map((m) => ({ ...m, tariffs: byMonth.get(m.month) ?? [] }));
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
): FundingMonthFigures[] {
  const splits = new Map<string, Omit<FundingView, 'month'>[]>();
  for (const { month, ...split } of funding) {
    const list = splits.get(month);
    if (list) list.push(split);
    else splits.set(month, [split]);
  }
  const owed: FundingMonthFigures[] = obligations.map((o) => {
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
