/**
 * The enrollment_upload rows: starting an upload (recognising one already made of the same
 * content), progress, failure, listing. Promotion writes its final counts itself, in its transaction.
 */
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock/clock.js';
import { isUuid } from '../common/http/uuid-param.js';
import type { SheetWarning } from '../common/spreadsheet/hidden-rows.js';
import { columnOrderParams } from '../common/uploads/sql/upload-issue.sql.js';
import type { UploadIssueQueryDto } from './dto/upload-issue-query.dto.js';
import { ENROLLMENT_COLUMNS } from './enrollment-columns.js';
import { EnrollmentUpload } from './entities/enrollment-upload.entity.js';
import { RegisterException } from './register.exception.js';
import { CLEAR_STAGING } from './sql/staging.sql.js';
import { UPLOAD_ISSUES_PAGE, UPLOAD_ISSUES_TOTAL } from './sql/upload-issues.sql.js';
import { INTERRUPTED, type UploadFailure } from './upload-failure.js';

/** One issue of an enrollment upload as GET /enrollment-uploads/:id/issues lists it. */
export interface UploadIssueItem {
  rowNumber: number;
  severity: string;
  column: string | null;
  code: string;
  message: string;
}

export interface NewUpload {
  filename: string;
  checksum: string;
  sizeBytes: number;
  uploadedBy: string;
}

