/**
 * Findings per category with counts and amounts. The run's summary has the counts; the amounts are
 * summed from the findings list, a page of 1,000 at a time, for categories of up to MAX_ROWS findings.
 * MATCHED (often most of the bill) is not fetched: its lines are billed exactly their obligation, so
 * its amount is payable − AMOUNT_MISMATCH − NOKA_MISMATCH obligations (DOMAIN §7).
 */
import { api } from './api.js';
import { CATEGORY_LABELS } from './format.js';

export const CATEGORY_ORDER = [
  'DUPLICATE_BILLING', 'NOT_REGISTERED', 'BILLED_AFTER_DEATH', 'NOT_COVERED', 'AMOUNT_MISMATCH', 'NOKA_MISMATCH', 'MATCHED',
  'NOT_BILLED', 'TOTAL_MISMATCH', 'DOUBLE_COVERAGE',
];
/** Categories counted in the run's summary but never stored as findings (DOMAIN §7: matched lines are only counted), so never listed. */
export const UNLISTED_CATEGORIES = new Set(['MATCHED']);
const PAGE = 1000;
export const MAX_ROWS = 20_000;

/** Counts of a summary's `findings` (a number, or an object with count) in the stable order. Pure. */
export function categoryCounts(findings = {}) {
  const keys = [...CATEGORY_ORDER, ...Object.keys(findings).filter((k) => !CATEGORY_ORDER.includes(k))];
  return keys
    .filter((k) => k in findings)
    .map((category) => {
      const v = findings[category];
      const count = typeof v === 'number' ? v : Number(v?.count ?? 0);
      return { category, label: CATEGORY_LABELS[category] ?? category, count };
    });
}

/**
 * The line under the findings table when its Nilai ditagih column adds up to more than the bill (QA: nothing said so):
 * a DOUBLE_COVERAGE finding is a participant on the PBI-APBN list, whose bill lines are also counted in their own
 * category (or who is NOT_BILLED), DOMAIN §7; TOTAL_MISMATCH carries the invoice total, not a line. Null when
 * neither has findings. Pure.
 */
export function notASumNote(counts) {
  const has = (category) => counts.some((r) => r.category === category && r.count > 0);
  const why = [
    has('DOUBLE_COVERAGE') ? `peserta ${CATEGORY_LABELS.DOUBLE_COVERAGE} juga dihitung pada kategori lainnya (kategori baris tagihannya, atau ${CATEGORY_LABELS.NOT_BILLED})` : null,
    has('TOTAL_MISMATCH') ? `baris ${CATEGORY_LABELS.TOTAL_MISMATCH} memuat total invoice, bukan baris tagihan` : null,
  ].filter(Boolean);
  return why.length ? `Kolom Nilai ditagih bukan jumlah tagihan: ${why.join('; ')}.` : null;
}

/** Sums billed and expected amounts of finding rows. Pure. */
export function sumFindings(items) {
  let billed = 0;
  let expected = 0;
  for (const f of items) {
    billed += Number(f.billedAmount) || 0;
    expected += Number(f.expectedAmount) || 0;
  }
  return { billed, expected };
}

/** MATCHED lines' amount from the bill's payable and the other payable categories. Pure. */
export function matchedAmount(payable, sums, count = null) {
  // no line matched (a run without a bill, say): nothing, not "see the workbook" (QA)
  if (count === 0) return { billed: 0, expected: 0 };
  if (payable === null || payable === undefined || !sums.AMOUNT_MISMATCH || !sums.NOKA_MISMATCH) return null;
  const value = payable - sums.AMOUNT_MISMATCH.expected - sums.NOKA_MISMATCH.expected;
  return { billed: value, expected: value };
}

/** Fetches and sums the amounts; resolves to { CATEGORY: { billed, expected } | null (too many) }. */
export async function categoryAmounts(run, signal) {
  const out = {};
  for (const { category, count } of categoryCounts(run.findings)) {
    if (UNLISTED_CATEGORIES.has(category)) continue;
    if (count === 0) {
      out[category] = { billed: 0, expected: 0 };
      continue;
    }
    if (count > MAX_ROWS) {
      out[category] = null;
      continue;
    }
    const rows = [];
    for (let page = 1; rows.length < count; page += 1) {
      const res = await api(`/api/v1/reconciliations/${encodeURIComponent(run.id)}/findings`, { query: { category, page, pageSize: PAGE }, signal });
      rows.push(...res.items);
      if (res.items.length < PAGE) break;
    }
    out[category] = sumFindings(rows);
  }
  if ('MATCHED' in (run.findings ?? {})) out.MATCHED = matchedAmount(run.bill?.payable, out, Number(run.findings.MATCHED));
  return out;
}
