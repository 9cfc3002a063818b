/**
 * Whether the enrollment upload exists, and how many issues it has ($1 = upload id, $2 = severity
 * or NULL for both). Uses PK_enrollment_upload and IDX_upload_issue_upload_row.
 */
export const UPLOAD_ISSUES_TOTAL = `
  SELECT EXISTS (SELECT 1 FROM enrollment_upload WHERE id = $1) AS known,
         (SELECT count(*)::int FROM upload_issue WHERE upload_id = $1 AND ($2::text IS NULL OR severity = $2)) AS total`;

/** One page of them ($3 = limit, $4 = offset). */
export const UPLOAD_ISSUES_PAGE = `
  SELECT row_number AS "rowNumber", severity, column_name AS "column", code, message
  FROM upload_issue
  WHERE upload_id = $1 AND ($2::text IS NULL OR severity = $2)
  ORDER BY row_number, severity, code
  LIMIT $3 OFFSET $4`;
