/**
 * Reconciliation runs of a month; finance officers start a new run (a new version) from here. A run
 * answered with warnings (NO_BILL: the month has no BPJS bill, so the run has no bill findings and cannot
 * be finalized; NO_PBI_LIST: double coverage was not checked; BILL_ROWS_REJECTED: the bill's refused rows were not
 * matched) stays on this page and says so, with links to the run
 * and the bill page (QA: nobody was told).
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { currentMonth, dateTimeLabel, label, monthLabel, number, rupiah, RUN_STATUS_LABELS } from '../format.js';
import { form, showErrors, values } from '../forms.js';
import { monthClosure, monthField, monthFromAddress, previousMonth } from '../month-field.js';
import { canWriteFinance, hashFor } from '../routes.js';
import { frozenNotice } from '../payment-status.js';
import { announce, badge, busy, dataTable, errorNotice, loading, notice, pageHeader, section } from '../ui.js';

export const RUN_TONES = { DONE: 'info', FINAL: 'ok', FAILED: 'bad', RUNNING: 'warn' };

export async function render(main, ctx) {
  const { month, problem } = monthFromAddress(ctx.query, previousMonth(currentMonth()));
  const list = h('div');
  const start = h('button', { type: 'button', class: 'btn btn--primary' }, `Mulai rekonsiliasi ${monthLabel(month)}`);
  const startOut = h('div');
  const frozenBox = h('div');
  start.addEventListener('click', () =>
    busy(start, async () => {
      replace(startOut);
      try {
        const run = await api('/api/v1/reconciliations', { method: 'POST', json: { month } });
        if (!run.warnings?.length) return ctx.navigate(`/rekonsiliasi/${run.id}`);
        replace(startOut, startWarnings(run));
        announce(`Rekonsiliasi ${monthLabel(month)} versi ${run.version} selesai, dengan peringatan.`);
        // the year's table too: the month is a Draf now (QA: it read Belum dimulai until the page was reloaded)
        await Promise.all([loadRuns(), loadYear(yearBox, month, ctx, frozenBox)]);
      } catch (err) {
        replace(startOut, errorNotice(err));
      }
    }),
  );
  const yearBox = h('div');
  const picker = form(
    {
      label: 'Pilih bulan',
      onsubmit: (_e, el) => {
        const v = values(el);
        if (!/^\d{4}-\d{2}$/.test(v.month)) return showErrors(el, { message: 'Bulan tidak valid.', details: [{ field: 'month', messages: ['Gunakan format YYYY-MM.'] }] });
        ctx.navigate('/rekonsiliasi', { month: v.month });
      },
    },
    h('div', { class: 'filters' }, monthField({ value: month }), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn--secondary' }, 'Tampilkan'))),
  );
  replace(
    main,
    pageHeader('Rekonsiliasi', 'Cocokkan tagihan BPJS dan pembayaran dengan daftar peserta dan alokasi dana. Setiap proses menghasilkan versi baru; versi yang disetujui difinalisasi oleh petugas keuangan kedua.'),
    problem,
    section(null, picker, frozenBox, canWriteFinance(ctx.user.role) ? h('div', { class: 'actions' }, start) : null, startOut),
    section(`Proses rekonsiliasi ${monthLabel(month)}`, list),
    section(`Status bulan tahun ${month.slice(0, 4)}`, yearBox),
  );
  await Promise.all([loadRuns(), loadYear(yearBox, month, ctx, frozenBox)]);

  async function loadRuns() {
    replace(list, loading());
    try {
      const runs = await api('/api/v1/reconciliations', { query: { month }, signal: ctx.signal });
      replace(
        list,
        dataTable({
          caption: `Versi rekonsiliasi ${monthLabel(month)} (terbaru di atas)`,
          columns: [
            { label: 'Versi', render: (r) => h('a', { href: hashFor(`/rekonsiliasi/${r.id}`), text: `Versi ${r.version}` }) },
            { label: 'Status', render: (r) => badge(label(RUN_STATUS_LABELS, r.status), RUN_TONES[r.status]) },
            { label: 'Dimulai', value: (r) => `${dateTimeLabel(r.startedAt)} oleh ${r.startedBy ?? '–'}` },
            { label: 'Finalisasi', value: (r) => (r.finalizedAt ? `${dateTimeLabel(r.finalizedAt)} oleh ${r.finalizedBy}` : '–') },
            { label: 'Peserta', value: (r) => number(r.participants), numeric: true },
            { label: 'Kewajiban', value: (r) => rupiah(r.obligation), numeric: true },
            { label: 'Dapat dibayar', value: (r) => (r.bill ? rupiah(r.bill.payable) : 'Belum ada tagihan'), numeric: true },
          ],
          rows: runs,
          empty: `Belum ada rekonsiliasi untuk ${monthLabel(month)}.`,
        }),
      );
      // a finalized month is closed (§9): no new run to offer, say why instead (QA: the button led to a refusal)
      const final = runs.find((r) => r.status === 'FINAL');
      if (final) replace(start.parentElement ?? startOut, notice('info', `${monthLabel(month)} sudah difinalisasi (versi ${final.version}); bulan ini tertutup dan tidak dapat direkonsiliasi lagi.`));
    } catch (err) {
      if (err?.name === 'AbortError') return;
      replace(list, errorNotice(err));
    }
  }
}

/** The warnings of a run just started, with the way to the run and to the month's bills. */
function startWarnings(run) {
  // the bill and the PBI-APBN list are both uploaded on the Tagihan page
  const toBills = run.warnings.some((w) => w.code === 'NO_BILL' || w.code === 'NO_PBI_LIST' || w.code === 'BILL_ROWS_REJECTED');
  return notice(
    'warning',
    h('strong', { text: `Rekonsiliasi versi ${run.version} tersimpan, dengan peringatan: ` }),
    ...run.warnings.map((w) => h('span', { text: `${w.message} ` })),
    h('a', { href: hashFor(`/rekonsiliasi/${run.id}`), text: `Buka versi ${run.version}` }),
    toBills ? [' · ', h('a', { href: hashFor('/tagihan', { month: run.month }), text: 'Ke halaman tagihan' })] : null,
  );
}

