/**
 * ImportEnrollmentSheet (DOMAIN §2, §4, §12): one uploaded sheet into the register.
 *
 * 1. The content's SHA-256 is looked up: the same content again returns the earlier upload and
 *    changes nothing (two simultaneous uploads of one file make one batch; a small file's copy
 *    waits for the request processing it and answers what it ended as).
 * 2. The sheet is streamed in batches; each row is validated (rejections and warnings with
 *    Indonesian messages naming the column), accepted rows go to enrollment_staging and findings to
 *    upload_issue, while parsing goes on.
 * 3. The staged rows are promoted set-based in one transaction (EnrollmentPromoter). Any failure
 *    leaves the register untouched and marks the upload FAILED with the reason.
 *    On PostgreSQL that transaction opens before the file is read when no other upload is being
 *    promoted (advisory lock taken at once): each batch's new participants are then inserted
 *    while the next batch is parsed (StagingWriter), and the rest is promoted at the end, in the
 *    same transaction.
 *    Otherwise (PGlite, or another promotion running) rows are staged first and promoted after.
 * Files larger than `backgroundBytes` are processed after the response (status PROCESSING, with
 * progress); smaller ones finish within the request.
 */
import { unlink } from 'node:fs/promises';
import { setImmediate as nextTurn, setTimeout } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pLimit from 'p-limit';
import { DataSource } from 'typeorm';
import { isEmbedded } from '../../database/data-source-options.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { Clock, dayInWib } from '../../common/clock/clock.js';
import { fileChecksum } from '../../common/file-checksum.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { columnsInFileOrder } from '../../common/spreadsheet/column-spec.js';
import { SheetReader } from '../../common/spreadsheet/sheet-reader.js';
import type { SheetRow } from '../../common/spreadsheet/sheet-row.js';
import { SpreadsheetException } from '../../common/spreadsheet/spreadsheet.exception.js';
import { RegionsService } from '../../regions/regions.service.js';
import { COL, type ColumnLabels, columnLabels, ENROLLMENT_COLUMNS, ENROLLMENT_PARTIAL_SHEETS, ENROLLMENT_SHEET, enrollmentMissingColumnsHint } from '../enrollment-columns.js';
import { type EarlyPromotion, EnrollmentPromoter, type FileColumns } from '../enrollment-promoter.js';
import { type IssueRow, StagingWriter } from '../staging-writer.js';
import { ContestedNokas } from '../contested-nokas.js';
import type { EnrollmentUpload } from '../entities/enrollment-upload.entity.js';
import { uploadFailure } from '../upload-failure.js';
import { UploadLease } from '../upload-lease.js';
import { UploadStore } from '../upload-store.js';
import { toUploadView, type UploadView } from '../upload-view.js';
import { type EnrollmentRecord, EnrollmentRowValidator } from '../validation/enrollment-row.validator.js';
import { dateOrderIssues, type EnrollmentDateOrder, enrollmentDateOrder, stagedInto } from '../validation/date-order.js';

export interface ImportEnrollmentSheetCommand {
  /** The uploaded file on disk; deleted once processed. */
  path: string;
  filename: string;
  sizeBytes: number;
  actor: string;
  /** Process after returning when the file is larger than this (default: config.uploadBackgroundBytes). */
  backgroundBytes?: number;
}

const PROGRESS_EVERY_MS = 500;
/** How often the share of the file read is written while reading, rows or not (readingProgress). */
const READING_PROGRESS_EVERY_MS = 2000;
/**
 * Rows per reader batch, and rows (plus findings) per staged batch. The event loop turns after each reader batch (see
 * the reading loop), so a reader batch is also how long the database's answers may wait: 250 rows (about 1 ms of
 * checks) instead of 1,000 took another 0.1 s off a 100,000-row .csv (bench:ingest), the .xlsx and its peak RSS unchanged.
 */
const READ_ROWS = 250;
const STAGE_ROWS = 5000;
/**
 * How long a copy of a small file waits for the request already processing it (simultaneous
 * uploads of one file): then it answers what that upload ended as; past this, PROCESSING.
 */
const SAME_FILE_WAIT_MS = 30_000;
/**
 * Uploads processed at once; the others wait their turn, PROCESSING (their lease held). Each holds a pooled connection
 * from its first row to its commit and borrows another for its findings, progress and card lookups: twelve 20,000-row
 * uploads at once took all ten connections and waited on each other for ever (QA, PostgreSQL). Promotions take turns
 * anyway (REGISTER_PROMOTION_LOCK), and two cores read no faster for more.
 */
