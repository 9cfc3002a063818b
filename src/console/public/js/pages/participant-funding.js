/**
 * A participant's funding history (the readers' *Riwayat pendanaan* of participant.js): who bore each month's premium
 * (the allocation), the tariff rows and pledge revisions behind it, and a closed month that no longer matches the
 * register. Split from participant.js (past 300 lines).
 */
import { complianceByPledge, complianceMark, pledgesCompliance } from '../compliance.js';
import { api } from '../api.js';
import { h } from '../dom.js';
import { componentLabel, label, monthLabel, rupiah, SOURCE_TYPE_LABELS } from '../format.js';
import { hashFor } from '../routes.js';
import { badge, dataTable } from '../ui.js';

/**
 * Pledge code → funder name, and → the Dana Desa warning of the pledges the participant's splits use (splitsCompliance),
 * for the roles that may read pledges (others simply see no funder column and no marker).
 */
export async function funderNames(needed, months, ctx) {
  if (!needed) return { funders: null, compliance: new Map() };
  try {
    const pledges = await api('/api/v1/pledges', { signal: ctx.signal });
    return { funders: new Map(pledges.map((x) => [x.code, x.funder])), compliance: splitsCompliance(months, pledges) };
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    return { funders: null, compliance: new Map() };
  }
}

/**
 * pledgeCode → the §5 warning messages (the Dana Desa rule) of the pledges `months`' splits use, from the pledges as
 * GET /api/v1/pledges gives them (as the Dasbor's and a run's compliance box read them); the rest are left out. Pure, tested.
 */
export function splitsCompliance(months, pledges) {
  const used = new Set((months ?? []).flatMap((m) => (m.splits ?? []).map((s) => s.pledgeCode)));
  return complianceByPledge(pledgesCompliance(pledges, used));
}

/**
 * What a closed month (API `closed`: finalized, or frozen by a later finalized month) says beside its figures when the
 * register today no longer matches it (`coveredNow`): allocated and finalized on an earlier register, a death reported
 * later; or covered now but finalized without this participant's obligation (registered late). Null otherwise. Pure, tested.
 */
export function monthNote(m) {
  if (!m.closed) return null;
  // "difinalisasi" only for a month finalized itself (`finalized`); one frozen by a later finalized month is "dibekukan",
  // as its badge says (QA: "difinalisasi" beside a *Dibekukan* badge)
  const state = m.finalized ? 'difinalisasi' : 'dibekukan';
  if (!m.coveredNow) return `Sudah ${state}; menurut daftar peserta saat ini tidak lagi ditanggung — koreksi dicatat sebagai penyesuaian di bulan terbuka`;
  if (m.obligation === 0) {
    return `Sudah dialokasikan dan ${state} tanpa iuran peserta ini (terdaftar atau diubah sesudahnya); menurut daftar peserta saat ini ditanggung — bila iurannya harus dibayar, catat sebagai penyesuaian di bulan terbuka`;
  }
  return null;
}

/**
 * The table is the allocation (§6: who is to bear each rupiah), not what was paid: payments are recorded per pledge and
 * month, not per participant (QA: a funder that never paid was listed under "Dibayar oleh … Terdanai penuh").
 */
export const ALLOCATION_HINT = 'Tabel ini menunjukkan alokasi: komitmen yang menanggung iuran peserta, bukan yang sudah membayar. Pembayaran dicatat per komitmen dan bulan';

export function allocationHint(linkPayments) {
  return h(
    'p',
    { class: 'hint' },
    `${ALLOCATION_HINT}${linkPayments ? ', di halaman ' : '.'}`,
    linkPayments ? [h('a', { href: hashFor('/pembayaran'), text: 'Pembayaran' }), '.'] : null,
  );
}

/**
 * One row per month the participant owed an obligation (API `fundingByMonth`, newest first): the
 * obligation, which pledges bear it (the allocation, "Ditanggung oleh (alokasi)"), and what nobody funded, said in words ("Tidak terdanai Rp22.680") so a
 * partly or wholly unfunded month cannot be read as a funded one (QA: only the splits were listed). With the rule inputs
 * that made it (issue 4: an auditor sees why): the tariff rows under the obligation, each pledge's revision, and a
 * closed month marked "Difinalisasi" or "Dibekukan".
 */
