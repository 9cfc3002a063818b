/**
 * The row report workbook of a payment sheet (DOMAIN §12: every upload gets one): the generic row
 * report (common/spreadsheet/row-report.writer.ts) with the payment columns, headed as the uploaded file
 * headed them, and the upload's counts.
 */
import { wibTimestamp } from '../common/clock/clock.js';
import type { SheetWarning } from '../common/spreadsheet/hidden-rows.js';
import type { Cell } from '../common/spreadsheet/cell.js';
import { type RawCells, rawCells } from '../common/spreadsheet/raw-cells.js';
import { rowCountLines, sheetWarningLines } from '../common/spreadsheet/report-summary.js';
import type { RowReport } from '../common/spreadsheet/row-report.writer.js';
import { textValue } from '../common/spreadsheet/workbook-style.js';
import { uploadReportFilename } from '../common/spreadsheet/report-filename.js';
import { PAYMENT_COLUMNS } from './payment-row.validator.js';
import { paymentReference } from './duplicate-payments.js';

export interface PaymentUploadRow {
  id: string;
  filename: string;
  uploadedBy: string;
  uploadedAt: Date;
  rowsRead: number;
  accepted: number;
  rejected: number;
  warnings: number;
  payments: number;
  amount: string;
  /** Warnings about the file as a whole: the rows Excel hid, read all the same (HIDDEN_ROWS, hidden-rows.ts). */
  sheetWarnings: SheetWarning[];
}

/** An upload as its row report needs it: the listed fields and the file's headers and column order (null when stored before they were kept). */
export interface PaymentUploadReportRow extends PaymentUploadRow {
  columnLabels: Record<string, string> | null;
  columnOrder: string[] | null;
}

export function paymentUploadReport(u: PaymentUploadReportRow): RowReport {
  return {
    uploadId: u.id,
    columns: PAYMENT_COLUMNS,
    headers: u.columnLabels, // as the file was headed (NO SP2D), like the findings in KETERANGAN
    order: u.columnOrder, // and laid out (NO SP2D before TANGGAL_BAYAR)
    warnedKeys: ['KODE_KOMITMEN', 'BULAN', 'REFERENSI'], // a warned payment on Peringatan, named by them (too few to read as a payment sheet)
    title: 'Laporan unggahan lembar pembayaran',
    summary: [
      ['Berkas', textValue(u.filename)],
      ['Diunggah oleh', u.uploadedBy],
      ['Waktu unggah', wibTimestamp(u.uploadedAt)],
      ...rowCountLines(u),
      ['Pembayaran tercatat', u.payments],
      ['Jumlah tercatat', Number(u.amount), 'rupiah'],
      ...sheetWarningLines(u.sheetWarnings),
    ],
  };
}

const REFERENCE = PAYMENT_COLUMNS.findIndex((c) => c.name === 'REFERENSI');

/**
 * A payment row as its report repeats it (upload_issue.raw): as uploaded, but REFERENSI as it is stored and compared
 * (paymentReference), so the report shows the reference the duplicate check read (until 2026-12 a reference with
 * non-breaking spaces, U+00A0, was stored with one space each and repeated with them).
 */
export function paymentReportCells(cells: readonly Cell[]): RawCells {
  const raw = rawCells(PAYMENT_COLUMNS, cells);
  const reference = raw.REFERENSI;
  if (typeof reference === 'string' && cells[REFERENCE]?.kind === 'text') raw.REFERENSI = paymentReference(reference) || reference;
  return raw;
}

export const paymentUploadReportFilename = (u: PaymentUploadRow) => uploadReportFilename('pembayaran', u);
