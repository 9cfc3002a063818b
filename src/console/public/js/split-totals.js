/**
 * The Total section of the Alokasi page (pages/splits.js): the totals of the filtered splits, from the API's splits
 * summary for a month or range alone, or summed here (splits-data.js) for narrower filters of at most 10,000 splits;
 * drawn as a bar chart and a table (by pledge, source type or village, a month or a range: the column sets and
 * notes below), with the §5 warnings of the pledges summed above them (totalsWarnings).
 */
import { api } from './api.js';
import { barChart } from './chart.js';
import { aggregateSplits, fetchAllSplits } from './splits-data.js';
import { complianceNotice, complianceWarnings } from './compliance.js';
import { h, replace } from './dom.js';
import { label, monthLabel, number, rupiah, SOURCE_TYPE_LABELS } from './format.js';
import { rangeLabel } from './month-period.js';
import { hashFor } from './routes.js';
import { dataTable, errorNotice, loading, notice, section } from './ui.js';
import { filterRefusal, FILTERS, GROUP_LABELS, PERIOD } from './split-filters.js';

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
export async function showTotals(container, filters, groupBy, ctx) {
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
 * the *Tidak terdanai* row, or below the table when it has none (totals of a filter, or by village:
 * QA found no way there from a village's totals).
 */
function renderTotals(container, rows, title, groupBy, note, unfunded, warnings = []) {
  const keyLabel = (r) => (r.key === 'UNFUNDED' ? 'Tidak terdanai' : groupBy === 'sourceType' ? label(SOURCE_TYPE_LABELS, r.key) : r.name ? `${r.name} (${r.key})` : r.key);
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
  { label: 'Seluruh peserta', key: 'obligations', format: number },
  { label: 'Iuran', key: 'obligationAmount', format: rupiah },
  { label: 'Peserta terdanai', key: 'participants', format: number },
  { label: 'Terdanai', key: 'amount', format: rupiah },
  { label: 'Peserta belum terdanai penuh', key: 'unfundedParticipants', format: number },
  { label: 'Tidak terdanai', key: 'unfundedAmount', format: rupiah },
];

/**
 * By village over a range: each count of people (`participants`, `unfundedParticipants`: each person once, as
 * *Peserta* by pledge) beside its participant-months (`participantMonths`, `unfundedParticipantMonths`). The people
 * are not totalled: one who moved within the range is in each village lived in.
 */
export const VILLAGE_RANGE_COLUMNS = [
  { label: 'Seluruh peserta-bulan', key: 'obligations', format: number },
  { label: 'Iuran', key: 'obligationAmount', format: rupiah },
  { label: 'Peserta terdanai', key: 'participants', format: number, sumless: true },
  { label: 'Peserta-bulan terdanai', key: 'participantMonths', format: number },
  { label: 'Terdanai', key: 'amount', format: rupiah },
  { label: 'Peserta belum terdanai penuh', key: 'unfundedParticipants', format: number, sumless: true },
  { label: 'Peserta-bulan belum terdanai penuh', key: 'unfundedParticipantMonths', format: number },
  { label: 'Tidak terdanai', key: 'unfundedAmount', format: rupiah },
];

/** Under the village table, as under the workbook's: which participants each count counts. */
const VILLAGE_NOTE =
  'Seluruh peserta: semua peserta desa yang iurannya menjadi kewajiban daerah bulan ini. Peserta terdanai: yang iurannya didanai, seluruhnya atau sebagian. ' +
  'Peserta belum terdanai penuh: yang iurannya masih bersisa, termasuk yang terdanai sebagian (dihitung di kedua kolom itu).';

/** Under the village table of a range: people once each, beside participant-months. */
const VILLAGE_RANGE_NOTE =
  'Kolom Peserta menghitung setiap orang sekali dalam rentang; kolom Peserta-bulan menghitung satu peserta sekali untuk tiap bulan dalam rentang. ' +
  'Peserta terdanai: yang iurannya didanai, seluruhnya atau sebagian, pada bulan mana pun. Peserta belum terdanai penuh: yang iurannya masih bersisa pada bulan mana pun. ' +
  'Peserta yang pindah desa dalam rentang dihitung di tiap desanya, sehingga kolom Peserta tidak dijumlahkan.';
