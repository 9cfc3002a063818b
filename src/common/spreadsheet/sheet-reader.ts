/**
 * Generic streaming reader for the input sheets of DOMAIN §12 (.xlsx and .csv), driven by a
 * column spec. Every upload reads through it: the enrollment sheet, pledge sheets, the BPJS bill
 * (NOKA, NIK, NAMA, IURAN), the PBI-APBN list (NIK) and payment sheets.
 *
 *   const reader = new SheetReader(path, { filename, columns: [{ name: 'NIK', aliases: ['NO KTP'], required: true }], maxRows });
 *   for await (const batch of reader.batches()) {          // SheetRow[] of up to `batchSize` rows
 *     for (const { rowNumber, cells } of batch) {          // cells[i] belongs to columns[i]
 *       if (cells[0].kind === 'number') ...                 // kinds: empty/text/number/date/boolean/error
 *     }
 *     reader.progress;                                      // 0..1 of the file's bytes read
 *   }
 *   reader.header;                                          // { rowNumber, sheet, found, extra } once found
 *
 * Telling .xlsx from .csv (and refusing other files) is file-format.ts; the options, SheetRow and
 * SheetHeader shapes are sheet-row.ts.
 *
 * - Which sheet (.xlsx): the one the format names (`sheet`, e.g. `Daftar Peserta`) when the workbook
 *   has it visible and it holds any row; otherwise the first visible sheet that has a header row. A
 *   named sheet with a header row and no data row below it gives way to the first other visible sheet
 *   with the header and data rows (hidden ones are not searched); with none, NO_DATA_ROWS names its header. A hidden or very hidden
 *   sheet is never read; a file whose data is only there is refused naming the sheet (HIDDEN_SHEET), also when the
 *   visible sheet has the header only and a hidden one the header and data rows (rather than NO_DATA_ROWS).
 *   The other visible sheets are then parsed only to name those with the header and data rows
 *   (SHEETS_NOT_READ in `sheetWarnings`, other-sheets.ts).
 * - The header row is the first row (within `headerSearchRows` rows of the sheet) holding every
 *   required column; title rows above it are skipped. Headers match
 *   case-insensitively ignoring spaces, dots and underscores, with aliases. Other columns are not read, and
 *   `sheetWarnings` names them (COLUMNS_NOT_READ); but one that looks like an optional column the file lacks
 *   (`PERSEN POTONGAN` for PERSEN) refuses the file (UNKNOWN_COLUMN, unknown-columns.ts) before any row is handed over,
 *   as do two headers naming one column where a hint was set aside from one (`NIK`, `NIK (16 digit)`) or where one
 *   is repeated (`NIK` in columns B and E; DUPLICATE_COLUMN, naming their letters). A header read as a column though
 *   not written as its name (an alias, a hint: `NIK (16 digit)`) is said in `sheetWarnings` (HEADERS_READ_AS).
 * - Cells keep their kind, so callers can refuse a NIK typed into a numeric cell. Formulas give their
 *   cached result (with `formula` set), rich text is flattened (`richText` set), dates are `YYYY-MM-DD`
 *   (helpers in cell-dates.ts parse `YYYY-MM-DD`, `DD/MM/YYYY`, `DD-MM-YYYY` text).
 * - A .csv row with more fields than the header row, the extra ones not all empty, is handed over with
 *   `overflow` set and every cell empty (field-count.ts): callers refuse it with that message alone.
 *   Fewer fields than the header: the missing cells are empty.
 * - The column-numbering row of government sheets right under the header (`(1) (2) (3) …`, column-numbers.ts)
 *   is skipped, as no data row: only the first row below the header, and only when it is all numbers in order.
 * - Only rows with nothing in any cell are skipped: a row with a value (or a formula, even one
 *   without a saved value) in any column, read or not, is a data row, its spec cells perhaps all
 *   empty, and callers refuse it for its missing values (QA: a PBI-APBN row with a name and no NIK,
 *   or a NIK formula never calculated, vanished unsaid). Row numbers are the file's, 1-based.
 *   But a template's pre-numbered empty row, a row number (1–999999) under a `No` header that is not read and
 *   nothing else, is skipped as empty too, and `sheetWarnings` says how many (NUMBERED_ROWS, numbered-rows.ts).
 * - `otherCells`: each row also carries the cells of the columns not read that hold a value (`others`), for
 *   a caller that tells a total row from a data row by them (a PBI-APBN list reads NIK only).
 * - Rows Excel hides (by hand, filtered out by an AutoFilter, in a collapsed outline group) are read like
 *   the others; `reader.sheetWarnings`, once the rows are read, names them (HIDDEN_ROWS, hidden-rows.ts),
 *   for the upload's answer and row report; so are the read columns Excel hides that hold a value
 *   (HIDDEN_COLUMNS, hidden-columns.ts).
 * - A merged range keeps its value in its first cell only: a data row with a spec column's cell
 *   hidden by one carries `merged` (merged-cells.ts), and callers refuse it (`withMergedCells`).
 * - The whole file is refused with a `SpreadsheetException` (Indonesian message): empty, not a
 *   spreadsheet, old .xls, a password-protected workbook (compound-file.ts), an OpenDocument .ods, UTF-16 text (with or without byte order mark), corrupt zip or a part of it cut short (zip-entry.ts), an .xlsx part inflating like a zip bomb (zip-entry.ts),
 *   missing required columns (with the headers found), no data rows, more than `maxRows` data rows. The refusal can come after earlier batches were yielded
 *   (row limit, corruption deep in the zip, a worksheet cut short): treat the upload as failed as a whole.
 */
