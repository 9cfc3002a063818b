/**
 * The candidates of a pledge in the allocation of DOMAIN §6 (allocate.ts): CandidateIndex gives, per pledge scope,
 * the walk positions of the obligations it may fund (its villages' by a counting sort, its named NIKs' by binary
 * search over NIK-ordered input; ALL walks every position). Also the helpers it is built on: village codes
 * matched by their digits (digitsOnly) and a column of codes as distinct codes plus indexes (coded).
 */
import type { AllocationPledge, CodedColumn, NikList, ObligationColumns } from './allocate.js';
import { compareCodePoints } from './code-order.js';

/** A village code with its dots left out: how pledges' village lists are matched (§5, dots ignored). */
export const digitsOnly = (code: string) => code.replace(/\./g, '');

/** A column of codes as its distinct codes (in order of first appearance) and each row's index into them. */
export function coded(villageCode: readonly string[] | CodedColumn): CodedColumn {
  if ('codes' in villageCode) return villageCode;
  const ids = new Map<string, number>();
  const of = new Int32Array(villageCode.length);
  villageCode.forEach((code, i) => {
    let id = ids.get(code);
    if (id === undefined) ids.set(code, (id = ids.size));
    of[i] = id;
  });
  return { codes: [...ids.keys()], of };
}

/** Candidate positions (in walk order) per scope; ALL walks every position (returns null). */
export class CandidateIndex {
  private byVillage?: Map<string, Int32Array>;
  private byNik?: Map<string, number>;
  private positionOf?: Int32Array;

  constructor(
    private readonly obligations: ObligationColumns,
    private readonly order: Int32Array,
    private readonly pledges: readonly AllocationPledge[],
  ) {}

  of(pledge: AllocationPledge): Int32Array | null {
    if (pledge.scope === 'ALL') return null;
    if (pledge.scope === 'VILLAGES') {
      const index = this.villages();
      const lists: Int32Array[] = [];
      let total = 0;
      for (const code of new Set(pledge.villageCodes.map(digitsOnly))) {
        const list = index.get(code);
        if (list) lists.push(list);
        total += list?.length ?? 0;
      }
      // one village's positions are already in walk order (the common case: a village's own pledge)
      if (lists.length === 1) return lists[0];
      const all = new Int32Array(total);
      for (let k = 0, at = 0; k < lists.length; at += lists[k].length, k++) all.set(lists[k], at);
      return all.sort();
    }
    const index = this.niks();
    const found: number[] = [];
    for (const nik of new Set(pledge.niks)) {
      const position = index.get(nik);
      if (position !== undefined) found.push(position);
    }
    return Int32Array.from(found).sort();
  }

  /** Walk position of each input index. */
  private positions(): Int32Array {
    if (!this.positionOf) {
      this.positionOf = new Int32Array(this.order.length);
      this.order.forEach((i, position) => (this.positionOf![i] = position));
    }
    return this.positionOf;
  }

  /** Each village's walk positions (by the code's digits), in walk order. */
  private villages(): Map<string, Int32Array> {
    if (!this.byVillage) {
      const { codes, of } = coded(this.obligations.villageCode);
      // a counting sort of the walk positions by village: each village's run stays in walk order
      const start = new Int32Array(codes.length + 1);
      for (let i = 0; i < of.length; i++) start[of[i] + 1] += 1;
      for (let v = 1; v < start.length; v++) start[v] += start[v - 1];
      const next = start.slice(0, codes.length);
      const walkPositions = new Int32Array(of.length);
      for (let k = 0; k < this.order.length; k++) walkPositions[next[of[this.order[k]]]++] = k;
      const byVillage = (this.byVillage = new Map<string, Int32Array>());
      codes.forEach((code, v) => {
        const list = walkPositions.subarray(start[v], start[v + 1]);
        const key = digitsOnly(code);
        const existing = byVillage.get(key); // the same village written with and without dots
        byVillage.set(key, existing ? Int32Array.from([...existing, ...list]).sort() : list);
      });
    }
    return this.byVillage;
  }

  /**
   * Position of each NIK that some RESIDENTS pledge names (the last one when a NIK occurs twice).
   * Only those NIKs are kept: a map of every obligation's NIK would cost seconds at a million, and
   * hashing each of them to ask whether it is named still 0.15 s.
   */
  private niks(): Map<string, number> {
    if (!this.byNik) {
      const named = new Set<string>();
      for (const p of this.pledges) if (p.scope === 'RESIDENTS') for (const nik of p.niks) named.add(nik);
      const position = this.positions();
      const byNik = (this.byNik = new Map<string, number>());
      const { nik } = this.obligations;
      const keep = (i: number, value: string) => {
        const earlier = byNik.get(value);
        if (earlier === undefined || earlier < position[i]) byNik.set(value, position[i]);
      };
      if (named.size > 0 && (nik.sorted || isSorted(nik))) {
        // NIK order (the production input): each named NIK by binary search, its duplicates beside it
        for (const wanted of named) for (let i = firstAtOrAfter(nik, wanted); i < nik.length && nik.at(i) === wanted; i++) keep(i, wanted);
      } else if (named.size > 0) {
        for (let i = 0; i < nik.length; i++) {
          const value = nik.at(i)!;
          if (named.has(value)) keep(i, value);
        }
      }
    }
    return this.byNik;
  }
}

/** In code-point order (the "C" collation's, and the byte order of UTF-8). */
function isSorted(values: NikList): boolean {
  for (let i = 1; i < values.length; i++) if (compareCodePoints(values.at(i - 1)!, values.at(i)!) > 0) return false;
  return true;
}

/** The first index of `values` (in code-point order) whose value is not below `wanted`. */
function firstAtOrAfter(values: NikList, wanted: string): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareCodePoints(values.at(middle)!, wanted) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
