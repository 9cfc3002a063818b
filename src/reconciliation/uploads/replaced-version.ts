/**
 * A bill or PBI-APBN list upload is the month's whole list: its new version replaces the latest
 * one, it does not add to it. Someone who uploads only the rows they fixed (the row report's
 * `Perbaiki` sheet, say) would drop every line the earlier version had accepted; the answer says so
 * when the new version holds at most half of the one it replaces (QA: three good bill lines vanished). A smaller drop
 * is a corrected list (BPJS removing a few duplicate or unknown lines: 2823 replacing 2826), not a few fixed rows, and
 * is not warned about (QA: the notice read as an accusation there); `replaces` names the earlier count all the same.
 */
export interface ReplacedVersion {
  /** the version this upload replaces as the month's latest, and how many lines (or NIKs) it held */
  replaces: { version: number; count: number } | null;
  /** Indonesian, when the new version holds at most half of the one it replaces (REPLACED_SHARE_WARNED) */
  notice?: string;
}

/** The share of the replaced version's lines (or NIKs) at or below which a new version is taken for a few fixed rows. */
export const REPLACED_SHARE_WARNED = 0.5;

export function replacedVersion(previous: { version: number; count: number } | null, count: number, what: 'baris tagihan' | 'NIK'): ReplacedVersion {
  if (!previous) return { replaces: null };
  if (count > previous.count * REPLACED_SHARE_WARNED) return { replaces: previous };
  return {
    replaces: previous,
    notice:
      `Versi baru ini memuat ${count} ${what}, sedangkan versi ${previous.version} yang digantikannya memuat ${previous.count}. ` +
      'Unggahan menggantikan seluruh daftar bulan ini, tidak menambahkannya: jika maksudnya hanya memperbaiki beberapa baris, ' +
      'perbaiki baris itu di berkas lengkap lalu unggah berkas lengkap tersebut.',
  };
}

/**
 * The line for the row report's Ringkasan sheet (bills and PBI-APBN lists): the rows are fixed in the original file,
 * which is uploaded whole; the report itself is refused if sent back (ROW_REPORT_UPLOADED, row-report-upload.ts).
 */
export const WHOLE_LIST_NOTE =
  'Setiap unggahan menggantikan seluruh daftar bulan ini, sehingga laporan ini tidak dapat diunggah kembali (unggahannya ditolak). ' +
  'Perbaiki baris yang tercantum di sheet Perbaiki (kolom BARIS: nomor barisnya) di berkas asli yang lengkap, lalu unggah seluruh berkas itu.';
