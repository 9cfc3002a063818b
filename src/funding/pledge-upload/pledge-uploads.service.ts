import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock.js';
import type { RawCells } from '../../common/spreadsheet/raw-cells.js';
import type { ReportRow } from '../../common/spreadsheet/report-sheets.js';
import { writeRowReport } from '../../common/spreadsheet/row-report.writer.js';
import { columnOrderParams } from '../../common/uploads/sql/upload-issue.sql.js';
import { MAX_ISSUES_IN_RESPONSE, type RowIssue } from '../../common/uploads/row-issue.js';
import { writeIssues } from '../../common/uploads/upload-writer.js';
import { FundingException } from '../funding.exception.js';
import {
  COUNT_PLEDGE_UPLOADS,
  INSERT_LIST_ROWS,
  INSERT_PLEDGE_UPLOAD,
  LIST_REPORT_ROWS,
  LIST_ROWS_KEPT,
  PLEDGE_UPLOAD,
  PLEDGE_UPLOAD_ISSUES,
  PLEDGE_UPLOAD_OF_FILE,
  PLEDGE_UPLOADS,
} from '../sql/pledge-uploads.sql.js';
import type { PledgeUploadIssue, PledgeUploadReport } from './pledge-upload-answer.js';
import { type PledgeUploadReportRow, type PledgeUploadRow, pledgeUploadReport } from './pledge-upload-report.js';
import { type ColumnNames, PLEDGE_COLUMNS } from './pledge-sheet.js';

/** A saved pledge sheet as the importer hands it over: its report, the file and each refused `Komitmen` row as uploaded. */
export interface PledgeUploadToStore {
  report: PledgeUploadReport;
  checksum: string;
  actor: string;
  /** The `Komitmen` sheet's headers as the file wrote them (the Perbaiki sheet's). */
  labels: ColumnNames;
  /** Refused `Komitmen` row → its cells as uploaded (RawCells), repeated by the row report. */
  raws: ReadonlyMap<number, RawCells>;
  /** The `Komitmen` columns the file had, in its order (columnsInFileOrder): the Perbaiki sheet's layout. */
  order: readonly string[];
  /** The `Daftar` sheet's headers as the file wrote them (own names without one): the report's `Daftar`. */
  listLabels: ColumnNames;
  /** The `Daftar` columns the file had, in its order (null without that sheet): the report's `Daftar` layout. */
  listOrder: readonly string[] | null;
  /** The `Daftar` rows the row report repeats (of the refused pledges, and the refused ones), as uploaded. */
  listRows: readonly { rowNumber: number; raw: RawCells }[];
}

/** `Daftar` rows stored a statement at a time. */
const LIST_CHUNK = 10_000;

/** Refusal codes of `upload_issue.code`: a pledge row refused, a `Daftar` row refused. */
const CODE = { Komitmen: 'PLEDGE_REFUSED', Daftar: 'LIST_ROW_REFUSED' } as const;

/**
 * Pledge sheets kept like every other upload (payment sheets, bills): `pledge_upload` with its
 * counts, its refused rows in `upload_issue` (the `Komitmen` sheet's as the main sheet, with the row
 * as uploaded; `Daftar`'s under that sheet), the `Daftar` rows its report repeats in
 * `pledge_upload_list_row`, listed and read back, and its row report.
 */
