/**
 * The enrollment upload report (DOMAIN §12): the generic row report (common/spreadsheet/
 * row-report.writer.ts) with the enrollment columns headed as the uploaded file headed them, so the
 * "Perbaiki" sheet (refused rows only) can be fixed and uploaded again in the same layout; the warnings of accepted
 * rows on "Peringatan" (NIK, NAMA, KOLOM, KETERANGAN: not an enrollment sheet, so it is never read as one); the upload's counts on "Ringkasan".
 */
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { rowCountLines, sheetWarningLines } from '../../common/spreadsheet/report-summary.js';
import { writeRowReport } from '../../common/spreadsheet/row-report.writer.js';
import { wibTimestamp } from '../../common/clock/clock.js';
import { textValue } from '../../common/spreadsheet/workbook-style.js';
import type { EnrollmentUpload } from '../entities/enrollment-upload.entity.js';
import { ENROLLMENT_COLUMNS } from '../enrollment-columns.js';

/** The upload's status as the report says it (the console's words). */
const UPLOAD_STATUS_LABELS: Record<string, string> = { QUEUED: 'Menunggu', PROCESSING: 'Sedang diproses', DONE: 'Selesai', FAILED: 'Gagal' };

export function writeUploadReport(dataSource: DataSource, upload: EnrollmentUpload, out: Writable): Promise<void> {
  return writeRowReport(
    dataSource,
    {
      uploadId: upload.id,
      columns: ENROLLMENT_COLUMNS,
      headers: upload.columnLabels, // as the file was headed (No Kartu), like the findings in KETERANGAN
      order: upload.columnOrder, // and laid out
      warnedKeys: ['NIK', 'NAMA'], // a warned row on Peringatan, named by them
      dateColumns: ENROLLMENT_COLUMNS.filter((c) => c.kind === 'date').map((c) => c.name), // day first, as the template's (DD/MM/YYYY text)
      title: 'Laporan unggahan daftar peserta',
      summary: [
        ['Berkas', textValue(upload.filename)],
        ['Diunggah oleh', upload.uploadedBy],
        ['Waktu unggah', wibTimestamp(upload.uploadedAt)],
        ['Status', UPLOAD_STATUS_LABELS[upload.status] ?? upload.status],
        ...rowCountLines(upload),
        ['Peserta baru', upload.created],
        ['Peserta diperbarui', upload.updated],
        ['Tidak berubah', upload.unchanged],
        // ended participants an empty TAT brought back, as the console's result says it (QA: only in the console)
        ...(upload.reinstated ? [['Diaktifkan kembali', reinstatedSaid(upload.reinstated, upload.reinstatedDeaths ?? 0)] as const] : []),
        // rows whose coverage change moves what is owed in allocated or closed months, as the console's headline says it
        ...(upload.owedChanged ? [['Mengubah iuran', `${upload.owedChanged} baris mengubah cakupan pada bulan yang sudah dialokasikan atau ditutup (lihat sheet Peringatan)`] as const] : []),
        ...sheetWarningLines(upload.sheetWarnings),
        // why a FAILED upload failed; nothing to say for the others (QA: an empty line on every report)
        ...(upload.error ? [['Keterangan', upload.error] as const] : []),
      ],
    },
    out,
  );
}

/** "4 peserta yang sudah berakhir (2 di antaranya tercatat meninggal)". */
function reinstatedSaid(reinstated: number, deaths: number): string {
  return `${reinstated} peserta yang sudah berakhir${deaths ? ` (${deaths} di antaranya tercatat meninggal)` : ''}`;
}
