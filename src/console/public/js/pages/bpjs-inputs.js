/**
 * KEUANGAN: upload the BPJS bill of a month (invoice total + lines) and the PBI-APBN list of a month;
 * under each form, the earlier uploads of the month chosen in it. The auditor reads the same histories. The month last chosen in either form is
 * kept in the address (#/tagihan?month=), which both forms open on.
 */
import { upload } from '../api.js';
import { h, replace } from '../dom.js';
import { CATEGORY_LABELS, currentMonth, monthLabel, number, parseRupiah, rupiah, RUPIAH_HINT } from '../format.js';
import { clearErrors, field, form, showErrors, values } from '../forms.js';
import { isMonth, monthField, monthFinalized, monthFromAddress, previousMonth } from '../month-field.js';
import { canWriteFinance, hashFor } from '../routes.js';
import { uploadBox } from '../upload-box.js';
import { issuesCaption, issuesTable, refusedRowsTable } from '../issues-table.js';
import { hasRowReport, reportPath } from '../row-report.js';
import { uploadHistory } from '../upload-history.js';
import { announce, busy, downloadButton, focusResult, notice, pageHeader, section, sheetWarningNotices, stats } from '../ui.js';

/** The bill history's rupiah: the invoice's total and its lines' sum (§7 reconciles both). */
const BILL_TOTALS = [
  { label: 'Total tagihan', value: (b) => rupiah(b.invoiceTotal), numeric: true },
  { label: 'Jumlah baris', value: (b) => rupiah(b.linesTotal), numeric: true },
];

/**
 * Every stored line of a bill version, with what the month's latest run that used it found on each (GET /bills/:id/lines.xlsx;
 * QA: the auditor could not get the lines that were reconciled), a column of the bill history after its row report.
 */
const BILL_LINES = [
  {
    label: 'Baris tagihan',
    render: (b) => downloadButton('Unduh baris tagihan (.xlsx)', `/api/v1/bills/${encodeURIComponent(b.id)}/lines.xlsx`, { kind: 'ghost', fallbackName: `baris-tagihan-${b.month}-v${b.version}.xlsx` }),
  },
];

export async function render(main, ctx) {
  // the month in the address (the run page's "Ke halaman tagihan" names it): both forms open on it, so
  // a bill is not uploaded for the default month by mistake (QA); one that is not a month is said
  const { month, problem } = monthFromAddress(ctx.query, defaultMonth());
  if (!canWriteFinance(ctx.user.role)) return renderReadOnly(main, ctx, month, problem);
  const bill = billForm(ctx, month);
  const pbi = pbiForm(ctx, month);
  replace(
    main,
    pageHeader('Tagihan BPJS & Daftar PBI APBN', 'Unggah tagihan bulanan BPJS Kesehatan (kolom NOKA, NIK, NAMA, IURAN) dan daftar PBI APBN (kolom NIK) untuk pemeriksaan kepesertaan ganda.'),
    problem,
    // one above the other, each the page's width: the bill history's eleven columns did not fit a half-width card at
    // 1366 px (QA: Ditolak to Baris tagihan, and its download, reachable only by scrolling sideways)
    section('Tagihan BPJS', bill.element),
    section('Daftar PBI APBN', pbi.element),
  );
  await Promise.all([bill.showHistory(), pbi.showHistory()]);
}

/**
 * The auditor's page (QA: the bills were readable through the API only): each month's bill versions and PBI-APBN
 * lists as uploaded, with their files, totals, uploaders and row reports; no upload form.
 */
