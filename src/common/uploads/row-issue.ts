import type { RawCells } from '../spreadsheet/raw-cells.js';
import type { SheetWarning } from '../spreadsheet/hidden-rows.js';
import { oneLine } from '../text.js';

/** One problem with one row of an uploaded sheet, as reported to the user (Indonesian message). */
export interface RowIssue {
  row: number;
  column: string | null;
  severity: 'REJECT' | 'WARN';
  code: string;
  message: string;
  /** The sheet the row is on, for an issue off the upload's main sheet (a pledge sheet's `Daftar`); absent on the main sheet. */
  sheet?: string;
}

/** How many issues an upload response lists (all are stored in `upload_issue`). */
export const MAX_ISSUES_IN_RESPONSE = 1000;

export interface UploadReport {
  rowsRead: number;
  accepted: number;
  rejected: number;
  warnings: number;
  issues: RowIssue[];
  /** Warnings about the file as a whole, not one row: the rows Excel hid, read all the same (HIDDEN_ROWS, hidden-rows.ts). */
  sheetWarnings: SheetWarning[];
}

/**
 * Collects the issues of an upload and counts rows. Beside the issues, `raws` (same length) holds
 * the row as uploaded on each row's first issue (null on the others), for `upload_issue.raw` and
 * the row report workbook; it is not part of the JSON report.
 */
export class IssueCollector {
  /**
   * The name each issue's `column` is stored and answered under: the header as the file wrote it
   * (`No Kartu`, labelsByName of HeaderMatch.labels), set once the header is read; a column not in
   * it keeps its own name. Validators give the spec column's own name (rawCells and merged cells match on it).
   */
  names: Readonly<Record<string, string>> = {};
  readonly issues: RowIssue[] = [];
  readonly raws: (RawCells | null)[] = [];
  rowsRead = 0;
  accepted = 0;
  rejected = 0;
  warnedRows = 0;
  /** SheetReader.sheetWarnings, set once the file is read. */
  sheetWarnings: SheetWarning[] = [];

  /**
   * Records a validated row's issues; returns true when the row is accepted. `raw` gives the row as
   * uploaded, asked for only when the row has issues.
   */
  row(row: number, issues: Omit<RowIssue, 'row'>[], raw?: () => RawCells): boolean {
    this.rowsRead += 1;
    issues.forEach((issue, i) => {
      this.issues.push({ row, ...issue, column: this.named(issue.column), message: oneLine(issue.message) });
      this.raws.push(i === 0 && raw ? raw() : null);
    });
    const rejected = issues.some((i) => i.severity === 'REJECT');
    if (rejected) this.rejected += 1;
    else this.accepted += 1;
    if (!rejected && issues.length) this.warnedRows += 1;
    return !rejected;
  }

  /**
   * A warning on a row that is not counted as read (a footer total row, see total-row.ts): it is
   * listed and stored like the others and counts among the rows with warnings.
   */
  warnAbout(issue: RowIssue & { severity: 'WARN' }, raw: RawCells | null): void {
    this.issues.push({ ...issue, column: this.named(issue.column) });
    this.raws.push(raw);
    this.warnedRows += 1;
  }

  /**
   * Puts the issues (and their raws) in row order, each row's own kept: as the stored report lists them, when rows were
   * held back and recorded after later ones (a paid date read either way, date-order.ts).
   */
  sortByRow(): void {
    const order = this.issues.map((_, i) => i).sort((a, b) => this.issues[a].row - this.issues[b].row || a - b);
    const [issues, raws] = [order.map((i) => this.issues[i]), order.map((i) => this.raws[i])];
    issues.forEach((issue, i) => ((this.issues[i] = issue), (this.raws[i] = raws[i])));
  }

  private named(column: string | null): string | null {
    return column === null ? null : (this.names[column] ?? column);
  }

  report(): UploadReport {
    return {
      rowsRead: this.rowsRead,
      accepted: this.accepted,
      rejected: this.rejected,
      warnings: this.warnedRows,
      issues: this.issues.slice(0, MAX_ISSUES_IN_RESPONSE),
      sheetWarnings: this.sheetWarnings,
    };
  }
}
