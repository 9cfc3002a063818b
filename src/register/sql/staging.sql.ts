/**
 * Bulk writes of an upload's validated rows, one statement per batch: arrays bound as parameters and
 * expanded with unnest (no 65,535-parameter cap, works on PGlite where COPY does not).
 */

/**
 * A validated row's register columns, in the order every bulk write lists them (staging inserts,
 * both COPYs) and StagingWriter builds their values.
 */
export const RECORD_COLUMNS = 'nik, no_kk, name, birth_date, sex, village_code, noka, tmt, tat, end_reason';

/**
 * Accepted rows into the staging table. $1 upload id, $2.. one array per column, the last whether the row's NOKA
 * said HAPUS (noka_cleared: the card is taken away, not kept).
 */
export const INSERT_STAGING = `
  INSERT INTO enrollment_staging
    (upload_id, row_number, ${RECORD_COLUMNS}, noka_cleared)
  SELECT $1::uuid, r.*
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[],
              $9::text[], $10::date[], $11::date[], $12::text[], $13::boolean[]) AS r`;

/** Drops what an upload left in staging (after promotion, or after a failure). */
export const CLEAR_STAGING = `DELETE FROM enrollment_staging WHERE upload_id = $1`;

/** PostgreSQL fast path for INSERT_STAGING: text COPY, same columns, `\N` for NULL. */
export const COPY_STAGING = `
  COPY enrollment_staging (upload_id, row_number, ${RECORD_COLUMNS}, noka_cleared)
  FROM STDIN`;

/**
 * Statistics of the rows staged, taken inside the upload's transaction (it sees its own rows) before the promotion's
 * statements are planned. Without them the planner took the staged rows of a new upload for one (none of its upload id
 * in the last statistics) and joined each by a scan of the whole register: WARN_PERSON_REGISTERED scanned it once per
 * staged row (97 ms for 8 rows held back after a 100,000-row upload, and as many scans as rows staged whatever the
 * register's size). From 3,000 rows (statistics target 10), as the month tables are sampled: a few milliseconds.
 */
export const ANALYZE_STAGING = `SET LOCAL default_statistics_target = 10; ANALYZE enrollment_staging; SET LOCAL default_statistics_target = DEFAULT`;
