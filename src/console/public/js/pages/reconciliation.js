/**
 * One reconciliation run: the month's figures, findings per category (counts and amounts), payments per
 * funder, the workbook, statements, and finalization by a second finance officer.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { CATEGORY_LABELS, currentMonth, dateTimeLabel, label, monthLabel, monthsLabel, number, rupiah, RUN_STATUS_LABELS, TRIGGER_LABELS } from '../format.js';
import { categoryAmounts, categoryCounts, notASumNote, UNLISTED_CATEGORIES } from '../findings.js';
import { frozenNotice, paymentStatusTable, withOwnPayments } from '../payment-status.js';
import { canFinalize, hashFor } from '../routes.js';
import { billStats, fundedTable, fundingChart, fundingWarnings, headlineStats } from '../run-summary.js';
import { closureOf, previousMonth } from '../month-field.js';
import { sleep } from '../upload-box.js';
import { clampPage, fetchListedPage, pager } from '../pager.js';
import { badge, dataTable, downloadButton, errorNotice, notice, pageHeader, section } from '../ui.js';
import { RUN_TONES } from './reconciliations.js';
import { finalizeBox, ownRunNotice, startedByMe } from '../run-finalize.js';

export async function render(main, ctx) {
  const id = ctx.params.id;
  // an address typed or cut short: said as such, without asking the API (which answers it 404 RUN_NOT_FOUND)
  if (!UUID.test(id ?? '')) return replace(main, back(), pageHeader('Hasil Rekonsiliasi'), notice('error', 'Rekonsiliasi tidak ditemukan: alamat ini tidak menunjuk rekonsiliasi mana pun. Pilih dari daftar rekonsiliasi.'));
  let run;
  let others = [];
  let earlierOpen = false;
  let statuses = null;
  let frozenBy = null;
  let preview = null;
  try {
    run = await api(`/api/v1/reconciliations/${encodeURIComponent(id)}`, { signal: ctx.signal });
    while (run.status === 'RUNNING') {
      replace(main, pageHeader('Hasil Rekonsiliasi'), notice('info', 'Rekonsiliasi sedang berjalan…'));
      await sleep(2000, ctx.signal);
      run = await api(`/api/v1/reconciliations/${encodeURIComponent(id)}`, { signal: ctx.signal });
    }
    if (run.status === 'DONE') {
      others = await api('/api/v1/reconciliations', { query: { month: run.month }, signal: ctx.signal });
      // a draft of a month frozen by a later finalized month of its year (§9): said, as Pembayaran says it, and its payments
      // already refused (QA: October after November's finalization read as open, "setelah difinalisasi, pembayarannya …")
      frozenBy = (await closureOf(run.month, others, ctx.signal)).frozenBy;
    }
    // finalizing freezes the earlier months of the year not yet finalized (§9); none are left to freeze when the month before is final
    if (canFinalize(ctx.user.role) && finalizable(run, others) && !startedByMe(run, ctx.user) && !run.month.endsWith('-01')) {
      const before = await api('/api/v1/reconciliations', { query: { month: previousMonth(run.month) }, signal: ctx.signal });
      earlierOpen = !frozenBy && !before.some((r) => r.status === 'FINAL');
      // which earlier months it closes, their drafts and what they still owe, in the answer finalize would give (FREEZES_OPEN_MONTHS);
      // without it the question says it in general
      preview = await api(`/api/v1/reconciliations/${encodeURIComponent(run.id)}/finalize-preview`, { signal: ctx.signal }).catch((err) => {
        if (err?.name === 'AbortError') throw err;
        return null;
      });
    }
    // what the funders still owe for the month by their own payments (a run's rows have no ownStatus): for the finalize
    // question, and for the payments table, which says a month PAID only by corrections of other months so, as the
    // Pembayaran page and the Dasbor do (QA: plain Lunas here); a role the API does not answer sees the run's rows as before
    statuses = await api('/api/v1/payments/status', { query: { month: run.month }, signal: ctx.signal }).catch((err) => {
      if (err?.name === 'AbortError') throw err;
      return null;
    });
  } catch (err) {
    if (err?.name === 'AbortError') return;
    return replace(main, back(), pageHeader('Hasil Rekonsiliasi'), errorNotice(err));
  }

  const findingsList = h('div', { 'aria-live': 'polite' });
  const amountsNote = h('p', { class: 'hint', role: 'status', text: 'Menghitung nilai temuan…' });
  const categoryTable = findingCategoryTable(run, (category) => showFindings(findingsList, run, category, 1, ctx, { chosen: true }));
  // the category and page last looked at live in the address (?category=&page=), as other pages keep their filters
  const asked = listedCategory(run, ctx.query);
  replace(
    main,
    back(run.month),
    pageHeader(`Rekonsiliasi ${monthLabel(run.month)} · versi ${run.version}`, 'Status: ', badge(label(RUN_STATUS_LABELS, run.status), RUN_TONES[run.status])),
    statusNotice(run),
    frozenNotice(run.month, frozenBy),
    // what the officer heard when it ran, for whoever finalizes it (QA: a frozen month's register change was said to the starter only)
    // a FINAL run's warnings were heard before it was finalized: what they advise is past (QA: "jalankan ulang … sebelum finalisasi")
    ...(run.warnings ?? []).filter((w) => w.code !== 'NO_BILL' && w.code !== 'DANA_DESA_PBI').map((w) => notice('warning', h('strong', { text: run.status === 'FINAL' ? 'Peringatan saat dijalankan, sebelum difinalisasi (sarannya tidak berlaku lagi): ' : 'Peringatan saat dijalankan: ' }), w.message, billsLink(run, w))),
    draftNotice(run, others),
    h('div', { class: 'actions' }, downloadButton('Unduh buku kerja rekonsiliasi (.xlsx)', `/api/v1/reconciliations/${encodeURIComponent(run.id)}/workbook.xlsx`, { kind: 'primary', fallbackName: `rekonsiliasi-${run.month}-v${run.version}.xlsx` }), h('a', { class: 'btn btn--ghost', href: hashFor('/laporan', { month: run.month }), text: 'Laporan desa & komitmen' })),
    canFinalize(ctx.user.role) && finalizable(run, others) ? (startedByMe(run, ctx.user) ? ownRunNotice(run, statuses ?? run.payments, frozenBy) : finalizeBox(run, earlierOpen, ctx, statuses ?? run.payments, frozenBy, preview)) : null,
    section('Ringkasan', headlineStats(run), h('div', { class: 'grid-2' }, h('div', {}, h('h3', { text: 'Iuran menurut sumber dana' }), fundingChart(run)), h('div', {}, h('h3', { text: 'Tagihan BPJS' }), billStats(run.bill)))),
    section('Temuan per kategori', categoryTable, amountsNote, findingsList),
    section('Pembayaran per pemberi dana', paymentStatusTable(withOwnPayments(run.month, run.payments, statuses))),
    closedMonthSection(run),
    section('Pendanaan per komitmen', fundingWarnings(run.month, run.funded, ctx.signal), fundedTable(run)),
    section('Jejak proses', runFacts(run)),
  );

  if (asked) showFindings(findingsList, run, asked.category, asked.page, ctx, { focus: false });

  try {
    const amounts = await categoryAmounts(run, ctx.signal);
    for (const row of categoryTable.querySelectorAll('tr[data-category]')) {
      const a = amounts[row.dataset.category];
      row.querySelector('.billed').textContent = a ? rupiah(a.billed) : 'lihat buku kerja';
      row.querySelector('.expected').textContent = a ? rupiah(a.expected) : 'lihat buku kerja';
    }
    replace(amountsNote, 'Nilai ditagih = jumlah yang ditagih BPJS; nilai seharusnya = iuran menurut daftar peserta.');
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(amountsNote, `Nilai temuan tidak dapat dihitung: ${err.message}`);
  }
}

/**
 * The register's corrections of the closed months of the run's year and the year before the run kept (API `closedMonthCorrections`): what a finance
 * officer claims back or still pays, recorded in an open month (QA: November's Rp37.800 for a man who had died in
 * October was said to nobody). None for a run stored before they were kept.
 */
