/**
 * "Proyeksi pendanaan": will a fiscal year's pledges pay for the year (GET /api/v1/projections)? Computed on
 * demand (a button), since at a province's size it takes seconds: each month not yet allocated is allocated in
 * memory from today's register and pledges, nothing stored (QA: nothing warned that next year's pagu fell short).
 */
import { api } from './api.js';
import { h, replace } from './dom.js';
import { label, monthLabel, number, rupiah, SOURCE_TYPE_LABELS } from './format.js';
import { busy, dataTable, errorNotice, notice } from './ui.js';

const BASIS_LABELS = { ALLOCATED: 'Sudah dialokasikan', PROJECTED: 'Proyeksi', NO_TARIFF: 'Tanpa tarif' };

/** The section's body for `year`: what it is, the button, then the answer under it; `run` computes it at once (a link asked for it). */
export function projectionPanel(year, { signal, run = false } = {}) {
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn btn--secondary' }, `Hitung proyeksi ${year}`);
  button.addEventListener('click', () =>
    busy(button, async () => {
      replace(out);
      try {
        replace(out, ...projectionView(await api('/api/v1/projections', { query: { fiscalYear: year }, signal })));
        if (run) out.scrollIntoView({ block: 'start' }); // opened from the Dasbor's link: the answer, not the page's top
      } catch (err) {
        if (err?.name !== 'AbortError') replace(out, errorNotice(err));
      }
    }),
  );
  if (run) queueMicrotask(() => button.click());
  return h(
    'div',
    {},
    h('p', {
      text: `Apakah komitmen tahun ${year} cukup untuk membayar iuran setahun? Bulan yang sudah dialokasikan dibaca apa adanya; bulan berikutnya dihitung dengan aturan alokasi yang sama dari peserta terdaftar dan komitmen hari ini. Tidak ada yang disimpan.`,
    }),
    h('div', { class: 'actions' }, button),
    out,
  );
}

export function projectionView(p) {
  const ok = !p.warnings.length;
  return [
    ok
      ? notice('success', `Dengan peserta terdaftar saat ini, komitmen tahun ${p.fiscalYear} menutup seluruh kewajiban iuran (${rupiah(p.total.obligation)}).`)
      : notice('warning', h('strong', { text: `Proyeksi ${p.fiscalYear}: ` }), h('ul', {}, p.warnings.map((w) => h('li', { text: w.message })))),
    dataTable({
      caption: `Proyeksi pendanaan per bulan, tahun ${p.fiscalYear}`,
      columns: [
        { label: 'Bulan', value: (m) => monthLabel(m.month), rowHeader: true },
        { label: 'Dasar', value: (m) => BASIS_LABELS[m.basis] ?? m.basis },
        { label: 'Peserta', value: (m) => number(m.participants), numeric: true },
        { label: 'Kewajiban', value: (m) => money(m.obligation), numeric: true },
        { label: 'Terdanai', value: (m) => money(m.funded), numeric: true },
        { label: 'Belum terdanai', value: (m) => money(m.unfunded?.amount), numeric: true },
        { label: 'Peserta belum terdanai', value: (m) => (m.unfunded ? number(m.unfunded.participants) : '–'), numeric: true },
      ],
      rows: p.months,
      footer: h(
        'tr',
        {},
        h('th', { scope: 'row', text: 'Jumlah' }),
        h('td'),
        h('td'),
        h('td', { class: 'num', text: rupiah(p.total.obligation) }),
        h('td', { class: 'num', text: rupiah(p.total.funded) }),
        h('td', { class: 'num', text: rupiah(p.total.unfunded.amount) }),
        h('td', { class: 'num', text: number(p.total.unfunded.participantMonths) }),
      ),
    }),
    dataTable({
      caption: `Komitmen tahun ${p.fiscalYear}: pagu dan pemakaian setahun menurut proyeksi`,
      columns: [
        { label: 'Kode', key: 'pledgeCode', rowHeader: true },
        { label: 'Sumber', value: (x) => label(SOURCE_TYPE_LABELS, x.sourceType) },
        { label: 'Pagu', value: (x) => (x.budget === null ? 'Tanpa pagu' : rupiah(x.budget)), numeric: true },
        { label: 'Dipakai setahun', value: (x) => rupiah(x.funded), numeric: true },
        { label: 'Sisa pagu', value: (x) => (x.budgetLeft === null ? '–' : rupiah(x.budgetLeft)), numeric: true },
        { label: 'Pagu habis pada', value: (x) => (x.budgetUsedUpIn ? monthLabel(x.budgetUsedUpIn) : '–') },
      ],
      rows: p.pledges,
      empty: `Belum ada komitmen untuk tahun ${p.fiscalYear}.`,
    }),
  ];
}

const money = (value) => (value === null || value === undefined ? '–' : rupiah(value));
