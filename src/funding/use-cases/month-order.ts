/**
 * Orders of one month's rows, computed in linear time. The candidates arrive in NIK order (the
 * order of the obligation partition's primary key); the allocation walks them in (TMT, NIK) order
 * (DOMAIN §6); the splits are written in (pledge code, NIK) order: a pledge's splits on consecutive
 * pages, which the block-range index IDX_split_pledge relies on, and runs of NIK order for the
 * primary key's sort. Rows written in an index's order make its build a merge of sorted input.
 */
import { compareCodePoints } from '../domain/code-order.js';

/** Positions in (day, position) order: a stable counting sort of `day` (days since 2000-01-01). */
export function orderByDay(day: Int32Array): Int32Array {
  const n = day.length;
  const order = new Int32Array(n);
  if (n === 0) return order;
  let min = day[0];
  let max = day[0];
  for (let i = 1; i < n; i++) {
    if (day[i] < min) min = day[i];
    else if (day[i] > max) max = day[i];
  }
  if (max - min > 4 * n + 100_000) {
    // days too far apart for a counting array: a comparison sort (ties keep position order)
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => day[a] - day[b] || a - b);
  }
  const start = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) start[day[i] - min + 1] += 1;
  for (let d = 1; d < start.length; d++) start[d] += start[d - 1];
  for (let i = 0; i < n; i++) order[start[day[i] - min]++] = i;
  return order;
}

/**
 * The splits in (pledge code, obligation) order: code-point order of the codes (as the "C"
 * collation sorts), then the obligation's number (NIK order when the obligations are numbered in
 * NIK order). Two stable counting sorts: by obligation, then by the code's rank.
 * @param pledgeOf per split: its pledge's index in `pledgeCodes`
 * @param obligationOf per split: its obligation's number, 0..obligations-1
 */
export function splitsByPledgeCode(pledgeOf: ArrayLike<number>, pledgeCodes: readonly string[], obligationOf: ArrayLike<number>, obligations: number): Int32Array {
  const count = pledgeOf.length;
  const start = new Int32Array(obligations + 1);
  for (let s = 0; s < count; s++) start[obligationOf[s] + 1] += 1;
  for (let o = 1; o < start.length; o++) start[o] += start[o - 1];
  const byObligation = new Int32Array(count);
  for (let s = 0; s < count; s++) byObligation[start[obligationOf[s]]++] = s;

  const byCode = pledgeCodes.map((_, i) => i).sort((a, b) => compareCodePoints(pledgeCodes[a], pledgeCodes[b]));
  const rank = new Int32Array(pledgeCodes.length);
  byCode.forEach((p, r) => (rank[p] = r));
  const first = new Int32Array(pledgeCodes.length + 1);
  for (let s = 0; s < count; s++) first[rank[pledgeOf[s]] + 1] += 1;
  for (let r = 1; r < first.length; r++) first[r] += first[r - 1];
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const s = byObligation[k];
    order[first[rank[pledgeOf[s]]]++] = s;
  }
  return order;
}

const DAY_MS = 86_400_000;
const EPOCH_2000 = Date.UTC(2000, 0, 1);

/** `YYYY-MM-DD` of a day number (days since 2000-01-01). */
export function dayText(day: number): string {
  return new Date(EPOCH_2000 + day * DAY_MS).toISOString().slice(0, 10);
}
