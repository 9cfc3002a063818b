/**
 * Writes an upload's validated batches into enrollment_staging and upload_issue while the reader
 * goes on parsing: one batch is in flight at a time (the next `write` waits for it), so parsing
 * and the database overlap without unbounded buffering.
 * Staging rows: text COPY on PostgreSQL (pg-copy-streams, on a connection held for the upload),
 * `INSERT … SELECT FROM unnest(…)` on PGlite (no COPY there). Findings: always unnest, on the pool.
 *
 * With `begin()` (PostgreSQL) the held connection opens the upload's transaction first, and
 * `afterBatch` runs on it after each batch is copied (early promotion): the caller then finishes
 * and commits on `transaction`, or `close()` rolls it back.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pgCopy from 'pg-copy-streams';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { EnrollmentColumnName } from './enrollment-columns.js';
import { INSERT_UPLOAD_ISSUES } from '../common/spreadsheet/upload-issue.sql.js';
import { COPY_STAGING, INSERT_STAGING } from './sql/staging.sql.js';
import type { EnrollmentRecord } from './validation/enrollment-row.validator.js';
import type { RowIssue } from './validation/row-issue.js';

export interface IssueRow extends RowIssue {
  rowNumber: number;
  /** The row as uploaded (first issue of a row only). */
  raw: Partial<Record<EnrollmentColumnName, string>> | null;
}

type CopyClient = { query(stream: unknown): NodeJS.WritableStream };

/** Runs on the upload's transaction after a batch of rows `fromRow`..`toRow` is staged. */
export type AfterBatch = (m: EntityManager, fromRow: number, toRow: number) => Promise<void>;

export class StagingWriter {
  private inflight: Promise<void> = Promise.resolve();
  private failure: unknown;
  private runner?: QueryRunner;
  private afterBatch?: AfterBatch;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uploadId: string,
    private readonly useCopy: boolean,
  ) {}

  /**
   * Opens the upload's transaction on the COPY connection; `start` runs in it first and says
   * whether to go on in it (e.g. a lock taken). When it declines, the transaction is rolled back
   * and staging goes on outside any transaction. PostgreSQL (COPY) only.
   */
  async begin(start: (m: EntityManager) => Promise<boolean>, afterBatch: AfterBatch): Promise<boolean> {
    if (!this.useCopy) return false;
    const runner = await this.connection();
    await runner.startTransaction();
    if (await start(runner.manager)) {
      this.afterBatch = afterBatch;
      return true;
    }
    await runner.rollbackTransaction();
    return false;
  }

  /** The open transaction of `begin()`, if any. */
  get transaction(): EntityManager | undefined {
    return this.runner?.isTransactionActive ? this.runner.manager : undefined;
  }

  /** Commits the transaction of `begin()` (after `settle`). */
  async commit(): Promise<void> {
    await this.runner!.commitTransaction();
  }

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

  /** Rolls back a transaction still open and releases the COPY connection (after `settle`, or on failure). */
  async close(): Promise<void> {
    await this.inflight;
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  }

  private async store(records: EnrollmentRecord[], issues: IssueRow[]): Promise<void> {
    // Side by side: staged rows on the held connection, findings on the pool (PGlite queues both).
    const results = await Promise.allSettled([this.storeRecords(records), this.storeIssues(issues)]);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
  }

  private async storeRecords(records: EnrollmentRecord[]): Promise<void> {
    if (!records.length) return;
    if (!this.useCopy) {
      await this.dataSource.query(INSERT_STAGING, [this.uploadId, ...stagingColumns(records)]);
      return;
    }
    await this.copy(records);
    if (this.afterBatch) await this.afterBatch(this.runner!.manager, records[0].rowNumber, records[records.length - 1].rowNumber);
  }

  private async storeIssues(issues: IssueRow[]): Promise<void> {
    if (issues.length) {
      await this.dataSource.query(INSERT_UPLOAD_ISSUES, [
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

  private async connection(): Promise<QueryRunner> {
    this.runner ??= this.dataSource.createQueryRunner();
    await this.runner.connect();
    return this.runner;
  }

  private async copy(records: EnrollmentRecord[]): Promise<void> {
    const client = (await (await this.connection()).connect()) as CopyClient;
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
