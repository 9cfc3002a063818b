/**
 * Time is an input: everything date-based asks the injected Clock, so tests can pin it.
 * Months are computed in Asia/Jakarta (WIB, UTC+7, no daylight saving) explicitly.
 */
import { addMonths, dayName, monthName } from '../month.js';

export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to (tests). */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** The `YYYY-MM` month that `date` falls in, in WIB. */
export function monthInWib(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 7);
}

/**
 * The month after the one `date` falls in (WIB): the furthest month a BPJS bill, a PBI-APBN list or a
 * reconciliation run may be for (BPJS bills a month at its start at the earliest; later is a typo).
 */
export function nextMonthInWib(date: Date): string {
  return addMonths(monthInWib(date), 1);
}

/**
 * The refusal of a `month` past nextMonthInWib(`now`), the one every MONTH_IN_FUTURE says, with
 * `what` is asked for it ('rekonsiliasi', 'alokasi', …); null when `month` may be asked.
 */
export function monthInFuture(month: string, now: Date, what: string): { message: string; details: { month: string; latest: string } } | null {
  const latest = nextMonthInWib(now);
  if (month <= latest) return null;
  return { message: `Bulan ${monthName(month)} belum tiba: ${what} paling jauh untuk bulan ${monthName(latest)}.`, details: { month, latest } };
}

/** The `YYYY-MM-DD` day that `date` falls in, in WIB. */
export function dayInWib(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A timestamp as users read it, in workbooks and messages as the console says it: '15 November 2026 10.00 WIB' (the
 * Indonesian time separator; until 2026-12 '15/11/2026 10:00 WIB' here while the console said the month's name).
 */
export function wibTimestamp(date: Date): string {
  const d = new Date(date.getTime() + WIB_OFFSET_MS).toISOString();
  return `${dayName(d.slice(0, 10))} ${d.slice(11, 13)}.${d.slice(14, 16)} WIB`;
}
