/**
 * The row report workbook of a pledge sheet (DOMAIN §12: every upload gets one): the generic row
 * report (common/spreadsheet/row-report.writer.ts) with the `Komitmen` columns, headed as the uploaded
 * file headed them. Its Perbaiki sheet repeats the refused pledges as uploaded; the rows refused in
 * `Daftar` (no pledge of that code, a pledge of another scope, …) are listed on Ringkasan, since
 * they are not pledge rows. A list written in `Daftar` is not repeated in a pledge's row: the
 * Ringkasan says to upload the fixed rows with the original `Daftar` sheet.
 */
import { dayInWib, wibTimestamp } from '../../common/clock/clock.js';
import type { RowReport, SummaryLine } from '../../common/spreadsheet/row-report.writer.js';
import { textValue } from '../../common/spreadsheet/workbook-style.js';
import type { PledgeUploadIssue } from './import-pledge-sheet.use-case.js';
import { PLEDGE_COLUMNS } from './pledge-sheet.js';

export interface PledgeUploadRow {
  id: string;
  filename: string;
  checksum: string;
  uploadedBy: string;
  uploadedAt: Date;
  rowsRead: number;
  accepted: number;
  rejected: number;
}

/** An upload as its row report needs it: the listed fields and the `Komitmen` sheet's headers as the file wrote them. */
export interface PledgeUploadReportRow extends PledgeUploadRow {
  columnLabels: Record<string, string> | null;
}

const LIST_NOT_REPEATED = 'Daftar desa/NIK yang ditulis di sheet Daftar tidak diulang di sheet Perbaiki: unggah baris yang sudah diperbaiki bersama sheet Daftar dari berkas asli.';

/** `listIssues`: the first of the upload's `Daftar` issues; `listIssueCount`, how many it has. */
export function pledgeUploadReport(u: PledgeUploadReportRow, listIssues: PledgeUploadIssue[], listIssueCount: number): RowReport {
  const more = listIssueCount - listIssues.length;
  const list: SummaryLine[] = listIssues.map((i) => [`Daftar baris ${i.rowNumber}`, textValue(i.column ? `${i.column}: ${i.message}` : i.message)]);
  return {
    uploadId: u.id,
    columns: PLEDGE_COLUMNS,
    headers: u.columnLabels,
    title: 'Laporan unggahan lembar komitmen',
    summary: [
      ['Berkas', textValue(u.filename)],
      ['Diunggah oleh', u.uploadedBy],
      ['Waktu unggah', wibTimestamp(u.uploadedAt)],
      ['Baris dibaca', u.rowsRead],
      ['Diterima', u.accepted],
      ['Ditolak', u.rejected],
      ...(u.rejected ? [['Catatan', LIST_NOT_REPEATED] as SummaryLine] : []),
      ...(listIssueCount ? [['Baris Daftar ditolak', listIssueCount] as SummaryLine] : []),
      ...list,
      ...(more > 0 ? [['…', `dan ${more} baris Daftar lainnya`] as SummaryLine] : []),
    ],
  };
}

export const pledgeUploadReportFilename = (u: PledgeUploadRow) => `laporan-komitmen-${dayInWib(u.uploadedAt)}.xlsx`;