export const UPLOADS_AT_ONCE = 3;
const SAME_FILE_POLL_MS = 100;

@Injectable()
export class ImportEnrollmentSheet implements OnApplicationShutdown {
  private readonly logger = new Logger(ImportEnrollmentSheet.name);
  private readonly running = new Set<Promise<unknown>>();
  private readonly turns = pLimit(UPLOADS_AT_ONCE);
  /** COPY into staging on PostgreSQL; tests switch it off to cover the unnest path on PostgreSQL too. */
  copyStaging = true;
  /** Rows per reader batch and per staged batch; tests make them small to cross a batch boundary with a few rows. */
  batchRows = { read: READ_ROWS, stage: STAGE_ROWS };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uploads: UploadStore,
    private readonly promoter: EnrollmentPromoter,
    private readonly regions: RegionsService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly lease: UploadLease,
  ) {}

  async execute(command: ImportEnrollmentSheetCommand): Promise<UploadView> {
    const checksum = await fileChecksum(command.path);
    const { upload, recognised } = await this.uploads.start({ filename: command.filename, checksum, sizeBytes: command.sizeBytes, uploadedBy: command.actor });
    const background = command.sizeBytes > (command.backgroundBytes ?? this.config.uploadBackgroundBytes);
    if (recognised) {
      // A small file another request is still processing: its uploader expects the final answer, so wait for it.
      const ended = upload.status === 'PROCESSING' && !background ? await this.ended(upload.id) : upload;
      if (ended.status === 'FAILED') return this.execute(command); // as a re-upload after a failure: applied again
      await unlink(command.path).catch(() => undefined);
      return toUploadView(ended, true);
    }
    this.lease.hold(upload.id); // until `process` ends, its wait for a turn included
    const job = this.turns(() => this.process(upload.id, command));
    if (background) {
      this.track(job.catch(() => undefined));
      return toUploadView(upload);
    }
    await job;
    return toUploadView(await this.uploads.get(upload.id));
  }

  /** The upload once it is no longer PROCESSING, or as it is after SAME_FILE_WAIT_MS. */
  private async ended(id: string): Promise<EnrollmentUpload> {
    const until = Date.now() + SAME_FILE_WAIT_MS;
    for (;;) {
      const upload = await this.uploads.get(id);
      if (upload.status !== 'PROCESSING' || Date.now() >= until) return upload;
      await setTimeout(SAME_FILE_POLL_MS);
    }
  }

  /** Waits for background uploads (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  private track(job: Promise<unknown>): void {
    this.running.add(job);
    void job.finally(() => this.running.delete(job));
  }

  /** Reads, validates, stages and promotes; on any error marks the upload FAILED and rethrows refusals. */
  private async process(uploadId: string, command: ImportEnrollmentSheetCommand): Promise<void> {
    const writer = new StagingWriter(this.dataSource, uploadId, this.copyStaging && !isEmbedded(this.config));
    const early: EarlyPromotion = { now: this.clock.now(), created: 0 };
    let rowsRead = 0;
    let reading: ReturnType<typeof setInterval> | undefined;
    // the lease, held by `execute` since before this upload's turn, is released at the end
    try {
      await writer.begin((m) => this.promoter.tryLock(m), {
        actor: command.actor,
        now: early.now,
        copied: (count) => (early.created += count),
        afterStaged: (m, fromRow, toRow) => this.promoter.promoteNewBatch(m, uploadId, command.actor, fromRow, toRow, early),
      });
      const validator = new EnrollmentRowValidator(await this.regions.villageCodes(), dayInWib(early.now), await this.regions.villages());
      early.rowOfNik = (nik) => validator.firstRowOfNikNumber(nik);
      const { read: readRows, stage: stageRows } = this.batchRows;
      // Small reader batches, validated at once (sheet cells die young), staged STAGE_ROWS (stageRows) at a time.
      const reader = new SheetReader(command.path, {
        filename: command.filename, sheet: ENROLLMENT_SHEET, columns: ENROLLMENT_COLUMNS, maxRows: this.config.uploadMaxRows, batchSize: readRows,
        missingColumnsHint: enrollmentMissingColumnsHint, rowsAre: 'peserta', partialSheets: ENROLLMENT_PARTIAL_SHEETS,
      });
      let lastProgress = Date.now();
      // the share of the file read, also while no row comes (a sheet formatted down to its last row: QA, "0%" for ~35 s)
      reading = setInterval(() => void this.uploads.readingProgress(uploadId, reader.progress * 0.9).catch(() => undefined), READING_PROGRESS_EVERY_MS);
      let pending: Validated = { records: [], issues: [], contested: new ContestedNokas(), dateOrder: enrollmentDateOrder() };
      let labels: ColumnLabels | undefined; // findings name the columns as the file's header does (an alias as written)
      for await (const batch of reader.batches()) {
        if (!labels) {
          labels = columnLabels(reader.header!.labels);
          validator.labels = writer.labels = pending.contested.labels = pending.dateOrder.labels = labels;
          validator.hasEndReasonColumn = reader.header!.indexes[COL.ALASAN_BERAKHIR] >= 0;
          // the report's Perbaiki sheet is headed and laid out so too
          await this.uploads.columnLabels(uploadId, labels, columnsInFileOrder(ENROLLMENT_COLUMNS, reader.header!.indexes));
        }
        rowsRead += batch.length;
        validateBatch(validator, batch, pending);
        // The reader hands over batches through promises alone while its file is in memory: without a turn of the event
        // loop here, the database's answers to the batch being stored (savepoint, COPY, release) waited for the next
        // STAGE_ROWS rows to be read and checked, and the two ran one after the other (0.15–0.2 s of a 100,000-row .csv).
        await nextTurn();
        if (pending.records.length + pending.issues.length < stageRows) continue;
        await writer.write(pending.records, pending.issues);
        pending = { records: [], issues: [], contested: pending.contested, dateOrder: pending.dateOrder };
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          await this.uploads.progress(uploadId, reader.progress * 0.9, rowsRead);
        }
      }
      clearInterval(reading);
      pending.dateOrder.settle(stagedInto(pending)); // rows whose dates read either way, when the file never showed its order
      if (pending.records.length + pending.issues.length) await writer.write(pending.records, pending.issues);
      await writer.settle();
      await pending.contested.settle(writer.transaction ?? this.dataSource.manager, writer, (forms) => dateOrderIssues(pending.dateOrder.refusalsOf(forms)));
      await this.uploads.sheetWarnings(uploadId, reader.sheetWarnings); // rows Excel hid, read all the same
      await this.uploads.progress(uploadId, 0.9, rowsRead);
      const transaction = writer.transaction;
      const file: FileColumns = { tat: reader.header!.indexes[COL.TAT] >= 0, labels: labels ?? columnLabels(), namesakes: validator.namesakeNiks() };
      if (transaction) {
        await this.promoter.finish(transaction, uploadId, command.actor, rowsRead, early, file);
        await writer.commit();
        await writer.close();
      } else {
        await writer.close();
        await this.promoter.promote(uploadId, command.actor, rowsRead, file);
      }
    } catch (err) {
      await writer.close().catch(() => undefined);
      await this.uploads.fail(uploadId, uploadFailure(err, this.clock.now()), rowsRead);
      if (!(err instanceof DomainException)) this.logger.error(`Unggahan ${uploadId} gagal`, err as Error);
      if (err instanceof SpreadsheetException) {
        throw new SpreadsheetException(err.code, err.message, { ...(err.details as object), uploadId });
      }
    } finally {
      clearInterval(reading);
      this.lease.release(uploadId);
      await unlink(command.path).catch(() => undefined);
    }
  }
}

interface Validated {
  records: EnrollmentRecord[];
  issues: IssueRow[];
  /** Rows whose NOKA an earlier row of the file has: settled once the file is read. */
  contested: ContestedNokas;
  /** Rows whose dates read either way, until the file shows which way it writes them. */
  dateOrder: EnrollmentDateOrder;
}

/** Validates a batch into `into`. */
function validateBatch(validator: EnrollmentRowValidator, batch: SheetRow[], into: Validated): void {
  const staged = stagedInto(into);
  for (const row of batch) {
    const result = validator.validate(row);
    if (result.contested) {
      // its dates are judged when the register settles it (ContestedNokas), in the order the file writes them
      into.dateOrder.note(row.rowNumber, result.dates, staged);
      into.issues.push(...into.contested.add(result.contested, result.issues, row, result.dates));
      continue;
    }
    into.dateOrder.take(row.rowNumber, { row, record: result.record, issues: result.issues }, result.dates, staged);
  }
}
