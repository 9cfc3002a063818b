/** Small builders for hand-computed allocation cases (pure function, no database). */
import { allocate, type AllocationPledge, type ObligationColumns } from '../../../src/funding/domain/allocate.js';

export interface Row {
  nik: string;
  tmt?: string;
  village?: string;
  amount?: number;
}

/** The rows as the allocation's columns, as plain arrays. */
export function columns(rows: Row[]): ObligationColumns & { nik: string[]; villageCode: string[] } {
  return {
    nik: rows.map((r) => r.nik),
    tmt: rows.map((r) => r.tmt ?? '2025-01-01'),
    villageCode: rows.map((r) => r.village ?? '17.03.06.2001'),
    amount: rows.map((r) => r.amount ?? 37800),
  };
}

export function pledge(p: Partial<AllocationPledge> & { code: string }): AllocationPledge {
  return { priority: 90, scope: 'ALL', villageCodes: [], niks: [], sharePercent: 100, quota: null, budget: null, ...p };
}

/** NIK i of a test register: 16 digits, in ascending order of i. */
export const nik = (i: number) => `170306010190${String(i).padStart(4, '0')}`;

/** Runs the allocation and returns splits as `nik:code=amount` sorted, plus unfunded by NIK. */
export function run(rows: Row[], pledges: AllocationPledge[], used: Record<string, number> = {}) {
  const cols = columns(rows);
  const result = allocate(cols, pledges, new Map(Object.entries(used)));
  const splits: string[] = [];
  for (let i = 0; i < result.splitCount; i++) {
    splits.push(`${cols.nik[result.splitObligation[i]]}:${pledges[result.splitPledge[i]].code}=${result.splitAmount[i]}`);
  }
  const unfunded: Record<string, number> = {};
  cols.nik.forEach((n, i) => (unfunded[n] = result.unfunded[i]));
  return { splits: splits.sort(), unfunded, result };
}

/** Splits in the order allocate gives them (pledges in the order applied, each's in input order), `nik:code=amount`. */
export function splitsInOrder(rows: Row[], pledges: AllocationPledge[]): string[] {
  const cols = columns(rows);
  const result = allocate(cols, pledges);
  return Array.from({ length: result.splitCount }, (_, i) => `${cols.nik[result.splitObligation[i]]}:${pledges[result.splitPledge[i]].code}=${result.splitAmount[i]}`);
}
