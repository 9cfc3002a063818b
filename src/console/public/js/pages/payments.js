/**
 * KEUANGAN: record a payment (SP2D) by form or as a sheet, and see the month's payments and statuses.
 * AUDITOR: the same month, read-only (who paid which month, when, with which reference, and its
 * corrections) and the payment sheets uploaded with their row reports; no form, upload or Hapus….
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { currentMonth, dateLabel, dateTimeLabel, monthLabel, number, rupiah } from '../format.js';
import { form, values } from '../forms.js';
import { closureOf, monthField, monthFromAddress } from '../month-field.js';
import { clampPage, fetchListedPage, keepAddress, pager } from '../pager.js';
import { frozenNotice, overdueWarning, paymentStatusTable } from '../payment-status.js';
import { canWriteFinance } from '../routes.js';
import { complianceByPledge } from '../compliance.js';
import { correctionsNote, correctionsOf } from '../corrections-note.js';
import { paymentForm } from '../payment-form.js';
import { issuesCaption, issuesTable, refusedRowsTable } from '../issues-table.js';
import { PAYMENT_REPORT_FALLBACK, paymentUploadHistory } from '../payment-uploads.js';
import { hasRowReport, reportPath } from '../row-report.js';
import { sheetUploadForm } from '../upload-box.js';
import { announce, confirmStep, dataTable, downloadButton, errorNotice, loading, notice, pageHeader, section, sheetWarningNotices, stats } from '../ui.js';

// the form's pure parts, tested through this page (console.form-messages.spec)
export { NEGATIVE_WITHOUT_ADJUSTMENT, paymentRequest, paymentSavedText } from '../payment-form.js';

export async function render(main, ctx) {
  const { month, problem } = monthFromAddress(ctx.query, currentMonth());
  const overview = h('div');
  if (!canWriteFinance(ctx.user.role)) return renderReadOnly(main, ctx, { month, problem, overview });
  let pledges = [];
  try {
    pledges = await api('/api/v1/pledges', { signal: ctx.signal });
  } catch (err) {
    if (err?.name === 'AbortError') return;
  }
  const refresh = (m) => showMonth(overview, m, ctx);
  const history = paymentUploadHistory({ signal: ctx.signal });
  replace(
    main,
    pageHeader('Pembayaran', 'Catat pembayaran iuran dari tiap pemberi dana (nomor SP2D atau bukti transfer). Iuran jatuh tempo tanggal 10.'),
    problem,
    h('div', { class: 'grid-2' }, section('Catat pembayaran', paymentForm(pledges, month, refresh)), section('Unggah lembar pembayaran', sheetForm(ctx, refresh, history))),
    overview,
    // the sheets uploaded across the page's width, as the auditor reads them (QA: in the half-width upload box its file
    // names broke mid-word and its dates spread over four lines at 1366 px)
    section('Lembar pembayaran yang diunggah', history.element),
  );
  await Promise.all([showMonth(overview, month, ctx, clampPage(ctx.query.page)), history.load()]);
}

/** The auditor's page: the month, then the payment sheets uploaded; every request a read (GET) the API lets READERS make. */
async function renderReadOnly(main, ctx, { month, problem, overview }) {
  const history = paymentUploadHistory({ signal: ctx.signal });
  replace(
    main,
    pageHeader('Pembayaran', 'Pembayaran iuran dari tiap pemberi dana per bulan: status, rincian (nomor SP2D atau bukti transfer) dan koreksinya. Hanya baca. Iuran jatuh tempo tanggal 10.'),
    problem,
    overview,
    section('Lembar pembayaran yang diunggah', history.element),
  );
  await Promise.all([showMonth(overview, month, ctx, clampPage(ctx.query.page)), history.load()]);
}

