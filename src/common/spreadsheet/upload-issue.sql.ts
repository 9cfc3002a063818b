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
