/**
 * `upload_issue`: the findings of every kind of upload (enrollment sheet, BPJS bill, PBI-APBN list),
 * keyed by the upload's id, read back by the row report (row-report.writer.ts).
 */

/**
 * Row findings (rejections and warnings), one statement per chunk: arrays bound as parameters and
 * expanded with unnest. `raw` (the row as uploaded) is set on a row's first issue only.
 * $1 upload id, $2 row numbers, $3 severities, $4 columns, $5 codes, $6 messages, $7 raw rows (jsonb).
 */
export const INSERT_UPLOAD_ISSUES = `
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1::uuid, r.*
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[]) AS r`;

/**
 * The messages of an upload's findings about cells a merged range hides (merged-cells.ts `hiddenCells`): one row per column and range.
 * $1 upload id, $2 columns, $3 first rows, $4 last rows, $5 messages.
 */
export const EXPLAIN_MERGED_CELLS = `
  UPDATE upload_issue i SET message = r.message
  FROM unnest($2::text[], $3::int[], $4::int[], $5::text[]) AS r(column_name, first_row, last_row, message)
  WHERE i.upload_id = $1::uuid AND i.column_name = r.column_name
    AND i.row_number BETWEEN r.first_row AND r.last_row`;