import { open, stat } from 'node:fs/promises';
import { Logger } from '@nestjs/common';
import { type Cell, EMPTY_CELL, holdsValue } from './cell.js';
import { type HeaderMatch, matchHeader } from './column-spec.js';
import { isEncryptedPackage } from './compound-file.js';
import { csvDelimiter, csvRows } from './csv-rows.js';
import { fieldOverflow } from './field-count.js';
import { detectFormat, OLE_MAGIC } from './file-format.js';
import type { ByteCounter, RawRow } from './raw-row.js';
import { SpreadsheetException } from './spreadsheet.exception.js';
import { OpenDocumentError, type SheetLayout, xlsxRows } from './xlsx-rows.js';
import { HiddenCells, type MergedRange } from './merged-cells.js';
import { HiddenRows, RowRanges, type SheetWarning } from './hidden-rows.js';
import { isNumberedEmptyRow, numberedRowsWarning, rowNumberColumn } from './numbered-rows.js';
import { HiddenColumns } from './hidden-columns.js';
import { newProbe, probeRow, sheetsNotReadWarning } from './other-sheets.js';
import { PartialSheets } from './partial-sheets.js';
import { twoRowHeaderSaid } from './two-row-header.js';
import { isColumnNumbering } from './column-numbers.js';
import { columnsNotRead, lookAlikeColumns, requiredLookAlikes } from './unknown-columns.js';
import { headersReadAs } from './headers-read-as.js';
import { InflateLimitError } from './zip-entry.js';
import type { SheetHeader, SheetReaderOptions, SheetRow } from './sheet-row.js';

const logger = new Logger('SheetReader');

export class SheetReader {
  header?: SheetHeader;
  private readonly counter: ByteCounter = { bytesRead: 0 };
  private readonly layout: SheetLayout = { merged: new Map<number, MergedRange[]>(), hiddenColumns: new Map(), names: new Map() };
  /** Past the data's sheet: the sheet being looked at for the header and a data row (SHEETS_NOT_READ), and those found. */
  private readonly probe = newProbe();
  /** The header's sheet holding no data row: the rest of the workbook is only looked at for a hidden sheet with the data (HIDDEN_SHEET). */
  private seekHidden = false;
  private readonly hiddenProbe = newProbe();
  private readonly unread: number[] = [];
  /** With `partialSheets`: the other visible sheets with a partial header and rows (PARTIAL_SHEETS_NOT_READ). */
  private partial?: PartialSheets;
  private size = 0;
  /** The .csv's delimiter (none for an .xlsx): a .csv row may not have more fields than its header. */
  private delimiter?: string;
  private dataRowCount = 0;
  /** The named sheet's header while other sheets are searched, its own sheet having no data row (`otherSheets`). */
  private namedHeader?: SheetHeader;
  private readonly hiddenRows = new HiddenRows();
  /** The pre-numbered empty rows skipped on the header's sheet (numbered-rows.ts). */
  private numberedRows = new RowRanges();
  /** The read columns Excel hides on the header's sheet, if any. */
  private hiddenColumns: HiddenColumns | null = null;

  constructor(
    private readonly path: string,
    private readonly options: SheetReaderOptions,
  ) {}

