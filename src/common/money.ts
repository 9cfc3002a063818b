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

/**
 * Whole rupiah written as text, as sheets and people write it: `37800`, `37.800`, `37,800`, `Rp37.800`, `IDR 37.800`,
 * `Rp 1 500 000`, with zero sen written out or not (`37.800,00`, `37,800.00`, `Rp.37.800,-`); null for anything else
 * (a fraction, a negative, words). Not range-checked: each input checks its own limits.
 */
export function rupiahText(raw: string): number | null {
  const text = raw
    .replace(/^\s*(rp\.?|idr)\s*/i, '')
    .replace(/\s/g, '')
    .replace(/^(\d+|\d{1,3}(\.\d{3})+)(,00|,-)$/, '$1') // 37.800,00  37800,-
    .replace(/^(\d+|\d{1,3}(,\d{3})+)\.00$/, '$1'); // 37,800.00
  if (!/^(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)$/.test(text)) return null;
  return Number(text.replace(/[.,]/g, ''));
}