/**
 * The *Dibekukan* notice of a month frozen by `frozenBy` (payment-status.js frozenNotice), with what a run of it still
 * does: it may be run again and finalized, its allocation kept as frozen; null for a month not frozen.
 */
export function frozenReconciliationNotice(month, frozenBy) {
  const frozen = frozenNotice(month, frozenBy);
  if (!frozen) return null;
  frozen.append(` Rekonsiliasinya masih dapat dijalankan ulang dan difinalisasi; alokasi ${monthLabel(month)} yang dibekukan tidak dihitung ulang, dan pembayarannya hanya dapat dicatat sebagai koreksi di bulan yang masih terbuka.`);
  return frozen;
}

/** '2026' → ['2026-01', …, '2026-12']. */
const yearMonths = (year) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * Where each month of a year stands, from its runs (§9): Final; Dibekukan (not finalized, but a later month of the
 * year is, so it is closed too); Draf (runs, none final); Belum direkonsiliasi; Bulan belum berjalan (after the
 * current month: QA read a bare "Belum dimulai" as the reconciliation not begun, beside "Belum direkonsiliasi").
 * Pure, tested. `runsByMonth`: month → its runs; `current`: the current month (WIB).
 */
export function monthStatuses(year, runsByMonth, current) {
  return yearMonths(year).map((m) => {
    const { finalized, frozenBy } = monthClosure(m, runsByMonth);
    if (finalized) return { month: m, status: 'Final', tone: 'ok' };
    if (frozenBy) return { month: m, status: 'Dibekukan', tone: 'ok' };
    if ((runsByMonth.get(m) ?? []).some((r) => r.status === 'DONE')) return { month: m, status: 'Draf', tone: 'info' };
    if (m > current) return { month: m, status: 'Bulan belum berjalan', tone: 'neutral' };
    return { month: m, status: 'Belum direkonsiliasi', tone: 'warn' };
  });
}

/**
 * The year's months with their status, each a link to its runs, so that the months still open are seen at once (QA:
 * learning that August to October were still drafts took picking each month). Twelve small reads, at once. A month
 * frozen by a later finalized one gets Pembayaran's *Dibekukan* notice in `frozenBox`, above the button that still
 * runs it again (QA: a frozen October read as open).
 */
async function loadYear(box, month, ctx, frozenBox) {
  replace(box, loading());
  try {
    const year = month.slice(0, 4);
    const months = yearMonths(year);
    const runs = await Promise.all(months.map((m) => api('/api/v1/reconciliations', { query: { month: m }, signal: ctx.signal })));
    const byMonth = new Map(months.map((m, i) => [m, runs[i]]));
    const statuses = monthStatuses(year, byMonth, currentMonth());
    replace(frozenBox, frozenReconciliationNotice(month, monthClosure(month, byMonth).frozenBy));
    replace(
      box,
      dataTable({
        caption: `Status rekonsiliasi per bulan, tahun ${year}`,
        columns: [
          { label: 'Bulan', render: (r) => (r.month === month ? h('strong', { text: monthLabel(r.month) }) : h('a', { href: hashFor('/rekonsiliasi', { month: r.month }), text: monthLabel(r.month) })) },
          { label: 'Status', render: (r) => badge(r.status, r.tone) },
        ],
        rows: statuses,
      }),
    );
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(box, errorNotice(err));
  }
}
