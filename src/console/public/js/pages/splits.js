/**
 * Who paid for whom: funding splits filtered by month, funder (pledge), source type, village and NIK,
 * with totals (splits summary) and a CSV export of everything the filter selects.
 */
import { api, saveBlob } from '../api.js';
import { barChart } from '../chart.js';
import { csvBlob, toCsv } from '../csv.js';
import { h, replace } from '../dom.js';
import { label, monthLabel, number, rupiah, SOURCE_TYPE_LABELS } from '../format.js';
import { field, form, values } from '../forms.js';
import { hashFor } from '../routes.js';
import { announce, busy, dataTable, errorNotice, loading, notice, pageHeader, pager, section } from '../ui.js';
import { villageOptions } from '../villages.js';

const PAGE_SIZE = 50;
const EXPORT_PAGE = 1000;
const EXPORT_MAX = 500_000;
const FILTERS = ['month', 'pledgeCode', 'sourceType', 'villageCode', 'nik'];
const GROUP_LABELS = { pledge: 'komitmen', sourceType: 'sumber dana', village: 'desa' };

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
  const exportButton = h('button', { type: 'button', class: 'btn btn--secondary' }, 'Ekspor CSV (semua hasil)');

  const filterForm = form(
    { label: 'Saring alokasi', onsubmit: (_e, el) => busy(show, () => load(el, 1)) },
    h(
      'div',
      { class: 'filters' },
      field({ label: 'Bulan', name: 'month', type: 'month', value: q.month, hint: 'YYYY-MM' }),
      field({
        label: 'Penyandang dana (komitmen)',
        name: 'pledgeCode',
        value: q.pledgeCode,
        options: [{ value: '', label: 'Semua komitmen' }, ...[...pledges].sort((a, b) => a.code.localeCompare(b.code)).map((p) => ({ value: p.code, label: `${p.code} – ${p.funder}` }))],
      }),
      field({ label: 'Sumber dana', name: 'sourceType', value: q.sourceType, options: [{ value: '', label: 'Semua sumber' }, ...['APBD', 'APBD_PROV', 'DESA', 'TJSLP'].map((v) => ({ value: v, label: SOURCE_TYPE_LABELS[v] }))] }),
      field({ label: 'Desa/kelurahan', name: 'villageCode', value: q.villageCode, options: await villageOptions() }),
      field({ label: 'NIK', name: 'nik', value: q.nik, attrs: { inputmode: 'numeric', maxlength: '16', autocomplete: 'off' } }),
      field({ label: 'Total menurut', name: 'groupBy', value: q.groupBy ?? 'pledge', options: Object.entries(GROUP_LABELS).map(([value, text]) => ({ value, label: text })) }),
    ),
    h('div', { class: 'actions' }, show, exportButton, exportOut),
  );
  exportButton.addEventListener('click', () => busy(exportButton, () => exportCsv(filterForm, exportOut, ctx)));

  async function load(el, page) {
    const v = values(el);
    const filters = Object.fromEntries(FILTERS.map((k) => [k, v[k]]));
    ctx.setQuery({ ...filters, groupBy: v.groupBy, page });
    replace(results, loading());
    showTotals(totals, filters, v.groupBy, ctx);
    try {
      const res = await api('/api/v1/splits', { query: { ...filters, page, pageSize: PAGE_SIZE }, signal: ctx.signal });
      const pageSum = res.items.reduce((s, r) => s + (Number(r.amount) || 0), 0);
      replace(
        results,
        dataTable({
          caption: `Pembagian iuran: ${number(res.total)} baris`,
          columns: [
            { label: 'NIK', render: (r) => h('a', { href: hashFor(`/peserta/${r.nik}`), text: r.nik }) },
            { label: 'Nama', value: (r) => r.name ?? '–' },
            { label: 'Bulan', value: (r) => monthLabel(r.month) },
            { label: 'Komitmen', render: (r) => h('a', { href: hashFor(`/komitmen/${encodeURIComponent(r.pledgeCode)}`), text: r.pledgeCode }) },
            { label: 'Sumber dana', value: (r) => label(SOURCE_TYPE_LABELS, r.sourceType) },
            { label: 'Jumlah', value: (r) => rupiah(r.amount), numeric: true },
          ],
          rows: res.items,
          empty: 'Tidak ada pembagian iuran yang cocok dengan saringan.',
          footer: res.items.length ? h('tr', {}, h('th', { scope: 'row', colspan: '5', text: 'Jumlah di halaman ini' }), h('td', { class: 'num', text: rupiah(pageSum) })) : null,
        }),
        res.total > PAGE_SIZE ? pager({ page, pageSize: PAGE_SIZE, total: res.total, onPage: (p) => load(el, p) }) : null,
      );
    } catch (err) {
      if (err?.name === 'AbortError') return;
      replace(results, errorNotice(err));
    }
  }

  replace(main, pageHeader('Alokasi Dana', 'Siapa membayar iuran siapa, bulan apa, dari komitmen mana.'), section(null, filterForm), totals, section('Rincian', results));
  if (FILTERS.some((k) => q[k])) await load(filterForm, Number(q.page) || 1);
  else replace(results, h('p', { class: 'hint', text: 'Pilih saringan (mis. bulan atau NIK), lalu tekan Tampilkan.' }));
}

