/**
 * The sheets of a row report that list rows (row-report.writer.ts writes the workbook and its Ringkasan):
 * "Perbaiki" and any extra sheet (writeRowsSheet: the upload's columns as uploaded, then BARIS, STATUS and
 * KETERANGAN) and "Peringatan" (writeWarnedSheet: one line per warning of an accepted row). Holds their
 * column and row shapes, widths and styles, and the paging (PAGE rows at a time, by row number) they read with.
 */
import type ExcelJS from 'exceljs';
import { cutMessage, cutToCell } from './cell-limit.js';
import { DATE_1904, type RawCells } from './raw-cells.js';
import { reportDate } from './report-dates.js';
import { type ColumnSpec, headerOf } from './column-spec.js';
import type { RowReport } from './row-report.writer.js';
import { columnStyle, fitsOneLine, frozenHeader, HEADER_STYLE, LINE_POINTS, markAsText, printSetup, textValue, TITLE_STYLE, wrappedLines } from './workbook-style.js';

export const PAGE = 5000;

/** The pages `page` reads, each after the last row number of the one before, until a short page. */
async function* byRowNumber<T extends { row_number: number }>(page: (after: number) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let after = 0; ; ) {
    const rows = await page(after);
    yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].row_number;
  }
}
const DEFAULT_WIDTH = 20;
/** The KETERANGAN column of Perbaiki and the value column of Ringkasan, in characters. */
const MESSAGE_WIDTH = 90;
/** The tallest row Excel allows, in points: a cut 32,767-character value would want thousands of lines. */
const MAX_ROW_POINTS = 409;
/** BARIS: a plain whole number (row 1009, not "1,009": the row the operator looks for in the file). */
const ROW_NUMBER_STYLE = { ...columnStyle('count'), numFmt: '0' } as const;
/** An uploaded value too long for its column: text, wrapped (one object, so one style id). */
const WRAPPED_TEXT = { ...columnStyle('text'), alignment: { wrapText: true, vertical: 'top' } } as const;

/** The Peringatan sheet's first line: its rows were saved, so uploading them again is not needed (nor read: Perbaiki comes first). */
export const WARNED_SHEET_NOTE = 'Baris ini sudah tersimpan; tidak perlu diunggah ulang. Peringatan hanya untuk diperiksa.';

/** The columns of a sheet of the report, headed as the upload headed them. */
export interface ReportColumns {
  /** The upload's canonical columns, in sheet order (`width` defaults to 20). */
  readonly columns: readonly ColumnSpec[];
  /**
   * The sheet's header for each column (by its name): the header as the uploaded file wrote
   * it (labelsByName of HeaderMatch.labels, kept in the upload's `column_labels`), as the findings in
   * KETERANGAN name it. Absent or null (an upload stored before its labels were kept): the own names.
   */
  readonly headers?: Readonly<Record<string, string>> | null;
  /**
   * The columns the uploaded file had, by name, in its order (columnsInFileOrder, kept in the upload's
   * `column_order`): the sheet lays them out so, the columns the file lacked after them. Absent or null
   * (an upload stored before its order was kept): `columns`' order.
   */
  readonly order?: readonly string[] | null;
  /**
   * The date columns (own names): their values written day first, `DD/MM/YYYY` text, as the enrollment template and the
   * register's export write dates (reportDate; QA: date cells, serials and `YYYY-MM-DD` side by side). Default none.
   */
  readonly dateColumns?: readonly string[];
}

/**
 * A row of a report sheet: its number in the file, its cells as uploaded (null when not kept),
 * whether an issue of its own rejects it (null: it has none, and is repeated for another row's sake:
 * no STATUS) and its messages, one a line.
 */
export interface ReportRow {
  row_number: number;
  raw: RawCells | null;
  rejected: boolean | null;
  messages: string | null;
}

/** A raw cell for the sheet: a number stays a number cell, anything else is user text (`textValue`). */
function cellValue(value: string | number | undefined): string | number | null {
  return typeof value === 'number' ? value : textValue(value);
}

/**
 * The columns a row report adds after the upload's own, as written: how an upload tells a report sent back (its
 * COLUMNS_NOT_READ leaves them unnamed, unknown-columns.ts; a bill or PBI list refuses it, row-report-upload.ts).
 */
export const REPORT_COLUMNS = ['BARIS', 'STATUS', 'KETERANGAN'] as const;

/**
 * One sheet of rows as uploaded (a page of PAGE rows at a time from `page`, given the last row of the
 * page before) with BARIS, STATUS and KETERANGAN; says whether a row counts its numbers from 1904.
 */
