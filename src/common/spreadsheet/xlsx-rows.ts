/**
 * Rows of an .xlsx file through ExcelJS's streaming parsers (never the in-memory reader: it runs out
 * of memory on large uploads). `styles: 'cache'` is needed for date cells to arrive as dates.
 *
 * The zip is opened through its central directory (unzipper, which ExcelJS itself uses), not read
 * front to back as ExcelJS's WorkbookReader does: that single pass loses entries at random when
 * they are small or stored uncompressed (exceljs#3064, unzipper#234), so the same file was read,
 * refused as corrupt, or read without its shared strings from one upload to the next. Here the
 * parts a worksheet needs (relationships, workbook, shared strings, styles) are parsed first, then
 * each worksheet is streamed row by row, in the workbook's sheet order. ExcelJS's per-part parsers
 * are used as they are (its `_parse*` methods, pinned by the exact ExcelJS version in package.json).
 * Every part is inflated through zip-entry.ts, which refuses a part that inflates like a zip bomb.
 *
 * Which worksheets: the visible one named `sheetName` when the workbook has it, and only it;
 * otherwise (or when that sheet has no row at all: an empty `Daftar Peserta` beside the data on
 * `Data`, QA; or when the caller finds a header row and no data in it: `otherSheets`) every other
 * visible worksheet in tab order. Hidden (and very hidden) worksheets come last,
 * their rows marked `hiddenSheet`, so that the caller can refuse a file whose data is only there
 * rather than read a stale sheet the user cannot see (QA: a hidden "Lama" before "Daftar Peserta").
 * A hidden row of a visible sheet (`<row hidden="1">`: by hand, filtered out, a collapsed group) is
 * read and marked `hidden` (hidden-rows.ts), for the upload to say so.
 *
 * Dates: a workbook in the 1904 date system (`<workbookPr date1904="1">`, old Excel for Mac) counts
 * serials from 1904-01-01. ExcelJS converts plain date cells itself (and reads only "1", not the
 * equally valid "true"); the reader converts formula results, with the same system, and marks the
 * number cells of such a workbook (`date1904`), so a serial in a date column counts from 1904 too (cell-dates.ts cellDay).
 * A date cell keeps the serial it holds (`serial`): a year typed into a date-formatted cell (1985,
 * shown as 1905-06-07) is told from a real day by it (cell-dates.ts yearOnly).
 */
import { stat } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import unzipper, { type CentralDirectoryFile } from 'unzipper';
import { type Cell, dateCell, decodeXstring, EMPTY_CELL, holdsValue, numberCell, serialDateCell, textCell } from './cell.js';
import { HiddenRowTap } from './hidden-rows.js';
import { type MergedRange, scanMergedRanges } from './merged-cells.js';
import type { ByteCounter, RawRow } from './raw-row.js';
import { SharedStrings } from './shared-strings.js';
import { openEntry } from './zip-entry.js';

/** The zip is an OpenDocument file (`content.xml`, no `xl/workbook.xml`), whatever its first entry: sheet-reader.ts refuses it as .ods. */
export class OpenDocumentError extends Error {
  constructor() {
    super('OpenDocument content.xml without xl/workbook.xml');
  }
}

/** Rows handed on in chunks (fewer awaits per row). */
const CHUNK_ROWS = 500;
/** Chunks parsed ahead while a sheet's merges are being scanned: 20,000 rows at most. */
const HELD_CHUNKS = 40;

/**
 * Most bytes `xl/sharedStrings.xml` may inflate to: about twice a 1,000,000-row register's
 * (UPLOAD_MAX_ROWS; the bench's file has 119 MB). Many short strings at a ratio under 100 would
 * otherwise fill memory with their index.
 */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;

