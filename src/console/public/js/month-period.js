/**
 * The Alokasi page's period: one month (*Bulan*, as before) or a range of months (*Rentang bulan*: Dari bulan –
 * Sampai bulan, what GET /splits, its workbook and its summary take as `from`/`to`), with quick picks for the
 * quarters (Triwulan I–IV) and the whole year (Setahun) of the year chosen.
 */
import { h, replace } from './dom.js';
import { currentMonth, isMonth, MONTH_NAMES, monthLabel } from './format.js';
import { field } from './forms.js';

/** Quick picks of a range, months of the year. */
export const QUICK_PICKS = [
  { label: 'Triwulan I', from: 1, to: 3 },
  { label: 'Triwulan II', from: 4, to: 6 },
  { label: 'Triwulan III', from: 7, to: 9 },
  { label: 'Triwulan IV', from: 10, to: 12 },
  { label: 'Setahun', from: 1, to: 12 },
];

const pad = (n) => String(n).padStart(2, '0');

/** A quick pick in `year`: { from, to } as YYYY-MM. Pure. */
export function quickRange(pick, year) {
  return { from: `${year}-${pad(pick.from)}`, to: `${year}-${pad(pick.to)}` };
}

/** 'Januari – Maret 2026', 'Juli 2026 – Juni 2027', 'Maret 2026' (one month). Pure. */
export function rangeLabel(from, to) {
  if (!isMonth(from) || !isMonth(to)) return `${monthLabel(from)} – ${monthLabel(to)}`;
  if (from === to) return monthLabel(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${MONTH_NAMES[Number(from.slice(5)) - 1]} – ${monthLabel(to)}`;
  return `${monthLabel(from)} – ${monthLabel(to)}`;
}

/** The period an address asks for: a range when it holds `from` or `to`, else one month. Pure. */
export function periodOfAddress(query) {
  return query.from || query.to ? 'range' : 'month';
}

/** The form's values as the API's month filters: `month`, or `from` and `to` (the other left out). Pure. */
export function periodFilters(v) {
  return v.period === 'range' ? { month: undefined, from: v.from, to: v.to } : { month: v.month, from: undefined, to: undefined };
}

/** The months of the address not in YYYY-MM, each as a refusal beside its field (typed into the address: 2026-13). Pure. */
export function addressPeriodProblems(query) {
  const names = { month: 'Bulan', from: 'Dari bulan', to: 'Sampai bulan' };
  return Object.keys(names)
    .filter((k) => query[k] && !isMonth(query[k]))
    .map((k) => ({ field: k, messages: [`${names[k]} "${query[k]}" tidak valid: gunakan format YYYY-MM, mis. 2026-10.`] }));
}

/**
 * The period's fields for a filter form: *Periode* (Bulan / Rentang bulan), the month field, and, for a range
 * only, *Dari bulan*, *Sampai bulan* and the quick picks. The range's fields are built when a range is chosen and
 * removed otherwise (not only hidden), so that the form sends one period and its labels stay apart from *Bulan*.
 * `onPick`: a quick pick filled the range (the page shows it). → the nodes to put in the form's field grid.
 */
export function periodFields({ query, onPick }) {
  const period = periodOfAddress(query);
  const picker = field({ label: 'Periode', name: 'period', value: period, options: [{ value: 'month', label: 'Bulan' }, { value: 'range', label: 'Rentang bulan' }] });
  const month = field({ label: 'Bulan', name: 'month', type: 'month', value: query.month, hint: 'YYYY-MM' });
  const range = h('div', { class: 'period-range' });
  const select = picker.querySelector('select');
  const build = () => {
    const kept = (name) => range.querySelector(`input[name="${name}"]`)?.value;
    const from = kept('from') ?? query.from;
    const to = kept('to') ?? query.to;
    const fromField = field({ label: 'Dari bulan', name: 'from', type: 'month', value: from, hint: 'YYYY-MM, termasuk' });
    const toField = field({ label: 'Sampai bulan', name: 'to', type: 'month', value: to, hint: 'YYYY-MM, termasuk; paling lama 12 bulan' });
    const yearOf = () => {
      const typed = fromField.querySelector('input').value || toField.querySelector('input').value || month.querySelector('input').value;
      return isMonth(typed) ? typed.slice(0, 4) : currentMonth().slice(0, 4);
    };
    const picks = QUICK_PICKS.map((p) =>
      h('button', { type: 'button', class: 'btn btn--ghost btn--small', onclick: () => {
        const r = quickRange(p, yearOf());
        fromField.querySelector('input').value = r.from;
        toField.querySelector('input').value = r.to;
        for (const input of [fromField, toField].map((f) => f.querySelector('input'))) input.dispatchEvent(new Event('change', { bubbles: true }));
        onPick?.();
      } }, p.label),
    );
    replace(range, fromField, toField, h('div', { class: 'quick-picks', role: 'group', 'aria-label': 'Pilih cepat rentang' }, h('span', { class: 'hint', text: 'Pilih cepat:' }), picks));
  };
  const show = () => {
    const isRange = select.value === 'range';
    month.hidden = isRange;
    if (isRange && !range.firstChild) build();
    if (!isRange) replace(range);
  };
  select.addEventListener('change', show);
  show();
  return [picker, month, range];
}
