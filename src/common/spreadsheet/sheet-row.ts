/**
 * The shapes SheetReader (sheet-reader.ts) works with: the options a caller reads a sheet with
 * (columns, sheet name, batch and row limits), the SheetRow it hands over (one cell per spec column,
 * with the merged/overflow/others extras a caller refuses or inspects), and the SheetHeader it found.
 * Callers that only handle rows import SheetRow from here without pulling in the reader.
 */
import type { Cell } from './cell.js';
import type { ColumnSpec, HeaderMatch } from './column-spec.js';
import type { FieldOverflow } from './field-count.js';
import type { MergedCell } from './merged-cells.js';
import type { PartialSheetsOption } from './partial-sheets.js';

export interface SheetReaderOptions {
  columns: readonly ColumnSpec[];
  /** Name the user gave the file: used for the format when the content does not tell, and in messages. */
  filename: string;
  /** The sheet the format names (.xlsx): read alone when the workbook has it, visible, with any data row (an empty one, or one with a header only, gives way). */
  sheet?: string;
  batchSize?: number;
  maxRows?: number;
  headerSearchRows?: number;
  /** Hand over the row's other cells holding a value (`SheetRow.others`). */
  otherCells?: boolean;
  /** What one data row is, as NO_DATA_ROWS says it (`peserta`); default `data`. */
  rowsAre?: string;
  /** Advice added to MISSING_COLUMNS for what the header row nearest to the columns (`best`) looks like, if any. */
  missingColumnsHint?: (best: HeaderMatch) => string | undefined;
  /** Other visible sheets with a partial header naming this column are said, with this advice (PARTIAL_SHEETS_NOT_READ, partial-sheets.ts). */
  partialSheets?: PartialSheetsOption;
}

export interface SheetRow {
  readonly rowNumber: number;
  /** One cell per spec column, in spec order (EMPTY_CELL when the column is absent). */
  readonly cells: readonly Cell[];
  /** The spec columns' cells of this row that a merged range hides (read as empty): refuse the row. */
  readonly merged?: readonly MergedCell[];
  /**
   * A .csv row with more fields than its header (field-count.ts): every cell reads empty (the fields
   * are shifted); refuse the row with `overflow.message` alone (fieldCountIssue).
   */
  readonly overflow?: FieldOverflow;
  /** With `otherCells`: the cells of the columns not read that hold a value, in file order. */
  readonly others?: readonly Cell[];
}

export interface SheetHeader extends HeaderMatch {
  readonly sheet: number;
  readonly rowNumber: number;
  /** Cells (fields, in a .csv) of the header row, empty ones included. */
  readonly fields: number;
  /** The 0-based column of the row numbers (`No`, not read), or -1 (numbered-rows.ts). */
  readonly numberColumn: number;
  /** Its header as written (`No.`). */
  readonly numberHeader: string;
}

