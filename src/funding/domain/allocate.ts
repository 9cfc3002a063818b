/**
 * The allocation of DOMAIN §6 as a pure function over one month: who pays which rupiah.
 * Production (AllocateMonth) and the unit/property tests call this same function.
 *
 * Obligations are columns (one index per participant-month). The walk is done over positions
 * in (TMT ascending, NIK ascending) order; if the caller passes them already in that order (the
 * production SQL does) no sort happens, otherwise they are sorted here, so the result never
 * depends on input order.
 *
 * Which positions each pledge walks (by scope) is candidate-index.ts; the walk itself (MonthFunding) and the
 * splits it emits (SplitBuffer) stay here.
 */
import { compareCodePoints } from './code-order.js';
import { CandidateIndex } from './candidate-index.js';

export type PledgeScope = 'ALL' | 'VILLAGES' | 'RESIDENTS';

/**
 * The obligations' NIKs: an array, or any list that gives them one at a time (production keeps a
 * month's NIKs as bytes and makes a string only when asked).
 */
export interface NikList {
  readonly length: number;
  at(i: number): string | undefined;
  /** known to be in code-point order (else checked when it matters) */
  readonly sorted?: boolean;
}

/** Few distinct values for many rows: row i has `codes[of[i]]`. */
export interface CodedColumn {
  codes: readonly string[];
  of: Int32Array;
}

export interface ObligationColumns {
  nik: NikList;
  /** `YYYY-MM-DD` (may be empty when the caller passes `inWalkOrder`) */
  tmt: readonly string[];
  /** village code, dotted or not: per obligation, or the distinct codes and each obligation's */
  villageCode: readonly string[] | CodedColumn;
  /** the obligation `a` in rupiah */
  amount: ArrayLike<number>;
}

export interface AllocationPledge {
  code: string;
  priority: number;
  scope: PledgeScope;
  villageCodes: readonly string[];
  niks: readonly string[];
  sharePercent: number;
  quota: number | null;
  budget: number | null;
}

/**
 * The splits as columns: a pledge's splits together, pledges in the order they were applied,
 * each pledge's in input order (production: NIK order, the order of the split's primary key).
 */
export interface AllocationResult {
  /** Pledge codes in the order they were applied: (priority, code in code-point order). */
  pledgeOrder: string[];
  splitCount: number;
  /** Per split: index of the obligation in the input columns. */
  splitObligation: Int32Array;
  /** Per split: index of the pledge in the input pledge array. */
  splitPledge: Int32Array;
  splitAmount: Float64Array;
  /** Per obligation (input index): what remains unfunded. */
  unfunded: Float64Array;
}

/**
 * @param budgetsUsed rupiah each pledge was allocated in earlier months of the fiscal year
 * @param options.inWalkOrder the caller guarantees (TMT, NIK) order; `tmt` may then be empty
 * @param options.walkOrder the input indices in (TMT, NIK) order, computed by the caller
 *   (production: the candidates come in NIK order and are counting-sorted by TMT); `tmt` may then
 *   be empty. Results stay indexed by input index.
 */
export function allocate(
  obligations: ObligationColumns,
  pledges: readonly AllocationPledge[],
  budgetsUsed: ReadonlyMap<string, number> = new Map(),
  options: { inWalkOrder?: boolean; walkOrder?: Int32Array } = {},
): AllocationResult {
  const n = obligations.nik.length;
  const order = options.walkOrder ?? (options.inWalkOrder ? identity(n) : walkOrder(obligations));
  const month = new MonthFunding(obligations.amount, order);
  const out = new SplitBuffer(Math.max(1024, n));
  const candidates = new CandidateIndex(obligations, order, pledges);

  const sorted = pledges
    .map((pledge, index) => ({ pledge, index }))
    .sort((x, y) => x.pledge.priority - y.pledge.priority || compareCodePoints(x.pledge.code, y.pledge.code));

  for (const { pledge, index } of sorted) {
    const budget = pledge.budget === null ? Infinity : Math.max(0, pledge.budget - (budgetsUsed.get(pledge.code) ?? 0));
    const count = month.walk(candidates.of(pledge), pledge.sharePercent, pledge.quota ?? Infinity, budget);
    month.emit(out, index, count);
  }

  return {
    pledgeOrder: sorted.map((s) => s.pledge.code),
    splitCount: out.length,
    splitObligation: out.obligation.subarray(0, out.length),
    splitPledge: out.pledge.subarray(0, out.length),
    splitAmount: out.amount.subarray(0, out.length),
    unfunded: month.remaining,
  };
}