function closedMonthSection(run) {
  const c = run.closedMonthCorrections;
  if (!c) return null;
  const text = closedMonthCorrectionsText(c);
  return section('Koreksi daftar peserta bulan tertutup', c.participantMonths ? notice('warning', text) : h('p', { class: 'hint', text }));
}

/**
 * "Koreksi daftar peserta bulan tertutup: 1 peserta-bulan, kelebihan iuran Rp37.800 untuk 1 peserta-bulan November 2026 …":
 * the months named (QA: "bulan itu" referred to nothing; `over.months`/`under.months`, absent from older servers). Which
 * pledge pays a shortfall is the officer's decision (a closed month is not allocated again): said, not computed. The
 * workbook's sheet Koreksi Peserta Bulan Tertutup lists them one by one.
 */
export function closedMonthCorrectionsText(c) {
  if (!c.participantMonths) return 'Tidak ada koreksi: daftar peserta sesuai dengan iuran bulan yang sudah ditutup (difinalisasi atau dibekukan) tahun ini dan tahun sebelumnya.';
  const named = (months) => (months?.length ? monthsLabel(months) : null);
  const parts = [];
  if (c.over.participantMonths) {
    const funders = c.byPledge.map((p) => `${p.pledgeCode} ${rupiah(p.amount)}`).join(', ');
    const months = named(c.over.months);
    parts.push(
      `kelebihan iuran ${rupiah(c.over.amount)} untuk ${number(c.over.participantMonths)} peserta-bulan${months ? ` ${months}` : ''} yang tidak tercakup lagi${funders ? ` (${funders})` : ''}; ` +
        `tagih kembali ke BPJS Kesehatan dan catat koreksi negatif per komitmen untuk ${months ?? 'bulan yang dikoreksi'}`,
    );
  }
  if (c.under.participantMonths) {
    const months = named(c.under.months);
    parts.push(
      `kekurangan iuran ${rupiah(c.under.amount)} untuk ${number(c.under.participantMonths)} peserta-bulan${months ? ` ${months}` : ''} yang tercakup tanpa iuran; ` +
        `bayar sebagai pembayaran koreksi ${months ?? 'bulan yang dikoreksi'}: kekurangannya dirinci per peserta di lembar "Koreksi Peserta Bulan Tertutup", dan komitmen yang menanggungnya ditentukan petugas keuangan`,
    );
  }
  const closed = named([...(c.over.months ?? []), ...(c.under.months ?? [])]) ?? 'Bulan yang sudah ditutup';
  return `Koreksi daftar peserta bulan tertutup: ${number(c.participantMonths)} peserta-bulan, ${parts.join('; ')}. ${closed} tidak dihitung ulang; koreksi dicatat pada bulan yang masih terbuka. Rinciannya di lembar "Koreksi Peserta Bulan Tertutup" buku kerja.`;
}

