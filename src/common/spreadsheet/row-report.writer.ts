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
 * KOLOM and PESAN, under a line saying the rows are saved; too few columns to be read as an upload's rows
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
import { bareYear, type Cell } from './cell.js';
import type { ColumnSpec } from './column-spec.js';
import { thousands } from '../money.js';
import { writeIn1904System } from './date-1904-writer.js';
import { reportDate, REPORT_SHOWS_MONTH_FIRST } from './report-dates.js';
import { columnOrderParams, issueColumnOrder } from './upload-issue.sql.js';
import {
  columnStyle,
  frozenHeader,
  HEADER_STYLE,
  LABEL_STYLE,
  LINE_POINTS,
  markAsText,
  NUMBER_FORMATS,
  printSetup,
  textValue,
  TITLE_STYLE,
  wrappedLines,
} from './workbook-style.js';

const PAGE = 5000;

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
const SUMMARY_WIDTH = 60;
/** The tallest row Excel allows, in points: a cut 32,767-character value would want thousands of lines. */
const MAX_ROW_POINTS = 409;
/** A Ringkasan label at the top of its row, beside a value of several lines. */
const LABEL_TOP = { ...LABEL_STYLE, alignment: { vertical: 'top' } } as const;
/** BARIS: a plain whole number (row 1009, not "1,009": the row the operator looks for in the file). */
const ROW_NUMBER_STYLE = { ...columnStyle('count'), numFmt: '0' } as const;
/** An uploaded value too long for its column: text, wrapped (one object, so one style id). */
const WRAPPED_TEXT = { ...columnStyle('text'), alignment: { wrapText: true, vertical: 'top' } } as const;

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

/** The Peringatan sheet's first line: its rows were saved, so uploading them again is not needed (nor read: Perbaiki comes first). */
export const WARNED_SHEET_NOTE = 'Baris ini sudah tersimpan; tidak perlu diunggah ulang. Peringatan hanya untuk diperiksa.';

/** A moment is given as text (`wibTimestamp`): a Date would be written as a 1900 serial, four years off in a 1904-system report. */
export type SummaryValue = string | number | null;

/** A line of the "Ringkasan" sheet: label, value, and optionally `rupiah` for an amount. */
export type SummaryLine = readonly [label: string, value: SummaryValue, format?: 'rupiah'];

/** The row counts every upload's summary gives, in this order and with these labels. */
export function rowCountLines(c: { rowsRead: SummaryValue; accepted: SummaryValue; rejected: SummaryValue; warnings: SummaryValue }): SummaryLine[] {
  return [
    ['Baris dibaca', c.rowsRead],
    ['Diterima', c.accepted],
    ['Ditolak', c.rejected],
    ['Dengan peringatan', c.warnings],
  ];
}

/** The upload's warnings about its file as a whole (hidden rows: hidden-rows.ts), a Ringkasan line each, after the counts. */
export function sheetWarningLines(warnings: readonly { message: string }[] | null | undefined): SummaryLine[] {
  return (warnings ?? []).map((w) => ['Peringatan berkas', w.message] as const);
}

