/**
 * Orders of one month's rows, computed in linear time. The candidates arrive in NIK order (the
 * order of the obligation partition's primary key); the allocation walks them in (TMT, NIK) order
 * (DOMAIN §6).
 */

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

const DAY_MS = 86_400_000;
const EPOCH_2000 = Date.UTC(2000, 0, 1);

/** `YYYY-MM-DD` of a day number (days since 2000-01-01). */
export function dayText(day: number): string {
  return new Date(EPOCH_2000 + day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number (days since 2000-01-01) of `YYYY-MM-DD`. */
export function dayNumber(text: string): number {
  return (Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) - EPOCH_2000) / DAY_MS;
}
