/**
 * Who paid for whom: funding splits filtered by month or a range of months (month-period.js), funder (pledge),
 * source type, village and NIK, with totals (splits summary) and an Excel workbook of everything the filter
 * selects (GET /splits/export.xlsx).
 */
import { api, download } from '../api.js';
import { barChart } from '../chart.js';
import { aggregateSplits, fetchAllSplits } from '../splits-data.js';
import { complianceNotice, complianceWarnings } from '../compliance.js';
import { h, replace } from '../dom.js';
import { isMonth, label, monthLabel, number, plainNik, rupiah, SOURCE_TYPE_LABELS, SOURCE_TYPES } from '../format.js';
import { addressPeriodProblems, periodFields, periodFilters, rangeLabel } from '../month-period.js';
import { field, form, nikField, showErrors, values } from '../forms.js';
import { hashFor } from '../routes.js';
import { clampPage, fetchListedPage, pager } from '../pager.js';
import { announce, busy, dataTable, errorNotice, loading, notice, pageHeader, section } from '../ui.js';
import { villageOptions } from '../villages.js';

const PAGE_SIZE = 50;
const FILTERS = ['month', 'from', 'to', 'pledgeCode', 'sourceType', 'villageCode', 'nik'];
const PERIOD = ['month', 'from', 'to'];
const GROUP_LABELS = { pledge: 'komitmen', sourceType: 'sumber dana', village: 'desa' };
/** The API's 404 for a filter naming nothing that exists, and the filter it is about. */
const FILTER_NOT_FOUND = { PLEDGE_NOT_FOUND: 'pledgeCode', VILLAGE_NOT_FOUND: 'villageCode', PARTICIPANT_NOT_FOUND: 'nik' };

/**
 * The form's filters as the API takes them: the period chosen (a month, or from and to), a NIK pasted as
 * printed ("1703 0102 …") without its spaces and dots.
 */
function filtersOf(v) {
  return { ...Object.fromEntries(FILTERS.map((k) => [k, k === 'nik' ? plainNik(v[k]) : v[k]])), ...periodFilters(v) };
}

