/**
 * A table too long for one sheet (Excel stops at 1,048,576 rows; a province-sized register has more
 * participant-months) continues on "Name (2)", "Name (3)", ... right after it, each part with the
 * same title and header and its own totals row. A table that fits is one sheet named `name`.
 */
import type ExcelJS from 'exceljs';
import { sheetRange } from './cell-ref.js';
import { type CellInput, TableSheet, type TableColumn, type TableSheetOptions } from './table-sheet.js';
import type { WorkbookOutput } from './workbook-output.js';

/** Where one part's data rows are, for formulas over the whole table (`TableSeries.columnRanges`). */
interface TablePart {
  sheet: string;
  firstRow: number;
  lastRow: number;
}

export class TableSeries {
  private part = 1;
  private current: TableSheet;
  private readonly parts: TablePart[] = [];

  constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly name: string,
    private readonly columns: TableColumn[],
    private readonly options: TableSheetOptions,
  ) {
    this.current = new TableSheet(workbook, name, columns, options);
  }

  addRow(values: CellInput[]): void {
    if (this.current.full) {
      this.close();
      this.part += 1;
      const continued = (lines: string[]) => [`${lines[0]} (lanjutan ${this.part})`, ...lines.slice(1)];
      const { print } = this.options;
      const options = { ...this.options, title: continued(this.options.title), print: print && { ...print, header: continued(print.header) } };
      this.current = new TableSheet(this.workbook, `${this.name} (${this.part})`, this.columns, options);
    }
    this.current.addRow(values);
  }

  /**
   * Totals row of the last part (`label`, JUMLAH by default; `more` sets further cells of it), then
   * whatever `below` writes under it; call once, after the last row.
   */
  finish(label?: string, below?: (last: TableSheet) => void, more?: (totals: ExcelJS.Row) => void): void {
    this.recordPart();
    this.current.finishTable(label, more);
    below?.(this.current);
    this.current.commit();
  }

  /**
   * The data rows of `column` (1-based) in every part finished so far (the last one too, from `finish`), as sheet-qualified ranges
   * (`'Temuan'!B7:B90`), for a formula over the whole table; parts without data rows are left out.
   */
  columnRanges(column: number): string[] {
    return this.parts.map((p) => sheetRange(p.sheet, column, p.firstRow, p.lastRow));
  }

  private close(): void {
    this.recordPart();
    this.current.finishTable();
    this.current.commit();
  }

  private recordPart(): void {
    const t = this.current;
    if (t.lastDataRow >= t.firstDataRow) this.parts.push({ sheet: t.sheet.name, firstRow: t.firstDataRow, lastRow: t.lastDataRow });
  }
}

/**
 * A list read a page at a time (keysetPages) written as one TableSeries: each row through `cells`,
 * and between pages the writer waits for a slow client (WorkbookOutput.breathe), so neither the
 * list nor the file is ever whole in memory.
 */
export async function writePagedTable<Row>(
  output: WorkbookOutput,
  table: { name: string; columns: TableColumn[]; options: TableSheetOptions },
  pages: AsyncIterable<Row[]>,
  cells: (row: Row) => CellInput[],
): Promise<void> {
  const t = new TableSeries(output.workbook, table.name, table.columns, table.options);
  for await (const page of pages) {
    for (const row of page) {
      t.addRow(cells(row));
      await output.rowWritten();
    }
    await output.breathe();
  }
  t.finish();
}
