import { dayInWib } from '../common/clock/clock.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The form of a payment's day: a day of 2000–2099 (the years of the months paid for), alone or
 * starting a timestamp. One rule for `paidAt` of the API and `TANGGAL_BAYAR` of the payments sheet.
 */
export const PAID_AT_FORM = /^20\d{2}-\d{2}-\d{2}(T.*)?$/;
export const PAID_YEARS = '2000–2099';

/**
 * The WIB calendar day of a payment: a plain `YYYY-MM-DD` is taken as is; a timestamp with a zone
 * (`2026-11-10T18:00:00Z`) is converted to its day in Asia/Jakarta, so lateness is judged in WIB.
 * Returns null for anything that is not a real date.
 */
export function paidDayInWib(value: string): string | null {
  const day = DAY.exec(value);
  if (day) {
    const [, y, m, d] = day.map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? value : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : dayInWib(instant);
}
