/**
 * Finalizing a reconciliation run on its page: what finalizing fixes and what it costs now (`finalizeWarning`,
 * `finalizeRisks`), asked twice (`finalizeBox`), and, to the officer who started the run, who finalizes it instead
 * (`ownRunNotice`, maker-checker). Split from pages/reconciliation.js.
 */
import { api } from './api.js';
import { currentMonth, dateLabel, monthLabel, number, rupiah } from './format.js';
import { nextMonth, previousMonth } from './month-field.js';
import { announce, confirmStep, notice, section } from './ui.js';

/**
 * What finalizing fixes, said before it is confirmed: the month's results, not the register (QA: it said
 * "peserta … tidak dapat diubah lagi"); and the earlier months of the year not yet finalized that are frozen with it
 * (§9): in the API's words when `preview` (GET /reconciliations/:id/finalize-preview) has its FREEZES_OPEN_MONTHS
 * warning, each month with whether it has a draft run and what its funders still owe, and that their payments are
 * then corrections only (QA: November closed August–October, drafts only, October Rp18.445.300 unpaid, unsaid); else,
 * when `earlierOpen` (the month before is not final), in general. Pure, tested.
 */
export function finalizeWarning(run, earlierOpen, statuses = [], frozenBy = null, preview = null) {
  const freezing = frozenBy ? null : (preview?.warnings ?? []).find((w) => w.code === 'FREEZES_OPEN_MONTHS');
  const month = monthLabel(run.month);
  const year = run.month.slice(0, 4);
  return [
    ...finalizeRisks(run, statuses, frozenBy),
    `Setelah difinalisasi, hasil ${month} dikunci: alokasi iuran, temuan, tagihan dan pembayaran bulan itu tidak dapat diubah lagi (koreksi dicatat di bulan yang masih terbuka). Daftar peserta tetap dapat diperbarui, tetapi tidak mengubah hasil ${month}.`,
    freezing
      ? freezing.message
      : earlierOpen && !frozenBy
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
 * run's `status`, `paid` when that is all there is), the fiscal year's last month closing the year (later payments and corrections of it go to January, as corrections), and a
 * run made with a bill whose upload refused rows (BILL_ROWS_REJECTED: whoever they billed counts as NOT_BILLED; QA: a
 * bill with 8 of 13 rows refused was finalized unwarned) and a run made without the month's PBI-APBN list (its
 * NO_PBI_LIST warning: double coverage unchecked, and the list can no longer be uploaded once finalized; QA: said when
 * the run was started, not when it was finalized). Before the due date (the run's `dueDatePassed`, server clock) the
 * owing funders are said with it (QA: December finalized on 6 December); the next month, January of the next year for
 * December, is named as where later payments and corrections go (QA: "tidak lagi memiliki bulan terbuka"). A month frozen by a later finalized month of its year (`frozenBy`,
 * month-field.js closureOf) already takes no payment of its own (MONTH_CLOSED): what it owes is said payable only as a
 * correction now, not "after finalizing" (QA: a frozen October was told so). The API's rules are unchanged. Pure, tested.
 */
export function finalizeRisks(run, statuses = [], frozenBy = null) {
  const month = monthLabel(run.month);
  const year = run.month.slice(0, 4);
  const next = monthLabel(nextMonth(run.month));
  const due = dateLabel(run.dueDate ?? `${run.month}-10`);
  const ended = typeof run.monthEnded === 'boolean' ? run.monthEnded : run.month < currentMonth();
  const duePassed = typeof run.dueDatePassed === 'boolean' ? run.dueDatePassed : ended;
  const owing = (Array.isArray(statuses) ? statuses : []).filter((r) => owedStatus(r.ownStatus ?? r.status));
  const owed = owing.reduce((sum, r) => sum + Math.max(0, (Number(r.due) || 0) - (Number(r.ownPaid ?? r.paid) || 0)), 0);
  const codes = owing.map((r) => r.pledgeCode);
  const owingText = `${owing.length} komitmen masih terutang untuk ${month} (belum dibayar atau kurang bayar) sebesar ${rupiah(owed)}${codes.length <= 5 ? `: ${codes.join(', ')}` : ''}`;
  return [
    ended || frozenBy
      ? null
      : `${month} belum berakhir (iuran jatuh tempo ${due}): setelah difinalisasi, pembayaran ${month} hanya dapat dicatat sebagai koreksi di bulan berikutnya (${next}, Koreksi untuk bulan ${month}), juga yang dibayar tepat waktu.`,
    owing.length
      ? `${duePassed || frozenBy ? '' : `Jatuh tempo ${due} belum lewat, tetapi `}${owingText}; ${
          frozenBy
            ? `${month} sudah dibekukan (${monthLabel(frozenBy)} difinalisasi), jadi pembayarannya kini hanya dapat dicatat sebagai koreksi di bulan yang masih terbuka (Koreksi untuk bulan: ${month}), sebelum maupun sesudah difinalisasi.`
            : `setelah difinalisasi, pembayarannya hanya dapat dicatat sebagai koreksi di bulan berikutnya (${next}).`
        }`
      : null,
    run.month.endsWith('-12')
      ? `${month} adalah bulan terakhir tahun anggaran ${year}: setelah difinalisasi, semua bulan tahun ${year} ditutup. Pembayaran dan koreksi tahun ${year} yang datang kemudian dicatat di ${next} sebagai koreksi (Bulan iuran ${next}, Koreksi untuk bulan = bulan ${year} yang dikoreksi, komitmen tahun ${year}).`
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
  return `${bill} memuat ${rows} yang ditolak saat diunggah: peserta pada baris itu dihitung Tidak ditagih walaupun ditagih BPJS Kesehatan, dan setelah difinalisasi tagihan ${monthLabel(run.month)} tidak dapat diganti lagi.`;
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

export function ownRunNotice(run, statuses, frozenBy = null) {
  // what the finalizer will be asked, said to whoever ran it too (QA: December was run on 6 December unsaid)
  const risks = finalizeRisks(run, statuses, frozenBy);
  return section('Finalisasi', notice('info', ownRunText(run)), risks.length ? notice('warning', risks.join(' ')) : null);
}

export function finalizeBox(run, earlierOpen, ctx, statuses, frozenBy = null, preview = null) {
  return section(
    'Finalisasi',
    confirmStep({
      askText: 'Finalisasi rekonsiliasi ini…',
      yesText: `Ya, finalisasi ${monthLabel(run.month)}`,
      warning: finalizeWarning(run, earlierOpen, statuses, frozenBy, preview),
      onConfirm: async () => {
        const done = await api(`/api/v1/reconciliations/${encodeURIComponent(run.id)}/finalize`, { method: 'POST' });
        announce([`Rekonsiliasi ${monthLabel(run.month)} difinalisasi.`, ...(done?.warnings ?? []).map((w) => w.message)].join(' '));
        ctx.navigate(`/rekonsiliasi/${run.id}`);
      },
    }),
  );
}
