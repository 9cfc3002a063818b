/**
 * New registrations that the register took early on PostgreSQL (StagingWriter's COPY, PROMOTE_NEW_BATCH) and that
 * new-registration-warnings.sql.ts has to warn: once the file is read, EnrollmentPromoter puts them back into staging
 * under their rows' numbers (RESTAGE_EARLY_ROWS), so that they are warned as every row is on PGlite. Found once per
 * upload, set-based, not per batch: a check per batch row (an index probe each, and an index on the name) cost the
 * early path most of its speed (issue 3's figure), for rows that are almost never warned.
 */
import { NAME_KEY } from './names.sql.js';

/**
 * The NIKs this upload registered early that are a NIK voided before (NIK_VOIDED_BEFORE), have the name and birth date
 * of an active participant registered before this upload (PERSON_REGISTERED_OTHER_NIK), or share them with another new
 * registration of this upload, registered early too or still staged (PERSON_IN_FILE_OTHER_NIK: all the rows of such a
 * group are staged again, so that the warning names the first row's number). Run before the staged rows are
 * promoted, when the participants of `created_upload_id` $1 are exactly those registered early. An early row is always
 * active with a card no one else holds (the COPY's unique index), so NOKA_OF_ACTIVE_PARTICIPANT never concerns one.
 * Driven from the few voided NIKs, and names keyed (NAME_KEY) only for the participants registered before: a first
 * read with a probe of the change history and of staging per early row took 0.16 s for a 100,000-row upload. The
 * upload's new rows are keyed once each (`mine`), for both comparisons, and grouped by one hash aggregate. $1 upload id.
 */
export const EARLY_HELD_FOR_IDENTITY = `
  WITH voided AS (
    SELECT DISTINCT c.nik FROM participant_change c WHERE c.kind = 'VOID'
  ), others AS (
    SELECT o.birth_date, ${NAME_KEY('o.name')} AS name_key FROM participant o
    WHERE o.tat IS NULL AND o.created_upload_id IS DISTINCT FROM $1
  ), mine AS MATERIALIZED (
    SELECT p.nik, true AS early, p.birth_date, ${NAME_KEY('p.name')} AS name_key FROM participant p WHERE p.created_upload_id = $1
    UNION ALL
    SELECT s.nik, false, s.birth_date, ${NAME_KEY('s.name')} FROM enrollment_staging s
    WHERE s.upload_id = $1 AND NOT EXISTS (SELECT 1 FROM participant q WHERE q.nik = s.nik)
  ), twice AS (
    SELECT birth_date, name_key FROM mine GROUP BY birth_date, name_key HAVING count(*) > 1
  )
  SELECT p.nik FROM voided v JOIN participant p ON p.nik = v.nik WHERE p.created_upload_id = $1
  UNION
  SELECT m.nik FROM mine m JOIN others o ON o.birth_date = m.birth_date AND o.name_key = m.name_key
  WHERE m.early
  UNION
  SELECT m.nik FROM mine m JOIN twice t ON t.birth_date = m.birth_date AND t.name_key = m.name_key
  WHERE m.early`;