@Injectable()
export class PledgeUploads {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Clock) private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Stores the upload, its refused rows and an audit event per pledge saved, in one transaction; returns its id. */
  store(u: PledgeUploadToStore): Promise<string> {
    const { report } = u;
    return this.dataSource.transaction(async (m) => {
      const [{ id }] = await m.query(INSERT_PLEDGE_UPLOAD, [
        report.filename, u.checksum, u.actor, this.clock.now(), report.rowsRead, report.accepted, report.rejected, JSON.stringify(u.labels), JSON.stringify(u.listLabels), u.order, u.listOrder,
        JSON.stringify(report.sheetWarnings),
        JSON.stringify(report.pledges),
      ]);
      const issues: RowIssue[] = [];
      const raws: (RawCells | null)[] = [];
      const repeated = new Set<number>();
      for (const i of report.issues) {
        const main = i.sheet === 'Komitmen';
        issues.push({ row: i.rowNumber, column: i.column, severity: 'REJECT', code: CODE[i.sheet], message: i.message, ...(main ? {} : { sheet: i.sheet }) });
        // the row as uploaded, on its first issue (the row report's Perbaiki repeats it)
        raws.push(main && !repeated.has(i.rowNumber) ? (repeated.add(i.rowNumber), u.raws.get(i.rowNumber) ?? null) : null);
      }
      await writeIssues(m, id, { issues, raws });
      // each pledge saved has its own event, under its code, naming the sheet (QA: a pledge from a sheet had none)
      await this.audit.recordAll(
        report.pledges.map((p) => ({ actor: u.actor, action: 'pledge.create', entity: 'pledge', entityId: p.code, summary: { upload: id, file: report.filename, row: p.rowNumber } })),
        m,
      );
      for (let i = 0; i < u.listRows.length; i += LIST_CHUNK) {
        const part = u.listRows.slice(i, i + LIST_CHUNK);
        await m.query(INSERT_LIST_ROWS, [id, part.map((r) => r.rowNumber), part.map((r) => JSON.stringify(r.raw))]);
      }
      return id as string;
    });
  }

  /**
   * The earlier upload of the same file (its checksum) whose pledges all still stand as it saved them (PLEDGE_UPLOAD_OF_FILE),
   * with those pledges and its refused rows as it answered them; null when there is none.
   */
  async ofFile(checksum: string): Promise<(PledgeUploadRow & { pledges: PledgeUploadReport['pledges']; issues: PledgeUploadIssue[] }) | null> {
    const [earlier]: (PledgeUploadRow & { pledges: PledgeUploadReport['pledges'] })[] = await this.dataSource.query(PLEDGE_UPLOAD_OF_FILE, [checksum]);
    if (!earlier) return null;
    const { columnLabels } = await this.find(earlier.id);
    return { ...earlier, issues: await this.issues(earlier.id, columnLabels) };
  }

  async list(page: number, pageSize: number): Promise<{ items: PledgeUploadRow[]; total: number }> {
    const items: PledgeUploadRow[] = await this.dataSource.query(PLEDGE_UPLOADS, [pageSize, (page - 1) * pageSize]);
    const [{ total }] = await this.dataSource.query(COUNT_PLEDGE_UPLOADS);
    return { items, total };
  }

  /** The upload with its refused rows as its answer listed them (the first MAX_ISSUES_IN_RESPONSE). */
  async get(id: string): Promise<PledgeUploadRow & { issues: PledgeUploadIssue[] }> {
    const { columnLabels, listColumnLabels: _, columnOrder: _order, listColumnOrder: _listOrder, ...upload } = await this.find(id);
    return { ...upload, issues: await this.issues(id, columnLabels) };
  }

  /** Finds the upload (404 before the first byte of the workbook) and returns its report's writer. */
  async report(id: string): Promise<{ upload: PledgeUploadRow; write: (out: Writable) => Promise<void> }> {
    const upload = await this.find(id);
    const [{ kept }]: { kept: boolean }[] = await this.dataSource.query(LIST_ROWS_KEPT, [id]);
    const rows = (after: number, limit: number, messageOrder: [string[], string[]]): Promise<ReportRow[]> =>
      this.dataSource.query(LIST_REPORT_ROWS, [id, after, limit, ...messageOrder]);
    return { upload, write: (out) => writeRowReport(this.dataSource, pledgeUploadReport(upload, { kept, rows }), out) };
  }

  private async find(id: string): Promise<PledgeUploadReportRow> {
    const [upload]: PledgeUploadReportRow[] = await this.dataSource.query(PLEDGE_UPLOAD, [id]);
    if (!upload) throw FundingException.pledgeUploadNotFound(id);
    return upload;
  }

  private issues(id: string, labels: Record<string, string> | null): Promise<PledgeUploadIssue[]> {
    return this.dataSource.query(PLEDGE_UPLOAD_ISSUES, [id, MAX_ISSUES_IN_RESPONSE, ...columnOrderParams(PLEDGE_COLUMNS, labels)]);
  }
}
