/**
 * Totals of one month's allocation result (domain/allocate.ts), as the allocation stores them and
 * the projection reports them.
 */
import type { AllocationResult } from '../domain/allocate.js';

/** Participants and rupiah of each pledge that funds anyone (allocation_funded), as columns. */
export function fundedByPledge(codes: string[], result: AllocationResult): [string[], number[], number[]] {
  const participants = new Array<number>(codes.length).fill(0);
  const amounts = new Array<number>(codes.length).fill(0);
  for (let s = 0; s < result.splitCount; s++) {
    participants[result.splitPledge[s]] += 1;
    amounts[result.splitPledge[s]] += result.splitAmount[s];
  }
  const funding = codes.map((_, k) => k).filter((k) => participants[k] > 0);
  return [funding.map((k) => codes[k]), funding.map((k) => participants[k]), funding.map((k) => amounts[k])];
}

/** The participant-months with an unfunded remainder (partly funded ones included, §6 step 3) and its rupiah. */
export function unfundedOf(remaining: ArrayLike<number>): { participants: number; amount: number } {
  let participants = 0;
  let amount = 0;
  for (let i = 0; i < remaining.length; i++) {
    if (remaining[i] > 0) {
      participants += 1;
      amount += remaining[i];
    }
  }
  return { participants, amount };
}
