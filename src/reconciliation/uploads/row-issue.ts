/** One problem with one row of an uploaded sheet, as reported to the user (Indonesian message). */
export interface RowIssue {
  row: number;
  column: string | null;
  severity: 'REJECT' | 'WARN';
  code: string;
  message: string;
}

/** How many issues an upload response lists (all are stored in `upload_issue`). */
export const MAX_ISSUES_IN_RESPONSE = 1000;

export interface UploadReport {
  rowsRead: number;
  accepted: number;
  rejected: number;
  warnings: number;
  issues: RowIssue[];
}

/** Collects the issues of an upload and counts rows. */
export class IssueCollector {
  readonly issues: RowIssue[] = [];
  rowsRead = 0;
  accepted = 0;
  rejected = 0;
  warnedRows = 0;

  /** Records a validated row's issues; returns true when the row is accepted. */
  row(row: number, issues: Omit<RowIssue, 'row'>[]): boolean {
    this.rowsRead += 1;
    for (const issue of issues) this.issues.push({ row, ...issue });
    const rejected = issues.some((i) => i.severity === 'REJECT');
    if (rejected) this.rejected += 1;
    else this.accepted += 1;
    if (!rejected && issues.length) this.warnedRows += 1;
    return !rejected;
  }

  report(): UploadReport {
    return {
      rowsRead: this.rowsRead,
      accepted: this.accepted,
      rejected: this.rejected,
      warnings: this.warnedRows,
      issues: this.issues.slice(0, MAX_ISSUES_IN_RESPONSE),
    };
  }
}
