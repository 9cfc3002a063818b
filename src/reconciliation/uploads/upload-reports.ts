/**
 * The row report workbooks of the BPJS bill and PBI-APBN list uploads (DOMAIN §12): the generic
 * row report (common/spreadsheet/row-report.writer.ts) with the upload's columns, headed as the uploaded
 * file headed them (`column_labels`; own names for uploads stored before), and its counts.
 */
import { rowCountLines, sheetWarningLines, type SummaryLine } from '../../common/spreadsheet/report-summary.js';
import type { RowReport } from '../../common/spreadsheet/row-report.writer.js';
import { wibTimestamp } from '../../common/clock/clock.js';
import { monthName } from '../../common/month.js';
import { textValue } from '../../common/spreadsheet/workbook-style.js';
import { BILL_COLUMNS } from '../bills/bill-row.validator.js';
import type { Bill } from '../entities/bill.entity.js';
import type { PbiApbnList } from '../entities/pbi-apbn-list.entity.js';
import { PBI_COLUMNS } from '../pbi/upload-pbi-apbn-list.use-case.js';
import { WHOLE_LIST_NOTE } from './replaced-version.js';

type Counted = Pick<Bill, 'filename' | 'month' | 'version' | 'uploadedBy' | 'uploadedAt' | 'counts' | 'sheetWarnings'>;

function uploadLines(u: Counted): SummaryLine[] {
  return [
    ['Berkas', textValue(u.filename)],
    ['Bulan', monthName(u.month)],
    ['Versi', u.version],
    ['Diunggah oleh', u.uploadedBy],
    ['Waktu unggah', wibTimestamp(u.uploadedAt)],
    ...rowCountLines(u.counts),
    ...sheetWarningLines(u.sheetWarnings),
  ];
}

export function billReport(bill: Bill): RowReport {
  return {
    uploadId: bill.id,
    columns: BILL_COLUMNS,
    headers: bill.columnLabels, // as the file was headed, like the findings in KETERANGAN
    order: bill.columnOrder, // and laid out
    warnedKeys: ['NOKA', 'NIK', 'NAMA'],
    title: 'Laporan unggahan tagihan BPJS',
    summary: [...uploadLines(bill), ['Total invoice', Number(bill.invoiceTotal), 'rupiah'], ['Jumlah baris tagihan', Number(bill.linesTotal), 'rupiah'], ['Catatan', WHOLE_LIST_NOTE]],
  };
}

export const billReportFilename = (bill: Bill) => `laporan-tagihan-${bill.month}-v${bill.version}.xlsx`;

export function pbiListReport(list: PbiApbnList): RowReport {
  return {
    uploadId: list.id,
    columns: PBI_COLUMNS,
    headers: list.columnLabels, // as the file was headed, like the findings in KETERANGAN
    order: list.columnOrder, // and laid out
    warnedKeys: ['NIK'],
    title: 'Laporan unggahan daftar PBI APBN',
    summary: [...uploadLines(list), ['NIK tersimpan (unik)', list.niks], ['Catatan', WHOLE_LIST_NOTE]],
  };
}

export const pbiListReportFilename = (list: PbiApbnList) => `laporan-pbi-apbn-${list.month}-v${list.version}.xlsx`;