  /**
   * What the upload should say about the file as a whole, complete once the rows are read: its hidden
   * data rows (HIDDEN_ROWS), its hidden read columns holding values (HIDDEN_COLUMNS), the other visible
   * sheets with rows of this format, not read (SHEETS_NOT_READ), the header's columns not read (COLUMNS_NOT_READ),
   * the headers read as a column though not written as its name (HEADERS_READ_AS).
   */
  get sheetWarnings(): SheetWarning[] {
    const names = this.layout.names;
    const notRead = this.header ? columnsNotRead(this.header.extra) : [];
    const unread = this.unread.length && this.header ? [sheetsNotReadWarning(this.unread.map((s) => names.get(s) ?? `${s + 1}`), names.get(this.header.sheet) ?? '', this.options.sheet)] : [];
    const numbered = this.numberedRows.size && this.header ? [numberedRowsWarning(this.numberedRows, this.header.numberHeader)] : [];
    const partial = this.header ? (this.partial?.warning(names, this.header.sheet, this.unread) ?? null) : null;
    const readAs = this.header ? headersReadAs(this.header.readAs) : [];
    return [...this.hiddenRows.warnings(), ...(this.hiddenColumns?.warnings() ?? []), ...unread, ...(partial ? [partial] : []), ...numbered, ...notRead, ...readAs];
  }

  /** Share of the file's bytes read so far, 0..1. */
  get progress(): number {
    return this.size ? Math.min(1, this.counter.bytesRead / this.size) : 0;
  }

