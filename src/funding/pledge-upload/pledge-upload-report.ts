/**
 * The row report workbook of a pledge sheet (DOMAIN §12: every upload gets one): the generic row
 * report (common/spreadsheet/row-report.writer.ts) with the `Komitmen` columns, headed and laid out as the uploaded
 * file had them. Its Perbaiki sheet repeats the refused pledges as uploaded, and its `Daftar` sheet
 * (ReportSheet, when there is any) the `Daftar` rows of those pledges and the refused `Daftar` rows (no
 * pledge of that code, a pledge of another scope, …) with their messages, headed and laid out as the file had
 * that sheet: both are fixed in the one workbook, which uploaded alone saves each pledge with its whole list.
 */
import { wibTimestamp } from '../../common/clock/clock.js';
import type { SheetWarning } from '../../common/spreadsheet/hidden-rows.js';
import { sheetWarningLines, type SummaryLine } from '../../common/spreadsheet/report-summary.js';
import type { ReportSheet, RowReport } from '../../common/spreadsheet/row-report.writer.js';
import { textValue } from '../../common/spreadsheet/workbook-style.js';
import { uploadReportFilename } from '../../common/spreadsheet/report-filename.js';
import { LIST_COLUMNS, LIST_SHEET_NAME, PLEDGE_COLUMNS } from './pledge-sheet.js';

export interface PledgeUploadRow {
  id: string;
  filename: string;
  checksum: string;
  uploadedBy: string;
  uploadedAt: Date;
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** `Daftar` rows refused (not in `rejected`, which counts pledge rows). */
  listRowsRejected: number;
  /** Warnings about the file as a whole: the rows Excel hid on either sheet, read all the same (HIDDEN_ROWS, hidden-rows.ts). */
  sheetWarnings: SheetWarning[];
}

/**
 * An upload as its row report needs it: the listed fields and the `Komitmen` and `Daftar` sheets' headers as
 * the file wrote them (`listColumnLabels` null: stored before its `Daftar` rows were kept) and their columns
 * in the file's order (null: stored before the order was kept, or, for `Daftar`, a file without that sheet).
 */
export interface PledgeUploadReportRow extends PledgeUploadRow {
  columnLabels: Record<string, string> | null;
  listColumnLabels: Record<string, string> | null;
  columnOrder: string[] | null;
  listColumnOrder: string[] | null;
}

const LISTS_REPEATED =
  'Sheet Daftar mengulang daftar desa/NIK komitmen yang ditolak dan baris Daftar yang ditolak. Perbaiki kedua sheet, lalu unggah berkas ini saja.';
/** An upload stored before its `Daftar` rows were kept: its report has only the refused `Daftar` rows' messages. */
const LIST_NOT_KEPT =
  'Daftar desa/NIK yang ditulis di sheet Daftar berkas asli tidak tersimpan bersama unggahan ini: unggah baris yang sudah diperbaiki bersama sheet Daftar dari berkas asli.';

/** The upload's `Daftar` rows: whether it kept any for the report, and the pages of the report's `Daftar` sheet. */
export interface PledgeUploadListRows {
  kept: boolean;
  rows: ReportSheet['rows'];
}

export function pledgeUploadReport(u: PledgeUploadReportRow, list: PledgeUploadListRows): RowReport {
  const note = !u.listColumnLabels ? (u.rejected || u.listRowsRejected ? LIST_NOT_KEPT : null) : list.kept ? LISTS_REPEATED : null;
  return {
    uploadId: u.id,
    columns: PLEDGE_COLUMNS,
    headers: u.columnLabels,
    order: u.columnOrder, // laid out as the file was, on both sheets
    extraSheet: { name: LIST_SHEET_NAME, columns: LIST_COLUMNS, headers: u.listColumnLabels, order: u.listColumnOrder, rows: list.rows },
    title: 'Laporan unggahan lembar komitmen',
    summary: [
      ['Berkas', textValue(u.filename)],
      ['Diunggah oleh', u.uploadedBy],
      ['Waktu unggah', wibTimestamp(u.uploadedAt)],
      ['Baris dibaca', u.rowsRead],
      ['Diterima', u.accepted],
      ['Ditolak', u.rejected],
      ...(u.listRowsRejected ? [['Baris Daftar ditolak', u.listRowsRejected] as SummaryLine] : []),
      ...sheetWarningLines(u.sheetWarnings),
      ...(note ? [['Catatan', note] as SummaryLine] : []),
    ],
  };
}

export const pledgeUploadReportFilename = (u: PledgeUploadRow) => uploadReportFilename('komitmen', u);
