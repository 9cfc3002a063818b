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
 * of an active participant registered before this upload (PERSON_REGISTERED_OTHER_NIK), or are among $2, the NIKs of
 * the file's rows that share a name and birth date with another row (PERSON_IN_FILE_OTHER_NIK; the validator's
 * NamesakesInFile, a superset: WARN_PERSON_IN_FILE compares them exactly once staged, the first row of each included so
 * that the warning names its row). Run before the staged rows are
 * promoted, when the participants of `created_upload_id` $1 are exactly those registered early. An early row is always
 * active with a card no one else holds (the COPY's unique index), so NOKA_OF_ACTIVE_PARTICIPANT never concerns one.
 * Driven from the few voided NIKs and the few namesakes, and names keyed (NAME_KEY) only for the participants registered
 * before: a first read with a probe of the change history and of staging per early row took 0.16 s for a 100,000-row
 * upload. $1 upload id, $2 text[] NIKs.
 */
export const EARLY_HELD_FOR_IDENTITY = `
  WITH voided AS (
    SELECT DISTINCT c.nik FROM participant_change c WHERE c.kind = 'VOID'
  ), others AS (
    SELECT o.birth_date, ${NAME_KEY('o.name')} AS name_key FROM participant o
    WHERE o.tat IS NULL AND o.created_upload_id IS DISTINCT FROM $1
  )
  SELECT p.nik FROM voided v JOIN participant p ON p.nik = v.nik WHERE p.created_upload_id = $1
  UNION
  SELECT p.nik FROM participant p JOIN others o ON o.birth_date = p.birth_date AND o.name_key = ${NAME_KEY('p.name')}
  WHERE p.created_upload_id = $1
  UNION
  SELECT p.nik FROM participant p WHERE p.nik = ANY($2::text[]) AND p.created_upload_id = $1`;
