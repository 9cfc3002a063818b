/**
 * The month's participants whose premium is unfunded, wholly or in part (`GET /api/v1/allocations/:month/unfunded`,
 * paged, by village then NIK, filtered by village), under the pledges' pagu and quota as the month's allocation met
 * them (`limits` of `GET /api/v1/allocations/:month`): who went unfunded and, as far as budgets and quotas go, why.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { currentMonth, isMonth, label, monthLabel, number, rupiah, SOURCE_TYPE_LABELS } from '../format.js';
import { field, form, showErrors, values } from '../forms.js';
import { monthField, monthFromAddress } from '../month-field.js';
import { clampPage, fetchListedPage, keepAddress, pager } from '../pager.js';
import { hashFor } from '../routes.js';
import { badge, busy, dataTable, errorNotice, loading, notice, pageHeader, section } from '../ui.js';
import { villageName, villageOptions } from '../villages.js';
import { filterRefusal, forgetUnlisted, keepingAsked } from '../split-filters.js';

const PAGE_SIZE = 50;

/** A limit the month's allocation met (`reached`). */
export const REACHED_LABELS = { BUDGET: 'Pagu habis', QUOTA: 'Kuota penuh' };

export async function render(main, ctx) {
  const { month, problem } = monthFromAddress(ctx.query, currentMonth());
  const villagePicker = keepingAsked(await villageOptions(), ctx.query.villageCode, { ignoreDots: true });
  const body = h('div');
  const show = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Tampilkan');
  const filterForm = form(
    { label: 'Saring peserta tidak terdanai', onsubmit: (_e, el) => busy(show, () => load(el, 1, { chosen: true })) },
    h(
      'div',
      { class: 'filters' },
      monthField({ value: month }),
      field({ label: 'Desa/kelurahan', name: 'villageCode', value: villagePicker.value, options: villagePicker.options }),
      h('div', { class: 'actions' }, show),
    ),
  );
  forgetUnlisted(filterForm, 'villageCode', villagePicker.unlisted);

  /**
   * The month's limits and page `asked` of its unfunded participants under the form's month and village, kept in the
   * address (`chosen`: the form sent or the pager, a new history entry). The pager reloads the list `shown` only, for
   * the month and village it was shown for (not a month picked and not yet sent).
   */
  async function load(el, asked, { chosen = false, shown = null } = {}) {
    let list = shown;
    if (!list) {
      const v = values(el);
      if (!isMonth(v.month)) {
        showErrors(el, { message: 'Saringan tidak valid.', details: [{ field: 'month', messages: ['Isi bulan dengan format YYYY-MM, mis. 2026-11.'] }] });
        return;
      }
      replace(body, loading());
      let detail;
      try {
        detail = await api(`/api/v1/allocations/${v.month}`, { signal: ctx.signal });
      } catch (err) {
        if (err?.name === 'AbortError') return;
        // NOT_ALLOCATED (a month never allocated) and any other refusal: said as every page says an error
        keepAddress(ctx, { month: v.month, villageCode: v.villageCode, page: asked }, chosen);
        replace(body, errorNotice(err));
        return;
      }
      list = { el: h('div', { 'aria-live': 'polite' }), detail, month: v.month, villageCode: v.villageCode };
      replace(body, ...yearWarnings(detail).map((message) => notice('warning', message)), section('Pagu dan kuota bulan ini', limitsTable(detail)), section(`Daftar peserta tidak terdanai ${monthLabel(v.month)}`, list.el));
    }
    const { month, villageCode } = list;
    replace(list.el, loading());
    try {
      const fetch = (p) => api(`/api/v1/allocations/${month}/unfunded`, { query: { villageCode, page: p, pageSize: PAGE_SIZE }, signal: ctx.signal });
      const address = (page) => ({ month, villageCode, page });
      const { res, page } = await fetchListedPage(ctx, { fetch, asked, pageSize: PAGE_SIZE, address, chosen });
      const village = villageCode ? await villageName(villageCode) : null;
      replace(
        list.el,
        totalLine(res, list.detail, month, village),
        unfundedTable(res, month, village),
        pager({ page, pageSize: PAGE_SIZE, total: res.total, onPage: (p) => load(el, p, { chosen: true, shown: list }) }),
      );
    } catch (err) {
      if (err?.name === 'AbortError') return;
      // a village the API does not know (typed into the address): said beside the picker, as on Alokasi
      const refusal = filterRefusal(err);
      if (refusal) {
        showErrors(el, refusal);
        replace(list.el, h('p', { class: 'hint', text: 'Perbaiki saringan yang ditandai, lalu tekan Tampilkan.' }));
      } else replace(list.el, errorNotice(err));
    }
  }

  replace(
    main,
    pageHeader('Peserta Tidak Terdanai', 'Peserta yang iurannya pada bulan yang dipilih tidak terdanai seluruhnya atau sebagian, serta pagu dan kuota komitmen yang dipakai alokasi bulan itu.'),
    problem,
    section(null, filterForm),
    body,
  );
  await load(filterForm, clampPage(ctx.query.page));
}

/**
 * The pledges with a pagu or quota the month's allocation considered, in allocation order: what is used and left of
 * each, and which limit it reached.
 */