@Injectable()
export class UploadStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * A new PROCESSING upload, or the earlier upload of the same content (`recognised`) when no file
   * of other content has started since: after one has, the register may differ from what this file
   * left (a holder ended, a row changed back), so the file is applied again. Starting supersedes every
   * upload of other content. The partial unique index UQ_enrollment_upload_checksum (failed and
   * superseded uploads excluded) makes two simultaneous uploads of one file yield one batch: the
   * second insert does nothing and finds the first.
   */
  async start(upload: NewUpload): Promise<{ upload: EnrollmentUpload; recognised: boolean }> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `WITH started AS (
         INSERT INTO enrollment_upload (filename, checksum, size_bytes, status, uploaded_by, uploaded_at, heartbeat_at)
         VALUES ($1, $2, $3, 'PROCESSING', $4, $5, now())
         ON CONFLICT (checksum) WHERE status <> 'FAILED' AND NOT superseded DO NOTHING
         RETURNING id
       ), others AS (
         UPDATE enrollment_upload SET superseded = true
         WHERE checksum <> $2 AND NOT superseded AND EXISTS (SELECT 1 FROM started)
       )
       SELECT id FROM started`,
      [upload.filename, upload.checksum, upload.sizeBytes, upload.uploadedBy, this.clock.now()],
    );
    if (row) return { upload: await this.get(row.id), recognised: false };
    const earlier = await this.repo()
      .createQueryBuilder('u')
      .where('u.checksum = :checksum', upload)
      .andWhere("u.status <> 'FAILED'")
      .andWhere('NOT u.superseded')
      .getOne();
    if (!earlier) return this.start(upload); // the earlier one failed or was superseded in between: try again
    return { upload: earlier, recognised: true };
  }

  async get(id: string): Promise<EnrollmentUpload> {
    const upload = isUuid(id) ? await this.repo().findOneBy({ id }) : null;
    if (!upload) throw RegisterException.uploadNotFound(id);
    return upload;
  }

  list(page: number, pageSize: number): Promise<[EnrollmentUpload[], number]> {
    return this.repo().findAndCount({ order: { uploadedAt: 'DESC', id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
  }

  /**
   * One page of the upload's rejected and warned rows (GET /enrollment-uploads/:id/issues), a row's in
   * its columns' order; `total` counts messages (the pages), `rows` the rows they are on (a row may have several).
   */
  async issues(id: string, query: UploadIssueQueryDto): Promise<{ items: UploadIssueItem[]; total: number; rows: number }> {
    const severity = query.severity ?? null;
    const codes = query.code ? query.code.split(',') : null;
    const [found]: { known: boolean; labels: Record<string, string> | null; total: number; rows: number }[] = await this.dataSource.query(UPLOAD_ISSUES_TOTAL, [id, severity, codes]);
    if (!found.known) throw RegisterException.uploadNotFound(id);
    const items: UploadIssueItem[] = await this.dataSource.query(UPLOAD_ISSUES_PAGE, [
      id,
      severity,
      query.pageSize,
      (query.page - 1) * query.pageSize,
      ...columnOrderParams(ENROLLMENT_COLUMNS, found.labels),
      codes,
    ]);
    return { items, total: Number(found.total), rows: Number(found.rows) };
  }

  /** Keeps the file's column names (ColumnLabels) and their order (columnsInFileOrder) for the row report's headers and layout. */
  async columnLabels(id: string, labels: Readonly<Record<string, string>>, order: readonly string[]): Promise<void> {
    await this.dataSource.query(`UPDATE enrollment_upload SET column_labels = $2, column_order = $3 WHERE id = $1`, [id, JSON.stringify(labels), order]);
  }

  /** Keeps what the file as a whole warrants saying (SheetReader.sheetWarnings), once it is read. */
  async sheetWarnings(id: string, warnings: readonly SheetWarning[]): Promise<void> {
    await this.dataSource.query(`UPDATE enrollment_upload SET sheet_warnings = $2 WHERE id = $1`, [id, JSON.stringify(warnings)]);
  }

  /**
   * The share of the file read, alone, while no batch of rows has come (a sheet formatted down to row 1,048,576 with 50
   * rows took ~35 s at "0%"): never lower than what was written, rows read left as they are.
   */
  async readingProgress(id: string, progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE enrollment_upload SET progress = greatest(progress, $2) WHERE id = $1 AND status = 'PROCESSING'`, [id, progress]);
  }

  async progress(id: string, progress: number, rowsRead: number): Promise<void> {
    await this.dataSource.query(`UPDATE enrollment_upload SET progress = $2, rows_read = $3 WHERE id = $1 AND status = 'PROCESSING'`, [id, progress, rowsRead]);
  }

  /**
   * Marks the upload FAILED with the reason (message, code, details) and drops its staged rows (outside any failed
   * transaction), with an audit event `enrollment.fail` in the same transaction: a refused file is
   * kept, so its refusal is a change like any other. The actor is the uploader (`system` for an
   * upload a stopped process left behind).
   */
  async fail(id: string, failure: UploadFailure, rowsRead: number | null, actor?: string): Promise<void> {
    const reason = failure.message;
    await this.dataSource.query(CLEAR_STAGING, [id]);
    await this.dataSource.transaction(async (m) => {
      const [upload]: { uploaded_by: string }[] = await m.query(`SELECT uploaded_by FROM enrollment_upload WHERE id = $1 AND status = 'PROCESSING' FOR UPDATE`, [id]);
      if (!upload) return;
      await m.query(
        `UPDATE enrollment_upload SET status = 'FAILED', error = $2, error_code = $5, error_details = $6, rows_read = COALESCE($3, rows_read), accepted = 0, created = 0, updated = 0, unchanged = 0, reinstated = 0, reinstated_deaths = 0, owed_changed = 0, finished_at = $4
         WHERE id = $1`,
        [id, reason, rowsRead, this.clock.now(), failure.code, failure.details && JSON.stringify(failure.details)],
      );
      await this.audit.record({ actor: actor ?? upload.uploaded_by, action: 'enrollment.fail', entity: 'enrollment_upload', entityId: id, summary: { reason, rowsRead } }, m);
    });
  }

  /**
   * Renews the lease of the uploads this process is working on (UploadLease). Leases are in the database's
   * time, which every instance shares, not the service's clock.
   */
  async heartbeat(ids: readonly string[]): Promise<void> {
    await this.dataSource.query(`UPDATE enrollment_upload SET heartbeat_at = now() WHERE id = ANY($1::uuid[]) AND status = 'PROCESSING'`, [ids]);
  }

  /**
   * Uploads left PROCESSING by a process that stopped, their lease not renewed for `olderThanMs` (0: every one
   * but `held`, this process's own): FAILED.
   */
  async failAbandoned(olderThanMs: number, held: readonly string[] = []): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM enrollment_upload
        WHERE status = 'PROCESSING' AND COALESCE(heartbeat_at, uploaded_at) <= now() - make_interval(secs => $1) AND NOT id = ANY($2::uuid[])`,
      [olderThanMs / 1000, held],
    );
    for (const { id } of rows) await this.fail(id, INTERRUPTED, null, 'system');
    return rows.length;
  }

  private repo() {
    return this.dataSource.getRepository(EnrollmentUpload);
  }
}
