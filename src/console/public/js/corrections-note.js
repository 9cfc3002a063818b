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
 * Per pledge with corrections: what the month itself left short (due less its own payments, `ownPaid`, never below 0)
 * or overpaid (`overpaid`, own payments less due, never below 0), the corrections' total (a negative correction gives money back, so
 * it lowers it), and what is still short after them (`left`) or how much they leave paid above the due (`over`).
 * Pure, tested. `statuses`: GET /payments/status; `corrections`: GET /payments?adjustsMonth=.
 */
export function correctionBalances(statuses, corrections) {
  const byPledge = new Map();
  for (const c of corrections) byPledge.set(c.pledgeCode, (byPledge.get(c.pledgeCode) ?? 0) + (Number(c.amount) || 0));
  const status = new Map((Array.isArray(statuses) ? statuses : []).map((s) => [s.pledgeCode, s]));
  return [...byPledge.keys()].sort().map((pledgeCode) => {
    const s = status.get(pledgeCode);
    // the month's own payments: a correction of another month recorded in it pays that month, not this one (QA: counted
    // twice, November read "Sisa Rp39.400" when Rp69.400 was still owed)
    const balance = (Number(s?.ownPaid ?? s?.paid) || 0) - (Number(s?.due) || 0); // above 0: overpaid; below: short
    const corrected = byPledge.get(pledgeCode);
    const after = balance + corrected;
    return { pledgeCode, short: Math.max(0, -balance), overpaid: Math.max(0, balance), corrected, left: Math.max(0, -after), over: Math.max(0, after) };
  });
}

/**
 * The Keterangan of a pledge's balance: still short, or paid in full after the corrections (with what they leave
 * over), or, for a month overpaid that negative corrections gave money back for, what is still overpaid (QA: a
 * negative correction read "Masih kurang" for a month it left paid in full).
 */
export function balanceText(b) {
  if (b.left > 0) return `Masih kurang ${rupiah(b.left)}`;
  if (b.corrected < 0) return b.over > 0 ? `Masih lebih bayar ${rupiah(b.over)} setelah pengembalian` : 'Lunas setelah pengembalian kelebihan bayar';
  if (b.short === 0) return 'Bulan ini tidak kurang bayar: koreksi tidak menutup kekurangan apa pun';
  return b.over > 0 ? `Lunas setelah koreksi (lebih ${rupiah(b.over)})` : 'Lunas setelah koreksi';
}

/**
 * The month's own balance in the note's table: its shortfall as an amount, or "Lebih bayar Rp10.000" for a month
 * overpaid (QA: an overpaid pledge read "Kurang bayar Oktober 2026 Rp0" above the refund of that overpayment). Pure.
 */
export function ownBalanceText(b) {
  return b.short === 0 && b.overpaid > 0 ? `Lebih bayar ${rupiah(b.overpaid)}` : rupiah(b.short);
}

/** What is left after the corrections: still short as an amount, "Lebih bayar Rp2.680" when they leave it overpaid. Pure. */
export function leftText(b) {
  return b.left === 0 && b.over > 0 ? `Lebih bayar ${rupiah(b.over)}` : rupiah(b.left);
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
      text: `Angka di atas tetap angka ${name} sendiri. Koreksi berikut dicatat dan dihitung pada bulan pencatatannya, tetapi membayar kekurangan ${name} (koreksi negatif mengembalikan kelebihan bayarnya): periksa sisanya sebelum membayar lagi.`,
    }),
    dataTable({
      caption: `Kekurangan ${name} setelah koreksi`,
      columns: [
        { label: 'Komitmen', key: 'pledgeCode' },
        { label: `Kurang (lebih) bayar ${name}`, value: ownBalanceText, numeric: true },
        { label: 'Koreksi', value: (b) => rupiah(b.corrected), numeric: true },
        { label: 'Sisa kurang (lebih) bayar', value: leftText, numeric: true },
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