/**
 * The allocation's warnings about its fiscal year as a whole (NO_PLEDGES_FOR_YEAR: no pledge of that year, so everyone is
 * unfunded), said above the limits (QA: nothing said why). The pledges' compliance warnings are on Komitmen. Pure, tested.
 */
export function yearWarnings(detail) {
  return (detail?.warnings ?? []).filter((w) => w.code === 'NO_PLEDGES_FOR_YEAR').map((w) => w.message);
}

function limitsTable(detail) {
  const limits = detail.limits ?? [];
  return [
    dataTable({
      caption: `Pagu dan kuota komitmen, ${monthLabel(detail.month)}`,
      columns: [
        { label: 'Kode komitmen', render: (l) => h('a', { href: hashFor(`/komitmen/${encodeURIComponent(l.pledgeCode)}`), text: l.pledgeCode }) },
        { label: 'Sumber dana', value: (l) => label(SOURCE_TYPE_LABELS, l.sourceType) },
        { label: 'Pagu', value: (l) => (l.budget === null ? 'Tanpa pagu' : rupiah(l.budget)), numeric: true },
        { label: 'Terpakai s.d. bulan ini', value: (l) => rupiah(l.budgetUsed), numeric: true },
        { label: 'Sisa', value: (l) => (l.budgetLeft === null ? '–' : rupiah(l.budgetLeft)), numeric: true },
        { label: 'Kuota', value: (l) => (l.quota === null ? 'Tanpa kuota' : number(l.quota)), numeric: true },
        { label: 'Peserta bulan ini', value: (l) => number(l.participants), numeric: true },
        { label: 'Batas tercapai', render: (l) => (l.reached?.length ? l.reached.map((r, i) => [i ? ' ' : null, badge(label(REACHED_LABELS, r), 'bad')]) : 'Tidak') },
      ],
      rows: limits,
      empty: `Tidak ada komitmen dengan pagu atau kuota pada ${monthLabel(detail.month)}.`,
    }),
    limits.length
      ? h('p', { class: 'hint', text: LIMITS_NOTE })
      : null,
  ];
}

/**
 * Under the pagu table: *Terpakai* is the rupiah the allocation gave each pledge (its `budgetUsed`), not what it paid,
 * recorded on Pembayaran (QA: "rupiah yang dibayarkan komitmen"). Exported for tests.
 */
export const LIMITS_NOTE =
  'Terpakai s.d. bulan ini: rupiah iuran yang dialokasikan kepada komitmen (yang ditanggungnya menurut alokasi) sejak awal tahun anggaran sampai bulan ini, ' +
  'bukan yang sudah dibayarkan; pembayarannya tercatat di halaman Pembayaran. Pagu berlaku setahun. ' +
  'Pagu habis: sisa pagu Rp0. Kuota penuh: peserta yang didanai bulan ini mencapai kuota.';

/**
 * "12 peserta, Rp453.600 tidak terdanai pada November 2026.": the rupiah of the whole month from the allocation's
 * unfunded figure (the list's sum, README), or for one village the sum of the list when it fits on one page;
 * otherwise only the page's sum, in the table's footer, and the line says so.
 */
function totalLine(res, detail, month, village) {
  if (!res.total) return null;
  if (!village) return h('p', { class: 'total-line', text: `${number(res.total)} peserta, ${rupiah(detail.unfunded?.amount)} tidak terdanai pada ${monthLabel(month)} (seluruh desa).` });
  const where = `pada ${monthLabel(month)} di ${village}`;
  if (res.items.length >= res.total) return h('p', { class: 'total-line', text: `${number(res.total)} peserta, ${rupiah(sum(res.items, 'unfunded'))} tidak terdanai ${where}.` });
  return h('p', { class: 'total-line', text: `${number(res.total)} peserta tidak terdanai ${where}; jumlah rupiah di bawah tabel untuk halaman ini saja.` });
}

function unfundedTable(res, month, village) {
  const where = village ? ` di ${village}` : '';
  return dataTable({
    caption: `Peserta tidak terdanai ${monthLabel(month)}${where}: ${number(res.total)} peserta`,
    columns: [
      { label: 'NIK', render: (r) => h('a', { href: hashFor(`/peserta/${r.nik}`), text: r.nik }) },
      { label: 'Nama', value: (r) => r.name || '–' },
      { label: 'Desa', value: (r) => (r.villageName ? `${r.villageName} (${r.villageCode})` : r.villageCode) },
      { label: 'Iuran', value: (r) => rupiah(r.obligation), numeric: true },
      { label: 'Didanai', value: (r) => rupiah(r.funded), numeric: true },
      { label: 'Tidak terdanai', value: (r) => rupiah(r.unfunded), numeric: true },
    ],
    rows: res.items,
    empty: `Tidak ada peserta yang tidak terdanai pada ${monthLabel(month)}${where}.`,
    footer: res.items.length
      ? h('tr', {}, h('th', { scope: 'row', colspan: '3', text: 'Jumlah di halaman ini' }), ['obligation', 'funded', 'unfunded'].map((k) => h('td', { class: 'num', text: rupiah(sum(res.items, k)) })))
      : null,
  });
}

function sum(rows, key) {
  return rows.reduce((s, r) => s + (Number(r[key]) || 0), 0);
}
