/**
 * One sheet of a streaming workbook laid out as: title lines, a blank line, a header row (frozen,
 * filtered, repeated when printed), data rows committed as they are written, and a totals row of
 * SUM formulas whose cached results are the sums of what was written. Columns carry the style
 * (STACK.md: style columns, not cells); only title, header and totals cells are styled one by one.
 */
import type ExcelJS from 'exceljs';
import {
  type ColumnKind,
  columnStyle,
  fitToHeightOf,
  fitsOneLine,
  fontScale,
  frozenHeader,
  HEADER_STYLE,
  LINE_POINTS,
  markAsText,
  printSetup,
  printHeaderFooter,
  SUBTITLE_STYLE,
  textValue,
  TITLE_STYLE,
  TOTAL_STYLE,
  WARNING_STYLE,
  wrappedLines,
} from '../../common/spreadsheet/workbook-style.js';
import { cellRef, columnLetter } from './cell-ref.js';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** Width in characters. */
  width: number;
  /** Add this column to the totals row as a SUM formula. */
  total?: boolean;
}

/**
 * `{ note }`: text in a number column where there is no number to give (a month not allocated:
 * "belum dialokasikan", not 0); left-aligned so it reads on into the empty cells beside it, and
 * not added to the totals.
 */
export type CellInput = string | number | bigint | Date | null | undefined | { formula: string; result: number } | { note: string };

export interface TableSheetOptions {
  /** Title lines above the table: the first is the title, the rest subtitles. */
  title: string[];
  /** Last row the sheet may use (tests lower it; Excel's own limit otherwise). */
  maxRows?: number;
  /**
   * Every row gets its height written, one-line rows too, so that Excel and LibreOffice (whose
   * default row is lower) break printed pages where keepTogether() expects. For short sheets that
   * are signed; a million-row sheet needs none.
   */
  fixedRowHeights?: boolean;
  /**
   * Warning rows above the title (WARNING_STYLE), the first thing the sheet shows and prints: a draft's "DRAF — JANGAN
   * DITANDATANGANI" (QA: under the table's header, a signer read the title and the column heads first).
   */
  notice?: Array<Array<string | null>>;
  /**
   * The printed page's header lines and a note for its footer (printHeaderFooter); by default the first two title
   * lines and none. The reconciliation workbook's title is too long for the 255 characters of a header (sheetHeading).
   */
  print?: { header: string[]; footer?: string };
}

/** Data rows have no style of their own; one shared object lets ExcelJS reuse its style id. */
const NO_ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
/** A `{ note }` in a number column: text, as a text column writes it. */
const NOTE_STYLE: Partial<ExcelJS.Style> = columnStyle('text');

/** Excel's last row: a table that would pass it is refused rather than silently cut. */
export const MAX_SHEET_ROWS = 1_048_576;

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/**
 * The printed page of printSetup() (A4 landscape, margins 0.5" and 0.6"), in points: the header and footer (two lines
 * of 8 points) stand in the top and bottom margins, below and above their own 0.3", and take none of it. Fit to one
 * page wide, a sheet prints at the scale Excel gives it (fitScale): enough to tell where a sheet breaks, give or take
 * a row, for keepTogether().
 */
const PAGE_WIDTH_POINTS = (11.69 - 1.0) * 72;
const PAGE_HEIGHT_POINTS = (8.27 - 1.2) * 72;

/**
 * The scale a sheet of these column widths prints at, fit to the page's width: a column `w` wide is 7w + 5 pixels on
 * screen (a digit of 11-point Calibri and the cell's padding), 0.75 point each, and Excel takes the whole percent
 * below. QA: the estimate took 5.3 points a width unit and no padding, and the page 30 points short for the header,
 * which stands in the margin: a pledge statement's Jumlah and signatures went to page 2 with room for them on page 1.
 * LibreOffice prints a little smaller still, so what fits Excel's page fits its too.
 */
export function fitScale(widths: readonly number[]): number {
  const points = widths.reduce((sum, w) => sum + 0.75 * (7 * w + 5), 0);
  return Math.min(1, Math.floor((100 * PAGE_WIDTH_POINTS) / points) / 100);
}

export class TableSheet {
  readonly sheet: ExcelJS.Worksheet;
  readonly headerRow: number;
  private nextRow = 1;
  private readonly sums: number[];
  /** One style object per column, shared by every data cell of it: ExcelJS caches a style id per object. */
  private readonly styles: Partial<ExcelJS.Style>[];
  /** The same with wrapped text, for the cells too long for their column (shared too). */
  private readonly wrapStyles: Partial<ExcelJS.Style>[];
  private dataRows = 0;
  private readonly maxRows: number;
  private readonly fixedRowHeights: boolean;
  /** Height of a printed page at the scale that fits the columns to its width, and how much of the current one is used. */
  private readonly pagePoints: number;
  private usedPoints = 0;
  /** Printed pages so far, as Excel would print them (the estimate keepTogether() goes by). */
  private pages = 1;
  private headerPoints = LINE_POINTS;
  private lastPoints = LINE_POINTS;

