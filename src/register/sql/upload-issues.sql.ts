import { issueColumnOrder } from '../../common/uploads/sql/upload-issue.sql.js';

/**
 * Whether the enrollment upload exists (its headers as written, for the column order), how many
 * issues it has and on how many rows ($1 = upload id, $2 = severity or NULL for both: QA, 8 messages
 * on 7 rows were headed as 8 rows), $3 = codes or NULL for all (the rows whose warnings change what is owed).
 * Uses PK_enrollment_upload and IDX_upload_issue_upload_row.
 */
export const UPLOAD_ISSUES_TOTAL = `
  SELECT EXISTS (SELECT 1 FROM enrollment_upload WHERE id = $1) AS known,
         (SELECT column_labels FROM enrollment_upload WHERE id = $1) AS labels,
         count(*)::int AS total,
         count(DISTINCT row_number)::int AS "rows"
  FROM upload_issue WHERE upload_id = $1 AND ($2::text IS NULL OR severity = $2) AND ($3::text[] IS NULL OR code = ANY($3::text[]))`;

/** One page of them, a row's in its columns' order ($3 = limit, $4 = offset, $5/$6 columnOrderParams, $7 = codes or NULL). */
export const UPLOAD_ISSUES_PAGE = `
  SELECT row_number AS "rowNumber", severity, column_name AS "column", code, message
  FROM upload_issue
  WHERE upload_id = $1 AND ($2::text IS NULL OR severity = $2) AND ($7::text[] IS NULL OR code = ANY($7::text[]))
  ORDER BY row_number, ${issueColumnOrder('$5', '$6')}, severity, code
  LIMIT $3 OFFSET $4`;
