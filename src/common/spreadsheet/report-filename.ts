import { dayInWib } from '../clock/clock.js';

/**
 * The download name of an upload's row report: what was uploaded (`kind`), the uploaded file's own name, the day and
 * the upload's short id, e.g. `laporan-unggahan-pembayaran-SP2D_November-2026-12-05-45207c1e.xlsx`. Two uploads of a
 * day no longer download under one name, and the officer can tell which of their files a report is of (QA:
 * `laporan-pembayaran-2026-12-05.xlsx` for every sheet of the day; `laporan-unggahan-45207c1e.xlsx`; the pledge
 * sheet's report shared its prefix with the pledge statement). ASCII only, so every browser keeps it as given: a letter
 * with a diacritic becomes its base letter (`Ña` → `Na`, `é` → `e`: decomposed, NFKD, and its combining marks dropped;
 * QA: `Daftar Peserta Ña (final) v2.xlsx` gave `Daftar_Peserta_N_a_final_v2`), any other character an underscore.
 */
export function uploadReportFilename(kind: 'peserta' | 'pembayaran' | 'komitmen', upload: { id: string; filename: string; uploadedAt: Date }): string {
  const stem = upload.filename
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\w-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return `laporan-unggahan-${kind}-${stem || 'berkas'}-${dayInWib(upload.uploadedAt)}-${upload.id.slice(0, 8)}.xlsx`;
}
