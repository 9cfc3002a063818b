/**
 * A card passed on (DOMAIN §2: a NOKA is unique among active participants only, so an ended participant's card may
 * go to another NIK): accepted, as before, but warned, since a BPJS card is personal and such a row is most often a
 * card number typed for the wrong person (QA: a dead participant's card went to a new NIK without a word). Run by
 * EnrollmentPromoter in its transaction with the steps of promote.sql.ts; the early paths (PROMOTE_NEW_BATCH,
 * StagingWriter's COPY) keep such rows staged so that this warning is made.
 */
import { sqlDayName } from '../../common/month.js';
import { RAW_ONCE } from './promote.sql.js';

/**
 * 1f. A staged row whose NOKA (not its participant's own already) is the card of another participant whose coverage
 * has ended, or ends in this upload (a TAT recorded: the card is free under UQ_participant_active_noka): a WARN naming
 * the former holder's NIK and end, the latest when several held it, on the NOKA column. Rows refused before
 * (REJECT_OTHER_PERSON, REJECT_TAKEN_NOKA) have left staging. A card an ended participant registered by this same file
 * held is not warned: on PostgreSQL both may already be in the register, promoted early (StagingWriter).
 * $1 upload id, $2 the NOKA column as the file names it.
 */
export const WARN_NOKA_OF_ENDED = `
  WITH passed AS (
    SELECT DISTINCT ON (s.row_number) s.row_number, s.noka, p.nik AS former,
           CASE WHEN h.nik IS NULL THEN p.tat ELSE h.tat END AS ended,
           CASE WHEN h.nik IS NULL THEN p.end_reason ELSE h.end_reason END AS reason,
           ${RAW_ONCE('s')} AS raw
    FROM enrollment_staging s
    JOIN participant p ON p.noka = s.noka AND p.nik <> s.nik
    -- the former holder as this upload leaves them: its own staged row, if any, says whether they end and keep the card
    LEFT JOIN enrollment_staging h ON h.upload_id = $1 AND h.nik = p.nik
    WHERE s.upload_id = $1 AND s.noka IS NOT NULL
      AND CASE WHEN h.nik IS NULL THEN p.tat IS NOT NULL ELSE h.tat IS NOT NULL AND h.noka = s.noka END
      AND NOT EXISTS (SELECT 1 FROM participant q WHERE q.nik = s.nik AND q.noka = s.noka)
    ORDER BY s.row_number, CASE WHEN h.nik IS NULL THEN p.tat ELSE h.tat END DESC, p.nik
  )
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, row_number, 'WARN', $2::text, 'NOKA_OF_ENDED_PARTICIPANT',
         format('%s %s sebelumnya milik peserta lain, NIK %s, yang kepesertaannya berakhir %s%s. '
                'Kartu BPJS bersifat pribadi dan tidak berpindah ke orang lain: periksa nomor kartu peserta baris ini. Baris tetap diterima.',
                $2::text, noka, former, ${sqlDayName('ended')}, CASE WHEN reason IS NULL THEN '' ELSE ' (' || reason || ')' END),
         raw
  FROM passed`;

/**
 * The NOKAs among $1 (text[]) that an ended participant holds (IDX_participant_ended_noka): StagingWriter stages the
 * new participants with such a card instead of copying them into the register early, for WARN_NOKA_OF_ENDED.
 */
export const ENDED_HOLDERS_NOKAS = `
  SELECT DISTINCT p.noka FROM participant p
  WHERE p.noka = ANY($1::text[]) AND p.noka IS NOT NULL AND p.tat IS NOT NULL`;