function sheetForm(ctx, refresh, history) {
  return sheetUploadForm({
    label: 'Unggah lembar pembayaran',
    box: { name: 'file', label: 'Lembar pembayaran', hint: 'Kolom seperti templat: KODE_KOMITMEN, BULAN, JUMLAH, TANGGAL_BAYAR, REFERENSI, dan KOREKSI_UNTUK_BULAN untuk koreksi (.xlsx atau .csv).' },
    submitText: 'Unggah pembayaran',
    path: '/api/v1/payment-uploads',
    signal: ctx.signal,
    actions: [downloadButton('Unduh templat (.xlsx)', '/api/v1/templates/payments.xlsx', { fallbackName: 'templat-pembayaran.xlsx' })],
    onAnswer: async (res, out) => {
      const issues = Array.isArray(res.issues) ? res.issues : [];
      replace(
        out,
        // the same file again, all of it recorded: the earlier upload's figures, said so (nothing stored now)
        res.recognised
          ? notice('info', `${res.message} Angka di bawah dari unggahan itu.`)
          : notice(res.rejected ? 'warning' : 'success', `Lembar diproses: ${number(res.payments ?? res.accepted ?? 0)} pembayaran tercatat${res.amount !== undefined ? ` (${rupiah(res.amount)})` : ''}${res.rejected ? `, ${number(res.rejected)} baris ditolak` : ''}.`),
        stats([
          { label: 'Baris dibaca', value: number(res.rowsRead) },
          { label: 'Diterima', value: number(res.accepted), tone: 'ok' },
          { label: 'Ditolak', value: number(res.rejected), tone: res.rejected ? 'bad' : null },
        ]),
        ...sheetWarningNotices(res),
        res.id && hasRowReport(res)
          ? h('div', { class: 'actions' }, downloadButton('Unduh laporan baris bermasalah (.xlsx)', reportPath('/api/v1/payment-uploads', res.id), { kind: 'secondary', fallbackName: PAYMENT_REPORT_FALLBACK }))
          : null,
        issues.length ? issuesTable(issues, issuesCaption(issues)) : null,
      );
      announce('Lembar pembayaran diproses.');
      await Promise.all([refresh(null), history.load()]);
    },
    onError: (err) => refusedRowsTable(err),
  });
}

/**
 * Removes a payment recorded by mistake (DELETE /payments/:id with why; the audit trail keeps what was
 * removed and the reason). Asked twice, with the reason; offered only in an open month (the API refuses a finalized month's).
 */
function removeStep(payment, refresh) {
  return confirmStep({
    askText: 'Hapus…',
    askKind: 'ghost',
    yesText: 'Ya, hapus',
    warning: `Hapus pembayaran ${payment.reference} (${rupiah(payment.amount)}, ${payment.pledgeCode})? Penghapusan dan alasannya tercatat di jejak audit.`,
    reason: { label: 'Alasan penghapusan', hint: 'Mis. Tercatat dua kali; jumlah salah, dicatat ulang dengan SP2D yang sama' },
    onConfirm: async (reason) => {
      await api(`/api/v1/payments/${encodeURIComponent(payment.id)}`, { method: 'DELETE', json: { reason } });
      announce(`Pembayaran ${payment.reference} dihapus.`);
      await refresh();
      // the row and its button are gone: keyboard focus goes to the list it was in, not to the top of the page (QA)
      document.getElementById('rincian-pembayaran')?.focus();
    },
  });
}

/** Payments a page in "Rincian pembayaran": a month of a province's SP2Ds is paged, not fetched whole (it was up to 500 at once). */
const PAGE_SIZE = 50;

/** The month and page shown: a refresh after recording, uploading or removing keeps them. */
let shown = { month: null, page: 1 };

/** The address of a month's page: `?month=2026-10&page=3` (no page for the first). */
const address = (month, page) => ({ month, page: page > 1 ? page : undefined });

/**
 * The month's status per funder, then its payments a page at a time with the shared pager (GET
 * /api/v1/payments: `page`, `pageSize`, `total`). Without `page`: the page shown if it is the same
 * month (after recording or removing a payment), else the first; a page past the last is the last.
 * `chosen`: a month picked here, a new history entry (pager.js keepAddress).
 */
