/**
 * Writes an upload's validated batches into enrollment_staging and upload_issue while the reader
 * goes on parsing: one batch is in flight at a time (the next `write` waits for it), so parsing
 * and the database overlap without unbounded buffering. Each batch is one unnest INSERT per table.
 */
import type { DataSource } from 'typeorm';
import type { EnrollmentColumnName } from './enrollment-columns.js';
import { INSERT_ISSUES, INSERT_STAGING } from './sql/staging.sql.js';
import type { EnrollmentRecord } from './validation/enrollment-row.validator.js';
import type { RowIssue } from './validation/row-issue.js';

export interface IssueRow extends RowIssue {
  rowNumber: number;
  /** The row as uploaded (first issue of a row only). */
  raw: Partial<Record<EnrollmentColumnName, string>> | null;
}

export class StagingWriter {
  private inflight: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uploadId: string,
  ) {}

  /** Queues a batch; resolves once the previous batch is stored (rethrowing its error). */
  async write(records: EnrollmentRecord[], issues: IssueRow[]): Promise<void> {
    await this.settle();
    this.inflight = this.store(records, issues).catch((err) => void (this.failure ??= err));
  }

  /** Waits for the batch in flight; throws if any batch failed. */
  async settle(): Promise<void> {
    await this.inflight;
    if (this.failure) throw this.failure;
  }

  private async store(records: EnrollmentRecord[], issues: IssueRow[]): Promise<void> {
    if (records.length) await this.dataSource.query(INSERT_STAGING, [this.uploadId, ...stagingColumns(records)]);
    if (issues.length) {
      await this.dataSource.query(INSERT_ISSUES, [
        this.uploadId,
        issues.map((i) => i.rowNumber),
        issues.map((i) => i.severity),
        issues.map((i) => i.column),
        issues.map((i) => i.code),
        issues.map((i) => i.message),
        issues.map((i) => (i.raw ? JSON.stringify(i.raw) : null)),
      ]);
    }
  }
}

/** Column arrays in INSERT_STAGING order. */
function stagingColumns(records: EnrollmentRecord[]): unknown[][] {
  const n = records.length;
  const cols: unknown[][] = Array.from({ length: 11 }, () => new Array(n));
  for (let i = 0; i < n; i++) {
    const r = records[i];
    cols[0][i] = r.rowNumber;
    cols[1][i] = r.nik;
    cols[2][i] = r.noKk;
    cols[3][i] = r.name;
    cols[4][i] = r.birthDate;
    cols[5][i] = r.sex;
    cols[6][i] = r.villageCode;
    cols[7][i] = r.noka;
    cols[8][i] = r.tmt;
    cols[9][i] = r.tat;
    cols[10][i] = r.endReason;
  }
  return cols;
}