async function renderReadOnly(main, ctx, month, problem) {
  const bills = uploadHistory({ base: '/api/v1/bills', signal: ctx.signal, what: 'tagihan', count: { label: 'Baris', value: (b) => b.lines }, extra: BILL_TOTALS, after: BILL_LINES, reportName: billReportName });
  const pbi = uploadHistory({ base: '/api/v1/pbi-apbn-lists', signal: ctx.signal, what: 'daftar PBI APBN', count: { label: 'NIK', value: (l) => l.niks }, reportName: pbiReportName });
  const picker = form(
    { label: 'Pilih bulan', onsubmit: (_e, el) => ctx.navigate('/tagihan', { month: values(el).month.trim() }) },
    h('div', { class: 'filters' }, monthField({ value: month }), h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn btn--secondary' }, 'Tampilkan'))),
  );
  replace(
    main,
    pageHeader('Tagihan BPJS & Daftar PBI APBN', 'Tagihan bulanan BPJS Kesehatan dan daftar PBI APBN yang diunggah petugas keuangan, tiap versi dengan berkas, total dan laporan barisnya.'),
    problem,
    section(null, picker),
    section('Tagihan BPJS', bills.element),
    section('Daftar PBI APBN', pbi.element),
  );
  await Promise.all([bills.load(month), pbi.load(month)]);
}

/**
 * The upload form of one input and, below it, the earlier uploads of the month in its month field
 * (reloaded when that month changes and after each upload). → { element, showHistory() }.
 */
function uploadWith({ path, buildBody, describe, label, ctx, extraFields, history, closedText, template }) {
  const box = uploadBox({ name: 'file', label: 'Berkas (.xlsx atau .csv)' });
  const progress = h('progress', { max: '1', value: '0', hidden: true, 'aria-label': `Kemajuan unggahan ${label}` });
  const out = h('div', { 'aria-live': 'polite' });
  const closedNote = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, `Unggah ${label}`);
  const earlier = uploadHistory({ base: path, signal: ctx.signal, ...history });
  const uploadForm = form(
    {
      label,
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          clearErrors(el);
          replace(out);
          const file = box.file();
          const v = values(el);
          const problems = [];
          if (!file) problems.push({ field: 'file', messages: ['Pilih berkas .xlsx atau .csv.'] });
          problems.push(...buildBody.check(v));
          if (problems.length) return showErrors(el, { message: 'Lengkapi isian yang ditandai.', details: problems });
          const body = new FormData();
          for (const [k, val] of Object.entries(buildBody.fields(v))) body.append(k, val);
          body.append('file', file);
          progress.hidden = false;
          try {
            const res = await upload(path, body, { signal: ctx.signal, onProgress: (f) => (progress.value = f) });
            progress.value = 1;
            box.reset();
            announce(`${label} terunggah.`);
            replace(out, describe(res));
            focusResult(out.firstElementChild, el); // not left on the page's body by the disabled button (QA)
            earlier.load(res.month ?? v.month);
          } catch (err) {
            if (err?.name === 'AbortError') return;
            progress.hidden = true;
            showErrors(el, err);
            replace(out, refusedRowsTable(err));
          }
        }),
    },
    h('div', { class: 'form-grid' }, extraFields),
    box.element,
    h('div', { class: 'actions' }, submit, template ? downloadButton(`Unduh templat ${label} (.xlsx)`, template.path, { fallbackName: template.name }) : null),
    progress,
    out,
  );
  const monthInput = uploadForm.querySelector('[name="month"]');
  // a finalized month's input cannot be replaced: said above the form before the upload (QA: only the refusal said so)
  // and the form takes nothing for it: its file, other fields and Unggah button are disabled, the month stays to pick
  // another (QA: "Unggah tagihan" stayed enabled under the notice, only to be refused)
  const setClosed = (closed) => {
    for (const control of uploadForm.querySelectorAll('input, button[type="submit"]')) if (control !== monthInput) control.disabled = closed;
    box.element.classList.toggle('is-disabled', closed);
  };
  const showClosed = async (month) => {
    replace(closedNote);
    setClosed(false);
    if (isMonth(month) && (await monthFinalized(month, ctx.signal)) && monthInput.value.trim() === month) {
      replace(closedNote, notice('warning', closedText(month)));
      setClosed(true);
    }
  };
  const showHistory = () => Promise.all([earlier.load(monthInput.value.trim()), showClosed(monthInput.value.trim())]);
  monthInput.addEventListener('change', () => {
    // the month picked goes into the address (as Alokasi keeps its filters), so a reload or a shared link
    // opens both forms on it (QA: only the month the page was opened with was kept)
    if (isMonth(monthInput.value.trim())) ctx.setQuery({ month: monthInput.value.trim() });
    showHistory();
  });
  return { element: h('div', {}, closedNote, uploadForm, h('h3', { text: 'Riwayat unggahan' }), earlier.element), showHistory };
}

