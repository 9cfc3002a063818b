/**
 * Writes an upload's validated batches into enrollment_staging and upload_issue while the reader
 * goes on parsing: one batch is in flight at a time (the next `write` waits for it), so parsing
 * and the database overlap without unbounded buffering.
 * Staging rows: text COPY on PostgreSQL (pg-copy-streams, on a connection held for the upload),
 * `INSERT … SELECT FROM unnest(…)` on PGlite (no COPY there). Findings: always unnest, on the pool.
 *
 * With `begin()` (PostgreSQL) the held connection opens the upload's transaction first and new
 * participants enter the register batch by batch while the file is read (early promotion): a batch
 * is copied straight into `participant` inside a savepoint (COPY_NEW_PARTICIPANTS); once a batch
 * meets a registered NIK or a held NOKA, that batch and the rest are staged and `afterStaged` runs
 * after each. A row whose TMT is not after the last day of the latest finalized month is staged,
 * not copied: it may reach a finalized month, which promotion warns about (WARN_CLOSED_MONTH); so is one
 * whose NOKA an ended participant holds, or a row of the file with a TAT in this batch or above (WARN_NOKA_OF_ENDED);
 * one copied before the row that ends its card's holder, or that new-registration-warnings.sql.ts warns (a NIK voided
 * before, a person registered under another NIK), is staged again once the file is read (EnrollmentPromoter.finish).
 * The caller then finishes and commits on `transaction`, or `close()` rolls it back.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pgCopy from 'pg-copy-streams';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { type RawCells, rawCells } from '../common/spreadsheet/raw-cells.js';
import type { SheetRow } from '../common/spreadsheet/sheet-row.js';
import { oneLine } from '../common/text.js';
import { INSERT_UPLOAD_ISSUES } from '../common/uploads/sql/upload-issue.sql.js';
import { type ColumnLabels, columnLabels, ENROLLMENT_COLUMNS } from './enrollment-columns.js';
import { COPY_NEW_PARTICIPANTS, READ_LAST_CLOSED_DAY } from './sql/promote.sql.js';
import { COPY_STAGING, INSERT_STAGING } from './sql/staging.sql.js';
import { ENDED_HOLDERS_NOKAS } from './sql/noka-warnings.sql.js';
import type { EnrollmentRecord } from './validation/enrollment-row.validator.js';
import { type EnrollmentRowIssue, SAME_AS_ROW } from './validation/row-issue.js';

export interface IssueRow extends EnrollmentRowIssue {
  rowNumber: number;
  /** The row as uploaded (first issue of a row only). */
  raw: RawCells | null;
}

/** A row's findings as staged issue rows: the row as uploaded goes with the first. */
export function issueRowsOf(row: SheetRow, issues: readonly EnrollmentRowIssue[]): IssueRow[] {
  return issues.map((issue, i) => {
    if (i > 0) return { ...issue, rowNumber: row.rowNumber, raw: null };
    const raw = rawCells(ENROLLMENT_COLUMNS, row.cells, issues);
    return { ...issue, rowNumber: row.rowNumber, raw: issue.sameAsRow === undefined ? raw : { ...raw, [SAME_AS_ROW]: issue.sameAsRow } };
  });
}

type CopyClient = { query(stream: unknown): NodeJS.WritableStream };

/** Early promotion of each batch, on the upload's transaction (see `begin`). */
export interface EarlyBatches {
  /** Who uploads and when: stamped on the participants copied straight into the register. */
  actor: string;
  now: Date;
  /** Called with the number of participants a batch copied straight into the register. */
  copied(count: number): void;
  /** Runs after a batch of rows `fromRow`..`toRow` is staged instead. */
  afterStaged(m: EntityManager, fromRow: number, toRow: number): Promise<void>;
}

/** SQLSTATE unique_violation: a copied batch met a registered NIK or an active NOKA. */
const UNIQUE_VIOLATION = '23505';

