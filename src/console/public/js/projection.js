/**
 * "Proyeksi pendanaan": will a fiscal year's pledges pay for the year (GET /api/v1/projections)? Computed on
 * demand (a button), since at a province's size it takes seconds: each month not yet allocated is allocated in
 * memory from today's register and pledges, nothing stored (QA: nothing warned that next year's pagu fell short).
 */
import { api } from './api.js';
import { h, replace } from './dom.js';
import { currentMonth, label, monthLabel, number, rupiah, SOURCE_TYPE_LABELS } from './format.js';
import { busy, dataTable, errorNotice, focusResult, notice } from './ui.js';

const BASIS_LABELS = { ALLOCATED: 'Sudah dialokasikan', PROJECTED: 'Proyeksi', NO_TARIFF: 'Tanpa tarif' };

/** The latest fiscal year the API projects: next year (WIB). */
export function latestProjectedYear(now = new Date()) {
  return Number(currentMonth(now).slice(0, 4)) + 1;
}

/** The section's body for `year`: what it is, the button, then the answer under it; `run` computes it at once (a link asked for it). */
export function projectionPanel(year, { signal, run = false } = {}) {
  const latest = latestProjectedYear();
  // a year no pledge or register says anything about yet: no button that can only be refused (QA)
  if (year > latest) return h('p', { class: 'muted', text: `Proyeksi pendanaan tersedia sampai tahun anggaran ${latest} (tahun berjalan dan tahun berikutnya).` });
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn btn--secondary' }, `Hitung proyeksi ${year}`);
  button.addEventListener('click', () =>
    busy(button, async () => {
      replace(out);
      try {
        replace(out, ...projectionView(await api('/api/v1/projections', { query: { fiscalYear: year }, signal })));
        // Opened from the Dasbor's link: the answer gets focus, so it is in view, and the page's heading, focused once the
        // page has loaded, does not take it back to the top (QA: the answer stayed 1,500 px down).
        if (run) focusResult(out.firstElementChild);
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

/** Warnings that mean the year is not paid for; the others (a pagu ending early, a month without tariff) are notes. */
const SHORT = new Set(['NO_PLEDGES_FOR_YEAR', 'PROJECTED_SHORTFALL', 'PLEDGE_PAID_NOTHING']);

export function projectionView(p) {
  const short = p.warnings.filter((w) => SHORT.has(w.code));
  const notes = p.warnings.filter((w) => !SHORT.has(w.code));
  const list = (warnings) => h('ul', {}, warnings.map((w) => h('li', { text: w.message })));
  return [
    short.length
      ? notice('warning', h('strong', { text: `Proyeksi ${p.fiscalYear}: ` }), list(short))
      : notice('success', `Dengan peserta terdaftar saat ini, komitmen tahun ${p.fiscalYear} menutup seluruh kewajiban iuran (${rupiah(p.total.obligation)}).`),
    notes.length ? notice('info', h('strong', { text: 'Catatan: ' }), list(notes)) : null,
    dataTable({
      caption: `Proyeksi pendanaan per bulan, tahun ${p.fiscalYear}`,
      columns: [
        { label: 'Bulan', value: (m) => monthLabel(m.month), rowHeader: true },
        { label: 'Dasar', value: (m) => BASIS_LABELS[m.basis] ?? m.basis },
        { label: 'Peserta', value: (m) => number(m.participants), numeric: true },
        { label: 'Kewajiban', value: (m) => money(m.obligation), numeric: true },
        { label: 'Terdanai', value: (m) => money(m.funded), numeric: true },
        { label: 'Tidak terdanai', value: (m) => money(m.unfunded?.amount), numeric: true },
        { label: 'Peserta tidak terdanai', value: (m) => (m.unfunded ? number(m.unfunded.participants) : '–'), numeric: true },
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
        // a year's sum of participants is of participant-months (QA: read as people)
        h('td', { class: 'num', text: `${number(p.total.unfunded.participantMonths)} peserta-bulan` }),
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