/** Totals of the selection: the splits summary grouped as asked (with the filters the API accepts). */
async function showTotals(container, filters, groupBy, ctx) {
  if (!filters.month) {
    replace(container, section('Total', h('p', { class: 'hint', text: 'Pilih bulan untuk melihat total per komitmen, desa atau sumber dana.' })));
    return;
  }
  replace(container, section('Total', loading()));
  let rows;
  let narrowed = true;
  try {
    try {
      rows = await api('/api/v1/splits/summary', { query: { ...filters, groupBy }, signal: ctx.signal });
    } catch (err) {
      if (err.status !== 400) throw err;
      narrowed = false; // the summary takes only month and groupBy
      rows = await api('/api/v1/splits/summary', { query: { month: filters.month, groupBy }, signal: ctx.signal });
    }
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(container, section('Total', errorNotice(err)));
    return;
  }
  const sum = rows.reduce((s, r) => s + (Number(r.amount) || 0), 0);
  const keyLabel = (k) => (groupBy === 'sourceType' ? label(SOURCE_TYPE_LABELS, k) : k);
  const top = [...rows].sort((a, b) => b.amount - a.amount).slice(0, 12);
  replace(
    container,
    section(
      `Total ${monthLabel(filters.month)} menurut ${GROUP_LABELS[groupBy]}`,
      !narrowed && FILTERS.some((k) => k !== 'month' && filters[k]) ? notice('info', 'Total ini untuk seluruh bulan (saringan lain tidak dipakai untuk total).') : null,
      rows.length ? barChart({ title: `Iuran menurut ${GROUP_LABELS[groupBy]}${rows.length > top.length ? ' (12 terbesar)' : ''}`, items: top.map((r) => ({ label: keyLabel(r.key), value: r.amount })), format: rupiah }) : null,
      dataTable({
        caption: `Total menurut ${GROUP_LABELS[groupBy]}`,
        columns: [
          { label: GROUP_LABELS[groupBy][0].toUpperCase() + GROUP_LABELS[groupBy].slice(1), value: (r) => keyLabel(r.key) },
          { label: 'Peserta', value: (r) => number(r.participants), numeric: true },
          { label: 'Jumlah', value: (r) => rupiah(r.amount), numeric: true },
        ],
        rows,
        empty: 'Tidak ada alokasi untuk bulan ini.',
        footer: rows.length ? h('tr', {}, h('th', { scope: 'row', colspan: '2', text: 'Total' }), h('td', { class: 'num', text: rupiah(sum) })) : null,
      }),
    ),
  );
}

/** Fetches every page of the selection and offers it as a CSV file built in the browser. */
async function exportCsv(el, out, ctx) {
  const v = values(el);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, v[k]]));
  const rows = [];
  try {
    for (let page = 1; ; page += 1) {
      const res = await api('/api/v1/splits', { query: { ...filters, page, pageSize: EXPORT_PAGE }, signal: ctx.signal });
      rows.push(...res.items);
      replace(out, `Mengambil ${number(rows.length)} dari ${number(res.total)} baris…`);
      if (res.items.length < EXPORT_PAGE || rows.length >= res.total) break;
      if (rows.length >= EXPORT_MAX) {
        replace(out, `Hasil dibatasi ${number(EXPORT_MAX)} baris: persempit saringan atau gunakan buku kerja rekonsiliasi.`);
        break;
      }
    }
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(out, h('span', { class: 'error-text', role: 'alert', text: err.message }));
    return;
  }
  const csv = toCsv(
    [
      { label: 'nik', key: 'nik' },
      { label: 'month', key: 'month' },
      { label: 'pledgeCode', key: 'pledgeCode' },
      { label: 'sourceType', key: 'sourceType' },
      { label: 'amount', key: 'amount' },
    ],
    rows,
  );
  const name = `alokasi${filters.month ? `-${filters.month}` : ''}${filters.pledgeCode ? `-${filters.pledgeCode}` : ''}${filters.nik ? `-${filters.nik}` : ''}.csv`;
  saveBlob(csvBlob(csv), name);
  replace(out, `Diunduh: ${name} (${number(rows.length)} baris)`);
  announce(`Ekspor selesai: ${number(rows.length)} baris.`);
}