const defaultMonth = () => previousMonth(currentMonth());

/** What the bill form says above itself for a finalized month, as the refusal would (no API field names). Pure, tested. */
export function billClosedText(month) {
  return (
    `${monthLabel(month)} sudah difinalisasi: tagihannya tidak dapat diganti. Bila BPJS mengoreksi tagihan bulan itu, selisih uangnya dicatat ` +
    'sebagai pembayaran penyesuaian pada bulan yang masih terbuka ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran).'
  );
}

/** What the PBI-APBN form says above itself for a finalized month. Pure, tested. */
export function pbiClosedText(month) {
  return `${monthLabel(month)} sudah difinalisasi: daftar PBI APBN-nya tidak dapat diganti.`;
}

/** The warnings of a bill upload's answer about the file as a whole beside its rows: the same file as another month's bill. Pure, tested. */
export function billFileWarnings(bill) {
  return (Array.isArray(bill?.fileWarnings) ? bill.fileWarnings : []).map((w) => w.message);
}

function billForm(ctx, month) {
  return uploadWith({
    ctx,
    label: 'tagihan',
    path: '/api/v1/bills',
    template: { path: '/api/v1/templates/bill.xlsx', name: 'templat-tagihan-bpjs.xlsx' },
    closedText: billClosedText,
    history: { what: 'tagihan', count: { label: 'Baris', value: (b) => b.lines }, extra: BILL_TOTALS, after: BILL_LINES, reportName: billReportName },
    extraFields: [
      monthField({ value: month }),
      field({ label: 'Total invoice (Rp)', name: 'invoiceTotal', required: true, hint: 'Sesuai invoice BPJS, mis. 37.800.000', attrs: { inputmode: 'numeric', autocomplete: 'off' } }),
    ],
    buildBody: {
      check: (v) => [
        ...(v.month ? [] : [{ field: 'month', messages: ['Bulan wajib diisi.'] }]),
        ...(parseRupiah(v.invoiceTotal) === null ? [{ field: 'invoiceTotal', messages: [RUPIAH_HINT] }] : parseRupiah(v.invoiceTotal) <= 0 ? [{ field: 'invoiceTotal', messages: ['Total invoice harus lebih dari Rp0.'] }] : []),
      ],
      fields: (v) => ({ month: v.month, invoiceTotal: String(parseRupiah(v.invoiceTotal)) }),
    },
    describe: (bill) => [
      bill.recognised
        ? notice('info', `Berkas dan total invoice ini sama dengan tagihan ${monthLabel(bill.month)} versi ${bill.version} yang terbaru: tidak ada versi baru.`)
        : notice('success', `Tagihan ${monthLabel(bill.month)} tersimpan${bill.version ? ` (versi ${bill.version})` : ''}.`),
      stats([
        { label: 'Baris tagihan', value: number(bill.lines) },
        { label: 'Jumlah baris', value: rupiah(bill.linesTotal) },
        bill.invoiceTotal !== undefined ? { label: 'Total invoice', value: rupiah(bill.invoiceTotal), tone: bill.invoiceTotal !== bill.linesTotal ? 'warn' : 'ok' } : null,
        bill.rejected !== undefined ? { label: 'Baris ditolak', value: number(bill.rejected), tone: bill.rejected ? 'bad' : null } : null,
        bill.warnings ? { label: 'Peringatan', value: number(bill.warnings), tone: 'warn' } : null,
      ].filter(Boolean)),
      bill.notice ? notice('warning', bill.notice) : replacedHint(bill, 'baris tagihan'),
      ...billFileWarnings(bill).map((message) => notice('warning', h('strong', { text: 'Peringatan: ' }), message)),
      ...sheetWarningNotices(bill),
      bill.invoiceTotal !== undefined && bill.invoiceTotal !== bill.linesTotal ? notice('warning', `Total invoice berbeda dengan jumlah baris: akan tercatat sebagai temuan "${CATEGORY_LABELS.TOTAL_MISMATCH}" pada rekonsiliasi.`) : null,
      reportLink('/api/v1/bills', bill, billReportName(bill)),
      Array.isArray(bill.issues) && bill.issues.length ? issuesTable(bill.issues, `Baris tagihan ditolak dan peringatan (${number(bill.issues.length)})`) : null,
      h('p', {}, h('a', { href: hashFor('/rekonsiliasi', { month: bill.month }), text: `Lanjut ke rekonsiliasi ${monthLabel(bill.month)} ›` })),
    ],
  });
}

