/**
 * A pledge's months (fromMonth, toMonth: DOMAIN §5) written with their year, `2026-11`, as a month is written
 * everywhere else (QA: BULAN_DARI `2026-11` was told "bukan angka", the JSON route "bukan teks"). A pledge pays
 * months of its own fiscal year only: the sheet reads such a month of that year as its number and refuses one of
 * another year saying so (pledge-sheet.ts); the API takes the number alone, its refusal says which number to send
 * or that the month lies outside the fiscal year (pledge-rules.ts).
 */
import { clip } from '../../common/errors/domain.exception.js';
import { monthNumberName } from '../../common/month.js';

/** `2026-11`, `2026/11`, `2026-1`; `11-2026`, `11/2026`: a month with a year of four digits, either first. */
const YEAR_FIRST = /^(\d{4})\s*[-/]\s*(\d{1,2})$/;
const MONTH_FIRST = /^(\d{1,2})\s*[-/]\s*(\d{4})$/;

export interface YearMonth {
  year: number;
  month: number;
}

/** The month (1..12) and year `text` writes, or null for anything else (a month 13, a plain number, a date with its day). */
export function writtenYearMonth(text: string): YearMonth | null {
  const t = text.trim();
  const m = YEAR_FIRST.exec(t) ?? MONTH_FIRST.exec(t);
  if (!m) return null;
  const [year, month] = YEAR_FIRST.test(t) ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  return month >= 1 && month <= 12 ? { year, month } : null;
}

/** `November 2026`: a month and its year as messages name them. */
export const yearMonthName = ({ year, month }: YearMonth) => `${monthNumberName(month)} ${year}`;

/** `di luar tahun anggaran 2027: …`: why a month of another year (`written`) is no month of a pledge of `fiscalYear`. */
export function outsideFiscalYear(written: YearMonth, fiscalYear: number): string {
  return (
    `di luar tahun anggaran ${fiscalYear}: komitmen hanya membayar bulan dalam tahun anggarannya sendiri, ` +
    `Januari–Desember ${fiscalYear}; ${yearMonthName(written)} dicatat pada komitmen tahun anggaran ${written.year}`
  );
}

/**
 * A sheet's month column (headed `label`) holding `text`, a month of `written.year` while its TAHUN is `fiscalYear`:
 * `BULAN_DARI "2026-11" adalah November 2026, di luar tahun anggaran 2027: …`.
 */
export function sheetMonthOutsideYear(label: string, text: string, written: YearMonth, fiscalYear: number): string {
  return `${label} "${clip(text.trim())}" adalah ${yearMonthName(written)}, ${outsideFiscalYear(written, fiscalYear)}. Untuk bulan tahun ${fiscalYear} tulis nomor bulannya saja, 1 sampai 12.`;
}

/**
 * The API's refusal of a month sent as text that writes a month with its year (`"2026-11"`): `message` (what the field
 * takes, ending with a period) saying what came, then the number to send when it is a month of the pledge's
 * `fiscalYear` (or that is not known), else that it lies outside that year. Null for any other value.
 */
export function apiMonthText(message: string, value: unknown, fiscalYear: number | undefined): string | null {
  const written = typeof value === 'string' ? writtenYearMonth(value) : null;
  if (!written) return null;
  const came = `${message.replace(/\.$/, '')}, bukan "${clip(value as string)}"`;
  if (fiscalYear === undefined || written.year === fiscalYear) return `${came}: kirim nomor bulannya sebagai angka, ${written.month} untuk ${monthNumberName(written.month)}.`;
  return `${came}. ${yearMonthName(written)} ${outsideFiscalYear(written, fiscalYear)}.`;
}
