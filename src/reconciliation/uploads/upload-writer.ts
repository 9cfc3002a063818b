import type { EntityManager } from 'typeorm';
import { INSERT_UPLOAD_ISSUES } from '../sql/uploads.sql.js';
import type { RowIssue } from './row-issue.js';

const CHUNK = 5000;

/** Stores an upload's row issues (`upload_issue`, keyed by the bill / list id) in chunks. */
export async function writeIssues(m: EntityManager, uploadId: string, issues: readonly RowIssue[]): Promise<void> {
  for (let i = 0; i < issues.length; i += CHUNK) {
    const part = issues.slice(i, i + CHUNK);
    await m.query(INSERT_UPLOAD_ISSUES, [
      uploadId,
      part.map((x) => x.row),
      part.map((x) => x.severity),
      part.map((x) => x.column),
      part.map((x) => x.code),
      part.map((x) => x.message),
    ]);
  }
}
