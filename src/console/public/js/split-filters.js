/**
 * The filter form of the Alokasi page (pages/splits.js): the filters it sends (FILTERS, filtersOf: the period, a
 * pasted NIK without its spaces), the groupings of its totals, the pledge picker (pledgeOptions, rebuilt for the
 * period chosen by followMonth), pickers that keep a value from the address the list lacks (keepingAsked,
 * forgetUnlisted), and the API's refusal of a filter shown beside it (filterRefusal). The Belum Terdanai page
 * (pages/unfunded.js) shares the pickers and the refusal.
 */
import { h } from './dom.js';
import { isMonth, plainNik, pledgeOptionLabel, SOURCE_TYPES } from './format.js';
import { periodFilters } from './month-period.js';
import { values } from './forms.js';

export const FILTERS = ['month', 'from', 'to', 'pledgeCode', 'sourceType', 'villageCode', 'nik'];
export const PERIOD = ['month', 'from', 'to'];
export const GROUP_LABELS = { pledge: 'komitmen', sourceType: 'sumber dana', village: 'desa' };

/** Total menurut's options, capitalised as every other option of the form (QA: "komitmen" beside "Semua sumber"). */
export const GROUP_OPTIONS = Object.entries(GROUP_LABELS).map(([value, text]) => ({ value, label: text[0].toUpperCase() + text.slice(1) }));

/** The API's 404 for a filter naming nothing that exists, and the filter it is about. */
const FILTER_NOT_FOUND = { PLEDGE_NOT_FOUND: 'pledgeCode', VILLAGE_NOT_FOUND: 'villageCode', PARTICIPANT_NOT_FOUND: 'nik' };

/**
 * The form's filters as the API takes them: the period chosen (a month, or from and to), a NIK pasted as
 * printed ("1703 0102 …") without its spaces and dots.
 */
export function filtersOf(v) {
  return { ...Object.fromEntries(FILTERS.map((k) => [k, k === 'nik' ? plainNik(v[k]) : v[k]])), ...periodFilters(v) };
}

/** The month whose fiscal year the pledge picker lists: the month, or a range's first month when it stays in one year (none: every year). */
export function yearMonth(v) {
  if (v.period !== 'range') return v.month;
  return isMonth(v.from) && isMonth(v.to) && v.from.slice(0, 4) !== v.to.slice(0, 4) ? undefined : v.from || v.to;
}

/**
 * The API's refusal of a filter as an error for showErrors: its field details as they are, and a 404 for a
 * pledge, village or NIK that does not exist as a message beside that filter. Null for any other error.
 */
export function filterRefusal(err) {
  if (err?.details?.length) return err;
  const name = err?.missingRoute ? undefined : FILTER_NOT_FOUND[err?.code];
  return name ? { message: err.message, details: [{ field: name, messages: [err.message] }] } : null;
}

/**
 * Options of a picker with the address's value kept: a value the list lacks (a pledge code in the wrong
 * case, a village outside the regency) stays chosen and is sent, so the API says what is wrong with it,
 * instead of the filter vanishing and every split being listed and exported (QA). A village code written
 * without dots picks its village. → { options, value, unlisted (the value added, if it was) }.
 */
export function keepingAsked(options, asked, { ignoreDots = false } = {}) {
  if (!asked) return { options, value: asked };
  const same = (a) => (ignoreDots ? a.replace(/\./g, '') === asked.replace(/\./g, '') : a === asked);
  const found = options.find((o) => o.value && same(o.value));
  if (found) return { options, value: found.value };
  return { options: [...options, { value: asked, label: `${asked} (tidak ada di daftar)` }], value: asked, unlisted: asked };
}

/**
 * The "(tidak ada di daftar)" option of the picker `name` goes once another value is picked: it stood only
 * for the address's value, which can then no longer be chosen again (QA: it stayed in the list).
 */
export function forgetUnlisted(formEl, name, unlisted) {
  if (!unlisted) return;
  const select = formEl.querySelector(`select[name="${name}"]`);
  select.addEventListener('change', function leave() {
    if (select.value === unlisted) return;
    // looked up now: the pledge picker is rebuilt when the month changes
    [...select.options].find((o) => o.value === unlisted)?.remove();
    select.removeEventListener('change', leave);
  });
}

/**
 * The pledge picker's options for a month: the pledges of its fiscal year (every year's when no month is chosen,
 * newest year first; QA: January 2027 listed the 2026 pledges), each year in DOMAIN §5's order of source types
 * (`SOURCE_TYPES`: APBD before APBD_PROV; QA: "APBD_PROV-2026" sorted before "APBD-2026"), then by code. The
 * pledge `kept` (the one chosen) stays listed when it is of another year, saying its year. Each is labelled as Pembayaran
 * labels it (pledgeOptionLabel: a withdrawn one marked "(dicabut)"; QA: Alokasi did not mark it). Pure.
 */
export function pledgeOptions(pledges, month, kept) {
  const year = isMonth(month) ? Number(month.slice(0, 4)) : null;
  const rank = (type) => (SOURCE_TYPES.includes(type) ? SOURCE_TYPES.indexOf(type) : SOURCE_TYPES.length);
  const shown = pledges
    .filter((p) => year === null || p.fiscalYear === year || (kept && p.code === kept))
    .sort((a, b) => b.fiscalYear - a.fiscalYear || rank(a.sourceType) - rank(b.sourceType) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [
    { value: '', label: 'Semua komitmen' },
    ...shown.map((p) => ({ value: p.code, label: `${pledgeOptionLabel(p)}${year !== null && p.fiscalYear !== year ? ` (tahun anggaran ${p.fiscalYear})` : ''}` })),
  ];
}

/** Rebuilds the pledge picker for the period now in the form, keeping what is chosen (see pledgeOptions). */
export function followMonth(formEl, pledges) {
  const select = formEl.querySelector('select[name="pledgeCode"]');
  const refresh = (e) => {
    if (!['period', ...PERIOD].includes(e.target?.name)) return;
    const chosen = select.value;
    const picker = keepingAsked(pledgeOptions(pledges, yearMonth(values(formEl)), chosen), chosen);
    select.replaceChildren(...picker.options.map((o) => h('option', { value: o.value }, o.label)));
    select.value = picker.value ?? '';
  };
  for (const event of ['input', 'change']) formEl.addEventListener(event, refresh);
}
