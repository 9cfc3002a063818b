/**
 * Dashboard of a month: participants, obligation, funding by source type (chart), unfunded, billed vs
 * payable and payment status per funder. Figures come from the month's latest reconciliation run; a
 * month not reconciled yet shows the current allocation and payment status instead.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { currentMonth, label, monthLabel, monthsLabel, RUN_STATUS_LABELS } from '../format.js';
import { form, values } from '../forms.js';
import { closureOf, monthField, monthFromAddress, nextMonth } from '../month-field.js';
import { correctionsNote, correctionsOf } from '../corrections-note.js';
import { latestProjectedYear } from '../projection.js';
import { frozenNotice, overdueWarning, paymentStatusTable, withOwnPayments } from '../payment-status.js';
import { canSee, canWriteFinance, hashFor } from '../routes.js';
import { billStats, fundedTable, fundingChart, fundingWarnings, headlineStats } from '../run-summary.js';
import { announce, badge, busy, errorNotice, loading, notice, pageHeader, recomputedNotice, section } from '../ui.js';
import { changesNotice, closedMonthCorrectionsText } from './reconciliation.js';
import { RUN_TONES } from './reconciliations.js';

export async function render(main, ctx) {
  const { month, problem } = monthFromAddress(ctx.query, currentMonth());
  const body = h('div');
  const picker = form(
    { label: 'Pilih bulan', onsubmit: (_e, el) => ctx.navigate('/dasbor', { month: values(el).month }) },
    h('div', { class: 'filters' }, monthField({ value: month }), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn--secondary' }, 'Tampilkan'))),
  );
  replace(main, pageHeader(`Dasbor ${monthLabel(month)}`, 'Ringkasan kepesertaan, pendanaan, tagihan BPJS dan pembayaran bulan ini.'), problem, section(null, picker, projectionLink(month, ctx)), body);
  const load = async () => {
    replace(body, loading());
    try {
      const runs = await api('/api/v1/reconciliations', { query: { month }, signal: ctx.signal });
      const latest = runs.find((r) => r.status === 'FINAL') ?? runs.find((r) => r.status === 'DONE');
      // frozen by a later finalized month of its year (§9): closed as a finalized month is (QA: a frozen October was told to pay)
      const closure = await closureOf(month, runs, ctx.signal);
      if (latest) return replace(body, ...(await fromRun(await api(`/api/v1/reconciliations/${latest.id}`, { signal: ctx.signal }), ctx, closure)));
      replace(body, ...(await fromAllocation(month, ctx, load, closure)));
    } catch (err) {
      if (err?.name === 'AbortError') return;
      replace(body, errorNotice(err));
    }
  };
  await load();
}

/**
 * Whether a year's pledges will pay for it: a link that opens Komitmen of that year and computes its projection (QA:
 * nothing warned that next year's pagu fell short until January was allocated). From October, next year's; before,
 * the month's own year's (while an APBD-P revision can still change it). None for a year the API does not project.
 */
function projectionLink(month, ctx) {
  if (!canSee(ctx.user.role, '/komitmen')) return null;
  const year = Number(month.slice(0, 4));
  if (Number(month.slice(5)) >= 10 && year + 1 <= latestProjectedYear()) {
    return h('p', {}, `Tahun anggaran ${year + 1} sudah dekat: `, h('a', { href: hashFor('/komitmen', { tahun: year + 1, proyeksi: 1 }), text: `periksa apakah komitmen ${year + 1} cukup untuk setahun (proyeksi pendanaan)` }), '.');
  }
  if (year > latestProjectedYear()) return null;
  return h('p', {}, h('a', { href: hashFor('/komitmen', { tahun: year, proyeksi: 1 }), text: `Periksa apakah komitmen ${year} cukup sampai Desember (proyeksi pendanaan)` }), '.');
}

/**
 * For a finance officer, the month's allocation computed now (POST /api/v1/allocations), then the page again: a month
 * not begun, such as next January while its pledges are entered, could be seen only by starting a reconciliation of
 * it (QA), which left a draft run of a month not begun.
 */
