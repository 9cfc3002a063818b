/**
 * ROW_REPORT_UPLOADED: a bill or PBI-APBN list upload that is the service's own row report (row-report.writer.ts),
 * fixed and sent back. Those uploads are the month's whole list: a new version replaces the latest one (replaced-version.ts),
 * so the report, which holds only the refused and warned rows, would replace a bill of 6 lines by its 1 fixed line and
 * leave 6 people billed by no one (QA: reconciliation then reported them NOT_BILLED). It is refused whole, nothing stored.
 * The enrollment, payment and pledge uploads add to what is stored: there, sending the fixed report back is the way.
 *
 * A report is told by what the writer puts in it, either of:
 * - its header row holds BARIS, STATUS and KETERANGAN, the columns the report adds after the upload's own (kept when
 *   `Perbaiki` is saved as a .csv or copied into another workbook);
 * - the workbook has a sheet `Ringkasan` whose first text is a report's title (`Laporan unggahan tagihan BPJS`; kept when
 *   the added columns were deleted).
 * A report of an upload that refused nothing has a header and no row: it is refused as a report too, not as a file
 * without data (QA: `NO_DATA_ROWS` told the officer to type rows into it), see rowsUnlessReport.
 */
import { buffer } from 'node:stream/consumers';
import unzipper from 'unzipper';
import { normalizeHeader } from '../../common/spreadsheet/column-spec.js';
import { REPORT_COLUMNS } from '../../common/spreadsheet/report-sheets.js';
import { SpreadsheetErrorCode, SpreadsheetException } from '../../common/spreadsheet/spreadsheet.exception.js';
import type { SheetLayout } from '../../common/spreadsheet/xlsx-rows.js';
import { xlsxRows } from '../../common/spreadsheet/xlsx-rows.js';
import { openEntry } from '../../common/spreadsheet/zip-entry.js';

/** The columns the report adds after the upload's own, as header matching compares them. */
const ADDED_COLUMNS = REPORT_COLUMNS.map(normalizeHeader);
const SUMMARY_SHEET = 'Ringkasan';
/** Every row report's title begins so (`Laporan unggahan tagihan BPJS`, `Laporan unggahan daftar PBI APBN`, …). */
const REPORT_TITLE = /^laporan unggahan\b/i;
/** The workbook part lists a sheet named Ringkasan: only then is it read (a bill's own sheets are not read twice). */
const SUMMARY_LISTED = /<(?:\w+:)?sheet\b[^>]*\sname\s*=\s*["']\s*ringkasan\s*["']/i;

/** Whether the uploaded file at `path`, whose data header row held `headers` (HeaderMatch.found), is a row report. */
export async function isRowReport(path: string, headers: readonly string[]): Promise<boolean> {
  const found = new Set(headers.map(normalizeHeader));
  return ADDED_COLUMNS.every((c) => found.has(c)) || (await hasReportSummary(path));
}

/**
 * The upload's `batches`; when the file has a header and no data row (`NO_DATA_ROWS`) and is a row report (an empty
 * one: the upload refused and warned nothing), `refuse()` is thrown instead. `headers`: the header row found, read then.
 */
export async function* rowsUnlessReport<T>(batches: AsyncIterable<T>, path: string, headers: () => readonly string[], refuse: () => Error): AsyncGenerator<T> {
  try {
    yield* batches;
  } catch (err) {
    if (err instanceof SpreadsheetException && err.code === SpreadsheetErrorCode.NO_DATA_ROWS && (await isRowReport(path, headers()))) throw refuse();
    throw err;
  }
}

/** An .xlsx with a visible sheet `Ringkasan` whose first text cell is a report's title; false for anything else (a .csv). */
async function hasReportSummary(path: string): Promise<boolean> {
  try {
    const zip = await unzipper.Open.file(path);
    const workbook = zip.files.find((f) => f.type === 'File' && f.path === 'xl/workbook.xml');
    if (!workbook || !SUMMARY_LISTED.test((await buffer(await openEntry(path, workbook))).toString('utf8'))) return false;
    const layout: SheetLayout = { merged: new Map(), hiddenColumns: new Map(), names: new Map() };
    // the named sheet is read alone when it is visible; its first row is enough
    for await (const [first] of xlsxRows(path, { bytesRead: 0 }, SUMMARY_SHEET, layout)) {
      const title = first?.cells.find((c) => c.kind === 'text')?.text ?? '';
      return layout.names.get(first?.sheet ?? -1)?.trim().toLowerCase() === 'ringkasan' && REPORT_TITLE.test(title);
    }
    return false;
  } catch {
    return false; // not a workbook (a .csv): the reader, which has read the file already, would have refused a broken one
  }
}