export class StagingWriter {
  private inflight: Promise<void> = Promise.resolve();
  private failure: unknown;
  private runner?: QueryRunner;
  private early?: EarlyBatches;
  /** Batches are copied straight into the register until one meets registered people. */
  private copyIntoRegister = true;
  /**
   * The last day of the latest finalized month, or of the latest allocated open month when later (LAST_HELD_DAY, 'YYYY-MM-DD'),
   * read when the transaction opens; rows with a TMT up to it are staged (WARN_CLOSED_MONTH, WARN_COVERAGE_OF_NEW).
   */
  private lastClosedDay: string | null = null;
  /**
   * The NOKAs of the rows with a TAT read so far while copying early: a later row (or one of the same batch) with such a
   * card is staged, not copied, for WARN_NOKA_OF_ENDED. Ended rows are few in a file; the set is dropped once copying stops.
   */
  private endedInFile = new Set<string>();
  /** How findings name their column (`upload_issue.column_name`): the file's alias header as written, else the column's name. */
  labels: ColumnLabels = columnLabels();

  constructor(
    private readonly dataSource: DataSource,
    readonly uploadId: string,
    private readonly useCopy: boolean,
  ) {}

  /**
   * Opens the upload's transaction on the COPY connection; `start` runs in it first and says
   * whether to go on in it (e.g. a lock taken), promoting each batch early. When it declines, the
   * transaction is rolled back and staging goes on outside any transaction. PostgreSQL (COPY) only.
   */
  async begin(start: (m: EntityManager) => Promise<boolean>, early: EarlyBatches): Promise<boolean> {
    if (!this.useCopy) return false;
    const runner = await this.connection();
    await runner.startTransaction();
    if (await start(runner.manager)) {
      this.early = early;
      [{ day: this.lastClosedDay }] = await runner.query(READ_LAST_CLOSED_DAY);
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
    // The batch's ended-card lookup goes ahead on the pool while the batch before is stored (it was a tenth of the
    // held connection's time for a new register's 100,000 rows): committed holders are all it needs, as the rows this
    // upload registers early are active ones.
    const ended = this.early && this.copyIntoRegister ? this.endedHoldersNokas(records) : undefined;
    ended?.catch(() => undefined); // awaited by storeRecords, unless an earlier batch failed
    await this.settle();
    this.inflight = this.store(records, issues, ended).catch((err) => void (this.failure ??= err));
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

  private async store(records: EnrollmentRecord[], issues: IssueRow[], ended?: Promise<Set<string>>): Promise<void> {
    // Side by side: staged rows on the held connection, findings on the pool (PGlite queues both).
    const results = await Promise.allSettled([this.storeRecords(records, ended), this.storeIssues(issues)]);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
  }

  private async storeRecords(records: EnrollmentRecord[], endedLookup?: Promise<Set<string>>): Promise<void> {
    if (!records.length) return;
    if (!this.useCopy) {
      await this.dataSource.query(INSERT_STAGING, [this.uploadId, ...stagingColumns(records)]);
      return;
    }
    // `endedLookup` was started by `write` whenever this branch can run (copying only ever stops)
    if (this.early && this.copyIntoRegister && endedLookup) {
      const day = this.lastClosedDay;
      // staged, not copied: a TMT that may reach a finalized month (WARN_CLOSED_MONTH), an ended participant's card (WARN_NOKA_OF_ENDED)
      const ended = await endedLookup;
      // and a card this file ended a holder of, in this batch or above it (its holder may not be copied: staged then)
      for (const r of records) if (r.noka !== null && r.tat !== null) this.endedInFile.add(r.noka);
      const held = (r: EnrollmentRecord) => (day !== null && r.tmt <= day) || (r.noka !== null && (ended.has(r.noka) || this.endedInFile.has(r.noka)));
      const staged = records.filter(held);
      const copied = staged.length ? records.filter((r) => !held(r)) : records;
      if (await this.copyNewParticipants(copied, this.early)) {
        if (staged.length) await this.copyRows(COPY_STAGING, staged, (r) => this.stagingLine(r)); // promoted once the file is read
        return;
      }
      this.copyIntoRegister = false; // this file updates registered people: stage the rest
      this.endedInFile = new Set(); // PROMOTE_NEW_BATCH keeps such cards staged from here on (in their batch; the rest: RESTAGE_EARLY_ROWS)
    }
    await this.copyRows(COPY_STAGING, records, (r) => this.stagingLine(r));
    if (!this.early) return;
    // rows held until the file was read (a contested NOKA, a date read either way: date-order.ts) come after later rows
    let [from, to] = [records[0].rowNumber, records[0].rowNumber];
    for (const r of records) [from, to] = [Math.min(from, r.rowNumber), Math.max(to, r.rowNumber)];
    await this.early.afterStaged(this.runner!.manager, from, to);
  }

  /** The batch's NOKAs that an ended participant holds (ENDED_HOLDERS_NOKAS, one query on the pool). */
  private async endedHoldersNokas(records: EnrollmentRecord[]): Promise<Set<string>> {
    const nokas = records.flatMap((r) => (r.noka === null ? [] : [r.noka]));
    if (!nokas.length) return new Set();
    const rows: { noka: string }[] = await this.dataSource.query(ENDED_HOLDERS_NOKAS, [nokas]);
    return new Set(rows.map((r) => r.noka));
  }

  /** A record as a line of COPY_STAGING. */
  private stagingLine(r: EnrollmentRecord): string {
    return `${this.uploadId}\t${r.rowNumber}\t${recordFields(r)}\t${r.nokaCleared ? 't' : 'f'}\n`;
  }

  /** COPY_NEW_PARTICIPANTS of the batch in a savepoint; false (rolled back) when a unique index refuses it. */
  private async copyNewParticipants(records: EnrollmentRecord[], early: EarlyBatches): Promise<boolean> {
    if (!records.length) return true;
    const runner = this.runner!;
    const now = early.now.toISOString();
    const stamp = `\t${this.uploadId}\t${this.uploadId}\t${copyText(early.actor)}\t${now}\t${now}\n`;
    await runner.query('SAVEPOINT copy_new_participants');
    try {
      await this.copyRows(COPY_NEW_PARTICIPANTS, records, (r) => recordFields(r) + stamp);
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      await runner.query('ROLLBACK TO SAVEPOINT copy_new_participants');
      return false;
    }
    await runner.query('RELEASE SAVEPOINT copy_new_participants');
    early.copied(records.length);
    return true;
  }

  private async storeIssues(issues: IssueRow[]): Promise<void> {
    if (issues.length) {
      await this.dataSource.query(INSERT_UPLOAD_ISSUES, [
        this.uploadId,
        issues.map((i) => i.rowNumber),
        issues.map((i) => i.severity),
        issues.map((i) => i.column && this.labels[i.column]),
        issues.map((i) => i.code),
        issues.map((i) => oneLine(i.message)),
        issues.map((i) => (i.raw ? JSON.stringify(i.raw) : null)),
        [], // one sheet
      ]);
    }
  }

  private async connection(): Promise<QueryRunner> {
    this.runner ??= this.dataSource.createQueryRunner();
    await this.runner.connect();
    return this.runner;
  }

  private async copyRows(statement: string, records: EnrollmentRecord[], line: (r: EnrollmentRecord) => string): Promise<void> {
    const client = (await (await this.connection()).connect()) as CopyClient;
    let text = '';
    for (const r of records) text += line(r);
    await pipeline(Readable.from([text]), client.query(pgCopy.from(statement)));
  }
}

/** A record's register columns in COPY text, in RECORD_COLUMNS order. */
function recordFields(r: EnrollmentRecord): string {
  return `${r.nik}\t${r.noKk}\t${copyText(r.name)}\t${r.birthDate}\t${r.sex}\t${r.villageCode}\t${r.noka ?? '\\N'}\t${r.tmt}\t${r.tat ?? '\\N'}\t${r.endReason ?? '\\N'}`;
}

/** COPY text format: backslash, tab and line breaks escaped (names have whitespace collapsed already). */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

/** Column arrays in INSERT_STAGING order (row number, then RECORD_COLUMNS, then noka_cleared). */
function stagingColumns(records: EnrollmentRecord[]): unknown[][] {
  const n = records.length;
  const cols: unknown[][] = Array.from({ length: 12 }, () => new Array(n));
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
    cols[11][i] = r.nokaCleared === true;
  }
  return cols;
}