/** Input indices in (TMT, NIK) order; identity when the input is already in that order. */
function walkOrder({ nik, tmt }: ObligationColumns): Int32Array {
  const n = nik.length;
  const order = identity(n);
  const before = (a: number, b: number) => (tmt[a] < tmt[b] ? -1 : tmt[a] > tmt[b] ? 1 : compareCodePoints(nik.at(a)!, nik.at(b)!));
  for (let i = 1; i < n; i++) {
    if (before(i - 1, i) > 0) return order.sort(before);
  }
  return order;
}

function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/**
 * What is left to fund of each obligation as pledges are applied, one at a time. Small methods, so
 * that V8 optimizes them on the many small pledges before the large ones run.
 */
class MonthFunding {
  /** per obligation: what is still unfunded */
  readonly remaining: Float64Array;
  /** what the pledge being applied gives each obligation (0: nothing), and which it gave to */
  private readonly given: Float64Array;
  private readonly funded: Int32Array;
  private readonly everyPosition: Int32Array;

  constructor(
    private readonly amount: ArrayLike<number>,
    private readonly order: Int32Array,
  ) {
    const n = order.length;
    this.remaining = new Float64Array(n);
    for (let i = 0; i < n; i++) this.remaining[i] = amount[i];
    this.given = new Float64Array(n);
    this.funded = new Int32Array(n);
    this.everyPosition = identity(n);
  }

  /**
   * One pledge's walk (§6): `positions` in walk order (every position when null), until the quota
   * or the budget runs out. Returns how many obligations it funded.
   */
  walk(positions: Int32Array | null, share: number, quota: number, budget: number): number {
    // every position as a list too: one kind of argument, so the optimized loop is never thrown
    // away for the large ALL pledges that come after the many small ones
    const walked = positions ?? this.everyPosition;
    const { order, remaining, amount, given, funded } = this;
    let count = 0;
    for (let k = 0; k < walked.length; k++) {
      if (count >= quota || budget <= 0) break;
      const i = order[walked[k]];
      const r = remaining[i];
      if (r <= 0) continue;
      const want = share === 100 ? r : Math.min(r, Math.floor((amount[i] * share) / 100));
      const give = Math.min(want, budget);
      if (give <= 0) continue; // a 0-rupiah share is no split and uses no quota
      given[i] = give;
      funded[count] = i;
      remaining[i] = r - give;
      budget -= give;
      count += 1;
    }
    return count;
  }

  /** The last walk's `count` splits, in input order (a pass over all when it funded many, else its list sorted), into `out`. */
  emit(out: SplitBuffer, pledge: number, count: number): void {
    const { given, funded } = this;
    const n = given.length;
    if (count > n >>> 3) {
      for (let i = 0; i < n; i++) if (given[i] > 0) out.push(i, pledge, given[i]);
    } else {
      for (const i of funded.subarray(0, count).sort()) out.push(i, pledge, given[i]);
    }
    for (let k = 0; k < count; k++) given[funded[k]] = 0;
  }
}

class SplitBuffer {
  obligation: Int32Array;
  pledge: Int32Array;
  amount: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.obligation = new Int32Array(capacity);
    this.pledge = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
  }

  push(obligation: number, pledge: number, amount: number): void {
    if (this.length === this.obligation.length) this.grow();
    this.obligation[this.length] = obligation;
    this.pledge[this.length] = pledge;
    this.amount[this.length] = amount;
    this.length += 1;
  }

  private grow(): void {
    const size = this.obligation.length * 2;
    const o = new Int32Array(size), p = new Int32Array(size), a = new Float64Array(size);
    o.set(this.obligation);
    p.set(this.pledge);
    a.set(this.amount);
    [this.obligation, this.pledge, this.amount] = [o, p, a];
  }
}
