/**
 * ImportEnrollmentSheet (DOMAIN §2, §4, §12): one uploaded sheet into the register.
 *
 * 1. The content's SHA-256 is looked up: the same content again returns the earlier upload and
 *    changes nothing (two simultaneous uploads of one file make one batch).
 * 2. The sheet is streamed in batches; each row is validated (rejections and warnings with
 *    Indonesian messages naming the column), accepted rows go to enrollment_staging and findings to
 *    upload_issue, while parsing goes on.
 * 3. The staged rows are promoted set-based in one transaction (EnrollmentPromoter). Any failure
 *    leaves the register untouched and marks the upload FAILED with the reason.
 * Files larger than `backgroundBytes` are processed after the response (status PROCESSING, with
 * progress); smaller ones finish within the request.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isEmbedded } from '../../database/data-source-options.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config.js';
import { DomainException } from '../../common/errors/domain.exception.js';
import { SheetReader, type SheetRow } from '../../common/spreadsheet/sheet-reader.js';
import { SpreadsheetException } from '../../common/spreadsheet/spreadsheet.exception.js';
import { RegionsService } from '../../regions/regions.service.js';
import { ENROLLMENT_COLUMNS, type EnrollmentColumnName } from '../enrollment-columns.js';
import { EnrollmentPromoter } from '../enrollment-promoter.js';
import { type IssueRow, StagingWriter } from '../staging-writer.js';
import { UploadStore } from '../upload-store.js';
import { toUploadView, type UploadView } from '../upload-view.js';
import { type EnrollmentRecord, EnrollmentRowValidator } from '../validation/enrollment-row.validator.js';

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
const ABANDONED_AFTER_MS = 3600_000;

@Injectable()
export class ImportEnrollmentSheet implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportEnrollmentSheet.name);
  private readonly running = new Set<Promise<unknown>>();
  /** COPY into staging on PostgreSQL; tests switch it off to cover the unnest path on PostgreSQL too. */
  copyStaging = true;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uploads: UploadStore,
    private readonly promoter: EnrollmentPromoter,
    private readonly regions: RegionsService,
  ) {}

  async execute(command: ImportEnrollmentSheetCommand): Promise<UploadView> {
    const checksum = await sha256(command.path);
    const { upload, recognised } = await this.uploads.start({ filename: command.filename, checksum, sizeBytes: command.sizeBytes, uploadedBy: command.actor });
    if (recognised) {
      await unlink(command.path).catch(() => undefined);
      return toUploadView(upload, true);
    }
    const job = this.process(upload.id, command);
    if (command.sizeBytes > (command.backgroundBytes ?? this.config.uploadBackgroundBytes)) {
      this.track(job.catch(() => undefined));
      return toUploadView(upload);
    }
    await job;
    return toUploadView(await this.uploads.get(upload.id));
  }

  /** Waits for background uploads (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  async onApplicationBootstrap(): Promise<void> {
    const abandoned = await this.uploads.failAbandoned(ABANDONED_AFTER_MS);
    if (abandoned) this.logger.warn(`${abandoned} unggahan yang terhenti ditandai FAILED`);
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
    let rowsRead = 0;
    try {
      const validator = new EnrollmentRowValidator(await this.regions.villageCodes());
      const reader = new SheetReader(command.path, { filename: command.filename, columns: ENROLLMENT_COLUMNS, maxRows: this.config.uploadMaxRows });
      let lastProgress = Date.now();
      for await (const batch of reader.batches()) {
        rowsRead += batch.length;
        const { records, issues } = validateBatch(validator, batch);
        await writer.write(records, issues);
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          await this.uploads.progress(uploadId, reader.progress * 0.9, rowsRead);
        }
      }
      await writer.settle();
      await writer.close();
      await this.uploads.progress(uploadId, 0.9, rowsRead);
      await this.promoter.promote(uploadId, command.actor, rowsRead);
    } catch (err) {
      await writer.close().catch(() => undefined);
      await this.uploads.fail(uploadId, failureReason(err), rowsRead);
      if (!(err instanceof DomainException)) this.logger.error(`Unggahan ${uploadId} gagal`, err as Error);
      if (err instanceof SpreadsheetException) {
        throw new SpreadsheetException(err.code, err.message, { ...(err.details as object), uploadId });
      }
    } finally {
      await unlink(command.path).catch(() => undefined);
    }
  }
}

function validateBatch(validator: EnrollmentRowValidator, batch: SheetRow[]): { records: EnrollmentRecord[]; issues: IssueRow[] } {
  const records: EnrollmentRecord[] = [];
  const issues: IssueRow[] = [];
  for (const row of batch) {
    const result = validator.validate(row);
    if (result.record) records.push(result.record);
    result.issues.forEach((issue, i) => issues.push({ ...issue, rowNumber: row.rowNumber, raw: i === 0 ? rawOf(row) : null }));
  }
  return { records, issues };
}

/** The row as uploaded, by canonical column name (for the report). */
function rawOf(row: SheetRow): Partial<Record<EnrollmentColumnName, string>> {
  const raw: Partial<Record<EnrollmentColumnName, string>> = {};
  ENROLLMENT_COLUMNS.forEach((c, i) => {
    if (row.cells[i].kind !== 'empty') raw[c.name] = row.cells[i].text;
  });
  return raw;
}

function failureReason(err: unknown): string {
  if (err instanceof DomainException) return err.message;
  const e = err as { constraint?: string; message?: string };
  if (e.constraint === 'UQ_participant_active_noka') {
    return 'Penyimpanan dibatalkan: dua peserta aktif akan memiliki NOKA yang sama. Periksa kolom NOKA lalu unggah ulang. Register tidak berubah.';
  }
  return `Penyimpanan ke register gagal dan dibatalkan seluruhnya; register tidak berubah. Penyebab: ${e.message ?? String(err)}`;
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
