/** The table of payments per funder (DOMAIN §8): due, paid, status and lateness. Shared by pages. */
import { h } from './dom.js';
import { label, PAYMENT_STATUS_LABELS, rupiah } from './format.js';
import { hashFor } from './routes.js';
import { badge, dataTable } from './ui.js';

const TONES = { PAID: 'ok', UNPAID: 'bad', UNDERPAID: 'warn', OVERPAID: 'info' };

export function paymentStatusTable(answer, caption = 'Status pembayaran per penyandang dana') {
  // GET /payments/status answers a list; a paged `{ items }` or nothing reads the same
  const rows = Array.isArray(answer) ? answer : (answer?.items ?? []);
  const total = (key) => rows.reduce((s, r) => s + (Number(r[key]) || 0), 0);
  return dataTable({
    caption,
    columns: [
      { label: 'Komitmen', render: (r) => h('a', { href: hashFor(`/komitmen/${encodeURIComponent(r.pledgeCode)}`), text: r.pledgeCode }) },
      { label: 'Terutang', value: (r) => rupiah(r.due), numeric: true },
      { label: 'Dibayar', value: (r) => rupiah(r.paid), numeric: true },
      { label: 'Selisih', value: (r) => rupiah((Number(r.paid) || 0) - (Number(r.due) || 0)), numeric: true },
      { label: 'Status', render: (r) => [badge(label(PAYMENT_STATUS_LABELS, r.status), TONES[r.status] ?? 'neutral'), r.late ? [' ', badge('Terlambat', 'bad')] : null] },
    ],
    rows,
    empty: 'Tidak ada kewajiban atau pembayaran pada bulan ini.',
    footer: rows.length
      ? h('tr', {}, h('th', { scope: 'row', text: 'Total' }), h('td', { class: 'num', text: rupiah(total('due')) }), h('td', { class: 'num', text: rupiah(total('paid')) }), h('td', { class: 'num', text: rupiah(total('paid') - total('due')) }), h('td'))
      : null,
  });
}
