/** The row issues of a bill, PBI-APBN list, payment or pledge sheet upload in `upload_issue`: written once, read back for the answer of a stored upload. */
import type { EntityManager } from 'typeorm';
import type { SheetWarning } from '../spreadsheet/hidden-rows.js';
import { INSERT_UPLOAD_ISSUES, STORED_ISSUES } from './sql/upload-issue.sql.js';
import { type IssueCollector, MAX_ISSUES_IN_RESPONSE, type RowIssue, type UploadReport } from './row-issue.js';

/** An upload's stored row counts (reconciliation's UploadCounts, embedded in `bill` and `pbi_apbn_list`): NULL where unknown. */
type StoredCounts = Record<'rowsRead' | 'accepted' | 'rejected' | 'warnings', number | null>;

const CHUNK = 5000;

/**
 * Stores an upload's row issues (`upload_issue`, keyed by the upload's id) in chunks, each row's
 * first issue with the row as uploaded (`raw`, for the row report workbook), and the sheet of the
 * issues not on the upload's main sheet (`RowIssue.sheet`).
 */
export async function writeIssues(m: EntityManager, uploadId: string, { issues, raws }: Pick<IssueCollector, 'issues' | 'raws'>): Promise<void> {
  for (let i = 0; i < issues.length; i += CHUNK) {
    const part = issues.slice(i, i + CHUNK);
    const rawPart = raws.slice(i, i + CHUNK);
    await m.query(INSERT_UPLOAD_ISSUES, [
      uploadId,
      part.map((x) => x.row),
      part.map((x) => x.severity),
      part.map((x) => x.column),
      part.map((x) => x.code),
      part.map((x) => x.message),
      rawPart.map((raw) => (raw ? JSON.stringify(raw) : null)),
      part.map((x) => x.sheet ?? null),
    ]);
  }
}

/** A stored upload's issues as its answer listed them (the first MAX_ISSUES_IN_RESPONSE). */
export function readIssues(m: EntityManager, uploadId: string): Promise<RowIssue[]> {
  return m.query(STORED_ISSUES, [uploadId, MAX_ISSUES_IN_RESPONSE]);
}

/** The report a stored bill or PBI-APBN list gave: its counts (0 where it kept none, before they were stored) and issues. */
export async function storedReport(m: EntityManager, upload: { id: string; counts: StoredCounts; sheetWarnings: SheetWarning[] }): Promise<UploadReport> {
  const c = upload.counts;
  const issues = await readIssues(m, upload.id);
  return { rowsRead: c.rowsRead ?? 0, accepted: c.accepted ?? 0, rejected: c.rejected ?? 0, warnings: c.warnings ?? 0, issues, sheetWarnings: upload.sheetWarnings ?? [] };
}
