/** The table of payments per funder (DOMAIN §8): due, paid, status, lateness and due-ness. Shared by pages. */
import { complianceMark } from './compliance.js';
import { correctionBalances } from './corrections-note.js';
import { h } from './dom.js';
import { dateLabel, label, monthLabel, monthsLabel, PAYMENT_STATUS_LABELS, rupiah } from './format.js';
import { hashFor } from './routes.js';
import { badge, dataTable } from './ui.js';

const TONES = { PAID: 'ok', UNPAID: 'bad', UNDERPAID: 'warn', OVERPAID: 'info' };

/**
 * Under the paid amount, what of it is corrections of earlier months recorded in this one (GET
 * /payments/status `corrections`, `correctedMonths`; a run's rows have neither): they count here (§8)
 * but pay those months' shortfall, so a month they made PAID is not read as paid on its own. A negative
 * total gives money back for overpaid closed months: "termasuk pengembalian kelebihan bayar Oktober–November
 * 2026 Rp32.680" (QA: "Dibayar -Rp32.680" was said nothing of). The API gives the total only, so corrections
 * of several months are said as their net total ("bersih"), which may mix payments and refunds. Pure, tested.
 */
export function correctionsText(r) {
  const amount = Number(r.corrections) || 0;
  const named = Array.isArray(r.correctedMonths) && r.correctedMonths.length ? r.correctedMonths : [];
  if (!amount && !named.length) return null;
  const months = named.length ? monthsLabel(named) : 'bulan sebelumnya';
  const net = new Set(named).size > 1 ? ' (jumlah bersih)' : '';
  if (amount > 0) return `termasuk koreksi ${months} ${rupiah(amount)}${net}`;
  if (amount < 0) return `termasuk pengembalian kelebihan bayar ${months} ${rupiah(-amount)}${net}`;
  return `termasuk koreksi ${months} yang jumlah bersihnya ${rupiah(0)}`;
}

/** The Selisih cell (ownBalance), saying it leaves the corrections out where the row has some. */
function selisihCell(r) {
  return [rupiah(ownBalance(r)), Number(r.corrections) ? [' ', h('span', { class: 'hint hint--block', text: 'tanpa koreksi bulan lain' })] : null];
}

function paidCell(r) {
  const corrections = correctionsText(r);
  return [rupiah(r.paid), corrections ? [' ', h('span', { class: 'hint hint--block', text: corrections })] : null];
}

/**
 * The late badge, as the workbooks' *Dibayar Terlambat* column: "Dibayar terlambat (hanya koreksi)" when only corrections
 * were paid after the 10th.
 */
function lateBadge(r) {
  if (!r.late) return null;
  return [' ', r.lateOnlyByCorrections ? badge('Dibayar terlambat (hanya koreksi)', 'warn') : badge('Dibayar terlambat', 'bad')];
}

const isOwed = (status) => status === 'UNPAID' || status === 'UNDERPAID';
/** Owed by the month's own payments (GET /payments/status `ownStatus`; a run's rows have only `status`). */
const owed = (r) => isOwed(r.ownStatus ?? r.status);

/**
 * A month PAID (or OVERPAID) by §8's sum only thanks to corrections of other months recorded in it, its own premium
 * not (fully) paid (`ownStatus`): "Lunas menurut jumlah (termasuk koreksi November 2026 Rp283.500); iuran Desember
 * 2026 sendiri belum dibayar – lewat jatuh tempo 10 Desember 2026" (QA: December read Lunas). The statements say the same (labels.ts). `head` and `tail`
 * are the badge's and the hint's parts; null otherwise. Pure.
 */
export function coveredByCorrections(r) {
  if (!r.ownStatus || isOwed(r.status) || !isOwed(r.ownStatus)) return null;
  const month = r.dueDate ? monthLabel(r.dueDate.slice(0, 7)) : r.month ? monthLabel(r.month) : 'bulan ini';
  const own = r.ownStatus === 'UNPAID' ? 'belum dibayar' : `baru dibayar ${rupiah(r.ownPaid)} dari ${rupiah(r.due)}`;
  const head = `${label(PAYMENT_STATUS_LABELS, r.status)} menurut jumlah`;
  const due = dueText(r);
  const dueSaid = due ? due[0].toLowerCase() + due.slice(1) : null;
  const tail = `iuran ${month} sendiri ${own}` + (dueSaid ? (r.overdue ? ` – ${dueSaid}` : ` (${dueSaid})`) : '');
  return { head, tail, text: `${head} (${correctionsText(r) ?? 'termasuk koreksi bulan lain'}); ${tail}` };
}