export async function writeRowsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  { columns, headers, dateColumns }: ReportColumns,
  page: (after: number) => Promise<ReportRow[]>,
): Promise<{ date1904: boolean; rows: number }> {
  const ws = wb.addWorksheet(name, { views: frozenHeader(1), pageSetup: printSetup(1) });
  ws.columns = [
    ...columns.map((c) => ({ header: headers?.[c.name] ?? headerOf(c), key: c.name, width: c.width ?? DEFAULT_WIDTH, style: columnStyle('text') })),
    { header: REPORT_COLUMNS[0], key: 'BARIS', width: 8, style: ROW_NUMBER_STYLE },
    { header: REPORT_COLUMNS[1], key: 'STATUS', width: 12, style: columnStyle('text') },
    { header: REPORT_COLUMNS[2], key: 'KETERANGAN', width: MESSAGE_WIDTH, style: { ...columnStyle('general'), alignment: { wrapText: true, vertical: 'top' } } },
  ];
  ws.getRow(1).eachCell((cell) => (cell.style = HEADER_STYLE));
  ws.getRow(1).commit();
  // a filter on the header, to find a column's refusals among many rows
  ws.autoFilter = { from: 'A1', to: { row: 1, column: columns.length + 3 } };
  let date1904 = false;
  let written = 0;
  for await (const rows of byRowNumber(page)) {
    written += rows.length;
    for (const r of rows) {
      if (r.raw?.[DATE_1904] === 1) date1904 = true;
      const status = r.rejected === null ? null : r.rejected ? 'DITOLAK' : 'PERINGATAN';
      // a value longer than a cell holds is cut to fit, and KETERANGAN says so (QA: a 20 MB NAMA was copied whole, and the
      // report, uploaded back, was refused as too large)
      const raw: Record<string, string | number> = { ...r.raw };
      for (const name of dateColumns ?? []) {
        const value = reportDate(raw[name], r.raw?.[DATE_1904] === 1);
        if (value !== undefined) raw[name] = value;
      }
      const said: string[] = r.messages ? [r.messages] : [];
      for (const c of columns) {
        const value = raw[c.name];
        const cut = typeof value === 'string' ? cutToCell(value) : undefined;
        if (cut === undefined) continue;
        said.push(cutMessage(headers?.[c.name] ?? headerOf(c), (value as string).length));
        raw[c.name] = cut;
      }
      const messages = said.length ? said.join('\n') : null;
      const row = ws.addRow([...columns.map((c) => cellValue(raw[c.name])), r.row_number, status, messages && (cutToCell(messages) ?? messages)]);
      row.eachCell((cell) => markAsText(cell));
      // the messages wrap, and so does an uploaded value longer than its column (a long name, words in IURAN);
      // rows do not grow by themselves
      let lines = messages ? wrappedLines(messages, MESSAGE_WIDTH) : 1;
      columns.forEach((c, i) => {
        const value = textValue(raw[c.name]);
        const width = c.width ?? DEFAULT_WIDTH;
        if (!value || fitsOneLine(value, width)) return;
        row.getCell(i + 1).style = WRAPPED_TEXT;
        lines = Math.max(lines, wrappedLines(value, width));
      });
      if (lines > 1) row.height = Math.min(lines * LINE_POINTS, MAX_ROW_POINTS);
      row.commit();
    }
  }
  ws.commit();
  return { date1904, rows: written };
}

/** An accepted row with warnings (WARNED_ROWS). */
export interface WarnedRow {
  row_number: number;
  raw: RawCells | null;
  issues: { column: string | null; message: string }[];
}

/**
 * Sheet "Peringatan": the warnings of accepted rows, a line each (BARIS, the row's `warnedKeys` cells as uploaded,
 * KOLOM as the file headed it, KETERANGAN as Perbaiki heads its message), under WARNED_SHEET_NOTE; header on line 2, frozen and filtered. Says whether a row counts its numbers from 1904.
 */
export async function writeWarnedSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, report: RowReport, page: (after: number) => Promise<WarnedRow[]>): Promise<boolean> {
  const { columns, headers } = report;
  const keys = columns.filter((c) => report.warnedKeys?.includes(c.name));
  const label = (name: string) => headers?.[name] ?? name;
  const ws = wb.addWorksheet('Peringatan', { views: frozenHeader(2), pageSetup: printSetup(2) });
  ws.columns = [
    { key: 'BARIS', width: 8, style: ROW_NUMBER_STYLE },
    ...keys.map((c) => ({ key: c.name, width: c.width ?? DEFAULT_WIDTH, style: columnStyle('text') })),
    { key: 'KOLOM', width: 16, style: columnStyle('text') },
    { key: 'KETERANGAN', width: MESSAGE_WIDTH, style: { ...columnStyle('general'), alignment: { wrapText: true, vertical: 'top' } } },
  ];
  const note = ws.addRow([WARNED_SHEET_NOTE]);
  note.getCell(1).style = TITLE_STYLE;
  note.commit();
  const header = ws.addRow(['BARIS', ...keys.map((c) => label(c.name)), 'KOLOM', 'KETERANGAN']);
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.commit();
  ws.autoFilter = { from: 'A2', to: { row: 2, column: keys.length + 3 } };
  // a column is stored by its own name or as the file headed it (issueColumnOrder): shown as the file headed it
  const own = new Set(columns.map((c) => c.name));
  let date1904 = false;
  for await (const rows of byRowNumber(page)) {
    for (const r of rows) {
      if (r.raw?.[DATE_1904] === 1) date1904 = true;
      const cells = keys.map((c) => {
        const value = r.raw?.[c.name];
        return cellValue(typeof value === 'string' ? (cutToCell(value) ?? value) : value);
      });
      for (const issue of r.issues) {
        const column = issue.column === null ? null : own.has(issue.column) ? label(issue.column) : issue.column;
        const row = ws.addRow([r.row_number, ...cells, column, cutToCell(issue.message) ?? issue.message]);
        row.eachCell((cell) => markAsText(cell));
        const lines = wrappedLines(issue.message, MESSAGE_WIDTH);
        if (lines > 1) row.height = Math.min(lines * LINE_POINTS, MAX_ROW_POINTS);
        row.commit();
      }
    }
  }
  ws.commit();
  return date1904;
}