export function fundingTable(months, funders, linkPledges, compliance = new Map()) {
  const sorted = [...months].sort((a, b) => String(b.month).localeCompare(String(a.month)));
  const sum = (key) => months.reduce((total, m) => total + (Number(m[key]) || 0), 0);
  const pledge = (code) => (linkPledges ? h('a', { href: hashFor(`/komitmen/${encodeURIComponent(code)}`), text: code }) : code);
  const payer = (s) => [label(SOURCE_TYPE_LABELS, s.sourceType), funders?.get(s.pledgeCode)].filter(Boolean).join(' · ');
  const revision = (s) => (s.pledgeRevision == null ? null : h('span', { class: 'nowrap', text: ` rev. ${s.pledgeRevision}` }));
  const payers = (m) =>
    m.splits.length
      ? h('ul', { class: 'split-list' }, m.splits.map((s) => h('li', {}, pledge(s.pledgeCode), revision(s), ` · ${payer(s)}: `, h('span', { class: 'nowrap', text: rupiah(s.amount) }), complianceMark(compliance.get(s.pledgeCode)))))
      : h('span', { class: 'hint', text: 'Tidak ada komitmen yang menanggung' });
  // the allocation's remainder (§6 unfunded): funded in full by the allocation, which is not paid (ALLOCATION_HINT)
  const remainder = (unfunded) => (unfunded > 0 ? badge(`Tidak terdanai ${rupiah(unfunded)}`, 'bad') : badge('Terdanai penuh', 'ok'));
  // a closed month that no longer matches the register says so under its remainder (one without an obligation, instead of it)
  const status = (m) => {
    const note = monthNote(m);
    if (m.obligation === 0 && note) return h('span', { class: 'hint', text: note });
    return note ? h('div', {}, remainder(Number(m.unfunded)), h('div', { class: 'hint', text: note })) : remainder(Number(m.unfunded));
  };
  // closed (API `closed`) is never recomputed, whatever changes after: *Difinalisasi* when its own reconciliation was
  // finalized (`finalized`), *Dibekukan* when a later finalized month froze it (QA: an auditor read "finalized" on a
  // phone, with no hover for the title, and looked for a final run of a month that had none)
  const closedBadge = (m) => (m.finalized ? badge('Difinalisasi', 'info') : badge('Dibekukan', 'info'));
  const month = (m) => (m.closed ? [monthLabel(m.month), ' ', h('span', { class: 'month-closed', title: m.finalized ? FINALIZED_TITLE : FROZEN_TITLE }, closedBadge(m))] : monthLabel(m.month));
  const obligation = (m) => [rupiah(m.obligation), tariffBasis(m)];
  return dataTable({
    caption: 'Iuran dan pendanaan per bulan',
    columns: [
      { label: 'Bulan', render: month, rowHeader: true },
      { label: 'Iuran', render: obligation, numeric: true },
      { label: 'Ditanggung oleh (alokasi)', render: payers, wrap: true },
      { label: 'Terdanai', value: (m) => rupiah(m.funded), numeric: true },
      { label: 'Sisa', render: status, wrap: true },
    ],
    rows: sorted,
    empty: 'Belum ada iuran tercatat untuk peserta ini (bulan yang belum dialokasikan tidak tampil).',
    footer: months.length
      ? h('tr', {}, h('th', { scope: 'row', text: 'Total' }), h('td', { class: 'num', text: rupiah(sum('obligation')) }), h('td'), h('td', { class: 'num', text: rupiah(sum('funded')) }), h('td', {}, remainder(sum('unfunded'))))
      : null,
  });
}

/** What the badges mean (§9): a month finalized, or frozen by a later finalized month of its year. */
const FINALIZED_TITLE = 'Rekonsiliasi bulan ini sudah difinalisasi: alokasinya tidak dihitung ulang.';
const FROZEN_TITLE = 'Dibekukan oleh bulan sesudahnya yang difinalisasi (anggaran bulan ini dipakai bulan itu): alokasinya tidak dihitung ulang.';

/**
 * The tariff rows a month's obligation was allocated with (API `tariffs`: the LOCAL components valid on its 1st, §3),
 * summed as the obligation is, one line a row: "Tarif: Iuran Rp35.000 (Perpres 64/2020)", "+ Bantuan iuran daerah
 * Rp2.800 (PMK 78/2020 jo. PMK 51/2024)". The CENTRAL share (BANTUAN_PUSAT) is no part of it. Each line as `{ row, basis }`; null
 * without rows, or for a month owed nothing (its Rp0 is not made of them; its note says why). Pure, tested.
 */
export function tariffLines(m) {
  if (!Array.isArray(m.tariffs) || m.tariffs.length === 0 || !(Number(m.obligation) > 0)) return null;
  return m.tariffs.map((t, i) => ({ row: `${i === 0 ? 'Tarif:' : '+'} ${componentLabel(t.component)} ${rupiah(t.amount)}`, basis: t.legalBasis ? `(${t.legalBasis})` : null }));
}

/** The lines of tariffLines under the month's Iuran, each broken only between its amount and its legal basis. */
function tariffBasis(m) {
  const lines = tariffLines(m);
  if (!lines) return null;
  const line = ({ row, basis }, i) => h('span', { class: 'tariff-basis__row' }, i > 0 ? ' ' : null, h('span', { class: 'nowrap', text: row }), basis ? [' ', h('span', { class: 'nowrap', text: basis })] : null);
  return h('span', { class: 'hint hint--block tariff-basis' }, lines.map(line));
}
