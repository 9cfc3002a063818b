/** Issues of one upload ($1 = upload id, $2 = severity or NULL for both), by row. Uses IDX_upload_issue_upload_row. */
export const UPLOAD_ISSUES_TOTAL = `
  SELECT count(*)::int AS total
  FROM upload_issue
  WHERE upload_id = $1 AND ($2::text IS NULL OR severity = $2)`;

/** One page of them ($3 = limit, $4 = offset). */
export const UPLOAD_ISSUES_PAGE = `
  SELECT row_number AS "rowNumber", severity, column_name AS "column", code, message
  FROM upload_issue
  WHERE upload_id = $1 AND ($2::text IS NULL OR severity = $2)
  ORDER BY row_number, severity, code
  LIMIT $3 OFFSET $4`;
