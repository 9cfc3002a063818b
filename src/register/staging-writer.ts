/**
 * Writes an upload's validated batches into enrollment_staging and upload_issue while the reader
 * goes on parsing: one batch is in flight at a time (the next `write` waits for it), so parsing
 * and the database overlap without unbounded buffering.
 * Staging rows: text COPY on PostgreSQL (pg-copy-streams, on a connection held for the upload),
 * `INSERT … SELECT FROM unnest(…)` on PGlite (no COPY there). Findings: always unnest.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pgCopy from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import type { EnrollmentColumnName } from './enrollment-columns.js';
import { COPY_STAGING, INSERT_ISSUES, INSERT_STAGING } from './sql/staging.sql.js';
import type { EnrollmentRecord } from './validation/enrollment-row.validator.js';
import type { RowIssue } from './validation/row-issue.js';

export interface IssueRow extends RowIssue {
  rowNumber: number;
  /** The row as uploaded (first issue of a row only). */
  raw: Partial<Record<EnrollmentColumnName, string>> | null;
}

type CopyClient = { query(stream: unknown): NodeJS.WritableStream };

export class StagingWriter {
  private inflight: Promise<void> = Promise.resolve();
  private failure: unknown;
  private runner?: QueryRunner;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uploadId: string,
    private readonly useCopy: boolean,
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

  /** Releases the COPY connection (after `settle`). */
  async close(): Promise<void> {
    await this.inflight;
    await this.runner?.release();
    this.runner = undefined;
  }

  private async store(records: EnrollmentRecord[], issues: IssueRow[]): Promise<void> {
    if (records.length) {
      if (this.useCopy) await this.copy(records);
      else await this.dataSource.query(INSERT_STAGING, [this.uploadId, ...stagingColumns(records)]);
    }
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

  private async copy(records: EnrollmentRecord[]): Promise<void> {
    this.runner ??= this.dataSource.createQueryRunner();
    const client = (await this.runner.connect()) as CopyClient;
    let text = '';
    for (const r of records) {
      text += `${this.uploadId}\t${r.rowNumber}\t${r.nik}\t${r.noKk}\t${copyText(r.name)}\t${r.birthDate}\t${r.sex}\t${r.villageCode}\t${r.noka ?? '\\N'}\t${r.tmt}\t${r.tat ?? '\\N'}\t${r.endReason ?? '\\N'}\n`;
    }
    await pipeline(Readable.from([text]), client.query(pgCopy.from(COPY_STAGING)));
  }
}

/** COPY text format: backslash, tab and line breaks escaped (names have whitespace collapsed already). */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
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