  async *batches(): AsyncGenerator<SheetRow[]> {
    const { batchSize = 5000, maxRows = Infinity, headerSearchRows = 30 } = this.options;
    let batch: SheetRow[] = [];
    // Format readers hand over rows a chunk at a time: one await per chunk, not per row.
    let hidden: HiddenCells | null = null;
    let hiddenFor: SheetHeader | undefined;
    let numberingFor: SheetHeader | undefined; // the header whose first row below has been looked at
    for await (const chunk of this.dataRows(headerSearchRows)) {
      const indexes = this.header!.indexes;
      if (hiddenFor !== this.header) {
        hiddenFor = this.header!;
        // two headers read as one column, a hint set aside from one (`NIK`, `NIK (16 digit)`) or one repeated (`NIK` twice): which is meant is not guessed
        if (hiddenFor.clashes.length) throw SpreadsheetException.duplicateColumns(hiddenFor.clashes);
        // a header looking like an optional column the file lacks: that column would be stored as its default (QA)
        const lookAlikes = lookAlikeColumns(this.options.columns, indexes, hiddenFor.extra);
        if (lookAlikes.length) throw SpreadsheetException.unknownColumns(lookAlikes);
        hidden = HiddenCells.of(this.layout.merged.get(hiddenFor.sheet), this.options.columns.map((c, i) => ({ name: c.name, position: indexes[i] })), hiddenFor.rowNumber);
        const names = this.options.columns.map((c) => c.name);
        this.hiddenColumns = HiddenColumns.of(names, hiddenFor.labels, indexes, this.layout.hiddenColumns.get(hiddenFor.sheet));
        this.numberedRows = new RowRanges(); // a named sheet with numbered rows only gave way to another: not said of that one
      }
      const width = this.header!.fields;
      for (let r = 0; r < chunk.length; r++) {
        const raw = chunk[r];
        if (numberingFor !== this.header) {
          numberingFor = this.header;
          if (isColumnNumbering(raw.cells)) continue; // `(1) (2) (3) …` under the header: no data row
        }
        const overflow = this.delimiter !== undefined && raw.cells.length > width ? fieldOverflow(raw.rowNumber, raw.cells, width, this.delimiter) : undefined;
        if (overflow) {
          // refused whole, read as empty: a caller that forgot `overflow` refuses it as "wajib diisi", never stores shifted values
          if (++this.dataRowCount > maxRows) throw SpreadsheetException.tooManyRows(maxRows);
          batch.push({ rowNumber: raw.rowNumber, cells: indexes.map(() => EMPTY_CELL), overflow });
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
          continue;
        }
        const cells: Cell[] = new Array(indexes.length);
        let empty = true;
        for (let c = 0; c < indexes.length; c++) {
          const cell = indexes[c] >= 0 ? (raw.cells[indexes[c]] ?? EMPTY_CELL) : EMPTY_CELL;
          if (holdsValue(cell)) empty = false;
          cells[c] = cell;
        }
        const merged = hidden?.at(raw.rowNumber);
        // A row whose read cells are all empty (or hidden by merged ranges) is still a row when it holds
        // anything else: a PBI-APBN list reads NIK only, and a row with a name and no NIK was dropped unsaid (QA).
        if (empty && !raw.cells.some(holdsValue)) continue;
        // a template's row numbers down an empty sheet (`No` 1 … 500): no data row either, said once (NUMBERED_ROWS)
        if (empty && !merged && isNumberedEmptyRow(raw.cells, this.header!.numberColumn)) {
          this.numberedRows.add(raw.rowNumber);
          continue;
        }
        if (++this.dataRowCount > maxRows) throw SpreadsheetException.tooManyRows(maxRows);
        if (raw.hidden) this.hiddenRows.add(raw.rowNumber);
        this.hiddenColumns?.note(cells);
        const others = this.options.otherCells ? raw.cells.filter((cell, i) => cell !== undefined && holdsValue(cell) && !indexes.includes(i)) : undefined;
        batch.push({ rowNumber: raw.rowNumber, cells, ...(merged && { merged }), ...(others && { others }) });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length) yield batch;
    if (this.dataRowCount === 0) {
      const { filename, rowsAre } = this.options;
      throw SpreadsheetException.noDataRows(this.header!.rowNumber, filename, this.layout.names.get(this.header!.sheet), rowsAre);
    }
  }

  /** Raw rows below the header of the data sheet, in chunks; sets `this.header` first. */
  private async *dataRows(headerSearchRows: number): AsyncGenerator<RawRow[]> {
    const { columns, partialSheets } = this.options;
    const partial = partialSheets ? (this.partial = new PartialSheets(columns, partialSheets, headerSearchRows)) : undefined;
    let best: HeaderMatch | undefined;
    // where `best` is, and the row right below it: a header on two rows (two-row-header.ts)
    let bestAt: { sheet: number; row: number } | undefined;
    let belowBest: HeaderMatch | undefined;
    let searched = 0;
    let searchSheet = -1;
    let visibleRows = 0;
    for await (const chunk of await this.rows()) {
      let from = 0;
      if (this.seekHidden) {
        this.probeHidden(chunk, 0, headerSearchRows);
        continue;
      }
      if (this.header && chunk[0].sheet !== this.header.sheet) {
        // Past the header's sheet the data has ended, unless its named sheet (or the last sheet tried) had none:
        // the other sheets are only looked at for rows of this format (SHEETS_NOT_READ).
        if (this.dataRowCount > 0) {
          if (this.probeRows(chunk, 0, headerSearchRows)) return;
          continue;
        }
        if (!this.namedHeader) {
          this.probeHidden(chunk, 0, headerSearchRows);
          continue;
        }
        this.header = undefined;
      }
      if (!this.header) {
        for (; from < chunk.length && !this.header; from++) {
          const raw = chunk[from];
          const hidden = raw.hiddenSheet;
          // A hidden sheet is not searched for the data of a named sheet with a header only.
          if (hidden !== undefined && this.namedHeader) {
            this.header = this.namedHeader;
            this.probeHidden(chunk, from, headerSearchRows);
            break;
          }
          // Hidden sheets come last: reached with nothing visible, or holding the header, they hold the data.
          if (hidden !== undefined && visibleRows === 0) throw SpreadsheetException.hiddenSheet(this.options.filename, hidden);
          if (hidden === undefined) {
            visibleRows++;
            partial?.feed(raw); // the header's own sheet is left out when the warning is made
          }
          if (raw.sheet !== searchSheet) [searchSheet, searched] = [raw.sheet, 0];
          if (++searched > headerSearchRows) continue;
          const match = matchHeader(columns, raw.cells.map((c) => c.text));
          if (bestAt && raw.sheet === bestAt.sheet && raw.rowNumber === bestAt.row + 1) belowBest = match;
          if (match.matched > 0 && match.missing.length === 0) {
            if (hidden !== undefined) throw SpreadsheetException.hiddenSheet(this.options.filename, hidden);
            const numberColumn = rowNumberColumn(raw.cells, match.indexes);
            this.header = { ...match, sheet: raw.sheet, rowNumber: raw.rowNumber, fields: raw.cells.length, numberColumn, numberHeader: raw.cells[numberColumn]?.text ?? '' };
          } else if (hidden === undefined && (!best || match.matched > best.matched)) {
            best = match;
            [bestAt, belowBest] = [{ sheet: raw.sheet, row: raw.rowNumber }, undefined];
          }
        }
        if (!this.header || this.seekHidden) continue;
      }
      // Rows of the header's sheet only (the data ends with it).
      const sheet = this.header.sheet;
      let to = from;
      while (to < chunk.length && chunk[to].sheet === sheet) to++;
      if (to > from) yield from === 0 && to === chunk.length ? chunk : chunk.slice(from, to);
      if (to < chunk.length && this.dataRowCount === 0) this.probeHidden(chunk, to, headerSearchRows);
      else if (to < chunk.length && this.probeRows(chunk, to, headerSearchRows)) return;
    }
    if (this.header) return;
    if (this.namedHeader) return void (this.header = this.namedHeader); // no other sheet has data: NO_DATA_ROWS
    if (visibleRows === 0) throw SpreadsheetException.empty(this.options.filename, false);
    const required = columns.filter((c) => c.required).map((c) => c.name);
    const twoRows = best && bestAt && best.matched > 0 ? twoRowHeaderSaid(best, bestAt.row, belowBest, this.layout.names.get(bestAt.sheet)) : null;
    const hint = twoRows ?? (best && best.matched > 0 ? this.options.missingColumnsHint?.(best) : undefined);
    // the headers that most likely meant the missing columns, then those like an absent optional one (said now, not on the next try)
    const requiredMeant = best && best.matched > 0 ? requiredLookAlikes(columns, best.indexes, best.extra) : [];
    const optional = best && best.matched > 0 ? lookAlikeColumns(columns, best.indexes, best.extra) : [];
    const meant = [...requiredMeant, ...optional.filter((o) => !requiredMeant.some((r) => r.header === o.header))];
    throw SpreadsheetException.missingColumns(best && best.matched > 0 ? [...best.missing] : required, best ? [...best.found] : [], headerSearchRows, hint, meant);
  }

  private async rows(): Promise<AsyncGenerator<RawRow[]>> {
    const { filename } = this.options;
    this.size = (await stat(this.path)).size;
    const handle = await open(this.path, 'r');
    const head = Buffer.alloc(Math.min(this.size, 64 * 1024));
    try {
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
    // A password-protected .xlsx is a compound file like an old .xls: told by its directory (QA: called "Excel lama").
    if (head.subarray(0, 4).equals(OLE_MAGIC) && (await isEncryptedPackage(this.path))) throw SpreadsheetException.passwordProtected(filename);
    const format = detectFormat(filename, head);
    if (format === 'xlsx') return this.guardedXlsx(filename);
    this.delimiter = csvDelimiter(head);
    return csvRows(this.path, head, this.counter, filename, this.delimiter);
  }

  /**
   * Rows past the data's sheet, from `chunk[from]`: notes each visible sheet that has this format's
   * header row (within `headerSearchRows` rows) and a row below it. True at the hidden sheets, which
   * come last and are never read: nothing more to look at.
   */
  private probeRows(chunk: RawRow[], from: number, headerSearchRows: number): boolean {
    for (let i = from; i < chunk.length; i++) {
      const raw = chunk[i];
      if (raw.hiddenSheet !== undefined) return true;
      this.partial?.feed(raw);
      if (probeRow(this.probe, raw, this.options.columns, headerSearchRows)) this.unread.push(raw.sheet);
    }
    return false;
  }

  /**
   * The header's sheet has no data row (NO_DATA_ROWS once the rows end): the rest of the workbook, from `chunk[from]`,
   * is looked at for a hidden sheet with this format's header and a data row, refused naming it (QA: a visible sheet
   * with the header only and the data on a hidden one was told it held no data, the hidden sheet unsaid).
   */
  private probeHidden(chunk: RawRow[], from: number, headerSearchRows: number): void {
    this.seekHidden = true;
    for (let i = from; i < chunk.length; i++) {
      const raw = chunk[i];
      if (raw.hiddenSheet === undefined) continue;
      if (probeRow(this.hiddenProbe, raw, this.options.columns, headerSearchRows)) throw SpreadsheetException.hiddenSheet(this.options.filename, raw.hiddenSheet);
    }
  }

  /**
   * Asked by xlsxRows once the named sheet is read: with a header row and no data row below it, the
   * other sheets are read too, and searched for one with the header and data; with data rows, they
   * are read only to name those holding rows of this format (probeRows).
   */
  private headerOnly(): boolean {
    if (!this.header) return false;
    if (this.dataRowCount > 0) return true;
    this.namedHeader = this.header;
    return true;
  }

  /** ExcelJS/unzipper errors on a broken zip become a CORRUPT_FILE refusal; a part inflating like a zip bomb INFLATES_TOO_LARGE. */
  private async *guardedXlsx(filename: string): AsyncGenerator<RawRow[]> {
    try {
      yield* xlsxRows(this.path, this.counter, this.options.sheet, this.layout, () => this.headerOnly());
    } catch (err) {
      if (err instanceof SpreadsheetException) throw err;
      if (err instanceof OpenDocumentError) throw SpreadsheetException.openDocument(filename);
      if (err instanceof InflateLimitError) {
        logger.warn(`${filename}: refused, ${err.message}`);
        throw SpreadsheetException.inflatesTooLarge(filename, err.part, err.limit);
      }
      logger.warn(`${filename}: unreadable .xlsx: ${(err as Error).message}`);
      throw SpreadsheetException.corrupt(filename);
    }
  }
}
