/**
 * One reconciliation run: the month's figures, findings per category (counts and amounts), payments per
 * funder, the workbook, statements, and finalization by a second finance officer.
 */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { CATEGORY_LABELS, currentMonth, dateLabel, dateTimeLabel, label, monthLabel, monthsLabel, number, rupiah, RUN_STATUS_LABELS, TRIGGER_LABELS } from '../format.js';
import { categoryAmounts, categoryCounts, notASumNote, UNLISTED_CATEGORIES } from '../findings.js';
import { paymentStatusTable, withOwnPayments } from '../payment-status.js';
import { canFinalize, hashFor } from '../routes.js';
import { billStats, fundedTable, fundingChart, fundingWarnings, headlineStats } from '../run-summary.js';
import { previousMonth } from '../month-field.js';
import { sleep } from '../upload-box.js';
import { clampPage, fetchListedPage, pager } from '../pager.js';
import { announce, badge, confirmStep, dataTable, downloadButton, errorNotice, notice, pageHeader, section } from '../ui.js';
import { RUN_TONES } from './reconciliations.js';

export async function render(main, ctx) {
  const id = ctx.params.id;
  // an address typed or cut short: said as such, without asking the API (which answers it 404 RUN_NOT_FOUND)
  if (!UUID.test(id ?? '')) return replace(main, back(), pageHeader('Hasil Rekonsiliasi'), notice('error', 'Rekonsiliasi tidak ditemukan: alamat ini tidak menunjuk rekonsiliasi mana pun. Pilih dari daftar rekonsiliasi.'));
  let run;
  let others = [];
  let earlierOpen = false;
  let statuses = null;
  try {
    run = await api(`/api/v1/reconciliations/${encodeURIComponent(id)}`, { signal: ctx.signal });
    while (run.status === 'RUNNING') {
      replace(main, pageHeader('Hasil Rekonsiliasi'), notice('info', 'Rekonsiliasi sedang berjalan…'));
      await sleep(2000, ctx.signal);
      run = await api(`/api/v1/reconciliations/${encodeURIComponent(id)}`, { signal: ctx.signal });
    }
    if (run.status === 'DONE') others = await api('/api/v1/reconciliations', { query: { month: run.month }, signal: ctx.signal });
    // finalizing freezes the earlier months of the year not yet finalized (§9); none are left to freeze when the month before is final
    if (canFinalize(ctx.user.role) && finalizable(run, others) && !startedByMe(run, ctx.user) && !run.month.endsWith('-01')) {
      const before = await api('/api/v1/reconciliations', { query: { month: previousMonth(run.month) }, signal: ctx.signal });
      earlierOpen = !before.some((r) => r.status === 'FINAL');
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
    // what the officer heard when it ran, for whoever finalizes it (QA: a frozen month's register change was said to the starter only)
    ...(run.warnings ?? []).filter((w) => w.code !== 'NO_BILL').map((w) => notice('warning', h('strong', { text: 'Peringatan saat dijalankan: ' }), w.message, billsLink(run, w))),
    draftNotice(run, others),
    h('div', { class: 'actions' }, downloadButton('Unduh buku kerja rekonsiliasi (.xlsx)', `/api/v1/reconciliations/${encodeURIComponent(run.id)}/workbook.xlsx`, { kind: 'primary', fallbackName: `rekonsiliasi-${run.month}-v${run.version}.xlsx` }), h('a', { class: 'btn btn--ghost', href: hashFor('/laporan', { month: run.month }), text: 'Laporan desa & komitmen' })),
    canFinalize(ctx.user.role) && finalizable(run, others) ? (startedByMe(run, ctx.user) ? ownRunNotice(run, statuses ?? run.payments) : finalizeBox(run, earlierOpen, ctx, statuses ?? run.payments)) : null,
    section('Ringkasan', headlineStats(run), h('div', { class: 'grid-2' }, h('div', {}, h('h3', { text: 'Iuran menurut sumber dana' }), fundingChart(run)), h('div', {}, h('h3', { text: 'Tagihan BPJS' }), billStats(run.bill)))),
    section('Temuan per kategori', categoryTable, amountsNote, findingsList),
    section('Pembayaran per penyandang dana', paymentStatusTable(withOwnPayments(run.month, run.payments, statuses))),
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
 * The register's corrections of the year's closed months the run kept (API `closedMonthCorrections`): what a finance
 * officer claims back or still pays, recorded in an open month (QA: November's Rp37.800 for a man who had died in
 * October was said to nobody). None for a run stored before they were kept.
 */
function closedMonthSection(run) {
  const c = run.closedMonthCorrections;
  if (!c) return null;
  const text = closedMonthCorrectionsText(c);
  return section('Koreksi bulan yang sudah ditutup', c.participantMonths ? notice('warning', text) : h('p', { class: 'hint', text }));
}

/**
 * "Koreksi bulan yang sudah ditutup: 1 peserta-bulan, kelebihan iuran Rp37.800 untuk 1 peserta-bulan November 2026 …":
 * the months named (QA: "bulan itu" referred to nothing; `over.months`/`under.months`, absent from older servers). Which
 * pledge pays a shortfall is the officer's decision (a closed month is not allocated again): said, not computed. The
 * workbook's sheet Koreksi Bulan Tertutup lists them one by one.
 */
export function closedMonthCorrectionsText(c) {
  if (!c.participantMonths) return 'Tidak ada koreksi: daftar peserta sesuai dengan iuran bulan yang sudah ditutup (difinalisasi atau dibekukan) tahun ini.';
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
        `bayar sebagai pembayaran koreksi ${months ?? 'bulan yang dikoreksi'}: kekurangannya dirinci per peserta di lembar "Koreksi Bulan Tertutup", dan komitmen yang menanggungnya ditentukan petugas keuangan`,
    );
  }
  const closed = named([...(c.over.months ?? []), ...(c.under.months ?? [])]) ?? 'Bulan yang sudah ditutup';
  return `Koreksi bulan yang sudah ditutup: ${number(c.participantMonths)} peserta-bulan, ${parts.join('; ')}. ${closed} tidak dihitung ulang; koreksi dicatat pada bulan yang masih terbuka. Rinciannya di lembar "Koreksi Bulan Tertutup" buku kerja.`;
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
    unlisted ? h('p', { class: 'hint', text: 'Baris tagihan yang sesuai (MATCHED) hanya dihitung, tidak dicantumkan satu per satu.' }) : null,
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
          { label: 'Baris Tagihan', value: (f) => (f.rowNumber ? number(f.rowNumber) : '–'), numeric: true },
          { label: 'NIK', render: (f) => (f.nik ? h('a', { href: hashFor(`/peserta/${f.nik}`), text: f.nik }) : '–') },
          // a NOKA_MISMATCH shows both sides, the billed NOKA and the register's (QA: only the billed one)
          ...(category === 'NOKA_MISMATCH'
            ? [
                { label: 'NOKA tagihan', value: (f) => f.noka || '–' },
                { label: 'NOKA register', value: (f) => f.registerNoka || '–' },
              ]
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

/**
 * What finalizing fixes, said before it is confirmed: the month's results, not the register (QA: it said
 * "peserta … tidak dapat diubah lagi"); and, when `earlierOpen` (the month before is not final), that the
 * earlier months of the year not yet finalized are frozen with it (§9). Pure, tested.
 */
export function finalizeWarning(run, earlierOpen, statuses = []) {
  const month = monthLabel(run.month);
  const year = run.month.slice(0, 4);
  return [
    ...finalizeRisks(run, statuses),
    `Setelah difinalisasi, hasil ${month} dikunci: alokasi iuran, temuan, tagihan dan pembayaran bulan itu tidak dapat diubah lagi (koreksi dicatat di bulan yang masih terbuka). Daftar peserta tetap dapat diperbarui, tetapi tidak mengubah hasil ${month}.`,
    earlierOpen
      ? `Bulan-bulan sebelumnya di tahun ${year} yang belum difinalisasi (hingga ${monthLabel(previousMonth(run.month))}) ikut dibekukan: alokasinya disimpan dan tidak dihitung ulang oleh perubahan sesudahnya (komitmen, tarif, peserta).`
      : null,
    `Finalisasi harus dilakukan oleh petugas keuangan selain yang memulai rekonsiliasi (${run.startedBy ?? '–'}).`,
  ]
    .filter(Boolean)
    .join(' ');
}

const owedStatus = (status) => status === 'UNPAID' || status === 'UNDERPAID';

/**
 * What finalizing the month now costs, said first (QA: December 2026 was finalized on 6 December, the question saying
 * nothing of its 10 December due date; 2026 then had no open month and December's on-time SP2D was refused
 * MONTH_CLOSED): a month not ended yet (the run's `monthEnded` and `dueDate`, by the server's clock; the browser's month
 * when absent), the funders still owing for it by their own payments (GET /payments/status `ownStatus`, `ownPaid`; a
 * run's `status`, `paid` when that is all there is), the fiscal year's last month leaving the year no open month, and a
 * run made with a bill whose upload refused rows (BILL_ROWS_REJECTED: whoever they billed counts as NOT_BILLED; QA: a
 * bill with 8 of 13 rows refused was finalized unwarned) and a run made without the month's PBI-APBN list (its
 * NO_PBI_LIST warning: double coverage unchecked, and the list can no longer be uploaded once finalized; QA: said when
 * the run was started, not when it was finalized). The API's rules
 * are unchanged. Pure, tested.
 */
export function finalizeRisks(run, statuses = []) {
  const month = monthLabel(run.month);
  const name = month.split(' ')[0];
  const year = run.month.slice(0, 4);
  const ended = typeof run.monthEnded === 'boolean' ? run.monthEnded : run.month < currentMonth();
  const owing = (Array.isArray(statuses) ? statuses : []).filter((r) => owedStatus(r.ownStatus ?? r.status));
  const owed = owing.reduce((sum, r) => sum + Math.max(0, (Number(r.due) || 0) - (Number(r.ownPaid ?? r.paid) || 0)), 0);
  const codes = owing.map((r) => r.pledgeCode);
  return [
    ended
      ? null
      : `${month} belum berakhir (premi jatuh tempo ${dateLabel(run.dueDate ?? `${run.month}-10`)}): setelah difinalisasi, pembayaran ${name} hanya dapat dicatat sebagai koreksi di bulan berikutnya (Koreksi untuk bulan ${month}), juga yang dibayar tepat waktu.`,
    owing.length
      ? `${owing.length} komitmen masih terutang untuk ${month} (belum dibayar atau kurang bayar) sebesar ${rupiah(owed)}${codes.length <= 5 ? `: ${codes.join(', ')}` : ''}; setelah difinalisasi, pembayarannya hanya dapat dicatat sebagai koreksi di bulan berikutnya.`
      : null,
    run.month.endsWith('-12')
      ? `${month} adalah bulan terakhir tahun anggaran ${year}: setelah difinalisasi, tahun ${year} tidak lagi memiliki bulan terbuka untuk mencatat pembayaran atau koreksi.`
      : null,
    refusedBillRowsRisk(run),
    (run.warnings ?? []).some((w) => w.code === 'NO_PBI_LIST')
      ? `Rekonsiliasi ini dijalankan tanpa daftar PBI APBN ${month}: kepesertaan ganda (terdaftar juga sebagai PBI APBN) tidak diperiksa, dan setelah difinalisasi daftarnya tidak dapat diunggah lagi.`
      : null,
  ].filter(Boolean);
}

/** The run's BILL_ROWS_REJECTED warning as a finalize risk (the bill can no longer be replaced once final), or null. */
function refusedBillRowsRisk(run) {
  const refused = (run.warnings ?? []).find((w) => w.code === 'BILL_ROWS_REJECTED');
  if (!refused) return null;
  const { billVersion, rowsRejected } = refused.details ?? {};
  const bill = billVersion ? `Tagihan BPJS versi ${billVersion}` : 'Tagihan BPJS yang dipakai';
  const rows = rowsRejected ? `${number(rowsRejected)} baris` : 'baris';
  return `${bill} memuat ${rows} yang ditolak saat diunggah: peserta pada baris itu dihitung tidak ditagih (NOT_BILLED) walaupun ditagih BPJS Kesehatan, dan setelah difinalisasi tagihan ${monthLabel(run.month)} tidak dapat diganti lagi.`;
}

/** Whether `user` started `run`: the API refuses them its finalize (SAME_PERSON, maker-checker), so it is not offered. */
export function startedByMe(run, user) {
  return Boolean(run.startedBy) && run.startedBy === user?.username;
}

/**
 * In place of the finalize box, to the officer who started the run (QA: the button and the whole question were offered,
 * then refused "…harus difinalisasi oleh petugas keuangan lain…"): who finalizes it instead. Pure, tested.
 */
export function ownRunText(run) {
  return `Anda (${run.startedBy}) yang menjalankan rekonsiliasi ini; finalisasi dilakukan oleh petugas keuangan lain (prinsip empat mata).`;
}

function ownRunNotice(run, statuses) {
  // what the finalizer will be asked, said to whoever ran it too (QA: December was run on 6 December unsaid)
  const risks = finalizeRisks(run, statuses);
  return section('Finalisasi', notice('info', ownRunText(run)), risks.length ? notice('warning', risks.join(' ')) : null);
}

function finalizeBox(run, earlierOpen, ctx, statuses) {
  return section(
    'Finalisasi',
    confirmStep({
      askText: 'Finalisasi rekonsiliasi ini…',
      yesText: `Ya, finalisasi ${monthLabel(run.month)}`,
      warning: finalizeWarning(run, earlierOpen, statuses),
      onConfirm: async () => {
        await api(`/api/v1/reconciliations/${encodeURIComponent(run.id)}/finalize`, { method: 'POST' });
        announce(`Rekonsiliasi ${monthLabel(run.month)} difinalisasi.`);
        ctx.navigate(`/rekonsiliasi/${run.id}`);
      },
    }),
  );
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
