/**
 * New registrations that the register took early on PostgreSQL (StagingWriter's COPY, PROMOTE_NEW_BATCH) and that
 * new-registration-warnings.sql.ts has to warn: once the file is read, EnrollmentPromoter puts them back into staging
 * under their rows' numbers (RESTAGE_EARLY_ROWS), so that they are warned as every row is on PGlite. Found once per
 * upload, set-based, not per batch: a check per batch row (an index probe each, and an index on the name) cost the
 * early path most of its speed (issue 3's figure), for rows that are almost never warned.
 */
import { NAME_KEY } from './names.sql.js';

/**
 * The NIKs this upload registered early (`created_upload_id`, not staged) that are a NIK voided before
 * (NIK_VOIDED_BEFORE) or have the name and birth date of an active participant registered before this upload
 * (PERSON_REGISTERED_OTHER_NIK). An early row is always active with a card no one else holds (the COPY's unique index),
 * so NOKA_OF_ACTIVE_PARTICIPANT never concerns one. Names are keyed (NAME_KEY) only for the active participants born on
 * an early row's birth date. $1 upload id.
 */
export const EARLY_HELD_FOR_IDENTITY = `
  WITH early AS (
    SELECT p.nik, p.name, p.birth_date FROM participant p
    WHERE p.created_upload_id = $1 AND NOT EXISTS (SELECT 1 FROM enrollment_staging s WHERE s.upload_id = $1 AND s.nik = p.nik)
  ), born_alike AS (
    SELECT o.birth_date, ${NAME_KEY('o.name')} AS name_key FROM participant o
    WHERE o.tat IS NULL AND o.created_upload_id IS DISTINCT FROM $1 AND o.birth_date IN (SELECT birth_date FROM early)
  )
  SELECT e.nik FROM early e WHERE EXISTS (SELECT 1 FROM participant_change c WHERE c.nik = e.nik AND c.kind = 'VOID')
  UNION
  SELECT e.nik FROM early e JOIN born_alike b ON b.birth_date = e.birth_date AND b.name_key = ${NAME_KEY('e.name')}`;
