/**
 * Funding pledges of a fiscal year: the list, with compliance warnings; finance officers add new ones, one
 * by the form or many as a sheet (pledge-upload.js).
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { label, MONTH_NAMES, number, rupiah, SCOPE_LABELS, SOURCE_TYPE_LABELS, FUND_LABELS } from '../format.js';
import { field, form, values } from '../forms.js';
import { pledgeSheetForm, pledgeUploadHistory } from '../pledge-upload.js';
import { projectionPanel } from '../projection.js';
import { canWriteFinance, hashFor } from '../routes.js';
import { badge, dataTable, errorNotice, loading, notice, pageHeader, section } from '../ui.js';

/** The list's status filter (`#/komitmen?status=`): every pledge, those in force, or those withdrawn (`?withdrawn=` of the API). */
const STATUSES = {
  '': { label: 'Semua', withdrawn: undefined, empty: '' },
  berlaku: { label: 'Berlaku', withdrawn: false, empty: ' yang berlaku' },
  dicabut: { label: 'Dicabut', withdrawn: true, empty: ' yang dicabut' },
};

export async function render(main, ctx) {
  const year = Number(ctx.query.tahun) || new Date().getFullYear();
  const status = STATUSES[ctx.query.status] ? ctx.query.status : '';
  const list = h('div');
  const filter = form(
    { label: 'Pilih tahun anggaran', onsubmit: (_e, el) => ctx.navigate('/komitmen', { tahun: values(el).fiscalYear, status: values(el).status || undefined }) },
    h(
      'div',
      { class: 'filters' },
      field({ label: 'Tahun anggaran', name: 'fiscalYear', type: 'number', value: year, attrs: { min: '2018', max: '2099' } }),
      field({ label: 'Status', name: 'status', value: status, options: Object.entries(STATUSES).map(([value, s]) => ({ value, label: s.label })) }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn--secondary' }, 'Tampilkan')),
    ),
  );
  const writes = canWriteFinance(ctx.user.role);
  const refresh = () => loadList(list, year, status, ctx);
  // the sheets saved, as the Pembayaran page lists payment sheets: under the form for those who upload, on
  // its own for the other readers (an auditor checks who uploaded which sheet, as the API lets every reader)
  const history = pledgeUploadHistory({ signal: ctx.signal });
  replace(
    main,
    pageHeader('Komitmen Dana', 'Siapa membayar iuran siapa, menurut Perbup Jamkesda: APBD Kabupaten, APBD Provinsi, APBDes dan TJSLP (CSR).'),
    section(null, filter, writes ? h('div', { class: 'actions' }, h('a', { class: 'btn btn--primary', href: '#/komitmen/baru' }, '+ Komitmen baru')) : null),
    writes ? section('Unggah lembar komitmen', pledgeSheetForm({ signal: ctx.signal, onSaved: refresh, history }), history.element) : null,
    list,
    section(`Proyeksi pendanaan ${year}`, projectionPanel(year, { signal: ctx.signal, run: ctx.query.proyeksi === '1' })),
    writes ? null : section('Lembar komitmen yang diunggah', history.element),
  );
  await Promise.all([refresh(), history.load()]);
}

async function loadList(list, year, status, ctx) {
  replace(list, loading());
  try {
    const pledges = await api('/api/v1/pledges', { query: { fiscalYear: year, withdrawn: STATUSES[status].withdrawn }, signal: ctx.signal });
    const warnings = pledges.flatMap((p) => p.warnings ?? []);
    replace(
      list,
      warnings.length ? notice('warning', h('strong', { text: 'Peringatan kepatuhan: ' }), h('ul', {}, warnings.map((w) => h('li', { text: w.message })))) : null,
      dataTable({
        caption: `Komitmen${STATUSES[status].empty} tahun ${year}`,
        columns: [
          // a withdrawn pledge stays listed (its finalized months and payments keep it), marked
          { label: 'Kode', render: (p) => h('span', {}, h('a', { href: hashFor(`/komitmen/${encodeURIComponent(p.code)}`), text: p.code }), p.withdrawn ? [' ', badge('Dicabut', 'bad')] : null) },
          { label: 'Pemberi dana', key: 'funder' },
          { label: 'Sumber', value: (p) => `${label(SOURCE_TYPE_LABELS, p.sourceType)}${p.fund ? ` – ${label(FUND_LABELS, p.fund)}` : ''}` },
          { label: 'Cakupan', value: scopeText },
          { label: 'Bulan', value: (p) => `${MONTH_NAMES[p.fromMonth - 1]?.slice(0, 3)}–${MONTH_NAMES[p.toMonth - 1]?.slice(0, 3)}` },
          { label: 'Porsi', value: (p) => `${p.sharePercent}%`, numeric: true },
          { label: 'Kuota/bln', value: (p) => (p.quota ? number(p.quota) : '–'), numeric: true },
          { label: 'Pagu', value: (p) => (p.budget === null ? 'Tanpa pagu' : rupiah(p.budget)), numeric: true },
          { label: 'Prioritas', key: 'priority', numeric: true },
          { label: 'Revisi', key: 'revision', numeric: true },
          { label: 'Catatan', render: (p) => (p.warnings?.length ? badge('Dana Desa', 'warn') : '–') },
        ],
        rows: pledges,
        empty: status ? `Tidak ada komitmen${STATUSES[status].empty} untuk tahun ${year}.` : `Belum ada komitmen untuk tahun ${year}.`,
      }),
    );
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(list, errorNotice(err));
  }
}

export function scopeText(p) {
  if (p.scope === 'VILLAGES') return `${p.villageCodes.length} desa`;
  if (p.scope === 'RESIDENTS') return `${p.niks.length} NIK`;
  return label(SCOPE_LABELS, p.scope);
}
