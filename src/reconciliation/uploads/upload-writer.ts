import type { EntityManager } from 'typeorm';
import { INSERT_UPLOAD_ISSUES } from '../../common/spreadsheet/upload-issue.sql.js';
import type { IssueCollector } from './row-issue.js';

const CHUNK = 5000;

/**
 * Stores an upload's row issues (`upload_issue`, keyed by the bill / list id) in chunks, each row's
 * first issue with the row as uploaded (`raw`, for the row report workbook).
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
    ]);
  }
}