function pbiForm(ctx, month) {
  return uploadWith({
    ctx,
    label: 'daftar PBI APBN',
    path: '/api/v1/pbi-apbn-lists',
    template: { path: '/api/v1/templates/pbi-apbn.xlsx', name: 'templat-pbi-apbn.xlsx' },
    closedText: pbiClosedText,
    history: { what: 'daftar PBI APBN', count: { label: 'NIK', value: (l) => l.niks }, reportName: pbiReportName },
    extraFields: [monthField({ value: month })],
    buildBody: {
      check: (v) => (v.month ? [] : [{ field: 'month', messages: ['Bulan wajib diisi.'] }]),
      fields: (v) => ({ month: v.month }),
    },
    describe: (list) => [
      list.recognised
        ? notice('info', `Berkas ini sama dengan daftar PBI APBN ${monthLabel(list.month)} versi ${list.version} yang terbaru: tidak ada versi baru (${number(list.niks)} NIK).`)
        : notice('success', `Daftar PBI APBN ${monthLabel(list.month)} tersimpan${list.version ? ` (versi ${list.version})` : ''}: ${number(list.niks)} NIK.`),
      list.notice ? notice('warning', list.notice) : replacedHint(list, 'NIK'),
      ...sheetWarningNotices(list),
      reportLink('/api/v1/pbi-apbn-lists', list, pbiReportName(list)),
      Array.isArray(list.issues) && list.issues.length ? issuesTable(list.issues, issuesCaption(list.issues)) : null,
    ],
  });
}

/**
 * The version an upload replaced, said plainly when the answer has no `notice` (the API warns only when the new version
 * holds at most half of the earlier one: a few fixed rows uploaded alone; QA: a bill corrected by BPJS, 2823 lines for
 * 2826, read as that mistake). Pure, tested.
 */
export function replacedText(res, what) {
  if (!res?.replaces || res.recognised) return null;
  return `Versi ini menggantikan versi ${res.replaces.version} (${number(res.replaces.count)} ${what}) sebagai ${what === 'NIK' ? 'daftar PBI APBN' : 'tagihan'} ${monthLabel(res.month)}.`;
}

function replacedHint(res, what) {
  const text = replacedText(res, what);
  return text ? h('p', { class: 'hint', text }) : null;
}

/** The row report workbook (GET …/:id/report.xlsx: every rejected and warned row as uploaded), when there is one. */
function reportLink(base, upload, fallbackName) {
  if (!upload.id || !hasRowReport(upload)) return null;
  return h('div', { class: 'actions' }, downloadButton('Unduh laporan baris bermasalah (.xlsx)', reportPath(base, upload.id), { kind: 'secondary', fallbackName }));
}

const billReportName = (bill) => `laporan-tagihan-${bill.month}-v${bill.version}.xlsx`;
const pbiReportName = (list) => `laporan-pbi-apbn-${list.month}-v${list.version}.xlsx`;