/** Beside a warning the bills page answers (the bill's refused rows are in its row report there), the way to it. */
function billsLink(run, warning) {
  if (warning.code !== 'BILL_ROWS_REJECTED' || run.status === 'FINAL') return null;
  return [' ', h('a', { href: hashFor('/tagihan', { month: run.month }), text: 'Ke halaman tagihan' })];
}

function back(month) {
  return h('p', { class: 'back' }, h('a', { href: hashFor('/rekonsiliasi', month ? { month } : {}), text: '‹ Daftar rekonsiliasi' }));
}

function statusNotice(run) {
  if (run.status === 'FINAL') return notice('success', `Difinalisasi oleh ${run.finalizedBy} pada ${dateTimeLabel(run.finalizedAt)}. Bulan ${monthLabel(run.month)} terkunci: koreksi dicatat sebagai penyesuaian di bulan yang masih terbuka.`);
  if (run.status === 'FAILED') return notice('error', `Rekonsiliasi gagal: ${run.error ?? 'tanpa keterangan'}. Tidak ada hasil sebagian yang tersimpan; jalankan ulang.`);
  return notice('info', `Draf: dimulai oleh ${run.startedBy ?? '–'} pada ${dateTimeLabel(run.startedAt)}. Finalisasi dilakukan oleh petugas keuangan lain.`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A DONE run that a finalize would take: the month's latest, none of it final, run with a bill, nothing changed since (`changes`). */
function finalizable(run, others) {
  return run.status === 'DONE' && !others.some((r) => r.version > run.version || r.status === 'FINAL') && !(run.changes ?? []).length && Boolean(run.bill) && run.month <= currentMonth();
}

/** Why a draft can no longer be finalized, before anyone tries (QA: the refusal came only after confirming). */
function draftNotice(run, others) {
  if (run.status !== 'DONE') return null;
  const final = others.find((r) => r.status === 'FINAL');
  if (final) return notice('warning', `${monthLabel(run.month)} sudah difinalisasi (versi ${final.version}); versi ini tidak dapat difinalisasi lagi. `, h('a', { href: hashFor(`/rekonsiliasi/${final.id}`), text: `Buka versi ${final.version}` }));
  const newer = others.filter((r) => r.version > run.version).sort((a, b) => b.version - a.version)[0];
  if (newer) return notice('warning', `Ada versi yang lebih baru (versi ${newer.version}); hanya versi terbaru yang dapat difinalisasi. `, h('a', { href: hashFor(`/rekonsiliasi/${newer.id}`), text: `Buka versi ${newer.version}` }));
  if ((run.changes ?? []).length) return changesNotice(run);
  // a month not yet begun cannot be finalized (MONTH_NOT_STARTED): said before anyone tries (QA: the button was offered)
  if (run.month > currentMonth()) return notice('info', `${monthLabel(run.month)} belum berjalan: rekonsiliasi ini dapat difinalisasi paling cepat pada 1 ${monthLabel(run.month)}.`);
  if (!run.bill) return notice('warning', `Rekonsiliasi ini dijalankan tanpa tagihan BPJS Kesehatan, sehingga tidak dapat difinalisasi (setelah difinalisasi, tagihan ${monthLabel(run.month)} tidak dapat diunggah lagi). Unggah tagihan bulan itu lalu jalankan ulang rekonsiliasi. `, h('a', { href: hashFor('/tagihan', { month: run.month }), text: 'Ke halaman tagihan' }));
  return null;
}

/** What changed in the month since the draft ran (the API's `changes`), and what to do. */
export function changesNotice(run) {
  return notice(
    'warning',
    `Data ${monthLabel(run.month)} berubah sejak rekonsiliasi ini dijalankan: ${run.changes.join('; ')}. Angka di bawah belum memuatnya; jalankan ulang rekonsiliasi lalu finalisasi versi terbaru. `,
    h('a', { href: hashFor('/rekonsiliasi', { month: run.month }), text: 'Ke halaman rekonsiliasi' }),
  );
}

function findingCategoryTable(run, onShow) {
  // without a bill only the PBI-APBN list can give findings: no table of bill categories at zero (QA)
  const rows = categoryCounts(run.findings).filter((r) => run.bill || r.count > 0);
  if (!rows.length) return h('p', { class: 'empty', text: 'Tidak ada temuan (belum ada tagihan untuk bulan ini).' });
  const table = h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Temuan per kategori' },
    h(
      'table',
      {},
      h('caption', { text: 'Temuan per kategori' }),
      h('thead', {}, h('tr', {}, ['Kategori', 'Jumlah', 'Nilai ditagih', 'Nilai seharusnya', ''].map((t, i) => h('th', { scope: 'col', class: i > 0 && i < 4 ? 'num' : null, text: t })))),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            { 'data-category': r.category },
            h('th', { scope: 'row', class: 'wrap' }, r.label, ' ', h('span', { class: 'hint', text: `(${r.category})` })),
            // without the month's PBI-APBN list double coverage was not looked for: not "0" (QA: read as checked)
            h('td', { class: 'num', text: r.category === 'DOUBLE_COVERAGE' && !run.inputs?.pbiApbnList ? 'tidak diperiksa' : number(r.count) }),
            h('td', { class: 'num billed', text: '…' }),
            h('td', { class: 'num expected', text: '…' }),
            // MATCHED lines are counted, not stored: a Lihat there opened "Tidak ada data." (QA)
            h('td', {}, r.count > 0 && !UNLISTED_CATEGORIES.has(r.category) ? h('button', { type: 'button', class: 'btn btn--ghost btn--small', onclick: () => onShow(r.category), 'aria-label': `Lihat temuan ${r.label}` }, 'Lihat') : null),
          ),
        ),
      ),
    ),
  );
  const unlisted = rows.some((r) => UNLISTED_CATEGORIES.has(r.category));
  const notASum = run.bill ? notASumNote(rows) : null; // without a bill there is no bill to add up to
  return h(
    'div',
    {},
    table,
    unlisted ? h('p', { class: 'hint', text: 'Baris tagihan berkategori Sesuai hanya dihitung, tidak dicantumkan satu per satu.' }) : null,
    notASum ? h('p', { class: 'hint not-a-sum', text: notASum }) : null,
  );
}