async function showMonth(container, month, ctx, page, { chosen = false } = {}) {
  month ??= shown.month ?? currentMonth();
  page ??= month === shown.month ? shown.page : 1;
  shown = { month, page };
  keepAddress(ctx, address(month, page), chosen);
  const body = h('div');
  const picker = form(
    { label: 'Pilih bulan', onsubmit: (_e, el) => showMonth(container, values(el).month, ctx, 1, { chosen: true }) },
    h('div', { class: 'filters' }, monthField({ value: month, label: 'Bulan iuran' }), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn--secondary' }, 'Tampilkan'))),
  );
  replace(container, section(`Pembayaran ${monthLabel(month)}`, picker, body));
  replace(body, loading());
  try {
    const [statuses, runs, corrections, allocation] = await Promise.all([
      // a month never allocated has nothing due yet: the API says so (NOT_ALLOCATED), and that is shown in place of the table
      api('/api/v1/payments/status', { query: { month }, signal: ctx.signal }).catch((err) => {
        if (err?.code === 'NOT_ALLOCATED') return err;
        throw err;
      }),
      api('/api/v1/reconciliations', { query: { month }, signal: ctx.signal }),
      correctionsOf(month, ctx.signal),
      // the month's pledges at the revisions its allocation used: their Dana Desa warning beside their status row; the statuses stand without it
      api(`/api/v1/allocations/${month}`, { signal: ctx.signal }).catch((err) => {
        if (err?.name === 'AbortError') throw err;
        return null;
      }),
    ]);
    // a finalized month is closed (§9), and so is one frozen by a later finalized month of its year: its payments
    // stay, corrections go to an open month (QA: Hapus… led to a refusal, in a frozen October too)
    const closure = await closureOf(month, runs, ctx.signal);
    const { closed } = closure;
    const writes = canWriteFinance(ctx.user.role);
    const list = h('div');
    replace(
      body,
      // a month past its due date still owed says the suspension risk once, naming the pledges (§8)
      statuses instanceof Error ? notice('info', statuses.message) : [frozenNotice(month, closure.frozenBy), overdueWarning(month, statuses, corrections, { ...closure, writes }), paymentStatusTable(statuses, undefined, { compliance: complianceByPledge(allocation?.warnings) })],
      // the corrections of this month recorded in later months, with what is still short after them (QA: July read as unpaid)
      correctionsNote(month, statuses, corrections),
      h('h3', { id: 'rincian-pembayaran', tabindex: '-1', text: 'Rincian pembayaran' }),
      closed ? notice('info', closedText(month, writes, closure.frozenBy)) : null,
      list,
    );
    await showPayments(list, { month, closed, writes, ctx, reload: () => showMonth(container, month, ctx) }, page);
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(body, errorNotice(err));
  }
}

/**
 * What a closed month's list says: to the officer, how a wrong payment is corrected; to a reader, only that it is
 * closed. `frozenBy`: the finalized month that froze it ("Oktober 2026 sudah dibekukan (November 2026 difinalisasi)"). Pure, tested.
 */
export function closedText(month, writes, frozenBy = null) {
  const name = `${monthLabel(month)} sudah ${frozenBy ? `dibekukan (${monthLabel(frozenBy)} difinalisasi)` : 'difinalisasi'}`;
  return writes
    ? `${name}: pembayarannya tidak dapat dihapus. Pembayaran yang salah dikoreksi dengan pembayaran koreksi di bulan yang masih terbuka (isi "Koreksi untuk bulan").`
    : `${name}: pembayarannya tetap seperti tercatat; koreksinya dicatat di bulan yang masih terbuka.`;
}

let latestList = 0;

/**
 * Page `asked` of the month's payments into `list`, with the pager under it. A page chosen there is a new
 * history entry (pager.js keepAddress: Back shows the page before) and keyboard focus goes to the list's
 * heading; the page's rows keep their Hapus… in an open month, for the officer who may write.
 */
/**
 * Who recorded a payment, when, and from which payment sheet (GET /payments `createdBy`, `createdAt`, `uploadFilename`):
 * "keuangan1 pada 4 Desember 2026 10.00 WIB, dari berkas pembayaran-desember.xlsx" under *Dicatat oleh* (QA: an auditor
 * could not tell a sheet's payments from those recorded one by one); "–" for what is not known. Pure.
 */
export function recordedText(p) {
  const who = p.createdBy ?? '–';
  const when = p.createdAt ? ` pada ${dateTimeLabel(p.createdAt)}` : '';
  return `${who}${when}${p.uploadFilename ? `, dari berkas ${p.uploadFilename}` : ''}`;
}

async function showPayments(list, view, asked, { chosen = false } = {}) {
  const { month, closed, writes, ctx, reload } = view;
  const request = (latestList += 1);
  if (chosen) replace(list, loading());
  try {
    const fetch = (p) => api('/api/v1/payments', { query: { month, page: p, pageSize: PAGE_SIZE }, signal: ctx.signal });
    const { res, page } = await fetchListedPage(ctx, { fetch, asked, pageSize: PAGE_SIZE, address: (p) => address(month, p), chosen });
    if (request !== latestList) return; // another page was chosen while this one loaded
    shown = { month, page };
    replace(
      list,
      dataTable({
        caption: `Pembayaran tercatat untuk ${monthLabel(month)}`,
        columns: [
          { label: 'Komitmen', key: 'pledgeCode' },
          { label: 'Tanggal bayar', value: (p) => dateLabel(p.paidAt) },
          { label: 'Referensi', key: 'reference' },
          { label: 'Koreksi bulan', value: (p) => (p.adjustsMonth ? monthLabel(p.adjustsMonth) : '–') },
          { label: 'Dicatat oleh', value: recordedText },
          { label: 'Jumlah', value: (p) => rupiah(p.amount), numeric: true },
          ...(closed || !writes ? [] : [{ label: 'Tindakan', render: (p) => removeStep(p, reload) }]),
        ],
        rows: res.items ?? [],
        empty: 'Belum ada pembayaran tercatat untuk bulan ini.',
      }),
      pager({ page, pageSize: PAGE_SIZE, total: res.total, label: `Halaman pembayaran ${monthLabel(month)}`, onPage: (p) => showPayments(list, view, p, { chosen: true }) }),
    );
    if (chosen) document.getElementById('rincian-pembayaran')?.focus();
  } catch (err) {
    if (err?.name === 'AbortError' || request !== latestList) return;
    replace(list, errorNotice(err));
  }
}
