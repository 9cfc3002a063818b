/**
 * Who paid for whom: funding splits filtered by month or a range of months (month-period.js), funder (pledge),
 * source type, village and NIK, with totals (splits summary) and an Excel workbook of everything the filter
 * selects (GET /splits/export.xlsx).
 */
import { api, download } from '../api.js';
import { h, replace } from '../dom.js';
import { label, monthLabel, number, rupiah, SOURCE_TYPE_LABELS, SOURCE_TYPES } from '../format.js';
import { addressPeriodProblems, periodFields } from '../month-period.js';
import { field, form, nikField, showErrors, values } from '../forms.js';
import { hashFor } from '../routes.js';
import { clampPage, fetchListedPage, pager } from '../pager.js';
import { announce, busy, dataTable, errorNotice, loading, pageHeader, recomputedNotice, section } from '../ui.js';
import { villageOptions } from '../villages.js';
import { filterRefusal, FILTERS, filtersOf, followMonth, forgetUnlisted, GROUP_OPTIONS, keepingAsked, pledgeOptions, yearMonth } from '../split-filters.js';
import { showTotals } from '../split-totals.js';

const PAGE_SIZE = 50;

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
      // one line, as its neighbours' labels (QA: "Pemberi dana (komitmen)" wrapped, its select 20 px lower); the options name the funder
      field({ label: 'Komitmen', name: 'pledgeCode', value: pledgePicker.value, options: pledgePicker.options }),
      field({ label: 'Sumber dana', name: 'sourceType', value: q.sourceType, options: [{ value: '', label: 'Semua sumber' }, ...SOURCE_TYPES.map((v) => ({ value: v, label: SOURCE_TYPE_LABELS[v] }))] }),
      field({ label: 'Desa/kelurahan', name: 'villageCode', value: villagePicker.value, options: villagePicker.options }),
      nikField({ value: q.nik }),
      field({ label: 'Total menurut', name: 'groupBy', value: q.groupBy ?? 'pledge', options: GROUP_OPTIONS }),
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
        recomputedNotice(res.recomputedMonths),
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
