/**
 * `upload_issue`: the findings of every kind of upload (enrollment sheet, BPJS bill, PBI-APBN list),
 * keyed by the upload's id, read back by the row report (row-report.writer.ts).
 */

/**
 * Row findings (rejections and warnings), one statement per chunk: arrays bound as parameters and
 * expanded with unnest. `raw` (the row as uploaded) is set on a row's first issue only.
 * $1 upload id, $2 row numbers, $3 severities, $4 columns, $5 codes, $6 messages, $7 raw rows (jsonb),
 * $8 sheets (`upload_issue.sheet`, migration 1766760000000: null for the upload's main sheet; an empty
 * array for an upload read from one sheet, as unnest pads a shorter array with nulls).
 */
export const INSERT_UPLOAD_ISSUES = `
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw, sheet)
  SELECT $1::uuid, r.*
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[]) AS r`;

/** The row issues of a stored upload as its answer lists them (the first $2). $1 upload id. */
export const STORED_ISSUES = `
  SELECT row_number AS row, column_name AS column, severity, code, message FROM upload_issue
   WHERE upload_id = $1 ORDER BY row_number, severity LIMIT $2`;

/**
 * The position of an issue's column among the upload's columns, for listing a row's messages in the
 * sheet's column order (QA: KETERANGAN and the console listed them by code): `column_name` is a
 * column's own name or the header the file gave it; $names and $labels are the upload's columns in
 * sheet order, by own name and as headed (same length). Issues of no column come last.
 */
export const issueColumnOrder = (names: string, labels: string) =>
  `coalesce(array_position(${names}::text[], column_name), array_position(${labels}::text[], column_name), 1000)`;

/** The upload's columns in sheet order, own names and headers as the file wrote them, for issueColumnOrder. */
export function columnOrderParams(columns: readonly { name: string }[], headers?: Readonly<Record<string, string>> | null): [string[], string[]] {
  return [columns.map((c) => c.name), columns.map((c) => headers?.[c.name] ?? c.name)];
}
