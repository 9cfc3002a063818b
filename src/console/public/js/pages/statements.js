/** Downloads: statements per village (for the kepala desa) and per pledge (TJSLP), the year-end recap, and the workbooks. */
import { api, download } from '../api.js';
import { h, replace } from '../dom.js';
import { compareCodes, currentMonth, monthLabel, pledgeOptionLabel } from '../format.js';
import { clearErrors, field, form, showErrors, values } from '../forms.js';
import { monthFromAddress, previousMonth } from '../month-field.js';
import { hashFor } from '../routes.js';
import { busy, pageHeader, section } from '../ui.js';
import { villageOptions } from '../villages.js';

export async function render(main, ctx) {
  const { month, problem } = monthFromAddress(ctx.query, previousMonth(currentMonth()));
  let pledges = [];
  try {
    pledges = await api('/api/v1/pledges', { signal: ctx.signal });
  } catch (err) {
    if (err?.name === 'AbortError') return;
  }
  const villageSelect = field({ label: 'Desa/kelurahan', name: 'code', required: true, options: await villageOptions('(pilih desa)') });
  const pledgeSelect = field({
    label: 'Komitmen',
    name: 'code',
    required: true,
    options: [{ value: '', label: '(pilih komitmen)' }, ...[...pledges].sort((a, b) => compareCodes(a.code, b.code)).map((p) => ({ value: p.code, label: pledgeOptionLabel(p) }))],
  });
  replace(
    main,
    pageHeader('Laporan', 'Buku kerja untuk ditandatangani dan diperiksa: laporan per desa, laporan per komitmen (mis. TJSLP perusahaan), rekap tahunan, dan buku kerja rekonsiliasi bulanan.'),
    problem,
    h(
      'div',
      { class: 'grid-2' },
      section('Laporan desa', h('p', { class: 'hint', text: 'Untuk kepala desa: peserta, iuran, bagian yang dibayar komitmen desa, pembayaran dan saldo.' }), statementForm('desa', villageSelect, month, (code) => `/api/v1/statements/villages/${encodeURIComponent(code)}.xlsx`)),
      section('Laporan komitmen', h('p', { class: 'hint', text: 'Komitmen dibanding terpakai dan dibayar.' }), statementForm('komitmen', pledgeSelect, month, (code) => `/api/v1/statements/pledges/${encodeURIComponent(code)}.xlsx`)),
    ),
    section(
      'Rekap tahunan',
      h('p', { class: 'hint', text: 'Semua pemberi dana dalam satu tahun anggaran: terdanai, dibayar dan selisih per komitmen, bulan yang belum dibayar, dan per bulan tagihan BPJS, hasil rekonsiliasi serta status bulan.' }),
      yearRecapForm(month.slice(0, 4)),
    ),
    section('Buku kerja rekonsiliasi', h('p', {}, 'Buku kerja rekonsiliasi (Ringkasan, Pagu & Realisasi, Temuan, Berita Acara, …) diunduh dari halaman hasil rekonsiliasi. ', h('a', { href: hashFor('/rekonsiliasi', { month }), text: `Rekonsiliasi ${monthLabel(month)} ›` }))),
  );
}

/** Rekap tahunan: one fiscal year, every funder (GET /api/v1/reports/year/:year.xlsx). */
function yearRecapForm(year) {
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Unduh rekap (.xlsx)');
  const out = h('p', { class: 'inline-status', role: 'status' });
  return form(
    {
      label: 'Rekap tahunan',
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          clearErrors(el);
          replace(out);
          const v = values(el);
          if (!/^\d{4}$/.test(v.year)) return showErrors(el, { message: 'Lengkapi isian yang ditandai.', details: [{ field: 'year', messages: ['Isi tahun, mis. 2026.'] }] });
          try {
            const name = await download(`/api/v1/reports/year/${v.year}.xlsx`, { fallbackName: `rekap-tahunan-jamkesda-${v.year}.xlsx` });
            replace(out, h('span', { class: 'ok', text: `Diunduh: ${name}` }));
          } catch (err) {
            showErrors(el, err);
          }
        }),
    },
    h('div', { class: 'form-grid' }, field({ label: 'Tahun', name: 'year', type: 'number', value: year, hint: 'Tahun anggaran', attrs: { min: '2018', max: '2099' } })),
    h('div', { class: 'actions' }, submit, out),
  );
}

const QUARTERS = [
  { value: '1', label: 'I (Januari–Maret)' },
  { value: '2', label: 'II (April–Juni)' },
  { value: '3', label: 'III (Juli–September)' },
  { value: '4', label: 'IV (Oktober–Desember)' },
];

function statementForm(kind, select, month, pathFor) {
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Unduh (.xlsx)');
  const out = h('p', { class: 'inline-status', role: 'status' });
  const el = form(
    {
      label: `Laporan ${kind}`,
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          clearErrors(el);
          replace(out);
          const v = values(el);
          const problems = [];
          if (!v.code) problems.push({ field: 'code', messages: [`Pilih ${kind}.`] });
          if (v.period === 'month' && !/^\d{4}-\d{2}$/.test(v.month)) problems.push({ field: 'month', messages: ['Isi bulan (YYYY-MM).'] });
          if (v.period !== 'month' && !/^\d{4}$/.test(v.year)) problems.push({ field: 'year', messages: ['Isi tahun, mis. 2026.'] });
          if (problems.length) return showErrors(el, { message: 'Lengkapi isian yang ditandai.', details: problems });
          const query = v.period === 'year' ? { year: v.year } : v.period === 'quarter' ? { year: v.year, quarter: v.quarter } : { month: v.month };
          const slug = query.month ?? (query.quarter ? `${query.year}-TW${query.quarter}` : query.year);
          try {
            const name = await download(pathFor(v.code), { query, fallbackName: `laporan-${kind}-${v.code}-${slug}.xlsx` });
            replace(out, h('span', { class: 'ok', text: `Diunduh: ${name}` }));
          } catch (err) {
            showErrors(el, err);
          }
        }),
    },
    h(
      'div',
      { class: 'form-grid' },
      h('div', { class: 'field--wide' }, select),
      field({ label: 'Periode', name: 'period', value: 'month', options: [{ value: 'month', label: 'Satu bulan' }, { value: 'quarter', label: 'Satu triwulan' }, { value: 'year', label: 'Satu tahun anggaran' }] }),
      field({ label: 'Bulan', name: 'month', type: 'month', value: month, hint: 'Untuk periode satu bulan' }),
      field({ label: 'Triwulan', name: 'quarter', value: String(Math.ceil(Number(month.slice(5)) / 3)), options: QUARTERS }),
      field({ label: 'Tahun', name: 'year', type: 'number', value: month.slice(0, 4), hint: 'Tahun anggaran', attrs: { min: '2018', max: '2099' } }),
    ),
    h('div', { class: 'actions' }, submit, out),
  );
  // only the field of the chosen period is shown (QA: both were, whatever the period)
  const period = el.querySelector('[name="period"]');
  const showPeriod = () => {
    el.querySelector('[data-field="month"]').hidden = period.value !== 'month';
    el.querySelector('[data-field="quarter"]').hidden = period.value !== 'quarter';
    el.querySelector('[data-field="year"]').hidden = period.value === 'month';
  };
  period.addEventListener('change', showPeriod);
  showPeriod();
  return el;
}
