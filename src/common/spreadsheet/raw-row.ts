import type { Cell } from './cell.js';

/** A non-empty row of a sheet as the format readers deliver it, before columns are mapped. */
export interface RawRow {
  /** 0-based sheet index (always 0 for CSV). */
  readonly sheet: number;
  /** 1-based row number in the file (the number Excel shows; the line's record number in CSV). */
  readonly rowNumber: number;
  /** Cells by 0-based column position in the file. */
  readonly cells: readonly Cell[];
  /** The sheet's name when it is hidden in the workbook (such rows are never read as data). */
  readonly hiddenSheet?: string;
  /** The row is hidden in Excel (by hand, by a filter, in a collapsed group: hidden-rows.ts); it is read all the same. */
  readonly hidden?: true;
}

/** Counts bytes as a file is read, for progress. */
export interface ByteCounter {
  bytesRead: number;
}
