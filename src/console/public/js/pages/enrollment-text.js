/**
 * What Unggah Peserta (enrollment.js) says of an upload, in words: its headline, its counts, its progress, a history
 * row's counts and a file recognised as an earlier upload's. Pure, tested. Split from enrollment.js (past 300 lines).
 */
import { number, percent } from '../format.js';

/**
 * The result's notice: its tone and headline. A file that brought ended participants back (an empty TAT, REINSTATED) is
 * not a plain success either (QA: an older master sheet uploaded again reinstated four, two of them dead, under a green
 * "Semua baris diterima."): amber, saying how many and how many were recorded dead, and what to do. `fileWarnings`:
 * the warnings about the file that ask for a look (not NUMBERED_ROWS nor COLUMNS_NOT_READ). Pure, tested.
 */
export function resultHeadline(status, fileWarnings = 0) {
  if (status.status === 'FAILED') return { tone: 'error', headline: `Unggahan gagal: ${status.error ?? 'berkas tidak dapat diproses'}. Data peserta tidak berubah.` };
  const reinstated = status.reinstated ?? 0;
  const deaths = status.reinstatedDeaths ?? 0;
  const back = reinstated > 0
    ? `${number(reinstated)} peserta yang sudah berakhir diaktifkan kembali${deaths > 0 ? ` (${number(deaths)} di antaranya tercatat meninggal)` : ''}`
    : null;
  const check = 'Periksa daftar di bawah: bila tidak dimaksud, unggah ulang TAT dan alasannya.';
  // rows whose TMT/TAT change what is owed for months already allocated or closed (QA: 16 participants lost four months
  // of coverage under a green "Semua baris diterima.")
  const owedRows = status.owedChanged ?? 0;
  const owed = owedRows > 0 ? owedSaid(owedRows) : null;
  const tone = status.rejected > 0 || fileWarnings > 0 || back || owed ? 'warning' : 'success';
  const withOwed = (text) => (owed ? `${text} ${owed}` : text);
  if (status.rejected > 0) {
    // only the refused rows are to be uploaded again: a warned row is saved, and re-uploading it would undo later changes (QA)
    const warned = status.warnings > 0 ? ' Baris dengan peringatan sudah tersimpan (sheet Peringatan): tidak perlu diunggah ulang.' : '';
    const rejected = `${number(status.rejected)} baris ditolak. Unduh laporan, perbaiki baris di sheet Perbaiki, lalu unggah ulang laporan itu.${warned}`;
    return { tone, headline: withOwed(back ? `${rejected} Selain itu, ${back}. ${check}` : rejected) };
  }
  if (fileWarnings > 0) {
    const read = `Semua baris yang dibaca diterima, tetapi ada ${number(fileWarnings)} peringatan tentang berkas ini (di bawah): periksa, dan bila perlu perbaiki berkasnya lalu unggah ulang.`;
    return { tone, headline: withOwed(back ? `${read} Selain itu, ${back}. ${check}` : read) };
  }
  if (back) return { tone, headline: withOwed(`Semua baris diterima, tetapi ${back}. ${check}`) };
  return { tone, headline: owed ? `Semua baris diterima, tetapi perhatikan: ${owed}` : 'Semua baris diterima.' };
}

/** The codes of the warnings that change what is owed (`owedChanged` counts the rows carrying one; the list filters by them). */
export const OWED_CHANGING_CODES = ['COVERAGE_CHANGED', 'CLOSED_MONTH_UNCHANGED'];

/** What the headline says of `n` rows whose warnings change what is owed, and where they are. */
function owedSaid(n) {
  return (
    `${number(n)} baris mengubah cakupan, sehingga iuran terutang berubah, pada bulan yang sudah dialokasikan atau ditutup. ` +
    'Centang "Hanya baris yang mengubah iuran" di daftar di bawah (juga di sheet Peringatan laporan) dan periksa bulan yang disebut: bila tidak dimaksud, perbaiki TMT/TAT baris itu lalu unggah ulang.'
  );
}