/**
 * The category and page of the address (`?category=NOT_REGISTERED&page=2`) when the run lists that category
 * (it has findings and is stored, not only counted), else null; a page that is not a whole number from 1 is 1. Pure.
 */
export function listedCategory(run, query = {}) {
  const category = String(query.category ?? '').toUpperCase();
  const count = categoryCounts(run.findings).find((r) => r.category === category)?.count ?? 0;
  if (!count || UNLISTED_CATEGORIES.has(category)) return null;
  return { category, page: clampPage(query.page) };
}

/**
 * Page `asked` of a category's findings, kept in the address; `chosen` (Lihat, the pager): a new history entry,
 * so Back and Forward walk the categories and pages looked at (pager.js keepAddress).
 */
async function showFindings(container, run, category, asked, ctx, { focus = true, chosen = false } = {}) {
  const pageSize = 50;
  try {
    // a page past the last (an old address): the last page
    const findings = (p) => api(`/api/v1/reconciliations/${encodeURIComponent(run.id)}/findings`, { query: { category, page: p, pageSize }, signal: ctx.signal });
    const address = (p) => ({ category, page: p > 1 ? p : undefined });
    const { res, page } = await fetchListedPage(ctx, { fetch: findings, asked, pageSize, address, chosen });
    replace(
      container,
      h('h3', { tabindex: '-1', text: `Temuan: ${label(CATEGORY_LABELS, category)}` }),
      dataTable({
        caption: `${label(CATEGORY_LABELS, category)}: ${number(res.total)} temuan`,
        columns: [
          // the line's row in the bill file, as the workbook's Baris Tagihan (QA: only there); a NOT_BILLED participant has no line
          { label: 'Baris tagihan', value: (f) => (f.rowNumber ? number(f.rowNumber) : '–'), numeric: true },
          { label: 'NIK', render: (f) => (f.nik ? h('a', { href: hashFor(`/peserta/${f.nik}`), text: f.nik }) : '–') },
          // a NOKA_MISMATCH shows both sides, the billed NOKA and the register's (QA: only the billed one)
          ...(category === 'NOKA_MISMATCH'
            ? [
                { label: 'NOKA tagihan', value: (f) => f.noka || '–' },
                { label: 'NOKA di daftar peserta', value: (f) => f.registerNoka || '–' },
              ]
            : category === 'NOT_BILLED'
              ? // on no line of the bill: no billed NOKA, the register's only (QA: it stood as the billed one)
                [{ label: 'NOKA di daftar peserta', value: (f) => f.registerNoka || '–' }]
              : [{ label: 'NOKA', value: (f) => f.noka || '–' }]),
          { label: 'Nama', value: (f) => f.name || '–' },
          { label: 'Ditagih', value: (f) => rupiah(f.billedAmount), numeric: true },
          { label: 'Seharusnya', value: (f) => rupiah(f.expectedAmount), numeric: true },
          { label: 'Tindak lanjut', key: 'action', wrap: true },
        ],
        rows: res.items,
      }),
      pager({ page, pageSize, total: res.total, onPage: (p) => showFindings(container, run, category, p, ctx, { chosen: true }) }),
    );
    if (focus) container.querySelector('h3').focus();
  } catch (err) {
    if (err?.name === 'AbortError') return;
    replace(container, errorNotice(err));
  }
}

