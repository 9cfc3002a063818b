/**
 * A card passed on (DOMAIN §2: a NOKA is unique among active participants only, so an ended participant's card may
 * go to another NIK): accepted, as before, but warned, since a BPJS card is personal and such a row is most often a
 * card number typed for the wrong person (QA: a dead participant's card went to a new NIK without a word). Run by
 * EnrollmentPromoter in its transaction with the steps of promote.sql.ts; the early paths (PROMOTE_NEW_BATCH,
 * StagingWriter's COPY) keep such rows staged so that this warning is made.
 */
import { sqlDayName } from '../../common/month.js';
import { RAW_ONCE } from './promote.sql.js';
import { RECORD_COLUMNS } from './staging.sql.js';

/**
 * The registered holders of a staged row's card other than its NIK, ended (`ended`) or active, as this upload leaves
 * them: ended, or ended by their own staged row that keeps the card. Ended and active holders are two branches, each
 * joined through the index that holds its cards (IDX_participant_ended_noka, UQ_participant_active_noka): joined on the
 * card alone no index serves the join, and for a few staged rows the planner scanned the whole register for each
 * (120 ms for 8 rows at 100,000 participants); for many it still joins by hash.
 */
const REGISTERED_HOLDERS = (ended: boolean) => `
    SELECT s.row_number, p.nik AS former,
           CASE WHEN h.nik IS NULL THEN p.tat ELSE h.tat END AS ended,
           CASE WHEN h.nik IS NULL THEN p.end_reason ELSE h.end_reason END AS reason
    FROM enrollment_staging s
    JOIN participant p ON p.noka = s.noka AND p.noka IS NOT NULL AND p.tat IS ${ended ? 'NOT NULL' : 'NULL'} AND p.nik <> s.nik
    -- the former holder as this upload leaves them: its own staged row, if any, says whether they end and keep the card
    LEFT JOIN enrollment_staging h ON h.upload_id = $1 AND h.nik = p.nik
    WHERE s.upload_id = $1 AND s.noka IS NOT NULL
      AND CASE WHEN h.nik IS NULL THEN p.tat IS NOT NULL ELSE h.tat IS NOT NULL AND h.noka = s.noka END
      AND NOT EXISTS (SELECT 1 FROM participant q WHERE q.nik = s.nik AND q.noka = s.noka)`;

/**
 * 1f. A staged row whose NOKA (not its participant's own already) is the card of another participant whose coverage
 * has ended, or ends in this upload (a TAT recorded: the card is free under UQ_participant_active_noka): a WARN naming
 * the former holder's NIK and end, the latest when several held it, on the NOKA column. Rows refused before
 * (REJECT_OTHER_PERSON, REJECT_TAKEN_NOKA) have left staging. The former holder may be registered by this same file,
 * ended (its row has a TAT): it is in staging then, or in the register already when promoted early (until 2026-12 such a
 * card was not warned). The early paths on PostgreSQL keep the new holder's row staged when the file ended the card's
 * holder in the same batch or above it (StagingWriter, PROMOTE_NEW_BATCH), and every row with a card and a TAT; a row
 * that gave the card in an earlier batch than the holder's end, registered already, is staged again first
 * (EARLY_HOLDERS_OF_ENDED_CARDS, RESTAGE_EARLY_ROWS), so the order and distance of the two rows do not matter. Of two
 * ended rows of the file sharing a card, the one that ends later is warned (the card passed to it), not both.
 * $1 upload id, $2 the NOKA column as the file names it.
 */
export const WARN_NOKA_OF_ENDED = `
  WITH former AS (${REGISTERED_HOLDERS(true)}
    UNION ALL${REGISTERED_HOLDERS(false)}
    UNION ALL
    -- a former holder this file registers, ended (not in the register yet: still staged)
    SELECT s.row_number, h.nik, h.tat, h.end_reason
    FROM enrollment_staging s
    JOIN enrollment_staging h ON h.upload_id = $1 AND h.noka = s.noka AND h.nik <> s.nik AND h.tat IS NOT NULL
    WHERE s.upload_id = $1 AND s.noka IS NOT NULL AND (s.tat IS NULL OR s.tat > h.tat)
      AND NOT EXISTS (SELECT 1 FROM participant r WHERE r.nik = h.nik)
      AND NOT EXISTS (SELECT 1 FROM participant q WHERE q.nik = s.nik AND q.noka = s.noka)
  ), passed AS (
    SELECT DISTINCT ON (f.row_number) f.row_number, s.noka, f.former, f.ended, f.reason, ${RAW_ONCE('s')} AS raw
    FROM former f
    JOIN enrollment_staging s ON s.upload_id = $1 AND s.row_number = f.row_number
    ORDER BY f.row_number, f.ended DESC, f.former
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
 * new participants with such a card instead of copying them into the register early, for WARN_NOKA_OF_ENDED. One index
 * probe per card, whatever the statistics say: as `p.noka = ANY($1)`, with the register growing under the upload's
 * own copies and its statistics not yet updated, the planner scanned the whole register for every batch (2–7 ms a
 * batch of 5,000 at 100,000 participants, growing with the register).
 */
export const ENDED_HOLDERS_NOKAS = `
  SELECT n.noka FROM unnest($1::text[]) AS n(noka)
  CROSS JOIN LATERAL (SELECT 1 FROM participant p WHERE p.noka = n.noka AND p.tat IS NOT NULL LIMIT 1) ended`;

/**
 * The new participants this upload registered while the file was read (PostgreSQL: COPY_NEW_PARTICIPANTS,
 * PROMOTE_NEW_BATCH), active, whose card a staged row of the same file ends for another new NIK: a row that gave the
 * card in an earlier batch than the one that ends its holder (until 2026-12 such a row, 5,000 rows above, went in without
 * a word). They
 * are staged again (RESTAGE_EARLY_ROWS) so that WARN_NOKA_OF_ENDED sees both rows, as it does on PGlite. Ended rows
 * with a card are always staged on the early paths, so each card is looked up once (UQ_participant_active_noka).
 * $1 upload id.
 */
export const EARLY_HOLDERS_OF_ENDED_CARDS = `
  SELECT DISTINCT p.nik, p.noka
  FROM enrollment_staging h
  JOIN participant p ON p.noka = h.noka AND p.tat IS NULL AND p.nik <> h.nik AND p.created_upload_id = $1
  WHERE h.upload_id = $1 AND h.noka IS NOT NULL AND h.tat IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM participant r WHERE r.nik = h.nik)`;

/**
 * Participants registered early by this upload back into staging under their rows' numbers (the file's values, which
 * they were copied from): deleted from the register, in the upload's transaction, and inserted with the other new
 * participants at the end (INSERT_NEW). Returns how many. $1 upload id, $2 NIKs (text[]), $3 their row numbers (int[]).
 */
export const RESTAGE_EARLY_ROWS = `
  WITH back AS (
    DELETE FROM participant p
    USING unnest($2::text[], $3::int[]) AS r(nik, row_number)
    WHERE p.nik = r.nik AND p.created_upload_id = $1
    RETURNING r.row_number, ${RECORD_COLUMNS.split(', ').map((c) => `p.${c}`).join(', ')}
  ), staged AS (
    INSERT INTO enrollment_staging (upload_id, row_number, ${RECORD_COLUMNS})
    SELECT $1, row_number, ${RECORD_COLUMNS} FROM back
    RETURNING 1
  )
  SELECT count(*)::int AS restaged FROM staged`;
