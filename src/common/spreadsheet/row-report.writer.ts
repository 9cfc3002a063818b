/**
 * The row report of an upload (DOMAIN §12), one writer for every kind of upload (enrollment sheet,
 * BPJS bill, PBI-APBN list, payment sheet, pledge sheet): sheet "Perbaiki" repeats every REFUSED row as uploaded
 * (the upload's columns, from `upload_issue.raw`, in the file's order and headed as the file headed them when
 * the upload kept its order and headers, else in the service's order and by the columns' own names: either way accepted headers, so the sheet can be
 * fixed and uploaded again; extra columns are ignored by the parser) plus BARIS (the row in the
 * original file), STATUS (DITOLAK) and KETERANGAN (the Indonesian messages, its warnings included).
 * A row only WARNED was accepted: it is not on Perbaiki, since uploading it again would re-apply its old
 * values over whatever changed since (QA: a death recorded after the upload was undone by the fixed report).
 * Its warnings go on sheet "Peringatan" instead, a line each: BARIS, the columns naming the row (`warnedKeys`),
 * KOLOM and KETERANGAN, under a line saying the rows are saved; too few columns to be read as an upload's rows
 * (the upload reads the first visible sheet with its header: Perbaiki, which is always written, first).
 * Sheet "Ringkasan" gives the title and the summary lines; the workbook opens on it when no row is to be fixed (Perbaiki,
 * and the extra sheet if any, without a row), else on Perbaiki. Streaming writer, rows read from `upload_issue` a page at a time.
 * An upload read from two sheets may add a second one (`RowReport.extraSheet`, a pledge sheet's `Daftar`):
 * written the same way after Perbaiki, from rows its caller reads (before Peringatan).
 *
 * Raw cells are user text: written as strings through `textValue`, formula-like ones get the Text
 * format (`markAsText`), so `=1+1` comes back as the text the user sent, never as a formula; a cell
 * that arrived as a number is written as that number (RawCells), in the upload's date system: the report
 * of a 1904-system workbook (old Excel for Mac) is a 1904-system workbook (date-1904-writer.ts).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { writeIn1904System } from './date-1904-writer.js';
import { REPORT_SHOWS_MONTH_FIRST } from './report-dates.js';
import { PAGE, type ReportColumns, type ReportRow, type WarnedRow, writeRowsSheet, writeWarnedSheet } from './report-sheets.js';
import type { SummaryLine } from './report-summary.js';
import { columnOrderParams, issueColumnOrder } from '../uploads/sql/upload-issue.sql.js';
import { fitsOneLine, LABEL_STYLE, LINE_POINTS, markAsText, NUMBER_FORMATS, printSetup, TITLE_STYLE, wrappedLines } from './workbook-style.js';

const SUMMARY_WIDTH = 60;
/** A Ringkasan label at the top of its row, beside a value of several lines. */
const LABEL_TOP = { ...LABEL_STYLE, alignment: { vertical: 'top' } } as const;

/**
 * One refused row of the upload's main sheet (issues of another sheet, a pledge sheet's `Daftar`, are not its rows): its raw
 * cells and its messages, warnings included, in column order ($3/$4: columnOrderParams). $2 the last row of the page before.
 */
const REPORT_ROWS = `
  SELECT row_number,
         (array_agg(raw) FILTER (WHERE raw IS NOT NULL))[1] AS raw,
         true AS rejected,
         string_agg(message, E'\\n' ORDER BY ${issueColumnOrder('$3', '$4')}, severity, code) AS messages
  FROM upload_issue
  WHERE upload_id = $1 AND sheet IS NULL AND row_number > $2
  GROUP BY row_number
  HAVING bool_or(severity = 'REJECT')
  ORDER BY row_number
  LIMIT ${PAGE}`;

/**
 * One accepted row of the main sheet with warnings (no issue refuses it): its raw cells and its findings
 * (column as stored: own name or the file's header; message) in column order. Parameters as REPORT_ROWS.
 */
const WARNED_ROWS = `
  SELECT row_number,
         (array_agg(raw) FILTER (WHERE raw IS NOT NULL))[1] AS raw,
         json_agg(json_build_object('column', column_name, 'message', message) ORDER BY ${issueColumnOrder('$3', '$4')}, code) AS issues
  FROM upload_issue
  WHERE upload_id = $1 AND sheet IS NULL AND row_number > $2
  GROUP BY row_number
  HAVING NOT bool_or(severity = 'REJECT')
  ORDER BY row_number
  LIMIT ${PAGE}`;

/**
 * A second sheet of the report, for an upload read from two sheets (a pledge sheet's `Daftar`):
 * written like Perbaiki (its columns, BARIS, STATUS, KETERANGAN) right after it, so that a fixed
 * report uploaded again still has its main rows on its first sheet, and left out when it has no rows.
 */
export interface ReportSheet extends ReportColumns {
  /** The sheet's name, as the upload's reader looks for it. */
  readonly name: string;
  /**
   * Its rows after row `after` (0: from the first), in row order, at most `limit`, each row's messages in
   * `messageOrder` (columnOrderParams of the sheet's columns as laid out, for issueColumnOrder).
   */
  readonly rows: (after: number, limit: number, messageOrder: [string[], string[]]) => Promise<ReportRow[]>;
}