function allocateNow(month, reload) {
  const out = h('span', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn btn--secondary btn--small' }, `Hitung alokasi ${monthLabel(month)} sekarang`);
  button.addEventListener('click', () =>
    busy(button, async () => {
      replace(out);
      try {
        await api('/api/v1/allocations', { method: 'POST', json: { month } });
        announce(`Alokasi ${monthLabel(month)} dihitung.`);
        await reload();
      } catch (err) {
        replace(out, errorNotice(err));
      }
    }),
  );
  return h('div', { class: 'actions' }, button, out);
}

/**
 * A month with no allocation: when it will have one, and for a finance officer the button that computes it now, up to
 * next month (WIB), as far as the API allocates; a later month points to the projection instead (QA: *Hitung alokasi
 * Oktober 2027 sekarang* was offered in December 2026 and always refused).
 */
function notAllocated(month, ctx, reload) {
  const said = `Belum ada alokasi untuk ${monthLabel(month)}. Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau saat rekonsiliasi dijalankan`;
  if (!canWriteFinance(ctx.user.role)) return notice('warning', `${said}.`);
  const furthest = nextMonth(currentMonth());
  if (month > furthest) {
    const projected = Number(month.slice(0, 4)) <= latestProjectedYear() ? ' Untuk perkiraannya, lihat proyeksi pendanaan di atas.' : '';
    return notice('warning', `${said}; alokasi paling jauh dapat dihitung untuk ${monthLabel(furthest)}.${projected}`);
  }
  return notice('warning', `${said}; untuk melihatnya lebih dulu (mis. sesudah komitmen tahun depan dicatat), hitung sekarang.`, allocateNow(month, reload));
}

/** The month's unfunded participants, for a role that may open their list. */
function unfundedHref(month, ctx) {
  return canSee(ctx.user.role, '/tidak-terdanai') ? hashFor('/tidak-terdanai', { month }) : null;
}

/**
 * A run's figures. A draft's payments are those recorded now (QA: payments after the run showed as
 * unpaid here), and what else changed since it ran is said; a final run shows what was signed, and the
 * warning of a month past its due date still owed is said from today's status all the same (§8).
 */
async function fromRun(run, ctx, closure) {
  const draft = run.status === 'DONE';
  const [current, corrections] = await Promise.all([
    draft ? api('/api/v1/payments/status', { query: { month: run.month }, signal: ctx.signal }) : orNull(api('/api/v1/payments/status', { query: { month: run.month }, signal: ctx.signal })),
    correctionsOf(run.month, ctx.signal),
  ]);
  // a final run's rows (its stored shape) take what today's status says its own payments paid, where paid is the same
  const payments = draft ? current : withOwnPayments(run.month, run.payments, current);
  return [
    notice(
      run.status === 'FINAL' ? 'success' : 'info',
      `Sumber angka: rekonsiliasi versi ${run.version} `,
      badge(label(RUN_STATUS_LABELS, run.status), RUN_TONES[run.status]),
      ' ',
      h('a', { href: hashFor(`/rekonsiliasi/${run.id}`), text: 'Buka rincian rekonsiliasi' }),
    ),
    frozenUnreconciledNotice(run.frozenUnreconciled, ctx),
    yearPledgesNotice(run.warnings),
    draft && (run.changes ?? []).length ? changesNotice(run) : null,
    // what the register now says of the year's closed months, as the run kept it (QA: November's Rp37.800 for a man
    // dead in October was said nowhere a finance officer looks)
    run.closedMonthCorrections?.participantMonths ? notice('warning', closedMonthCorrectionsText(run.closedMonthCorrections)) : null,
    headlineStats(run, { unfundedHref: unfundedHref(run.month, ctx) }),
    h('div', { class: 'grid-2' }, section('Iuran menurut sumber dana', fundingChart(run)), section('Tagihan BPJS', billStats(run.bill))),
    // a shortfall corrected in a later month, as the Pembayaran page says it (QA: November still read "Belum dibayar")
    section(
      draft ? 'Status pembayaran per pemberi dana (saat ini)' : 'Status pembayaran per pemberi dana',
      frozenNotice(run.month, closure.frozenBy),
      overdueWarning(run.month, current, corrections, { ...closure, writes: canWriteFinance(ctx.user.role) }),
      paymentStatusTable(payments),
      correctionsNote(run.month, payments, corrections),
    ),
    section('Pendanaan per komitmen', fundingWarnings(run.month, run.funded, ctx.signal), fundedTable(run)),
  ];
}

/**
 * No run yet: the allocation of the month (or the splits summary) and the live payment status with its corrections
 * note, asked at once (they were three round trips one after the other).
 */
async function fromAllocation(month, ctx, reload, closure) {
  const [summary, payments, corrections] = await Promise.all([
    // NOT_ALLOCATED: nothing to show yet. A server without the route: use the splits summary.
    orNull(api(`/api/v1/allocations/${month}`, { signal: ctx.signal }), (err) => (err.missingRoute ? fromSplits(month, ctx).catch(() => null) : null)),
    orNull(api('/api/v1/payments/status', { query: { month }, signal: ctx.signal })),
    orNull(correctionsOf(month, ctx.signal)),
  ]);
  const none = !summary || (!summary.participants && !(summary.funded ?? []).some((f) => f.amount > 0));
  return [
    frozenUnreconciledNotice(summary?.frozenUnreconciled, ctx),
    recomputedNotice(summary?.recomputedMonths),
    yearPledgesNotice(summary?.warnings),
    // said only above figures, and the reconciliation page offered only for a month it can run (QA: February 2027 read
    // "angka di bawah berasal dari alokasi saat ini" above "Belum ada alokasi", with a link to reconcile it)
    none
      ? null
      : notice(
          'info',
          `${monthLabel(month)} belum direkonsiliasi: angka di bawah berasal dari alokasi saat ini dan belum mencakup tagihan BPJS. `,
          month <= nextMonth(currentMonth()) ? h('a', { href: hashFor('/rekonsiliasi', { month }), text: 'Ke halaman rekonsiliasi' }) : null,
        ),
    none ? notAllocated(month, ctx, reload) : headlineStats(summary, { unfundedHref: unfundedHref(month, ctx) }),
    none ? null : section('Iuran menurut sumber dana', fundingWarnings(month, summary.funded, ctx.signal), fundingChart(summary)),
    // a frozen month without a status to show (never allocated) still says it is frozen
    payments
      ? section('Status pembayaran per pemberi dana', frozenNotice(month, closure.frozenBy), overdueWarning(month, payments, corrections ?? [], { ...closure, writes: canWriteFinance(ctx.user.role) }), paymentStatusTable(payments), correctionsNote(month, payments, corrections ?? []))
      : frozenNotice(month, closure.frozenBy),
  ];
}

/**
 * The months frozen by a later finalization without a finalized reconciliation (the API's `frozenUnreconciled`, any
 * year): none has a signed Berita Acara, those never reconciled told apart from those reconciled as a draft only
 * (`draftVersion`), and what to do: a frozen month still takes its bill, is reconciled and finalized (QA, year end:
 * December 2026 finalized froze February–June, never reconciled, and nothing said so; then November froze
 * August–October, drafts only, and they were left out). Pure, tested.
 */
export function frozenUnreconciledText(list) {
  const rows = Array.isArray(list) ? list : [];
  if (!rows.length) return null;
  const by = monthsLabel([...new Set(rows.map((f) => f.frozenBy))]);
  const never = rows.filter((f) => f.draftVersion == null).map((f) => f.month);
  const drafts = rows.filter((f) => f.draftVersion != null).map((f) => `${monthLabel(f.month)} (versi ${f.draftVersion})`);
  const them = rows.length > 1 ? 'bulan-bulan itu' : 'bulan itu';
  return [
    `Bulan dibekukan tanpa rekonsiliasi final: ${monthsLabel(rows.map((f) => f.month))}, dibekukan oleh finalisasi ${by}; belum ada berita acara yang ditandatangani untuk ${them}.`,
    never.length ? `Belum pernah direkonsiliasi: ${monthsLabel(never)}; unggah tagihan BPJS-nya di halaman Tagihan dan jalankan rekonsiliasinya.` : null,
    drafts.length ? `Hanya draf (belum difinalisasi): ${drafts.join(', ')}; bila datanya berubah sejak dijalankan, jalankan ulang rekonsiliasinya.` : null,
    'Bulan yang dibekukan masih dapat direkonsiliasi dan difinalisasi oleh petugas keuangan lain. Alokasinya tetap seperti saat dibekukan; pembayarannya hanya dapat dicatat sebagai koreksi di bulan yang masih terbuka.',
  ]
    .filter(Boolean)
    .join(' ');
}

function frozenUnreconciledNotice(list, ctx) {
  const text = frozenUnreconciledText(list);
  if (!text) return null;
  const first = list[0].month;
  return notice('warning', text, ' ', canSee(ctx.user.role, '/rekonsiliasi') ? h('a', { href: hashFor('/rekonsiliasi', { month: first }), text: `Ke rekonsiliasi ${monthLabel(first)}` }) : null);
}

/** The warnings about the fiscal year's pledges as a whole (no pledge at all; funders of the year before without one, QA: January 2027). */
function yearPledgesNotice(warnings) {
  const said = (warnings ?? []).filter((w) => w.code === 'NO_PLEDGES_FOR_YEAR' || w.code === 'PLEDGES_NOT_RENEWED').map((w) => w.message);
  return said.length ? notice('warning', said.join(' ')) : null;
}

/** `request`'s answer, or what `fallback` makes of its failure (null by default); a cancelled page stays cancelled. */
async function orNull(request, fallback = () => null) {
  try {
    return await request;
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    return fallback(err);
  }
}

/** The splits summary by source type, shaped like an allocation summary (UNFUNDED is its own row there). */
async function fromSplits(month, ctx) {
  const rows = await api('/api/v1/splits/summary', { query: { month, groupBy: 'sourceType' }, signal: ctx.signal });
  const unfunded = rows.find((r) => r.key === 'UNFUNDED') ?? { participants: 0, amount: 0 };
  const funded = rows.filter((r) => r.key !== 'UNFUNDED').map((r) => ({ pledgeCode: r.key, sourceType: r.key, participants: r.participants, amount: r.amount }));
  return { participants: null, obligation: null, unfunded: { participants: unfunded.participants, amount: unfunded.amount }, funded };
}