/**
 * Whether a month still owed is past its due date (GET /payments/status `dueDate`, `overdue`, judged by the server's
 * clock in WIB; a run's rows have neither and read as before), in the statements' and workbooks' words (labels.ts
 * statementStatusLabel): "Lewat jatuh tempo 10 November 2026", or "Jatuh tempo 10 Desember 2026" for one not yet due, a
 * month not begun included (QA: all read the same red "Belum dibayar"). Pure.
 */
export function dueText(r) {
  if (!r.dueDate || !owed(r)) return null;
  return `${r.overdue ? 'Lewat jatuh tempo' : 'Jatuh tempo'} ${dateLabel(r.dueDate)}`;
}

/**
 * The status badge's word: a month paid in part before its due date is "Dibayar sebagian", not (yet) "Kurang bayar"
 * (QA: read as an arrear; the statements say the same). Pure.
 */
export function statusWord(r) {
  if (r.status === 'UNDERPAID' && r.dueDate && !r.overdue) return 'Dibayar sebagian';
  return label(PAYMENT_STATUS_LABELS, r.status);
}

/**
 * A month PAID or OVERPAID by §8's sum only because of corrections of closed months recorded in it, its own payments
 * not owing, in the reconciliation workbook's words (Pembayaran's status): "Tidak ada iuran bulan ini; hanya koreksi
 * Juni 2026 Rp76.696.200" where nothing was due or paid of its own (a 2026 arrear recorded in January 2027), else
 * "Lunas (ditambah koreksi Juni 2026 Rp122.200)". The §8 badge stays; this is said under it. Null otherwise. Pure.
 */
export function correctionOnlyText(r) {
  const parts = correctionOnlyParts(r);
  if (!parts) return null;
  return parts.nothingDue ? `${parts.head}; ${parts.tail}` : `${parts.head} (${parts.tail})`;
}

/**
 * correctionOnlyText in the badge's and the hint's parts: `head` the month's own status ("Lunas", or "Tidak ada iuran
 * bulan ini"), `tail` the corrections ("ditambah koreksi Juli 2026 Rp37.800"). The badge says the own status alone (QA:
 * one row read both "Lebih bayar" and "Lunas (ditambah koreksi …)"). Null as correctionOnlyText. Pure.
 */
export function correctionOnlyParts(r) {
  const corrections = Number(r.corrections) || 0;
  if (!corrections || !r.ownStatus || isOwed(r.ownStatus) || r.ownStatus === r.status) return null;
  const months = Array.isArray(r.correctedMonths) && r.correctedMonths.length ? monthsLabel(r.correctedMonths) : 'bulan sebelumnya';
  if (!Number(r.due) && !Number(r.ownPaid)) return { head: 'Tidak ada iuran bulan ini', tail: `hanya koreksi ${months} ${rupiah(corrections)}`, nothingDue: true, tone: 'neutral' };
  return { head: label(PAYMENT_STATUS_LABELS, r.ownStatus), tail: `ditambah koreksi ${months} ${rupiah(corrections)}`, nothingDue: false, tone: TONES[r.ownStatus] ?? 'neutral' };
}

/**
 * A row's Selisih: its own payments less its due, without the corrections of other months recorded in it (GET
 * /payments/status `corrections`; a run's row without it counts as the month's own), so the rows add up to the "Total
 * bulan ini" row under them (QA: −Rp437.680 in the rows against −Rp475.480 in the total). Pure.
 */
export function ownBalance(r) {
  return (Number(r.paid) || 0) - (Number(r.corrections) || 0) - (Number(r.due) || 0);
}

/**
 * The month's totals with its own payments apart from the corrections of closed months recorded in it (GET
 * /payments/status `corrections`; a run's row without it counts as the month's own), as the workbook's Pembayaran says
 * them: `own` paid and `balance` (own − due) are the month's, `corrections` the closed months', `paid` the §8 sum (QA:
 * January 2027, paid only by corrections of 2026 months, read "Dibayar Rp77.565.600, Selisih −Rp37.151.100" as if it
 * were 70 % paid). Pure.
 */
export function paymentTotals(rows) {
  const sum = (key) => rows.reduce((s, r) => s + (Number(r[key]) || 0), 0);
  const due = sum('due');
  const paid = sum('paid');
  const corrections = sum('corrections');
  const months = [...new Set(rows.flatMap((r) => (Number(r.corrections) && Array.isArray(r.correctedMonths) ? r.correctedMonths : [])))];
  return { due, paid, own: paid - corrections, corrections, balance: paid - corrections - due, correctedMonths: months };
}