export interface RowReport extends ReportColumns {
  /** The upload whose `upload_issue` rows are reported (enrollment upload, bill, PBI-APBN list or payment upload id). */
  readonly uploadId: string;
  /** First line of the "Ringkasan" sheet. */
  readonly title: string;
  readonly summary: readonly SummaryLine[];
  /** A second sheet after Perbaiki (ReportSheet). */
  readonly extraSheet?: ReportSheet;
  /**
   * The columns (own names) the Peringatan sheet repeats to name a warned row (`['NIK', 'NAMA']`), headed as the
   * file headed them. Never a whole row: the sheet must not be readable as the upload's rows. Default none.
   */
  readonly warnedKeys?: readonly string[];
}

/** The sheet's columns in the uploaded file's order (ReportColumns.order), those it lacked after them in `columns`' order. */
export function inFileOrder<C extends { name: string }>(columns: readonly C[], order?: readonly string[] | null): readonly C[] {
  if (!order?.length) return columns;
  const at = (c: C, i: number) => (order.includes(c.name) ? order.indexOf(c.name) : order.length + i);
  return columns.map((c, i) => ({ c, at: at(c, i) })).sort((a, b) => a.at - b.at).map(({ c }) => c);
}

export async function writeRowReport(dataSource: DataSource, given: RowReport, out: Writable): Promise<void> {
  // laid out as the file was (QA: a payment sheet with NO SP2D before TANGGAL_BAYAR got them the other way round), its messages in that order too
  const report = { ...given, columns: inFileOrder(given.columns, given.order) };
  const order = columnOrderParams(report.columns, report.headers);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const mainRows = (after: number): Promise<ReportRow[]> => dataSource.query(REPORT_ROWS, [report.uploadId, after, ...order]);
  // a month-first file's report keeps its dates as uploaded (REPORT_SHOWS_MONTH_FIRST)
  const monthFirst = async (names: readonly string[]): Promise<boolean> => (await dataSource.query(REPORT_SHOWS_MONTH_FIRST, [report.uploadId, names]))[0].month_first;
  const dateColumns = report.dateColumns?.length && !(await monthFirst(report.dateColumns)) ? report.dateColumns : undefined;
  const main = await writeRowsSheet(wb, 'Perbaiki', { ...report, dateColumns }, mainRows);
  let { date1904 } = main;
  let toFix = main.rows > 0;
  let sheets = 1;
  const extra = report.extraSheet && { ...report.extraSheet, columns: inFileOrder(report.extraSheet.columns, report.extraSheet.order) };
  if (extra) {
    // its messages in its columns' order too, as the main sheet's
    const extraRows = (after: number) => extra.rows(after, PAGE, columnOrderParams(extra.columns, extra.headers));
    const first = await extraRows(0);
    if (first.length) {
      date1904 = (await writeRowsSheet(wb, extra.name, extra, (after) => (after ? extraRows(after) : Promise.resolve(first)))).date1904 || date1904;
      toFix = true;
      sheets++;
    }
  }
  const warned = (after: number): Promise<WarnedRow[]> => dataSource.query(WARNED_ROWS, [report.uploadId, after, ...order]);
  const firstWarned = await warned(0);
  if (firstWarned.length) {
    date1904 = (await writeWarnedSheet(wb, report, (after) => (after ? warned(after) : Promise.resolve(firstWarned)))) || date1904;
    sheets++;
  }

  // Nothing to fix: the workbook opens on Ringkasan, Perbaiki (its header only) staying first, the sheet an upload reads
  // (QA: the empty Perbaiki was what the operator saw first)
  if (!toFix) wb.views = [{ activeTab: sheets, firstSheet: 0, visibility: 'visible' } as ExcelJS.WorkbookView];
  const summary = wb.addWorksheet('Ringkasan', { pageSetup: printSetup() });
  summary.columns = [{ width: 28 }, { width: SUMMARY_WIDTH }];
  summary.addRow([report.title]).getCell(1).style = TITLE_STYLE;
  for (const [label, value, format] of report.summary) {
    const row = summary.addRow([label, value]);
    row.getCell(1).style = LABEL_TOP;
    const cell = row.getCell(2);
    // A new style object: cells may share theirs.
    if (format === 'rupiah') cell.style = { ...cell.style, numFmt: NUMBER_FORMATS.rupiah };
    markAsText(cell);
    if (typeof value === 'string' && !fitsOneLine(value, SUMMARY_WIDTH)) {
      cell.style = { ...cell.style, alignment: { wrapText: true, vertical: 'top' } };
      row.height = wrappedLines(value, SUMMARY_WIDTH) * LINE_POINTS;
    }
    row.commit();
  }
  summary.commit();
  // the workbook part is written last: a 1904-system upload's numbers are repeated in its own system
  if (date1904) writeIn1904System(wb);
  await wb.commit();
}
