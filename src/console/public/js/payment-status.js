/** The table of payments per funder (DOMAIN §8): due, paid, status and lateness. Shared by pages. */
import { h } from './dom.js';
import { label, monthsLabel, PAYMENT_STATUS_LABELS, rupiah } from './format.js';
import { hashFor } from './routes.js';
import { badge, dataTable } from './ui.js';

const TONES = { PAID: 'ok', UNPAID: 'bad', UNDERPAID: 'warn', OVERPAID: 'info' };

/**
 * Under the paid amount, what of it is corrections of earlier months recorded in this one (GET
 * /payments/status `corrections`, `correctedMonths`; a run's rows have neither): they count here (§8)
 * but pay those months' shortfall, so a month they made PAID is not read as paid on its own. Pure.
 */
export function correctionsText(r) {
  if (!(Number(r.corrections) > 0)) return null;
  const months = Array.isArray(r.correctedMonths) && r.correctedMonths.length ? monthsLabel(r.correctedMonths) : 'bulan sebelumnya';
  return `termasuk koreksi ${months} ${rupiah(r.corrections)}`;
}

function paidCell(r) {
  const corrections = correctionsText(r);
  return [rupiah(r.paid), corrections ? [' ', h('span', { class: 'hint hint--block', text: corrections })] : null];
}

/** The late badge: "terlambat (hanya koreksi)" when only corrections were paid after the 10th. */
function lateBadge(r) {
  if (!r.late) return null;
  return [' ', r.lateOnlyByCorrections ? badge('Terlambat (hanya koreksi)', 'warn') : badge('Terlambat', 'bad')];
}

export function paymentStatusTable(answer, caption = 'Status pembayaran per penyandang dana') {
  // GET /payments/status answers a list; a paged `{ items }` or nothing reads the same
  const rows = Array.isArray(answer) ? answer : (answer?.items ?? []);
  const total = (key) => rows.reduce((s, r) => s + (Number(r[key]) || 0), 0);
  return dataTable({
    caption,
    columns: [
      { label: 'Komitmen', render: (r) => h('a', { href: hashFor(`/komitmen/${encodeURIComponent(r.pledgeCode)}`), text: r.pledgeCode }) },
      { label: 'Terutang', value: (r) => rupiah(r.due), numeric: true },
      { label: 'Dibayar', render: paidCell, numeric: true },
      { label: 'Selisih', value: (r) => rupiah((Number(r.paid) || 0) - (Number(r.due) || 0)), numeric: true },
      { label: 'Status', render: (r) => [badge(label(PAYMENT_STATUS_LABELS, r.status), TONES[r.status] ?? 'neutral'), lateBadge(r)] },
    ],
    rows,
    empty: 'Tidak ada kewajiban atau pembayaran pada bulan ini.',
    footer: rows.length
      ? h('tr', {}, h('th', { scope: 'row', text: 'Total' }), h('td', { class: 'num', text: rupiah(total('due')) }), h('td', { class: 'num', text: rupiah(total('paid')) }), h('td', { class: 'num', text: rupiah(total('paid') - total('due')) }), h('td'))
      : null,
  });
}