/** The table's footer: one Total row, or with corrections the month's own total, the corrections and the §8 sum apart. */
function totalsFooter(rows) {
  const t = paymentTotals(rows);
  const num = (amount) => h('td', { class: 'num', text: amount === null ? '' : rupiah(amount) });
  const line = (name, due, paid, balance, hint) => h('tr', {}, h('th', { scope: 'row', text: name }), num(due), num(paid), num(balance), h('td', hint ? { class: 'hint', text: hint } : {}));
  if (!t.corrections) return line('Total', t.due, t.paid, t.paid - t.due);
  const months = t.correctedMonths.length ? monthsLabel(t.correctedMonths) : 'bulan sebelumnya';
  return [
    line('Total bulan ini', t.due, t.own, t.balance, t.due || t.own ? 'pembayaran bulan ini sendiri, tanpa koreksi' : 'Tidak ada iuran bulan ini; hanya koreksi'),
    line(`Koreksi ${months}`, null, t.corrections, null, 'koreksi bulan yang sudah ditutup, dicatat bulan ini: bukan kelebihan atau kekurangan bulan ini'),
    line('Jumlah dicatat', null, t.paid, null, 'termasuk koreksi'),
  ];
}

function statusBadges(r) {
  const due = dueText(r);
  const correctionOnly = correctionOnlyParts(r);
  if (correctionOnly) return [badge(correctionOnly.head, correctionOnly.tone), lateBadge(r), ' ', h('span', { class: 'hint hint--block', text: correctionOnly.tail })];
  const covered = coveredByCorrections(r);
  if (covered) {
    // paid in sum by corrections of other months only (the paid cell names them): not the plain green Lunas
    return [
      h('span', { title: covered.text }, badge(covered.head, r.overdue ? 'bad' : 'warn')),
      lateBadge(r),
      ' ',
      h('span', { class: 'hint hint--block', text: covered.tail }),
    ];
  }
  // a month not yet due is owed but not in arrears: grey, not red
  const tone = due && !r.overdue ? 'neutral' : (TONES[r.status] ?? 'neutral');
  return [badge(statusWord(r), tone), due ? [' ', badge(due, r.overdue ? 'bad' : 'neutral')] : null, lateBadge(r)];
}

