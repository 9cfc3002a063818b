/**
 * The corrections of a month recorded in other months (§9: a correction of a finalized month is recorded
 * in an open month with `adjustsMonth` and counts there), shown under the month's status table so that a
 * month still reading "Kurang bayar" is not paid twice (QA). The month's own figures stay as they are.
 */
import { api } from './api.js';
import { h } from './dom.js';
import { dateLabel, monthLabel, rupiah } from './format.js';
import { dataTable } from './ui.js';

/** Every correction of `month` (recorded in later months): few, read whole a page of 1000 at a time. */
export async function correctionsOf(month, signal) {
  const items = [];
  for (let page = 1; ; page++) {
    const res = await api('/api/v1/payments', { query: { adjustsMonth: month, page, pageSize: 1000 }, signal });
    items.push(...(res.items ?? []));
    if (!res.items?.length || items.length >= res.total) return items;
  }
}

/**
 * Per pledge with corrections: what the month itself left short (due less paid, never below 0), the
 * corrections' total, and what is still short after them (`left`) or how much they go over it (`over`).
 * Pure, tested. `statuses`: GET /payments/status; `corrections`: GET /payments?adjustsMonth=.
 */
export function correctionBalances(statuses, corrections) {
  const byPledge = new Map();
  for (const c of corrections) byPledge.set(c.pledgeCode, (byPledge.get(c.pledgeCode) ?? 0) + (Number(c.amount) || 0));
  const status = new Map((Array.isArray(statuses) ? statuses : []).map((s) => [s.pledgeCode, s]));
  return [...byPledge.keys()].sort().map((pledgeCode) => {
    const s = status.get(pledgeCode);
    const short = Math.max(0, (Number(s?.due) || 0) - (Number(s?.paid) || 0));
    const corrected = byPledge.get(pledgeCode);
    return { pledgeCode, short, corrected, left: Math.max(0, short - corrected), over: Math.max(0, corrected - short) };
  });
}

function balanceText(b) {
  if (b.left > 0) return `Masih kurang ${rupiah(b.left)}`;
  if (b.short === 0) return 'Bulan ini tidak kurang bayar: koreksi tidak menutup kekurangan apa pun';
  return b.over > 0 ? `Lunas setelah koreksi (lebih ${rupiah(b.over)})` : 'Lunas setelah koreksi';
}

/** The note, or null when no correction names the month. */
export function correctionsNote(month, statuses, corrections) {
  if (!corrections.length) return null;
  const name = monthLabel(month);
  return h(
    'div',
    { class: 'notice notice--info', role: 'note', 'aria-label': `Koreksi untuk ${name}` },
    h('h3', { text: `Koreksi untuk ${name} yang dicatat di bulan lain` }),
    h('p', {
      text: `Angka di atas tetap angka ${name} sendiri. Koreksi berikut dicatat dan dihitung pada bulan pencatatannya, tetapi membayar kekurangan ${name}: periksa sisanya sebelum membayar lagi.`,
    }),
    dataTable({
      caption: `Kekurangan ${name} setelah koreksi`,
      columns: [
        { label: 'Komitmen', key: 'pledgeCode' },
        { label: `Kurang bayar ${name}`, value: (b) => rupiah(b.short), numeric: true },
        { label: 'Koreksi', value: (b) => rupiah(b.corrected), numeric: true },
        { label: 'Sisa kurang', value: (b) => rupiah(b.left), numeric: true },
        { label: 'Keterangan', value: balanceText, wrap: true },
      ],
      rows: correctionBalances(statuses, corrections),
    }),
    dataTable({
      caption: `Koreksi untuk ${name}`,
      columns: [
        { label: 'Komitmen', key: 'pledgeCode' },
        { label: 'Dicatat di bulan', value: (c) => monthLabel(c.month) },
        { label: 'Tanggal bayar', value: (c) => dateLabel(c.paidAt) },
        { label: 'Referensi', key: 'reference' },
        { label: 'Jumlah', value: (c) => rupiah(c.amount), numeric: true },
      ],
      rows: corrections,
    }),
  );
}
