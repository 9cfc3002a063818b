import { issueColumnOrder } from '../../common/uploads/sql/upload-issue.sql.js';

/** `pledge_upload` (migration 1766760000000): a pledge sheet saved (not a dry run), its counts; its refused rows in `upload_issue`. */

/**
 * $1 filename, $2 sha256 of the file, $3 user, $4 time, $5 rows read, $6 accepted, $7 rejected, $8 `Komitmen` and $9 `Daftar`
 * column labels (JSON), $10 `Komitmen` and $11 `Daftar` columns the file had, in its order (migration 1767120000000), $12 the
 * warnings about the file as a whole (JSON, SheetWarning[]: the rows Excel hid, migration 1767600000000), $13 the pledges it
 * saved as answered (JSON, migration 1767550000000). Returns the id.
 */
export const INSERT_PLEDGE_UPLOAD = `
  INSERT INTO pledge_upload (filename, checksum, uploaded_by, uploaded_at, rows_read, accepted, rejected, column_labels, list_column_labels, column_order, list_column_order, sheet_warnings, pledges)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  RETURNING id`;

/** `Daftar` rows the row report repeats (migration 1766880000000), as uploaded. $1 upload id, $2 row numbers, $3 raw rows (jsonb). */
export const INSERT_LIST_ROWS = `
  INSERT INTO pledge_upload_list_row (upload_id, row_number, raw)
  SELECT $1::uuid, r.* FROM unnest($2::int[], $3::jsonb[]) AS r`;

/**
 * A page of the row report's `Daftar` sheet (ReportRow): the `Daftar` rows kept with the upload (those of
 * its refused pledges and the refused ones) and the rows its `Daftar` issues are on (an upload stored
 * before the rows were kept has only these, without cells), each with whether an issue refuses it (null:
 * none, the row of a refused pledge) and its messages in column order ($4/$5: columnOrderParams).
 * $1 upload id, $2 the last row of the page before, $3 page size.
 */
export const LIST_REPORT_ROWS = `
  WITH kept AS (
    SELECT row_number, raw FROM pledge_upload_list_row WHERE upload_id = $1 AND row_number > $2
  ), issues AS (
    SELECT row_number, bool_or(severity = 'REJECT') AS rejected,
           string_agg(message, E'\\n' ORDER BY ${issueColumnOrder('$4', '$5')}, severity, code) AS messages
      FROM upload_issue
     WHERE upload_id = $1 AND sheet = 'Daftar' AND row_number > $2
     GROUP BY row_number
  )
  SELECT row_number, kept.raw, issues.rejected, issues.messages
    FROM kept FULL JOIN issues USING (row_number)
   ORDER BY row_number
   LIMIT $3`;

/** An upload's listed fields; `listRowsRejected`: the distinct `Daftar` rows its issues refuse (uploads stored before it was answered count too). */
const COLUMNS = `id, filename, checksum, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt", rows_read AS "rowsRead", accepted, rejected,
  sheet_warnings AS "sheetWarnings",
  (SELECT count(DISTINCT i.row_number)::int FROM upload_issue i WHERE i.upload_id = pledge_upload.id AND i.sheet = 'Daftar') AS "listRowsRejected"`;

/** One upload by id, with the `Komitmen` and `Daftar` sheets' headers and column order as the file had them (the report's Perbaiki and Daftar). $1 id. */
export const PLEDGE_UPLOAD = `
  SELECT ${COLUMNS}, column_labels AS "columnLabels", list_column_labels AS "listColumnLabels",
         column_order AS "columnOrder", list_column_order AS "listColumnOrder"
    FROM pledge_upload WHERE id = $1`;

/** A page of uploads, newest first. $1 limit, $2 offset. */
export const PLEDGE_UPLOADS = `SELECT ${COLUMNS} FROM pledge_upload ORDER BY uploaded_at DESC, id LIMIT $1 OFFSET $2`;

/**
 * The latest earlier upload of the same file (SHA-256) that saved pledges, each of which still stands as it made it
 * (never revised, not made again since), as listed, with those pledges. $1 checksum.
 */
export const PLEDGE_UPLOAD_OF_FILE = `
  SELECT ${COLUMNS}, pledges
    FROM pledge_upload
   WHERE checksum = $1 AND accepted > 0 AND jsonb_typeof(pledges) = 'array'
     AND NOT EXISTS (
       SELECT 1 FROM jsonb_array_elements(pledge_upload.pledges) AS saved
        WHERE NOT EXISTS (
          SELECT 1 FROM pledge p
           WHERE p.code = saved->>'code' AND p.revision = 1 AND p.created_by = pledge_upload.uploaded_by AND p.created_at <= pledge_upload.uploaded_at))
   ORDER BY uploaded_at DESC, id
   LIMIT 1`;

export const COUNT_PLEDGE_UPLOADS = `SELECT count(*)::int AS total FROM pledge_upload`;

/**
 * An upload's refused rows as its answer listed them: `Komitmen` (stored with no sheet: the main one)
 * before `Daftar`, by row, a row's messages in the sheet's column order ($3/$4: columnOrderParams);
 * the first $2. $1 upload id.
 */
export const PLEDGE_UPLOAD_ISSUES = `
  SELECT coalesce(sheet, 'Komitmen') AS sheet, row_number AS "rowNumber", column_name AS column, message
    FROM upload_issue
   WHERE upload_id = $1
   ORDER BY upload_issue.sheet NULLS FIRST, row_number, ${issueColumnOrder('$3', '$4')}
   LIMIT $2`;

/** Whether an upload kept any `Daftar` row for its report. $1 upload id. */
export const LIST_ROWS_KEPT = `SELECT EXISTS (SELECT 1 FROM pledge_upload_list_row WHERE upload_id = $1) AS kept`;