  constructor(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    name: string,
    readonly columns: TableColumn[],
    options: TableSheetOptions,
  ) {
    const notice = options.notice ?? [];
    this.headerRow = notice.length + options.title.length + 2;
    this.maxRows = options.maxRows ?? MAX_SHEET_ROWS;
    this.fixedRowHeights = options.fixedRowHeights ?? false;
    this.sheet = workbook.addWorksheet(name, { views: frozenHeader(this.headerRow), pageSetup: printSetup(this.headerRow), headerFooter: printHeaderFooter(options.print?.header ?? options.title.slice(0, 2), options.print?.footer) });
    this.styles = columns.map((c) => columnStyle(c.kind, c.header));
    this.wrapStyles = this.styles.map((style) => ({ ...style, alignment: { ...style.alignment, ...WRAP } }));
    this.sheet.columns = columns.map((c, i) => ({ width: c.width, style: this.styles[i] }));
    this.sums = columns.map(() => 0);
    this.pagePoints = PAGE_HEIGHT_POINTS / fitScale(columns.map((c) => c.width));
    for (const row of notice) this.writeStyledRow(row, WARNING_STYLE);
    options.title.forEach((line, i) => this.writeStyledRow([line], i === 0 ? TITLE_STYLE : SUBTITLE_STYLE));
    this.blankRow();
    this.writeStyledRow(
      columns.map((c) => c.header),
      HEADER_STYLE,
    );
    this.headerPoints = this.lastPoints;
  }

  /** Gives a row its height (when not one plain line, or every row's with fixedRowHeights), counts it on the printed page and commits it. */
  private finishRow(row: ExcelJS.Row, points: number): void {
    if (points !== LINE_POINTS || this.fixedRowHeights) row.height = points;
    this.printed(points);
    row.commit();
  }

  /** Counts a written row on the printed page, which the header row starts again once it is full. */
  private printed(points: number): void {
    this.lastPoints = points;
    this.usedPoints += points;
    if (this.usedPoints > this.pagePoints) {
      this.usedPoints = this.headerPoints + points;
      this.pages++;
    }
  }

