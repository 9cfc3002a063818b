/** The month inputs: <input type="month"> gives "YYYY-MM" in browsers that support it; others type it. */
import { api } from './api.js';
import { h } from './dom.js';
import { currentMonth, isMonth, monthLabel } from './format.js';
import { field } from './forms.js';
import { notice } from './ui.js';

export function monthField({ label = 'Bulan', name = 'month', value = currentMonth(), required = true, hint = monthHint() } = {}) {
  return field({ label, name, type: 'month', value, required, hint, attrs: { pattern: '\\d{4}-\\d{2}', placeholder: 'YYYY-MM' } });
}

/**
 * "Format YYYY-MM, mis. 2026-11", its example kept on one line (QA: it wrapped between 2026- and 11).
 * A fresh node each time (a node is in one place only).
 */
export function monthHint() {
  return ['Format YYYY-MM, ', h('span', { class: 'nowrap', text: 'mis. 2026-11' })];
}

/** The previous month of "YYYY-MM" (the month most often reconciled). Pure. */
export function previousMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month after "YYYY-MM". Pure. */
export function nextMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export { isMonth } from './format.js';

/**
 * The month a page shows: the address's when it is a month, else `fallback`, with a notice saying so
 * when the address held something else (QA: "Dasbor 2026-13", "Mulai rekonsiliasi 2026-00").
 */
export function monthFromAddress(query, fallback) {
  const asked = query.month;
  if (!asked || isMonth(asked)) return { month: asked || fallback, problem: null };
  return { month: fallback, problem: notice('error', `Bulan "${asked}" di alamat tidak valid (gunakan YYYY-MM, mis. 2026-10); yang ditampilkan ${monthLabel(fallback)}.`) };
}

/** Whether a month's runs (GET /api/v1/reconciliations?month=) hold a finalized one: the month is closed (§9). Pure, tested. */
export function isFinalized(runs) {
  return (Array.isArray(runs) ? runs : []).some((r) => r.status === 'FINAL');
}

/**
 * Whether `month` is finalized, asked of the API, for a page to say so before a change the server would refuse;
 * false when it cannot tell (the server's refusal still says it).
 */
export async function monthFinalized(month, signal) {
  try {
    return isFinalized(await api('/api/v1/reconciliations', { query: { month }, signal }));
  } catch {
    return false;
  }
}

/**
 * Whether `month` is closed (§9), from its year's runs (month → GET /api/v1/reconciliations?month=): `finalized`
 * when it has a FINAL run; else `frozenBy`, the first later month of its year that has one (that finalization froze
 * it: the API then refuses its payments and their deletion, MONTH_CLOSED, as the server's closedBy says); `closed`
 * either way. Pure, tested.
 */
export function monthClosure(month, runsByMonth) {
  const finalized = isFinalized(runsByMonth.get(month));
  const later = [...runsByMonth.keys()].filter((m) => m > month && m.slice(0, 4) === month.slice(0, 4)).sort();
  const frozenBy = finalized ? null : (later.find((m) => isFinalized(runsByMonth.get(m))) ?? null);
  return { finalized, frozenBy, closed: finalized || frozenBy !== null };
}

/**
 * monthClosure of `month`, given its own runs, asking the API for the runs of the later months of its year only when
 * it is not finalized itself (at most eleven small reads, at once, as the Rekonsiliasi page's year table does); a
 * later month it cannot read counts as not finalized (the server's refusal still says it).
 */
export async function closureOf(month, runs, signal) {
  const byMonth = new Map([[month, runs]]);
  if (!isFinalized(runs)) {
    let m = month;
    const later = [];
    while (!m.endsWith('-12')) later.push((m = nextMonth(m)));
    const answers = await Promise.all(
      later.map((l) =>
        api('/api/v1/reconciliations', { query: { month: l }, signal }).catch((err) => {
          if (err?.name === 'AbortError') throw err;
          return [];
        }),
      ),
    );
    later.forEach((l, i) => byMonth.set(l, answers[i]));
  }
  return monthClosure(month, byMonth);
}
