/** `payment_upload` (migration 1766100000000): a payment sheet that recorded payments, and its counts. */

/**
 * $1 filename, $2 user, $3 time, $4 rows read, $5 accepted, $6 rejected, $7 rows with warnings, $8 payments, $9 amount,
 * $10 column labels (JSON: each column's header as the file wrote it, migration 1766640000000), $11 the columns the
 * file had, in its order (migration 1767000000000), $12 the file's SHA-256 (migration 1767360000000), $13 the warnings
 * about the file as a whole (JSON, SheetWarning[]: the rows Excel hid, migration 1767600000000), $14 its id (made before
 * its payments were recorded: they name it, migration 1768100000000). Returns the id.
 */
export const INSERT_PAYMENT_UPLOAD = `
  INSERT INTO payment_upload (id, filename, uploaded_by, uploaded_at, rows_read, accepted, rejected, warnings, payments, amount, column_labels, column_order, checksum, sheet_warnings)
  VALUES ($14, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  RETURNING id`;

const COLUMNS = `id, filename, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt", rows_read AS "rowsRead", accepted, rejected,
         warnings, payments, amount::text AS amount, sheet_warnings AS "sheetWarnings"`;

/** One upload by id, as the row report shows it (its summary, and the Perbaiki sheet's headers). $1 id. */
export const PAYMENT_UPLOAD = `SELECT ${COLUMNS}, column_labels AS "columnLabels", column_order AS "columnOrder" FROM payment_upload WHERE id = $1`;

/** The latest earlier upload of the same file (SHA-256), as listed. $1 checksum. */
export const PAYMENT_UPLOAD_OF_FILE = `SELECT ${COLUMNS} FROM payment_upload WHERE checksum = $1 ORDER BY uploaded_at DESC, id LIMIT 1`;

/** A page of uploads, newest first. $1 limit, $2 offset. */
export const PAYMENT_UPLOADS = `SELECT ${COLUMNS} FROM payment_upload ORDER BY uploaded_at DESC, id LIMIT $1 OFFSET $2`;

export const COUNT_PAYMENT_UPLOADS = `SELECT count(*)::int AS total FROM payment_upload`;