  /**
   * Starts a new printed page here unless the next `rows` rows (of one line each) fit on this one:
   * what is signed (a Berita Acara's closing and signatures) is not split from its names.
   */
  keepTogether(rows: number): void {
    if (this.usedPoints + rows * LINE_POINTS <= this.pagePoints) return;
    (this.sheet as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks.push({ id: this.nextRow - 1, max: 16383, man: 1 });
    this.usedPoints = this.headerPoints;
    this.pages++;
  }

  get firstDataRow(): number {
    return this.headerRow + 1;
  }

  get lastDataRow(): number {
    return this.headerRow + this.dataRows;
  }

  /** True when one more data row would leave no room for the totals row. */
  get full(): boolean {
    return this.nextRow + 1 > this.maxRows;
  }

  /** The running sum of a total column (what the totals row will show). */
  sum(column: number): number {
    return this.sums[column];
  }

  /** One data row, values in column order. Text goes through the formula-injection helper. */
  addRow(values: CellInput[]): void {
    if (this.full) throw new Error(`Sheet "${this.sheet.name}" exceeds ${this.maxRows} rows`);
    const row = this.sheet.getRow(this.nextRow++);
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = NO_ROW_STYLE;
    let lines = 1;
    for (let i = 0; i < this.columns.length; i++) {
      const value = values[i];
      if (value === null || value === undefined) continue;
      const column = this.columns[i];
      const cell = row.getCell(i + 1);
      // The column's own style object, not the per-cell copy ExcelJS made: a cached style id.
      cell.style = this.styles[i];
      switch (column.kind) {
        case 'text':
          cell.value = textValue(value);
          markAsText(cell);
          if (typeof value === 'string' && !fitsOneLine(value, column.width)) {
            cell.style = this.wrapStyles[i];
            lines = Math.max(lines, wrappedLines(value, column.width));
          }
          break;
        case 'rupiah':
        case 'count':
        case 'percent': {
          if (typeof value === 'object' && 'note' in value) {
            cell.value = textValue(value.note);
            cell.style = NOTE_STYLE;
            markAsText(cell);
          } else if (typeof value === 'object' && !(value instanceof Date)) {
            cell.value = value;
            if (column.total) this.sums[i] += value.result;
          } else {
            const n = Number(value);
            cell.value = n;
            if (column.total) this.sums[i] += n;
          }
          break;
        }
        case 'date':
          cell.value = typeof value === 'string' ? dayToDate(value) : (value as Date);
          break;
        default:
          cell.value = value as ExcelJS.CellValue;
      }
    }
    this.finishRow(row, lines * LINE_POINTS);
    this.dataRows++;
  }

  /**
   * The totals row (label in the first column) and the autofilter over header + data; `more` sets
   * further cells of the row (a count, a formula over several sheets) before it is written.
   */
  finishTable(label = 'JUMLAH', more?: (row: ExcelJS.Row) => void): number {
    const rowNumber = this.nextRow++;
    const row = this.sheet.getRow(rowNumber);
    row.getCell(1).value = label;
    row.getCell(1).style = { ...columnStyle('text'), ...TOTAL_STYLE };
    this.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      if (i > 0) cell.style = { ...this.styles[i], ...TOTAL_STYLE };
      if (!column.total) return;
      const letter = columnLetter(i + 1);
      // With no data rows there is nothing to sum: a plain 0 (a SUM over an empty range would point at the header).
      cell.value = this.dataRows === 0 ? 0 : { formula: `SUM(${letter}${this.firstDataRow}:${letter}${this.lastDataRow})`, result: this.sums[i] };
    });
    more?.(row);
    this.finishRow(row, LINE_POINTS);
    this.sheet.autoFilter = { from: cellRef(this.headerRow, 1), to: cellRef(Math.max(this.lastDataRow, this.headerRow), this.columns.length) };
    return rowNumber;
  }

  /**
   * A free row (title lines, the header, notes, a second block); `style` applies to its cells.
   * A text too long for its column spans the empty cells to its right (as it would spill over them
   * on screen, but printed in full), wraps there, and the row is as high as its longest text needs.
   * `spans` fixes how many columns a value takes instead, long or not (a signature block centred
   * over several columns, its lines one under the other whatever their length).
   */
  writeStyledRow(values: CellInput[], style?: Partial<ExcelJS.Style>, styles?: Array<Partial<ExcelJS.Style> | undefined>, spans?: Array<number | undefined>): number {
    const rowNumber = this.nextRow++;
    const row = this.sheet.getRow(rowNumber);
    let lines = 1;
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      const own = styles?.[i];
      let cellStyle = style || own ? { ...this.styles[i], ...style, ...own } : undefined;
      const width = this.columns[i]?.width;
      const span = value === null || value === undefined ? undefined : spans?.[i];
      const long = typeof value === 'string' && width !== undefined && !fitsOneLine(value, width, fontScale(cellStyle));
      let last = i; // the last column this value takes: its span, or (a long text) up to the next value
      if (span !== undefined) last = i + span - 1;
      else if (long) while (last + 1 < this.columns.length && (values[last + 1] === null || values[last + 1] === undefined)) last++;
      if (last > i) this.sheet.mergeCells(rowNumber, i + 1, rowNumber, last + 1);
      if (long) {
        cellStyle = { ...(cellStyle ?? this.styles[i]) };
        // wrapped, at the style's own height in the row: a header's centred like its neighbours (QA: Temuan's
        // "Seharusnya (Rp)", one character too long for its column, stood at the top beside the others centred)
        cellStyle.alignment = { ...WRAP, ...cellStyle.alignment, wrapText: true };
        const spanned = this.columns.slice(i, last + 1).reduce((sum, c) => sum + c.width, 0);
        lines = Math.max(lines, wrappedLines(value, spanned, fontScale(cellStyle)));
      }
      if (cellStyle) cell.style = cellStyle;
      if (value === null || value === undefined) return;
      if (typeof value === 'string') {
        cell.value = textValue(value);
        markAsText(cell);
      } else if (typeof value === 'bigint') cell.value = Number(value);
      else if (typeof value === 'object' && 'note' in value) {
        cell.value = textValue(value.note);
        markAsText(cell);
      } else cell.value = value;
    });
    const fontPoints = Math.max(LINE_POINTS, ((style?.font?.size ?? 11) / 11) * LINE_POINTS);
    this.finishRow(row, lines * fontPoints);
    return rowNumber;
  }

  blankRow(): void {
    const rowNumber = this.nextRow++;
    if (this.fixedRowHeights) this.finishRow(this.sheet.getRow(rowNumber), LINE_POINTS);
    else this.printed(LINE_POINTS);
  }

  get currentRow(): number {
    return this.nextRow;
  }

  /** Writes the sheet out, a long one fit to FIT_TO_HEIGHT_PAGES tall (fitToHeightOf, by the page estimate). */
  commit(): void {
    this.sheet.pageSetup.fitToHeight = fitToHeightOf(this.pages);
    this.sheet.commit();
  }
}

const days = new Map<string, Date>();

/** 'YYYY-MM-DD' as the Date Excel stores for that day (midnight UTC). Cached: TMTs repeat a lot. */
export function dayToDate(day: string): Date {
  let date = days.get(day);
  if (!date) {
    const [y, m, d] = day.slice(0, 10).split('-').map(Number);
    date = new Date(Date.UTC(y, m - 1, d));
    if (days.size < 20_000) days.set(day, date);
  }
  return date;
}
