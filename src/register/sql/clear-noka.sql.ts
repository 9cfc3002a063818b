/**
 * A wrong card taken away in the console (use-cases/clear-noka.use-case.ts), as an uploaded row whose NOKA says HAPUS
 * takes it (promote.sql.ts KEEP_UNSTATED, steps 2–4): the participant keeps no card, and its history an UPDATE of NOKA.
 */

/** The participant `$1` lets go of its card. $2 time. */
export const CLEAR_NOKA = `
  UPDATE participant SET noka = NULL, updated_at = $2
   WHERE nik = $1 AND noka IS NOT NULL`;

/**
 * The UPDATE of `$1`'s NOKA from `$2` to none, as promotion's RECORD_HISTORY writes one, without an upload: who (`$3`),
 * when (`$4`) and why (`$5`, which an upload's UPDATE has not: its file is its why).
 */
export const RECORD_NOKA_CLEARED = `
  INSERT INTO participant_change (nik, upload_id, kind, changes, changed_by, changed_at, reason)
  VALUES ($1, NULL, 'UPDATE', jsonb_build_object('noka', jsonb_build_object('old', $2::text, 'new', NULL)), $3, $4, $5)`;
