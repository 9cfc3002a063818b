/**
 * A participant's funding history as the API shows it: `funding`, the splits as they are stored, and
 * `fundingByMonth`, every month they owed an obligation with its amount, the splits that paid it and
 * what no pledge funded (QA: a partly funded month read like a fully funded one, and a month nobody
 * funded was not listed at all).
 */

/** One split: which pledge paid how much of a month's obligation. */
export interface FundingView {
  month: string;
  pledgeCode: string;
  sourceType: string;
  amount: number;
  /** The pledge's revision the month was allocated under, as `GET /splits` gives it. */
  pledgeRevision: number;
}

/** One allocated month the participant was covered in (§4, §6): splits + unfunded = obligation. */
export interface FundingMonthView {
  month: string;
  obligation: number;
  funded: number;
  unfunded: number;
  /** The month's splits, by pledge code (as in `funding`); empty when no pledge paid anything. */
  splits: Omit<FundingView, 'month'>[];
}

export interface ObligationRow {
  month: string;
  amount: string;
  unfunded: string;
}

/** The months of `obligations` (in their order), each with its splits from `funding`. */
export function fundingByMonth(obligations: readonly ObligationRow[], funding: readonly FundingView[]): FundingMonthView[] {
  const splits = new Map<string, Omit<FundingView, 'month'>[]>();
  for (const { month, ...split } of funding) {
    const list = splits.get(month);
    if (list) list.push(split);
    else splits.set(month, [split]);
  }
  return obligations.map((o) => {
    const obligation = Number(o.amount);
    const unfunded = Number(o.unfunded);
    return { month: o.month, obligation, funded: obligation - unfunded, unfunded, splits: splits.get(o.month) ?? [] };
  });
}
