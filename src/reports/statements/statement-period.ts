/** The period of a statement: exactly one month, or the twelve months of a fiscal year. */
import { monthsBetween } from '../../common/month.js';
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
