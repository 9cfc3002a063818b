/** The period of a statement: exactly one month, or the twelve months of a fiscal year. */
import { monthsBetween } from '../../common/month.js';
import { FundingException } from '../../funding/funding.exception.js';
import { monthLabel } from '../format/labels.js';
import { ReportsException } from '../reports.exception.js';

export interface StatementPeriod {
  from: string;
  to: string;
  months: string[];
  /** 'Bulan Oktober 2026' or 'Tahun Anggaran 2026'. */
  label: string;
  /** For file names: '2026-10' or '2026'. */
  slug: string;
}

export function resolvePeriod(query: { month?: string; year?: number }): StatementPeriod {
  if ((query.month === undefined) === (query.year === undefined)) throw ReportsException.invalidPeriod();
  if (query.month !== undefined) {
    return { from: query.month, to: query.month, months: [query.month], label: `Bulan ${monthLabel(query.month)}`, slug: query.month };
  }
  const from = `${query.year}-01`;
  const to = `${query.year}-12`;
  return { from, to, months: monthsBetween(from, to), label: `Tahun Anggaran ${query.year}`, slug: String(query.year) };
}

/**
 * 404 NOT_ALLOCATED for a month never allocated, or a year none of whose months is: a statement of
 * it would read "0 peserta, Rp0", as if nobody were registered (QA). The message is the one GET
 * /splits?month= gives. A year with some months allocated is written, those not allocated marked
 * "belum dialokasikan" (see NOT_ALLOCATED_NOTE).
 */
export function assertAllocated(period: StatementPeriod, allocated: ReadonlySet<string>): void {
  if (period.months.some((m) => allocated.has(m))) return;
  throw period.months.length === 1 ? FundingException.notAllocated(period.from) : FundingException.yearNotAllocated(Number(period.from.slice(0, 4)));
}

/** In the Peserta column of a month not allocated (yet), in place of "0". */
export const NOT_ALLOCATED_NOTE = 'belum dialokasikan';