/** ExcelJS's WorkbookReader, as far as its part parsers go. */
interface PartParsers {
  model?: { sheets?: { rId: string; name?: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<{ index: number; text: unknown }>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Iterable<{ value: AsyncIterable<any> }>;
}

interface Worksheet {
  file: CentralDirectoryFile;
  /** The N of `xl/worksheets/sheetN.xml`, as ExcelJS's parsers want it. */
  sheetNo: string;
  /** The tab's name (the part's path for a part the workbook does not list). */
  name: string;
  hidden: boolean;
  /** Position in tab order (RawRow.sheet). */
  index: number;
}

/** What a sheet's rows alone do not tell, by sheet index (RawRow.sheet), for xlsxRows' caller. */
export interface SheetLayout {
  /** each sheet's merged ranges, set before its rows are yielded (merged-cells.ts) */
  readonly merged: Map<number, MergedRange[]>;
  /** each sheet's hidden columns, 0-based ranges `[first, last]`, complete once its first row is yielded (hidden-columns.ts) */
  readonly hiddenColumns: Map<number, readonly (readonly [number, number])[]>;
  /** each sheet's tab name, set before its rows are yielded */
  readonly names: Map<number, string>;
}

/**
 * The rows of the workbook's sheets (the one named `sheetName` alone when it is there, visible), a
 * chunk at a time. `layout`, when given, receives each sheet's merged ranges before its rows are
 * yielded (the part is inflated once more to find them: merged-cells.ts) and its hidden columns. `otherSheets`, asked once
 * the named sheet's rows are all consumed, says whether to read the other sheets after it anyway.
 */
export async function* xlsxRows(
  path: string,
  counter: ByteCounter,
  sheetName?: string,
  layout?: SheetLayout,
  otherSheets?: () => boolean,
): AsyncGenerator<RawRow[]> {
  const zip = await unzipper.Open.file(path);
  const part = (name: string) => zip.files.find((f) => f.type === 'File' && f.path === name);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'emit', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' }) as unknown as PartParsers;

  const rels = part('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(await openEntry(path, rels));
  const workbook = part('xl/workbook.xml');
  if (!workbook && part('content.xml')) throw new OpenDocumentError();
  if (!workbook) throw new Error('xl/workbook.xml not found');
  const workbookXml = await buffer(await openEntry(path, workbook));
  await reader._parseWorkbook(Readable.from([workbookXml]));
  const date1904 = DATE1904.test(workbookXml.toString('utf8'));
  if (date1904 && reader.properties) reader.properties.model = { ...reader.properties.model, date1904 }; // for ExcelJS's plain date cells
  const book: Book = { strings: await sharedStrings(path, part('xl/sharedStrings.xml'), reader), date1904 };
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(await openEntry(path, styles));

  const [sheets, fallback] = sheetsToRead(worksheetsInOrder(zip.files, reader), sheetName);
  const size = (await stat(path)).size;
  // Progress: the bytes before the visible worksheets count as read; each worksheet's compressed bytes as they are read.
  const startCounting = (list: Worksheet[]) => {
    const visibleBytes = list.reduce((sum, s) => sum + (s.hidden ? 0 : s.file.compressedSize), 0);
    counter.bytesRead = Math.max(0, size - visibleBytes);
  };
  const read: { current?: Readable; rows: number } = { rows: 0 };
  try {
    startCounting(sheets);
    yield* sheetRows(path, sheets, reader, book, counter, read, layout);
    // The named sheet without a single row counts as absent: the other sheets are read as when it is not there;
    // so they are when the caller found only a header on it.
    if (fallback.length && (read.rows === 0 || otherSheets?.())) {
      const counted = counter.bytesRead;
      startCounting(fallback);
      counter.bytesRead = Math.max(counted, counter.bytesRead); // progress never goes back
      yield* sheetRows(path, fallback, reader, book, counter, read, layout);
    }
  } finally {
    read.current?.destroy();
  }
}

/** The rows of `sheets`, in order, a chunk at a time; `read` counts them and holds the part being read (destroyed by the caller). */
async function* sheetRows(
  path: string,
  sheets: Worksheet[],
  reader: PartParsers,
  book: Book,
  counter: ByteCounter,
  read: { current?: Readable; rows: number },
  layout?: SheetLayout,
): AsyncGenerator<RawRow[]> {
  const merged = layout?.merged;
  for (const { file, sheetNo, name, hidden, index: sheet } of sheets) {
    // The merges are scanned (zlib inflating on libuv's threads) while the first rows are parsed; rows
    // wait, at most HELD_CHUNKS chunks of them, until the merges are known (merged-cells.ts).
    const scan = merged ? settling(openEntry(path, file).then(scanMergedRanges)) : null;
    const ready = async () => void (scan && merged!.set(sheet, await scan.promise));
    let held: RawRow[][] = [];
    read.current = await openEntry(path, file, { onRead: (bytes) => (counter.bytesRead += bytes) });
    // ExcelJS drops `<row hidden="1">`: the tap notes it on the way (hidden-rows.ts); errors reach the parser through it
    const tap = pipeline(read.current, new HiddenRowTap(), () => undefined);
    layout?.hiddenColumns.set(sheet, tap.columns); // filled as the tap reads `<cols>`, before the first row
    layout?.names.set(sheet, name);
    for (const { value } of reader._parseWorksheet(tap, sheetNo)) {
      let rows: RawRow[] = [];
      for await (const row of value) {
        const cells = rowCells(row, book);
        const hiddenRow = tap.hidden(row.number);
        if (cells) rows.push(hidden ? { sheet, rowNumber: row.number, cells, hiddenSheet: name } : hiddenRow ? { sheet, rowNumber: row.number, cells, hidden: true } : { sheet, rowNumber: row.number, cells });
        if (rows.length >= CHUNK_ROWS) {
          read.rows += rows.length;
          held.push(rows);
          rows = [];
          if (scan && !scan.settled && held.length < HELD_CHUNKS) continue;
          await ready();
          yield* held;
          held = [];
        }
      }
      read.rows += rows.length;
      if (rows.length) held.push(rows);
    }
    await ready();
    yield* held;
  }
}

/** `<workbookPr … date1904="1">` (or `"true"`). */
const DATE1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](?:1|true)["']/;

/** What cells are read with: the shared strings and the date system. */
interface Book {
  strings: SharedStrings;
  date1904: boolean;
}

/** Shared strings, kept in a compact store; cells arrive as `{ sharedString: index }` and are resolved from it. */
async function sharedStrings(path: string, file: CentralDirectoryFile | undefined, reader: PartParsers): Promise<SharedStrings> {
  const strings = new SharedStrings();
  if (file) {
    for await (const { text } of reader._parseSharedStrings(await openEntry(path, file, { maxBytes: MAX_SHARED_STRINGS_BYTES }))) {
      if (typeof text === 'string') strings.add(decodeXstring(text), false);
      else if (text && Array.isArray((text as { richText?: unknown }).richText)) {
        strings.add(decodeXstring((text as { richText: { text?: string }[] }).richText.map((r) => r.text ?? '').join('')), true);
      } else strings.add('', false);
    }
  }
  strings.done();
  return strings;
}

/**
 * The worksheets in the order the workbook lists them (the tab order), with their names and
 * whether they are hidden, then any other `xl/worksheets/sheetN.xml` by N (visible, named by path).
 */
function worksheetsInOrder(files: CentralDirectoryFile[], reader: PartParsers): Worksheet[] {
  const parts = new Map<string, { file: CentralDirectoryFile; sheetNo: string }>();
  for (const file of files) {
    const match = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(file.path);
    if (match && file.type === 'File') parts.set(file.path, { file, sheetNo: match[1] });
  }
  const listed = new Map<string, { name: string; hidden: boolean }>();
  for (const sheet of reader.model?.sheets ?? []) {
    const target = reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target;
    const path = target ? `xl/${target.replace(/^\/?(xl\/)?/, '')}` : '';
    const hidden = sheet.state === 'hidden' || sheet.state === 'veryHidden';
    if (parts.has(path) && !listed.has(path)) listed.set(path, { name: sheet.name ?? path, hidden });
  }
  const rest = [...parts.keys()].filter((p) => !listed.has(p)).sort((a, b) => Number(parts.get(a)!.sheetNo) - Number(parts.get(b)!.sheetNo));
  return [...listed.keys(), ...rest].map((p, index) => ({ ...parts.get(p)!, name: listed.get(p)?.name ?? p, hidden: listed.get(p)?.hidden ?? false, index }));
}

/**
 * The sheets to read, and those to read instead when the first list yields no row (or no data): the
 * visible sheet named `wanted` (case and surrounding spaces ignored) alone, falling back to every
 * other sheet; else the visible sheets, then the hidden ones, with no fallback.
 */
function sheetsToRead(sheets: Worksheet[], wanted: string | undefined): [Worksheet[], Worksheet[]] {
  const key = (name: string) => name.trim().toLowerCase();
  const visible = sheets.filter((s) => !s.hidden);
  const all = [...visible, ...sheets.filter((s) => s.hidden)];
  const named = wanted === undefined ? undefined : visible.find((s) => key(s.name) === key(wanted));
  return named ? [[named], all.filter((s) => s !== named)] : [all, []];
}

function rowCells(row: any, book: Book): Cell[] | null {
  const source: any[] = row._cells;
  const cells: Cell[] = new Array(source.length);
  let any = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const cell = c === undefined ? EMPTY_CELL : toCell(c.value, c.numFmt, undefined, book);
    if (holdsValue(cell)) any = true; // a formula without a saved value is not an empty cell
    cells[i] = cell;
  }
  return any ? cells : null;
}

function toCell(value: unknown, numFmt: string | undefined, formula: string | undefined, book: Book): Cell {
  if (value === null || value === undefined) return formula === undefined ? EMPTY_CELL : { kind: 'empty', text: '', formula };
  switch (typeof value) {
    case 'string': {
      const cell = textCell(decodeXstring(value));
      return formula === undefined ? cell : { ...cell, formula };
    }
    case 'number':
      if (formula !== undefined && isDateFormat(numFmt)) return serialDateCell(value, book.date1904, formula);
      return isPercentFormat(numFmt) ? { ...numberCell(value, formula, book.date1904), percent: true } : numberCell(value, formula, book.date1904);
    case 'boolean':
      return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE', ...(formula !== undefined && { formula }) };
    case 'object':
      return objectCell(value as Record<string, any>, numFmt, book);
    default:
      return textCell(String(value));
  }
}

function objectCell(value: Record<string, any>, numFmt: string | undefined, book: Book): Cell {
  const { strings } = book;
  if (value instanceof Date) return dateCell(value, book.date1904);
  if (typeof value.sharedString === 'number') {
    const cell = textCell(strings.get(value.sharedString) ?? '');
    return cell.kind !== 'empty' && strings.isRich(value.sharedString) ? { ...cell, richText: true } : cell;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return toCell(value.result, numFmt, String(value.formula ?? value.sharedFormula), book);
  }
  if (Array.isArray(value.richText)) {
    const cell = textCell(decodeXstring(value.richText.map((r: { text?: string }) => r.text ?? '').join('')));
    return cell.kind === 'empty' ? cell : { ...cell, richText: true };
  }
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('text' in value) return textCell(String(value.text));
  return textCell(String(value));
}

/** Same test as ExcelJS: a number format with date/time letters outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A percentage format (`0%`, `0.00%`): a `%` outside quotes and brackets, which shows the number times 100. */
function isPercentFormat(format: string | undefined): boolean {
  return !!format && format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}

/** A promise and whether it has settled (a rejection is kept for whoever awaits `promise`, never unhandled). */
function settling<T>(promise: Promise<T>): { promise: Promise<T>; settled: boolean } {
  const tracked = { promise, settled: false };
  promise.then(
    () => (tracked.settled = true),
    () => (tracked.settled = true),
  );
  return tracked;
}
