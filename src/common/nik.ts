/**
 * NIK rules (DOMAIN §2): 16 digits; 1–6 the region where it was first issued; 7–12 the birth date
 * DDMMYY with 40 added to DD for women; 13–16 a serial that is never 0000.
 */
import { calendarDay } from './spreadsheet/cell-dates.js';

export interface NikFacts {
  /** Digits 1–4: province and regency (1703 = Bengkulu Utara). */
  regency: string;
  day: number;
  month: number;
  /** Two-digit year. */
  yy: number;
  female: boolean;
}

export type NikCheck = { ok: true; facts: NikFacts } | { ok: false; problem: 'LENGTH' | 'NOT_DIGITS' | 'BIRTH_DATE' | 'SERIAL_ZERO' };

export function checkNik(nik: string): NikCheck {
  if (!/^\d+$/.test(nik)) return { ok: false, problem: 'NOT_DIGITS' };
  if (nik.length !== 16) return { ok: false, problem: 'LENGTH' };
  const dd = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = dd > 40;
  const day = female ? dd - 40 : dd;
  // The century is not in the NIK: a day is possible when it exists in 19YY or 20YY (29 February).
  if (day < 1 || !(calendarDay(1900 + yy, month, day) || calendarDay(2000 + yy, month, day))) {
    return { ok: false, problem: 'BIRTH_DATE' };
  }
  if (nik.slice(12) === '0000') return { ok: false, problem: 'SERIAL_ZERO' };
  return { ok: true, facts: { regency: nik.slice(0, 4), day, month, yy, female } };
}

/** True when a `YYYY-MM-DD` birth date agrees with the NIK's DDMMYY. */
export function birthDateAgrees(facts: NikFacts, birthDate: string): boolean {
  // `YYYY-MM-DD`: read the digits in place (no split, no array per row).
  const digit = (i: number) => birthDate.charCodeAt(i) - 48;
  const yy = digit(2) * 10 + digit(3);
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  return d === facts.day && m === facts.month && yy === facts.yy;
}