/** The columns of a sheet of the report, headed as the upload headed them. */
interface ReportColumns {
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

/**
 * A reported row as uploaded (`upload_issue.raw`): canonical column name → cell value, non-empty
 * cells only. Text as text; a number cell as its number (written back as a number cell, so the fixed
 * sheet reads as the upload did: a date pasted as a value into a Text cell, 31180, is the same day
 * again, and a NIK that arrived as a number is refused again for it); a date cell as `YYYY-MM-DD`. A
 * formula saved without a result is repeated as its formula (`=…`, written back as text), so the row
 * shows what was uploaded rather than blanks; a year typed into a date cell, as the year.
 * A row of a 1904-date-system workbook holding a number also carries `DATE_1904` (1): the report is
 * then written in the 1904 system, so its numbers are the ones uploaded and read again as the same days.
 */
export type RawCells = Record<string, string | number>;

/**
 * The RawCells key saying that the row's numbers count from 1904-01-01 as date serials (no column is so
 * named: columns are keyed by their canonical names). Uploads of one workbook share its date system.
 */
export const DATE_1904 = '#date1904';

/**
 * Rejections whose cell is not repeated in the report: a NIK repeated from an earlier row of the file
 * would, uploaded again without that row, overwrite the participant the earlier row registered with
 * this row's values (another person's, often: a NIK typed twice). The report leaves the cell empty
 * (its message names the NIK, the earlier row and the columns that differ), so uploading the row unchanged is refused
 * as "wajib diisi" until someone types the NIK back, deciding this row is the right one, or drops the row. Every
 * other cell is repeated.
 */
const NOT_REPEATED = new Set(['NIK_DUPLICATE_IN_FILE']);

/** The row's RawCells, stored with its first issue; `issues` are the row's, to leave out the cells above. */
export function rawCells(
  columns: readonly ColumnSpec[],
  cells: readonly Cell[],
  issues: readonly { column: string | null; code: string; severity: string }[] = [],
): RawCells {
  const leftOut = new Set(issues.filter((i) => i.severity === 'REJECT' && NOT_REPEATED.has(i.code)).map((i) => i.column));
  const raw: RawCells = {};
  columns.forEach((c, i) => {
    const cell = cells[i];
    if (!cell || leftOut.has(c.name)) return;
    // a year typed into a date-formatted cell is repeated as typed (1985), not as the day of 1905 it shows: uploaded back untouched, it is refused again
    if (cell.kind === 'date' && bareYear(cell) !== undefined) raw[c.name] = String(cell.serial);
    else if (cell.kind === 'number' && Number.isFinite(cell.number)) {
      raw[c.name] = cell.number!;
      // its serial counts from 1904-01-01 if a date column reads it: the report is written in that system too
      if (cell.date1904) raw[DATE_1904] = 1;
    } else if (cell.kind !== 'empty') raw[c.name] = cell.text;
    else if (cell.formula !== undefined) raw[c.name] = `=${cell.formula}`;
  });
  return raw;
}

/** A raw cell for the sheet: a number stays a number cell, anything else is user text (`textValue`). */
function cellValue(value: string | number | undefined): string | number | null {
  return typeof value === 'number' ? value : textValue(value);
}

/** The most characters Excel keeps in one cell; a longer one is cut by Excel, and the report is refused on upload (QA: 413). */
export const EXCEL_CELL_LIMIT = 32_767;

/** Ends a value cut to fit one cell, saying how long it was. */
const cutMarker = (length: number): string => ` … [DIPOTONG: aslinya ${thousands(length)} karakter]`;

/**
 * A text for one cell, cut to EXCEL_CELL_LIMIT characters with `cutMarker` at its end when longer (never inside
 * a surrogate pair); undefined when it fits as it is.
 */
export function cutToCell(text: string): string | undefined {
  if (text.length <= EXCEL_CELL_LIMIT) return undefined;
  const marker = cutMarker(text.length);
  let keep = EXCEL_CELL_LIMIT - marker.length;
  if (/[\uD800-\uDBFF]/.test(text[keep - 1])) keep--;
  return text.slice(0, keep) + marker;
}

/** The line KETERANGAN adds for an uploaded value cut to fit its cell (`header`: the column as the file headed it). */
function cutMessage(header: string, length: number): string {
  return (
    `${header} terlalu panjang untuk satu sel Excel (${thousands(length)} karakter; paling banyak ${thousands(EXCEL_CELL_LIMIT)}): ` +
    `laporan ini hanya memuat awalnya, diakhiri "[DIPOTONG …]". Isi sel itu dengan nilai yang benar sebelum mengunggah kembali.`
  );
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
    if (typeof value === 'string' && value.length > SUMMARY_WIDTH - 1) {
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

/**
 * One sheet of rows as uploaded (a page of PAGE rows at a time from `page`, given the last row of the
 * page before) with BARIS, STATUS and KETERANGAN; says whether a row counts its numbers from 1904.
 */
/**
 * The columns a row report adds after the upload's own, as written: how an upload tells a report sent back (its
 * COLUMNS_NOT_READ leaves them unnamed, unknown-columns.ts; a bill or PBI list refuses it, row-report-upload.ts).
 */
export const REPORT_COLUMNS = ['BARIS', 'STATUS', 'KETERANGAN'] as const;

async function writeRowsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  { columns, headers, dateColumns }: ReportColumns,
  page: (after: number) => Promise<ReportRow[]>,
): Promise<{ date1904: boolean; rows: number }> {
  const ws = wb.addWorksheet(name, { views: frozenHeader(1), pageSetup: printSetup(1) });
  ws.columns = [
    ...columns.map((c) => ({ header: headers?.[c.name] ?? c.name, key: c.name, width: c.width ?? DEFAULT_WIDTH, style: columnStyle('text') })),
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
        said.push(cutMessage(headers?.[c.name] ?? c.name, (value as string).length));
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
        if (!value || value.length <= width - 1) return;
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
interface WarnedRow {
  row_number: number;
  raw: RawCells | null;
  issues: { column: string | null; message: string }[];
}

/**
 * Sheet "Peringatan": the warnings of accepted rows, a line each (BARIS, the row's `warnedKeys` cells as uploaded,
 * KOLOM as the file headed it, PESAN), under WARNED_SHEET_NOTE; header on line 2, frozen and filtered. Says whether a row counts its numbers from 1904.
 */
async function writeWarnedSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, report: RowReport, page: (after: number) => Promise<WarnedRow[]>): Promise<boolean> {
  const { columns, headers } = report;
  const keys = columns.filter((c) => report.warnedKeys?.includes(c.name));
  const label = (name: string) => headers?.[name] ?? name;
  const ws = wb.addWorksheet('Peringatan', { views: frozenHeader(2), pageSetup: printSetup(2) });
  ws.columns = [
    { key: 'BARIS', width: 8, style: ROW_NUMBER_STYLE },
    ...keys.map((c) => ({ key: c.name, width: c.width ?? DEFAULT_WIDTH, style: columnStyle('text') })),
    { key: 'KOLOM', width: 16, style: columnStyle('text') },
    { key: 'PESAN', width: MESSAGE_WIDTH, style: { ...columnStyle('general'), alignment: { wrapText: true, vertical: 'top' } } },
  ];
  const note = ws.addRow([WARNED_SHEET_NOTE]);
  note.getCell(1).style = TITLE_STYLE;
  note.commit();
  const header = ws.addRow(['BARIS', ...keys.map((c) => label(c.name)), 'KOLOM', 'PESAN']);
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