function runFacts(run) {
  const item = (dt, ...dd) => [h('dt', { text: dt }), h('dd', {}, dd.length && dd[0] !== null && dd[0] !== undefined ? dd : '–')];
  const inputs = run.inputs ?? {};
  return h(
    'dl',
    { class: 'facts' },
    item('Pemicu', label(TRIGGER_LABELS, run.trigger)),
    item('Dimulai', `${dateTimeLabel(run.startedAt)} oleh ${run.startedBy ?? '–'}`),
    item('Selesai', dateTimeLabel(run.finishedAt)),
    // the bill file's checksum is for auditors matching the file: said so, small and muted (QA: a raw `checksum …` puzzled finance officers)
    inputs.bill
      ? item('Tagihan yang dipakai', `versi ${inputs.bill.version}`, h('span', { class: 'fingerprint', text: `Sidik data berkas tagihan (untuk auditor): ${String(inputs.bill.checksum).slice(0, 12)}…` }))
      : item('Tagihan yang dipakai', 'tidak ada'),
    item('Daftar PBI APBN', inputs.pbiApbnList ? `versi ${inputs.pbiApbnList.version}` : 'tidak ada'),
    // runs made before the revisions were kept have none to show
    inputs.pledges ? item('Revisi komitmen yang dipakai', Object.entries(inputs.pledges).map(([code, p]) => `${code}: revisi ${p.revisionFrom === p.revisionTo ? p.revisionFrom : `${p.revisionFrom}–${p.revisionTo}`}`).join('; ') || 'tidak ada komitmen yang mendanai') : null,
  );
}
