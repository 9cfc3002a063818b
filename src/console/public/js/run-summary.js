/** Figures of a month (from a reconciliation run or the allocation): tiles, the funding chart, tables. */
import { api } from './api.js';
import { barChart } from './chart.js';
import { h, replace } from './dom.js';
import { label, number, rupiah, SOURCE_TYPE_LABELS, SOURCE_TYPES } from './format.js';
import { hashFor } from './routes.js';
import { complianceNotice } from './compliance.js';
import { dataTable, stats } from './ui.js';

const TONES = { APBD: 'default', APBD_PROV: 'prov', DESA: 'desa', TJSLP: 'tjslp' };

/** funded per pledge → [{ sourceType, participants, amount }] per source type, in a fixed order. Pure. */
export function bySourceType(funded = []) {
  const map = new Map();
  for (const f of funded) {
    const cur = map.get(f.sourceType) ?? { sourceType: f.sourceType, participants: 0, amount: 0 };
    cur.participants += Number(f.participants) || 0;
    cur.amount += Number(f.amount) || 0;
    map.set(f.sourceType, cur);
  }
  const rank = (t) => (SOURCE_TYPES.includes(t) ? SOURCE_TYPES.indexOf(t) : SOURCE_TYPES.length);
  return [...map.values()].sort((a, b) => rank(a.sourceType) - rank(b.sourceType) || a.sourceType.localeCompare(b.sourceType));
}

/** The month's tiles; `unfundedHref`: where *Tidak terdanai* links to (the list of the month's unfunded participants), if anywhere. */
export function headlineStats(s, { unfundedHref } = {}) {
  const funded = (s.funded ?? []).reduce((sum, f) => sum + (Number(f.amount) || 0), 0);
  return stats([
    { label: 'Peserta', value: number(s.participants) },
    { label: 'Kewajiban iuran', value: rupiah(s.obligation) },
    { label: 'Didanai', value: rupiah(funded), tone: 'ok' },
    { label: 'Tidak terdanai', value: rupiah(s.unfunded?.amount), hint: `${number(s.unfunded?.participants)} peserta`, tone: s.unfunded?.amount > 0 ? 'bad' : null, link: unfundedHref && s.unfunded?.participants > 0 ? { href: unfundedHref, text: 'Lihat peserta tidak terdanai' } : null },
  ]);
}

/**
 * The bill's figures, once: as tiles (a bar chart of the same four amounts stood beside them, its
 * over- and underbilled bars slivers next to the invoice; QA: the same amounts twice).
 */
export function billStats(bill) {
  if (!bill) return h('p', { class: 'empty', text: 'Belum ada tagihan BPJS untuk bulan ini.' });
  return stats([
    { label: 'Total invoice BPJS', value: rupiah(bill.invoiceTotal) },
    { label: 'Jumlah baris tagihan', value: rupiah(bill.linesTotal), tone: bill.linesTotal !== bill.invoiceTotal ? 'warn' : null },
    { label: 'Dapat dibayar', value: rupiah(bill.payable), tone: 'ok' },
    { label: 'Lebih tagih', value: rupiah(bill.overbilled), tone: bill.overbilled > 0 ? 'bad' : null },
    { label: 'Kurang tagih', value: rupiah(bill.underbilled), tone: bill.underbilled > 0 ? 'warn' : null },
  ]);
}

export function fundingChart(s) {
  const items = bySourceType(s.funded).map((t) => ({ label: label(SOURCE_TYPE_LABELS, t.sourceType), value: t.amount, tone: TONES[t.sourceType] ?? 'muted' }));
  items.push({ label: 'Tidak terdanai', value: s.unfunded?.amount ?? 0, tone: 'unfunded' });
  // Shown in half-width cards: the compact layout keeps its text readable.
  return barChart({ title: 'Iuran menurut sumber dana', items, format: rupiah, compact: true });
}

export function fundedTable(s) {
  const rows = [...(s.funded ?? [])].sort((a, b) => b.amount - a.amount);
  const total = rows.reduce((sum, f) => sum + (Number(f.amount) || 0), 0);
  return dataTable({
    caption: 'Pendanaan per komitmen',
    columns: [
      { label: 'Komitmen', render: (f) => h('a', { href: hashFor(`/komitmen/${encodeURIComponent(f.pledgeCode)}`), text: f.pledgeCode }) },
      { label: 'Sumber dana', value: (f) => label(SOURCE_TYPE_LABELS, f.sourceType) },
      { label: 'Peserta', value: (f) => number(f.participants), numeric: true },
      { label: 'Jumlah', value: (f) => rupiah(f.amount), numeric: true },
    ],
    rows,
    empty: 'Belum ada pendanaan untuk bulan ini.',
    footer: rows.length ? h('tr', {}, h('th', { scope: 'row', colspan: '3', text: 'Total didanai' }), h('td', { class: 'num', text: rupiah(total) })) : null,
  });
}

/**
 * The compliance warnings (the Dana Desa rule, §5) of the pledges that fund the month, in a box that fills itself once
 * the month's allocation is read (GET /api/v1/allocations/:month, READERS: its `warnings` are those of the revisions
 * the month was allocated under, as Pembayaran and Alokasi show them); empty when there are none. QA: the warning was on
 * Komitmen, the pledge page and the workbook, but not where the month is looked at; and read from the pledges as they
 * stand, it named a fund corrected since (or, once GET /pledges listed earlier revisions' warnings, other months).
 */
export function fundingWarnings(month, funded, signal) {
  const box = h('div', { 'aria-live': 'polite' });
  const codes = new Set((funded ?? []).filter((f) => Number(f.amount) > 0).map((f) => f.pledgeCode));
  if (!codes.size) return box;
  api(`/api/v1/allocations/${month}`, { signal })
    .then((allocation) => {
      const shown = complianceNotice((allocation.warnings ?? []).filter((w) => codes.has(w.pledgeCode)));
      if (shown) replace(box, shown);
    })
    .catch(() => undefined); // the figures stand without it
  return box;
}
