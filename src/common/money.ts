/**
 * Money is whole rupiah. The largest amount any single input may carry (a pledge's budget, a payment,
 * a bill, a sheet's amount cell): Rp10 triliun, several times a regency's whole APBD (Bengkulu
 * Utara's is about Rp1,5 triliun), and small enough that sums of hundreds of such amounts stay exact
 * as JavaScript numbers and far from PostgreSQL's bigint limit. 9,007,199,254,740,993 was accepted as
 * a tariff, stored as ...992, and then broke every allocation (bigint out of range).
 */
export const MAX_RUPIAH = 10_000_000_000_000;

/** The largest tariff component per participant a month: far above any premium (Rp42.000 in 2026). */
export const MAX_TARIFF_RUPIAH = 10_000_000;

/** 37800 → 'Rp37.800' (DOMAIN §2): in messages and in workbooks. */
export function rupiah(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}Rp${thousands(Math.abs(amount))}`;
}

/** 100000 → '100.000': a whole number with Indonesian thousands dots (no locale data needed). */
export function thousands(n: number): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