/** The month whose fiscal year the pledge picker lists: the month, or a range's first month when it stays in one year (none: every year). */
function yearMonth(v) {
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
 * pledge `kept` (the one chosen) stays listed when it is of another year, saying its year. Pure.
 */
export function pledgeOptions(pledges, month, kept) {
  const year = isMonth(month) ? Number(month.slice(0, 4)) : null;
  const rank = (type) => (SOURCE_TYPES.includes(type) ? SOURCE_TYPES.indexOf(type) : SOURCE_TYPES.length);
  const shown = pledges
    .filter((p) => year === null || p.fiscalYear === year || (kept && p.code === kept))
    .sort((a, b) => b.fiscalYear - a.fiscalYear || rank(a.sourceType) - rank(b.sourceType) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return [
    { value: '', label: 'Semua komitmen' },
    ...shown.map((p) => ({ value: p.code, label: `${p.code} – ${p.funder}${year !== null && p.fiscalYear !== year ? ` (tahun anggaran ${p.fiscalYear})` : ''}` })),
  ];
}

/** Rebuilds the pledge picker for the period now in the form, keeping what is chosen (see pledgeOptions). */
function followMonth(formEl, pledges) {
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

export async function render(main, ctx) {
  const q = ctx.query;
  let pledges = [];
  try {
    pledges = await api('/api/v1/pledges', { signal: ctx.signal });
  } catch (err) {
    if (err?.name === 'AbortError') return;
  }
  const totals = h('div');
  const results = h('div', { 'aria-live': 'polite' });
  const exportOut = h('p', { class: 'inline-status', role: 'status' });
  const show = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Tampilkan');
  const exportButton = h('button', { type: 'button', class: 'btn btn--secondary' }, 'Unduh Excel (semua hasil)');

  const pledgePicker = keepingAsked(pledgeOptions(pledges, yearMonth({ period: q.from || q.to ? 'range' : 'month', ...q }), q.pledgeCode), q.pledgeCode);
  const villagePicker = keepingAsked(await villageOptions(), q.villageCode, { ignoreDots: true });
  const filterForm = form(
    { label: 'Saring alokasi', onsubmit: (_e, el) => busy(show, () => load(el, 1, { chosen: true })) },
    h(
      'div',
      { class: 'filters' },
      ...periodFields({ query: q, onPick: () => filterForm.requestSubmit() }),
      field({ label: 'Penyandang dana (komitmen)', name: 'pledgeCode', value: pledgePicker.value, options: pledgePicker.options }),
      field({ label: 'Sumber dana', name: 'sourceType', value: q.sourceType, options: [{ value: '', label: 'Semua sumber' }, ...SOURCE_TYPES.map((v) => ({ value: v, label: SOURCE_TYPE_LABELS[v] }))] }),
      field({ label: 'Desa/kelurahan', name: 'villageCode', value: villagePicker.value, options: villagePicker.options }),
      nikField({ value: q.nik }),
      field({ label: 'Total menurut', name: 'groupBy', value: q.groupBy ?? 'pledge', options: Object.entries(GROUP_LABELS).map(([value, text]) => ({ value, label: text })) }),
    ),
    h('div', { class: 'actions' }, show, exportButton, exportOut),
  );
  forgetUnlisted(filterForm, 'pledgeCode', pledgePicker.unlisted);
  followMonth(filterForm, pledges);
  forgetUnlisted(filterForm, 'villageCode', villagePicker.unlisted);
  exportButton.addEventListener('click', () => busy(exportButton, () => exportXlsx(filterForm, exportOut)));

  /** Page `asked` under the form's filters, kept in the address; `chosen` (the form sent, the pager): a new history entry. */
  async function load(el, asked, { chosen = false } = {}) {
    replace(exportOut); // an earlier export's line is about other filters (QA)
    const v = values(el);
    const filters = filtersOf(v);
    const address = (page) => ({ ...filters, groupBy: v.groupBy, page });
    replace(results, loading());
    showTotals(totals, filters, v.groupBy, ctx);
    try {
      const fetch = (p) => api('/api/v1/splits', { query: { ...filters, page: p, pageSize: PAGE_SIZE }, signal: ctx.signal });
      const { res, page } = await fetchListedPage(ctx, { fetch, asked, pageSize: PAGE_SIZE, address, chosen });
      const pageSum = res.items.reduce((s, r) => s + (Number(r.amount) || 0), 0);
      replace(
        results,
        dataTable({
          caption: `Pembagian iuran: ${number(res.total)} baris`,
          columns: [
            { label: 'NIK', render: (r) => h('a', { href: hashFor(`/peserta/${r.nik}`), text: r.nik }) },
            { label: 'Bulan', value: (r) => monthLabel(r.month) },
            { label: 'Komitmen', render: (r) => h('a', { href: hashFor(`/komitmen/${encodeURIComponent(r.pledgeCode)}`), text: r.pledgeCode }) },
            { label: 'Sumber dana', value: (r) => label(SOURCE_TYPE_LABELS, r.sourceType) },
            { label: 'Revisi komitmen', value: (r) => r.pledgeRevision ?? '–', numeric: true },
            { label: 'Jumlah', value: (r) => rupiah(r.amount), numeric: true },
          ],
          rows: res.items,
          empty: 'Tidak ada pembagian iuran yang cocok dengan saringan.',
          footer: res.items.length ? h('tr', {}, h('th', { scope: 'row', colspan: '5', text: 'Jumlah di halaman ini' }), h('td', { class: 'num', text: rupiah(pageSum) })) : null,
        }),
        pager({ page, pageSize: PAGE_SIZE, total: res.total, onPage: (p) => load(el, p, { chosen: true }) }),
      );
    } catch (err) {
      if (err?.name === 'AbortError') return;
      // a filter the API refused (a NIK of letters, a pledge or village that does not exist): said beside
      // it, not as a bare "tidak valid" below or as every split (QA)
      const refusal = filterRefusal(err);
      if (refusal) {
        showErrors(el, refusal);
        const similar = err.code === 'PLEDGE_NOT_FOUND' ? err.body?.details?.similar : undefined;
        replace(
          results,
          h(
            'p',
            { class: 'hint' },
            'Perbaiki saringan yang ditandai, lalu tekan Tampilkan.',
            similar ? [' ', h('a', { href: hashFor('/alokasi', { ...filters, pledgeCode: similar, groupBy: v.groupBy }), text: `Tampilkan komitmen ${similar}` })] : null,
          ),
        );
      } else replace(results, errorNotice(err));
    }
  }

  replace(main, pageHeader('Alokasi Dana', 'Siapa membayar iuran siapa, bulan apa, dari komitmen mana.'), section(null, filterForm), totals, section('Rincian', results));
  // a month the picker cannot show (typed into the address: 2026-13) would otherwise vanish and list every month (QA)
  const periodProblems = addressPeriodProblems(q);
  if (periodProblems.length) {
    showErrors(filterForm, { message: 'Saringan tidak valid.', details: periodProblems });
    replace(results, h('p', { class: 'hint', text: 'Perbaiki saringan yang ditandai, lalu tekan Tampilkan.' }));
  } else if (FILTERS.some((k) => q[k])) await load(filterForm, clampPage(q.page));
  else replace(results, h('p', { class: 'hint', text: 'Pilih saringan (mis. bulan atau NIK), lalu tekan Tampilkan.' }));
}

const FILTERED_TOTAL_MAX = 10_000;

/**
 * The §5 warnings (the Dana Desa rule) said above a summary's totals: every row but UNFUNDED carries those of the pledges
 * it sums, whatever the grouping (by pledge, source type or village), each pledge's once. Pure, tested.
 */
export const totalsWarnings = (rows = []) => complianceWarnings(rows.flatMap((r) => r.warnings ?? []));

/**
 * Totals of the selection. A month or a range alone: the API's splits summary (any size). Narrower filters: the
 * selected splits are summed here when there are at most 10,000 of them (the summary takes no filters).
 */
async function showTotals(container, filters, groupBy, ctx) {
  const narrowed = FILTERS.some((k) => !PERIOD.includes(k) && filters[k]);
  const period = filters.month ? { month: filters.month } : filters.from && filters.to ? { from: filters.from, to: filters.to } : null;
  const periodName = period?.month ? monthLabel(period.month) : period ? rangeLabel(period.from, period.to) : '';
  if (!period && !narrowed) {
    replace(container, section('Total', h('p', { class: 'hint', text: 'Pilih bulan atau saringan lain untuk melihat total.' })));
    return;
  }
  replace(container, section('Total', loading()));
  let rows;
  let title;
  let note = null;
  let warnings = [];
  let shownBy = groupBy;
  try {
    const by = narrowed && groupBy === 'village' ? 'pledge' : groupBy;
    if (narrowed) {
      const all = await fetchAllSplits(filters, { max: FILTERED_TOTAL_MAX, signal: ctx.signal });
      if (!all.truncated) {
        rows = aggregateSplits(all.rows, by);
        warnings = all.warnings;
        shownBy = by;
        title = `Total hasil saringan menurut ${GROUP_LABELS[by]}`;
        if (by !== groupBy) note = `Total per desa hanya tersedia untuk satu ${filters.month ? 'bulan' : 'periode'} penuh; di sini dikelompokkan per komitmen.`;
      } else if (period) {
        note = `Hasil saringan lebih dari ${number(FILTERED_TOTAL_MAX)} baris: total di bawah untuk seluruh ${filters.month ? 'bulan' : 'rentang bulan'}.`;
      } else {
        replace(container, section('Total', notice('info', `Hasil saringan lebih dari ${number(FILTERED_TOTAL_MAX)} baris: pilih bulan untuk melihat total.`)));
        return;
      }
    }
    if (!rows) {
      rows = await api('/api/v1/splits/summary', { query: { ...period, groupBy }, signal: ctx.signal });
      title = `Total ${periodName} menurut ${GROUP_LABELS[groupBy]}`;
      warnings = totalsWarnings(rows);
      // a range sums its allocated months: those never allocated are said, not read as nothing funded
      const missing = rows.find((r) => r.key === 'UNFUNDED')?.monthsNotAllocated ?? [];
      if (missing.length) note = [note, `Belum dialokasikan, tidak termasuk dalam total: ${missing.map(monthLabel).join(', ')}.`].filter(Boolean).join(' ');
    }
    const unfunded = filters.month
      ? { href: hashFor('/tidak-terdanai', { month: filters.month, villageCode: filters.villageCode }), text: `Lihat peserta tidak terdanai ${filters.villageCode ? 'di desa ini' : 'bulan ini'}` }
      : null;
    renderTotals(container, rows, title, shownBy, note, unfunded, warnings);
  } catch (err) {
    if (err?.name === 'AbortError') return;
    // a refused filter is said beside it, once (load() shows it): no total then
    replace(container, filterRefusal(err) ? null : section('Total', errorNotice(err)));
  }
}

/**
 * `unfunded`: the list of the month's unfunded participants (of the village filtered on), linked from
 * the *Belum didanai* row, or below the table when it has none (totals of a filter, or by village:
 * QA found no way there from a village's totals).
 */
function renderTotals(container, rows, title, groupBy, note, unfunded, warnings = []) {
  const keyLabel = (r) => (r.key === 'UNFUNDED' ? 'Belum didanai' : groupBy === 'sourceType' ? label(SOURCE_TYPE_LABELS, r.key) : r.name ? `${r.name} (${r.key})` : r.key);
  const top = [...rows].sort((a, b) => b.amount - a.amount).slice(0, 12);
  const noun = GROUP_LABELS[groupBy];
  // by village (the API's summary of a whole month) each village says what it owes and what is unfunded: no UNFUNDED row
  const byVillage = groupBy === 'village' && rows.some((r) => 'obligations' in r);
  // a range's summary also counts participant-months (the participants of each month, added up)
  const ranged = rows.some((r) => 'participantMonths' in r);
  const columns = byVillage ? (ranged ? VILLAGE_RANGE_COLUMNS : VILLAGE_COLUMNS) : ranged ? RANGE_COLUMNS : TOTAL_COLUMNS;
  const tableRows = byVillage ? rows.filter((r) => r.key !== 'UNFUNDED') : rows;
  const sums = columns.map((c) => tableRows.reduce((sum, r) => sum + (Number(r[c.key]) || 0), 0));
  replace(
    container,
    section(
      title,
      // above the totals, as on the Dasbor and a run's page (QA: no word of a Dana Desa pledge here, whatever the grouping)
      complianceNotice(warnings),
      note ? notice('info', note) : null,
      rows.length ? barChart({ title: `Iuran menurut ${noun}${rows.length > top.length ? ' (12 terbesar)' : ''}`, items: top.map((r) => ({ label: keyLabel(r), value: r.amount, tone: r.key === 'UNFUNDED' ? 'unfunded' : undefined })), format: rupiah }) : null,
      dataTable({
        caption: `Total menurut ${noun}`,
        columns: [{ label: noun[0].toUpperCase() + noun.slice(1), render: (r) => (r.key === 'UNFUNDED' && unfunded ? h('a', { href: unfunded.href, text: keyLabel(r) }) : keyLabel(r)) }, ...columns.map((c) => ({ label: c.label, value: (r) => c.format(r[c.key]), numeric: true }))],
        rows: tableRows,
        empty: 'Tidak ada alokasi yang cocok.',
        footer: tableRows.length ? h('tr', {}, h('th', { scope: 'row', text: 'Total' }), columns.map((c, i) => h('td', { class: 'num', text: c.sumless ? '' : c.format(sums[i]) }))) : null,
      }),
      byVillage && tableRows.length ? h('p', { class: 'hint', text: ranged ? VILLAGE_RANGE_NOTE : VILLAGE_NOTE }) : null,
      unfunded && !tableRows.some((r) => r.key === 'UNFUNDED') ? h('p', {}, h('a', { href: unfunded.href, text: unfunded.text })) : null,
    ),
  );
}

/** By pledge or source type: participant-months (or participants) with funding, and the rupiah. The count is not summed. */
const TOTAL_COLUMNS = [
  { label: 'Peserta', key: 'participants', format: number, sumless: true },
  { label: 'Jumlah', key: 'amount', format: rupiah },
];

/** A range by pledge or source type: distinct participants, participant-months, the rupiah. */
const RANGE_COLUMNS = [
  { label: 'Peserta', key: 'participants', format: number, sumless: true },
  { label: 'Peserta-bulan', key: 'participantMonths', format: number, sumless: true },
  { label: 'Jumlah', key: 'amount', format: rupiah },
];

/**
 * By village, headed as the reconciliation workbook's Per Desa sheet (QA: "Peserta" here was the API's
 * `participants`, those with any funding, read as everyone owed): Seluruh Peserta is `obligations`,
 * Peserta Terdanai `participants`, Peserta Belum Terdanai Penuh `unfundedParticipants`, each with its rupiah.
 */
export const VILLAGE_COLUMNS = [
  { label: 'Seluruh Peserta', key: 'obligations', format: number },
  { label: 'Iuran', key: 'obligationAmount', format: rupiah },
  { label: 'Peserta Terdanai', key: 'participants', format: number },
  { label: 'Terdanai', key: 'amount', format: rupiah },
  { label: 'Peserta Belum Terdanai Penuh', key: 'unfundedParticipants', format: number },
  { label: 'Tidak Terdanai', key: 'unfundedAmount', format: rupiah },
];

/**
 * By village over a range: each count of people (`participants`, `unfundedParticipants`: each person once, as
 * *Peserta* by pledge) beside its participant-months (`participantMonths`, `unfundedParticipantMonths`). The people
 * are not totalled: one who moved within the range is in each village lived in.
 */
export const VILLAGE_RANGE_COLUMNS = [
  { label: 'Seluruh Peserta-bulan', key: 'obligations', format: number },
  { label: 'Iuran', key: 'obligationAmount', format: rupiah },
  { label: 'Peserta Terdanai', key: 'participants', format: number, sumless: true },
  { label: 'Peserta-bulan Terdanai', key: 'participantMonths', format: number },
  { label: 'Terdanai', key: 'amount', format: rupiah },
  { label: 'Peserta Belum Terdanai Penuh', key: 'unfundedParticipants', format: number, sumless: true },
  { label: 'Peserta-bulan Belum Terdanai Penuh', key: 'unfundedParticipantMonths', format: number },
  { label: 'Tidak Terdanai', key: 'unfundedAmount', format: rupiah },
];

/** Under the village table, as under the workbook's: which participants each count counts. */
const VILLAGE_NOTE =
  'Seluruh Peserta: semua peserta desa yang iurannya menjadi kewajiban daerah bulan ini. Peserta Terdanai: yang iurannya didanai, seluruhnya atau sebagian. ' +
  'Peserta Belum Terdanai Penuh: yang iurannya masih bersisa, termasuk yang terdanai sebagian (dihitung di kedua kolom itu).';

/** Under the village table of a range: people once each, beside participant-months. */
const VILLAGE_RANGE_NOTE =
  'Kolom Peserta menghitung setiap orang sekali dalam rentang; kolom Peserta-bulan menghitung satu peserta sekali untuk tiap bulan dalam rentang. ' +
  'Peserta Terdanai: yang iurannya didanai, seluruhnya atau sebagian, pada bulan mana pun. Peserta Belum Terdanai Penuh: yang iurannya masih bersisa pada bulan mana pun. ' +
  'Peserta yang pindah desa dalam rentang dihitung di tiap desanya, sehingga kolom Peserta tidak dijumlahkan.';

/**
 * Downloads the selection as a workbook made by the API (QA: the CSV built here held NIKs as bare numbers,
 * which Excel cut to 15 digits, another person, and an Indonesian-locale Excel read each line as one column).
 */
async function exportXlsx(el, out) {
  const filters = filtersOf(values(el));
  replace(out, 'Menyiapkan berkas Excel…');
  try {
    const months = filters.month ?? (filters.from && filters.to ? `${filters.from}-sd-${filters.to}` : '');
    const name = await download('/api/v1/splits/export.xlsx', { query: filters, fallbackName: `alokasi${months ? `-${months}` : ''}.xlsx` });
    replace(out, `Diunduh: ${name}`);
    announce(`Unduhan selesai: ${name}.`);
  } catch (err) {
    // a refused filter is said beside it, once (as Tampilkan says it), not a second time beside the
    // button (QA: the same 404 twice); the button's line only says why nothing was downloaded
    const refusal = filterRefusal(err);
    if (refusal) showErrors(el, refusal);
    replace(out, h('span', { class: 'error-text', role: refusal ? null : 'alert', text: refusal ? 'Tidak diunduh: perbaiki saringan yang ditandai.' : err.message }));
  }
}