/**
 * The phase while the server processes a background upload: rows read, or, before any row came, that the file is being
 * read with the share read (QA: a sheet formatted down to row 1,048,576 showed "0% (0 baris dibaca)" for ~35 s). Pure, tested.
 */
export function processingText(status) {
  const share = percent(status.progress ?? 0);
  if (!(status.rowsRead > 0)) return `Memproses di server: membaca berkas… ${share}`;
  return `Memproses di server: ${share} (${number(status.rowsRead)} baris dibaca)`;
}

/** What a FAILED upload stored: nothing (its promotion, one transaction with DONE, never committed; staging is cleared). */
export const NOTHING_STORED = 'tidak ada baris yang disimpan';

/**
 * The counts under an upload's result. A FAILED one stored nothing, so it shows no count that reads as accepted (QA A12:
 * "Baris dibaca 50.000" under a failed upload): one stat saying so, the rows read before the failure as its hint only. Pure, tested.
 */
export function resultCounts(status) {
  if (status.status === 'FAILED') {
    const hint = status.rowsRead > 0 ? `${number(status.rowsRead)} baris sempat dibaca sebelum gagal; tidak satu pun masuk daftar peserta.` : null;
    return [{ label: 'Hasil', value: `Gagal — ${NOTHING_STORED}`, tone: 'bad', hint }];
  }
  const counts = [
    { label: 'Baris dibaca', value: number(status.rowsRead) },
    { label: 'Diterima', value: number(status.accepted), tone: 'ok' },
    { label: 'Ditolak', value: number(status.rejected), tone: status.rejected > 0 ? 'bad' : null },
    // `warnings` counts accepted rows with a warning; a rejected row's warnings are in the list below (QA: 1 against 5 listed)
    { label: 'Diterima dengan peringatan', value: number(status.warnings), tone: status.warnings > 0 ? 'warn' : null },
  ];
  for (const [key, text] of [['created', 'Peserta baru'], ['updated', 'Diperbarui'], ['unchanged', 'Tidak berubah']]) {
    if (status[key] !== undefined) counts.push({ label: text, value: number(status[key]) });
  }
  // of the updated, those brought back from an end (REINSTATED): said only when there are some
  if (status.reinstated > 0) {
    const hint = status.reinstatedDeaths > 0 ? `${number(status.reinstatedDeaths)} di antaranya tercatat meninggal` : null;
    counts.push({ label: 'Diaktifkan kembali', value: number(status.reinstated), tone: 'warn', hint });
  }
  return counts;
}

/**
 * A history row's Dibaca, Diterima and Ditolak cells: for a FAILED upload *Gagal — tidak ada baris yang disimpan* and
 * dashes, not the rows it had read as if they counted (QA A12). Pure, tested.
 */
export function historyCounts(u) {
  if (u.status === 'FAILED') return { read: `Gagal — ${NOTHING_STORED}`, accepted: '–', rejected: '–' };
  return { read: number(u.rowsRead), accepted: number(u.accepted), rejected: number(u.rejected) };
}

/**
 * What a file recognised as an earlier upload's is told: that upload's outcome, or, while it is still being processed
 * (or a stopped process left it so: failed within minutes), that it is in progress, not "nothing changed" (QA: said so
 * of an upload a crash had interrupted). Pure, tested.
 */
export function recognisedText(status) {
  if (!status.recognised) return '';
  if (status.status === 'PROCESSING') return ' (isi berkas sama dengan unggahan yang masih diproses; angka di bawah dari unggahan itu. Tunggu hingga selesai; bila layanan sempat berhenti, unggahan itu ditandai gagal dalam beberapa menit dan berkas ini dapat diunggah lagi)';
  return ' (isi berkas sama dengan unggahan sebelumnya; tidak ada perubahan; angka di bawah dari unggahan itu)';
}
