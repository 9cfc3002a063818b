/** The period of a statement: exactly one month, one quarter (triwulan) of a fiscal year, or its twelve months. */
import { monthNumberName, monthOf, monthsBetween } from '../../common/month.js';
import { FundingException } from '../../funding/funding.exception.js';
import { monthLabel } from '../format/labels.js';
import { ReportsException } from '../reports.exception.js';

export interface StatementPeriod {
  from: string;
  to: string;
  months: string[];
  /** 'Bulan Oktober 2026', 'Triwulan III 2026 (Juli–September)' or 'Tahun Anggaran 2026'. */
  label: string;
  /** For file names: '2026-10', '2026-TW3' or '2026'. */
  slug: string;
  /** The quarter asked for, 1–4. */
  quarter?: number;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Exactly one of `month` and `year`; `quarter` only with `year` (INVALID_PERIOD otherwise). */
export function resolvePeriod(query: { month?: string; year?: number; quarter?: number }): StatementPeriod {
  if ((query.month === undefined) === (query.year === undefined)) throw ReportsException.invalidPeriod();
  if (query.month !== undefined) {
    if (query.quarter !== undefined) throw ReportsException.invalidPeriod();
    return { from: query.month, to: query.month, months: [query.month], label: `Bulan ${monthLabel(query.month)}`, slug: query.month };
  }
  if (query.quarter !== undefined) {
    const q = query.quarter;
    const [from, to] = [monthOf(query.year!, 3 * q - 2), monthOf(query.year!, 3 * q)];
    const label = `Triwulan ${ROMAN[q - 1]} ${query.year} (${monthNumberName(3 * q - 2)}–${monthNumberName(3 * q)})`;
    return { from, to, months: monthsBetween(from, to), label, slug: `${query.year}-TW${q}`, quarter: q };
  }
  const from = `${query.year}-01`;
  const to = `${query.year}-12`;
  return { from, to, months: monthsBetween(from, to), label: `Tahun Anggaran ${query.year}`, slug: String(query.year) };
}

/**
 * 404 NOT_ALLOCATED for a month never allocated, or a quarter or year none of whose months is: a
 * statement of it would read "0 peserta, Rp0", as if nobody were registered (QA). The message is the
 * one GET /splits?month= gives. A quarter or year with some months allocated is written, those not
 * allocated marked "belum dialokasikan" (see NOT_ALLOCATED_NOTE).
 */
export function assertAllocated(period: StatementPeriod, allocated: ReadonlySet<string>): void {
  if (period.months.some((m) => allocated.has(m))) return;
  const year = Number(period.from.slice(0, 4));
  if (period.months.length === 1) throw FundingException.notAllocated(period.from);
  throw period.quarter ? FundingException.quarterNotAllocated(year, period.quarter, period.label) : FundingException.yearNotAllocated(year);
}

/** In the Peserta column of a month not allocated (yet), in place of "0". */
export const NOT_ALLOCATED_NOTE = 'belum dialokasikan';