/** 'A', 'A dan B', 'A, B dan C'. */
function listed(names) {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} dan ${names.at(-1)}`;
}

/**
 * The one warning line of a month with overdue pledges (§8: BPJS suspends coverage when premiums are unpaid at month
 * end; the service only reports it), naming them; null when none is overdue. A pledge whose shortfall corrections
 * recorded in later months cover (`corrections`: GET /payments?adjustsMonth=) is left out: it is not to be paid again.
 * `closed`: the month is finalized, so what is owed is paid as a correction recorded in an open month, not into it
 * (QA: a finalized November said "Segera bayar atau catat pembayarannya", and its payment was then refused);
 * `frozenBy`: the later finalized month that froze it (month-field.js monthClosure), closed the same (QA: a frozen
 * October was told to pay). `writes`: false for a role that records no payment (the auditor, the admin), told the
 * facts without an instruction to pay or record (QA: the read-only auditor read "Segera bayar atau catat
 * pembayarannya"). Pure.
 */
export function overdueWarningText(month, statuses, corrections = [], { closed = false, frozenBy = null, writes = true } = {}) {
  const rows = Array.isArray(statuses) ? statuses : [];
  const covered = new Set(correctionBalances(rows, corrections).filter((b) => b.short > 0 && b.left === 0).map((b) => b.pledgeCode));
  const overdue = rows.filter((r) => r.overdue && !covered.has(r.pledgeCode));
  if (!overdue.length) return null;
  const name = monthLabel(month);
  const due = dateLabel(overdue[0].dueDate);
  const pledges = `komitmen ${listed(overdue.map((r) => r.pledgeCode))}`;
  const state = frozenBy ? `dibekukan (${monthLabel(frozenBy)} difinalisasi)` : 'difinalisasi';
  const closedNow = closed || frozenBy;
  const pay = closedNow
    ? `${name} sudah ${state}: bayarkan kekurangannya dan catat sebagai koreksi di bulan yang masih terbuka (Koreksi untuk bulan: ${name})`
    : 'Segera bayar atau catat pembayarannya';
  // for a reader, the fact alone: a closed month's shortfall is said to go in as a correction, nothing is asked of them
  const fact = closedNow ? ` ${name} sudah ${state}: kekurangannya dicatat sebagai koreksi di bulan yang masih terbuka.` : '';
  if (overdue.some((r) => r.suspensionRisk === 'MONTH_ENDED')) {
    const said = `Iuran ${name} untuk ${pledges} belum lunas sampai akhir bulan (jatuh tempo ${due}): BPJS Kesehatan mungkin sudah menonaktifkan kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018).`;
    return writes ? `${said} ${pay}, lalu pastikan status kepesertaan mereka ke BPJS Kesehatan.` : `${said}${fact}`;
  }
  const said =
    `Iuran ${name} untuk ${pledges} belum lunas dan sudah lewat jatuh tempo ${due}: bila belum lunas pada akhir bulan, BPJS Kesehatan dapat ` +
    'menonaktifkan kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018).';
  return writes ? `${said} ${pay}.` : `${said}${fact}`;
}

/**
 * A month frozen by a later finalized month of its year (§9), said above its status table with a *Dibekukan* badge
 * (QA: nothing on the page said October was closed): its figures stay, its shortfall or overpayment is corrected in
 * an open month. Null for a month not frozen.
 */
export function frozenNotice(month, frozenBy) {
  if (!frozenBy) return null;
  const name = monthLabel(month);
  return h(
    'div',
    { class: 'notice notice--info', role: 'note', 'aria-label': `${name} dibekukan` },
    badge('Dibekukan', 'info'),
    ' ',
    `${name} dibekukan karena ${monthLabel(frozenBy)} sudah difinalisasi (bulan sebelumnya pada tahun itu ikut ditutup): pembayarannya tetap seperti tercatat; kekurangan atau kelebihan bayarnya dikoreksi di bulan yang masih terbuka.`,
  );
}

/** The warning as a notice (aria-label "Lewat jatuh tempo November 2026"), or null. */
export function overdueWarning(month, statuses, corrections = [], options = {}) {
  const text = overdueWarningText(month, statuses, corrections, options);
  return text ? h('div', { class: 'notice notice--warning', role: 'status', 'aria-label': `Lewat jatuh tempo ${monthLabel(month)}`, text }) : null;
}

/**
 * A run's payment rows with `ownPaid`, `ownStatus` and the corrections counted in them from today's status (GET
 * /payments/status), for a pledge whose paid has not changed since: the status column then says a month PAID only by
 * corrections of other months so (statusBadges below): the Dasbor's final run and the run page (QA: the run page read plain Lunas).
 * With them the month's due-ness (`dueDate`, `overdue`, `suspensionRisk`), so a pledge still owing reads *Lewat jatuh
 * tempo* there as on Pembayaran (QA: a finalized month's *Kurang bayar* had no such badge on the Dasbor and the run page),
 * and `lateOnlyByCorrections`, so its late badge reads as Pembayaran's. Pure.
 */
export function withOwnPayments(month, rows, current) {
  const now = new Map((Array.isArray(current) ? current : []).map((r) => [r.pledgeCode, r]));
  return (rows ?? []).map((r) => {
    const c = now.get(r.pledgeCode);
    if (!c || Number(c.paid) !== Number(r.paid)) return r;
    const due = c.dueDate ? { dueDate: c.dueDate, overdue: c.overdue, suspensionRisk: c.suspensionRisk } : {};
    const own = c.ownStatus ? { ownPaid: c.ownPaid, ownStatus: c.ownStatus, corrections: c.corrections, correctedMonths: c.correctedMonths } : {};
    // whether its late payments were only corrections (QA: the Dasbor's "Dibayar terlambat" where Pembayaran said "(hanya koreksi)")
    const late = c.late === r.late && typeof c.lateOnlyByCorrections === 'boolean' ? { lateOnlyByCorrections: c.lateOnlyByCorrections } : {};
    return { ...r, month, ...due, ...own, ...late };
  });
}

export function paymentStatusTable(answer, caption = 'Status pembayaran per pemberi dana', { compliance = new Map() } = {}) {
  // GET /payments/status answers a list; a paged `{ items }` or nothing reads the same
  const rows = Array.isArray(answer) ? answer : (answer?.items ?? []);
  return dataTable({
    caption,
    columns: [
      // `compliance` (complianceByPledge): a pledge paid from Dana Desa says so under its code (QA: not on Pembayaran)
      { label: 'Komitmen', render: (r) => [h('a', { href: hashFor(`/komitmen/${encodeURIComponent(r.pledgeCode)}`), text: r.pledgeCode }), complianceMark(compliance.get(r.pledgeCode))], wrap: compliance.size > 0 },
      { label: 'Terutang', value: (r) => rupiah(r.due), numeric: true },
      { label: 'Dibayar', render: paidCell, numeric: true },
      { label: 'Selisih', render: selisihCell, numeric: true },
      { label: 'Status', render: statusBadges, stack: true },
    ],
    rows,
    empty: 'Tidak ada kewajiban atau pembayaran pada bulan ini.',
    footer: rows.length ? totalsFooter(rows) : null,
  });
}
