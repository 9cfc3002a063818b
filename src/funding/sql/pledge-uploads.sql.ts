import { issueColumnOrder } from '../../common/spreadsheet/upload-issue.sql.js';

/** `pledge_upload` (migration 1766760000000): a pledge sheet saved (not a dry run), its counts; its refused rows in `upload_issue`. */

/** $1 filename, $2 sha256 of the file, $3 user, $4 time, $5 rows read, $6 accepted, $7 rejected, $8 column labels (JSON). Returns the id. */
export const INSERT_PLEDGE_UPLOAD = `
  INSERT INTO pledge_upload (filename, checksum, uploaded_by, uploaded_at, rows_read, accepted, rejected, column_labels)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  RETURNING id`;

const COLUMNS = `id, filename, checksum, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt", rows_read AS "rowsRead", accepted, rejected`;

/** One upload by id, with the `Komitmen` sheet's headers as the file wrote them (the Perbaiki sheet's). $1 id. */
export const PLEDGE_UPLOAD = `SELECT ${COLUMNS}, column_labels AS "columnLabels" FROM pledge_upload WHERE id = $1`;

/** A page of uploads, newest first. $1 limit, $2 offset. */
export const PLEDGE_UPLOADS = `SELECT ${COLUMNS} FROM pledge_upload ORDER BY uploaded_at DESC, id LIMIT $1 OFFSET $2`;

export const COUNT_PLEDGE_UPLOADS = `SELECT count(*)::int AS total FROM pledge_upload`;

/**
 * An upload's refused rows as its answer listed them: `Komitmen` (stored with no sheet: the main one)
 * before `Daftar`, by row, a row's messages in the sheet's column order ($4/$5: columnOrderParams);
 * the first $2. $1 upload id, $3 one sheet only (`Daftar`) or null for both.
 */
export const PLEDGE_UPLOAD_ISSUES = `
  SELECT coalesce(sheet, 'Komitmen') AS sheet, row_number AS "rowNumber", column_name AS column, message
    FROM upload_issue
   WHERE upload_id = $1 AND ($3::text IS NULL OR sheet = $3)
   ORDER BY upload_issue.sheet NULLS FIRST, row_number, ${issueColumnOrder('$4', '$5')}
   LIMIT $2`;

/** How many rows of its `Daftar` sheet an upload refused. $1 upload id. */
export const COUNT_LIST_ISSUES = `SELECT count(DISTINCT row_number)::int AS count FROM upload_issue WHERE upload_id = $1 AND sheet = 'Daftar'`;
