/**
 * The upload report (DOMAIN §12): sheet "Perbaiki" repeats every rejected or warned row as it was
 * uploaded (the enrollment columns, so the sheet can be fixed and uploaded again; extra columns are
 * ignored by the parser) plus BARIS (the row in the original file), STATUS and KETERANGAN (the
 * Indonesian messages); sheet "Ringkasan" gives the upload's counts. Streaming writer, rows read
 * from the database a page at a time.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { columnStyle, frozenHeader, HEADER_STYLE, LABEL_STYLE, markAsText, textValue, TITLE_STYLE } from '../../common/spreadsheet/workbook-style.js';
import type { EnrollmentUpload } from '../entities/enrollment-upload.entity.js';
import { ENROLLMENT_COLUMNS } from '../enrollment-columns.js';

const PAGE = 5000;

/** One reported row: its raw cells, whether any issue rejects it, and its messages in column order. */
const REPORT_ROWS = `
  SELECT row_number,
         (array_agg(raw) FILTER (WHERE raw IS NOT NULL))[1] AS raw,
         bool_or(severity = 'REJECT') AS rejected,
         string_agg(message, E'\\n' ORDER BY severity DESC, column_name NULLS LAST) AS messages
  FROM upload_issue
  WHERE upload_id = $1 AND row_number > $2
  GROUP BY row_number
  ORDER BY row_number
  LIMIT ${PAGE}`;

export async function writeUploadReport(dataSource: DataSource, upload: EnrollmentUpload, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Perbaiki', { views: frozenHeader(1) });
  ws.columns = [
    ...ENROLLMENT_COLUMNS.map((c) => ({ header: c.name, key: c.name, width: c.width, style: columnStyle('text') })),
    { header: 'BARIS', key: 'BARIS', width: 8, style: columnStyle('count') },
    { header: 'STATUS', key: 'STATUS', width: 12, style: columnStyle('text') },
    { header: 'KETERANGAN', key: 'KETERANGAN', width: 90, style: { ...columnStyle('general'), alignment: { wrapText: true, vertical: 'top' } } },
  ];
  ws.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  ws.getRow(1).commit();
  for (let after = 0; ; ) {
    const page: { row_number: number; raw: Record<string, string> | null; rejected: boolean; messages: string }[] = await dataSource.query(REPORT_ROWS, [upload.id, after]);
    for (const r of page) {
      const row = ws.addRow([
        ...ENROLLMENT_COLUMNS.map((c) => textValue(r.raw?.[c.name])),
        r.row_number,
        r.rejected ? 'DITOLAK' : 'PERINGATAN',
        r.messages,
      ]);
      row.eachCell((cell) => markAsText(cell));
      row.commit();
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].row_number;
  }
  ws.commit();

  const summary = wb.addWorksheet('Ringkasan');
  summary.columns = [{ width: 28 }, { width: 60 }];
  summary.addRow(['Laporan unggahan daftar peserta']).getCell(1).style = TITLE_STYLE;
  const lines: [string, string | number | Date | null][] = [
    ['Berkas', textValue(upload.filename)],
    ['Diunggah oleh', upload.uploadedBy],
    ['Waktu unggah', upload.uploadedAt],
    ['Status', upload.status],
    ['Baris dibaca', upload.rowsRead],
    ['Diterima', upload.accepted],
    ['Ditolak', upload.rejected],
    ['Dengan peringatan', upload.warnings],
    ['Peserta baru', upload.created],
    ['Peserta diperbarui', upload.updated],
    ['Tidak berubah', upload.unchanged],
    ['Keterangan', upload.error],
  ];
  for (const [label, value] of lines) {
    const row = summary.addRow([label, value]);
    row.getCell(1).style = LABEL_STYLE;
    markAsText(row.getCell(2));
    row.commit();
  }
  summary.commit();
  await wb.commit();
}
