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
  frozenHeader,
  HEADER_STYLE,
  markAsText,
  printSetup,
  SUBTITLE_STYLE,
  textValue,
  TITLE_STYLE,
  TOTAL_STYLE,
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

export type CellInput = string | number | bigint | Date | null | undefined | { formula: string; result: number };

export interface TableSheetOptions {
  /** Title lines above the table: the first is the title, the rest subtitles. */
  title: string[];
  /** Last row the sheet may use (tests lower it; Excel's own limit otherwise). */
  maxRows?: number;
}

/** Data rows have no style of their own; one shared object lets ExcelJS reuse its style id. */
const NO_ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/** Excel's last row: a table that would pass it is refused rather than silently cut. */
export const MAX_SHEET_ROWS = 1_048_576;

export class TableSheet {
  readonly sheet: ExcelJS.Worksheet;
  readonly headerRow: number;
  private nextRow = 1;
  private readonly sums: number[];
  /** One style object per column, shared by every data cell of it: ExcelJS caches a style id per object. */
  private readonly styles: Partial<ExcelJS.Style>[];
  private dataRows = 0;
  private readonly maxRows: number;

  constructor(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    name: string,
    readonly columns: TableColumn[],
    options: TableSheetOptions,
  ) {
    this.headerRow = options.title.length + 2;
    this.maxRows = options.maxRows ?? MAX_SHEET_ROWS;
    this.sheet = workbook.addWorksheet(name, { views: frozenHeader(this.headerRow), pageSetup: printSetup(this.headerRow) });
    this.styles = columns.map((c) => columnStyle(c.kind));
    this.sheet.columns = columns.map((c, i) => ({ width: c.width, style: this.styles[i] }));
    this.sums = columns.map(() => 0);
    options.title.forEach((line, i) => this.writeStyledRow([line], i === 0 ? TITLE_STYLE : SUBTITLE_STYLE));
    this.nextRow++; // blank line
    this.writeStyledRow(
      columns.map((c) => c.header),
      HEADER_STYLE,
    );
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
          break;
        case 'rupiah':
        case 'count':
        case 'percent': {
          if (typeof value === 'object' && !(value instanceof Date)) {
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
    row.commit();
    this.dataRows++;
  }

  /** The totals row (label in the first column) and the autofilter over header + data. */
  finishTable(label = 'JUMLAH'): number {
    const rowNumber = this.nextRow++;
    const row = this.sheet.getRow(rowNumber);
    row.getCell(1).value = label;
    row.getCell(1).style = { ...columnStyle('text'), ...TOTAL_STYLE };
    this.columns.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      if (i > 0) cell.style = { ...columnStyle(column.kind), ...TOTAL_STYLE };
      if (!column.total) return;
      const letter = columnLetter(i + 1);
      // With no data rows there is nothing to sum: a plain 0 (a SUM over an empty range would point at the header).
      cell.value = this.dataRows === 0 ? 0 : { formula: `SUM(${letter}${this.firstDataRow}:${letter}${this.lastDataRow})`, result: this.sums[i] };
    });
    row.commit();
    this.sheet.autoFilter = { from: cellRef(this.headerRow, 1), to: cellRef(Math.max(this.lastDataRow, this.headerRow), this.columns.length) };
    return rowNumber;
  }

  /** A free row below the table (notes, a second block); `style` applies to its cells. */
  writeStyledRow(values: CellInput[], style?: Partial<ExcelJS.Style>, styles?: Array<Partial<ExcelJS.Style> | undefined>): number {
    const rowNumber = this.nextRow++;
    const row = this.sheet.getRow(rowNumber);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      const own = styles?.[i];
      if (style || own) cell.style = { ...(this.columns[i] ? columnStyle(this.columns[i].kind) : {}), ...style, ...own };
      if (value === null || value === undefined) return;
      if (typeof value === 'string') {
        cell.value = textValue(value);
        markAsText(cell);
      } else if (typeof value === 'bigint') cell.value = Number(value);
      else cell.value = value;
    });
    row.commit();
    return rowNumber;
  }

  blankRow(): void {
    this.nextRow++;
  }

  get currentRow(): number {
    return this.nextRow;
  }

  commit(): void {
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
