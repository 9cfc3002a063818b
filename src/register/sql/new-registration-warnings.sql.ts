/**
 * Warnings on a new registration (a NIK not registered) that is most likely a person registered already, under a
 * mistyped NIK, or a registration voided before: accepted, as DOMAIN allows (a NOKA is unique among ACTIVE participants
 * only, §2), but said, so that the operator can void it deliberately (QA: a death reported under a mistyped NIK created
 * a dead duplicate sharing Sri Aminah's card while she stayed covered, 0 warnings; a voided NIK came back with the same
 * puskesmas sheet without a word). Run by EnrollmentPromoter with the other warnings, on the rows still staged; rows
 * the early paths (PROMOTE_NEW_BATCH, StagingWriter's COPY) registered are staged again first when these would warn
 * them (EARLY_HELD_FOR_IDENTITY, identity-held.sql.ts; NOKA_OF_ACTIVE_PARTICIPANT concerns ended rows, never early).
 * Participants this upload registers are not compared with (on PGlite none is registered before the file is read): the
 * rows of the file are compared with each other by WARN_PERSON_IN_FILE.
 * Parameters: $1 upload id, $2 the NIK column as the file names it, $3 (WARN_NOKA_OF_ACTIVE) the NOKA column,
 * (WARN_PERSON_IN_FILE) the NIKs of the file's namesakes.
 */
import { sqlDayName } from '../../common/month.js';
import { RAW_ONCE } from './promote.sql.js';
import { NAME_KEY } from './names.sql.js';

/** `r`'s NIK is not registered. */
const NEW_NIK = (r: string) => `NOT EXISTS (SELECT 1 FROM participant q WHERE q.nik = ${r}.nik)`;

/**
 * 1h. NOKA_OF_ACTIVE_PARTICIPANT: a new registration whose NOKA is the card of an active participant who stays active
 * after this upload (a row ended, or REJECT_TAKEN_NOKA has refused it): on the NIK column, naming the holder (NIK, name),
 * saying the NIK is probably mistyped. A holder this upload ends or gives another card is WARN_NOKA_OF_ENDED's.
 */
export const WARN_NOKA_OF_ACTIVE = `
  WITH held AS (
    SELECT DISTINCT ON (s.row_number) s.row_number, s.nik, s.noka, p.nik AS holder, p.name AS holder_name, ${RAW_ONCE('s')} AS raw
    FROM enrollment_staging s
    JOIN participant p ON p.noka = s.noka AND p.noka IS NOT NULL AND p.tat IS NULL AND p.nik <> s.nik AND p.created_upload_id IS DISTINCT FROM $1
    WHERE s.upload_id = $1 AND s.noka IS NOT NULL AND ${NEW_NIK('s')}
      AND NOT EXISTS (SELECT 1 FROM enrollment_staging h WHERE h.upload_id = $1 AND h.nik = p.nik AND (h.tat IS NOT NULL OR h.noka IS DISTINCT FROM p.noka))
    ORDER BY s.row_number, p.nik
  )
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, row_number, 'WARN', $2::text, 'NOKA_OF_ACTIVE_PARTICIPANT',
         format('%1$s %2$s adalah kartu peserta aktif %3$s (%4$s %5$s), tetapi baris ini mendaftarkan %4$s baru %6$s dengan kartu itu. '
                'Kartu BPJS bersifat pribadi: kemungkinan %4$s baris ini salah ketik. Periksa %4$s-nya; bila ini %3$s, '
                'unggah barisnya dengan %4$s %5$s, lalu batalkan pendaftaran %4$s %6$s (Batalkan pendaftaran). Baris tetap diterima.',
                $3::text, noka, holder_name, $2::text, holder, nik),
         raw
  FROM held`;

/**
 * 1i. PERSON_REGISTERED_OTHER_NIK: a new registration of the same name (NAME_KEY) and birth date as an active participant
 * with another NIK (not the holder of its NOKA, whom WARN_NOKA_OF_ACTIVE names): a person registered twice, or a
 * mistyped NIK. On the NIK column, naming each such participant.
 */
export const WARN_PERSON_REGISTERED = `
  WITH same AS (
    SELECT s.row_number, string_agg(format('%s (%s %s)', p.name, $2::text, p.nik), ', ' ORDER BY p.nik) AS registered
    FROM enrollment_staging s
    JOIN participant p ON p.birth_date = s.birth_date AND p.tat IS NULL AND p.nik <> s.nik AND p.created_upload_id IS DISTINCT FROM $1
                      AND (s.noka IS NULL OR p.noka IS DISTINCT FROM s.noka)
    WHERE s.upload_id = $1 AND ${NEW_NIK('s')} AND ${NAME_KEY('p.name')} = ${NAME_KEY('s.name')}
    GROUP BY s.row_number
  ), told AS (
    SELECT s.row_number, s.birth_date, m.registered, ${RAW_ONCE('s')} AS raw
    FROM same m JOIN enrollment_staging s ON s.upload_id = $1 AND s.row_number = m.row_number
  )
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, row_number, 'WARN', $2::text, 'PERSON_REGISTERED_OTHER_NIK',
         format('%1$s ini belum terdaftar, tetapi peserta aktif %2$s bernama sama dan lahir pada tanggal yang sama (%3$s): '
                'kemungkinan orang yang sama, terdaftar dua kali, atau %1$s baris ini salah ketik. Periksa %1$s-nya; bila orang yang sama, '
                'unggah barisnya dengan %1$s yang terdaftar, lalu batalkan pendaftaran baru ini (Batalkan pendaftaran). Baris tetap diterima.',
                $2::text, registered, ${sqlDayName('birth_date')}),
         raw
  FROM told`;

/**
 * 1k. PERSON_IN_FILE_OTHER_NIK: two or more new registrations of this file with the same name (NAME_KEY) and birth date
 * and other NIKs (a NIK is one row of a file, the validator sees to it): most often one person typed twice with a NIK
 * typo, rarely twins of one name. Each but the first (the lowest row number) is warned, on the NIK column, naming the
 * first row's number, name and NIK. Compares the rows still staged; on PostgreSQL those the early paths registered
 * with such a namesake are staged again first (EARLY_HELD_FOR_IDENTITY), so the rows may stand any distance apart.
 * Only the rows among $3 (text[], FileColumns.namesakes: those the validator found sharing a birth date and a name,
 * roughly, a superset) are keyed and grouped: keying every staged name (a regular expression per row) cost 0.35–0.5 s
 * of database CPU for 100,000 new people; NULL compares every staged row.
 */
export const WARN_PERSON_IN_FILE = `
  WITH fresh AS MATERIALIZED (
    SELECT s.row_number, s.nik, s.name, s.birth_date, ${NAME_KEY('s.name')} AS name_key
    FROM enrollment_staging s
    WHERE s.upload_id = $1 AND ($3::text[] IS NULL OR s.nik = ANY($3::text[])) AND ${NEW_NIK('s')}
  ), twice AS (
    SELECT birth_date, name_key, min(row_number) AS first_row FROM fresh GROUP BY birth_date, name_key HAVING count(*) > 1
  ), later AS (
    SELECT f.row_number, f.birth_date, t.first_row, o.name AS first_name, o.nik AS first_nik
    FROM twice t
    JOIN fresh f ON f.birth_date = t.birth_date AND f.name_key = t.name_key AND f.row_number > t.first_row
    JOIN fresh o ON o.row_number = t.first_row
  ), told AS (
    SELECT l.row_number, l.birth_date, l.first_row, l.first_name, l.first_nik, ${RAW_ONCE('s')} AS raw
    FROM later l JOIN enrollment_staging s ON s.upload_id = $1 AND s.row_number = l.row_number
  )
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, row_number, 'WARN', $2::text, 'PERSON_IN_FILE_OTHER_NIK',
         format('Baris %2$s berkas ini juga mendaftarkan %3$s, lahir pada tanggal yang sama (%5$s), dengan %1$s lain (%4$s): '
                'kemungkinan orang yang sama ditulis dua kali dan %1$s salah satu baris salah ketik. Periksa %1$s kedua baris pada KTP atau KK; '
                'bila orang yang sama, hapus baris yang salah dari berkas puskesmas dan batalkan pendaftaran %1$s yang salah (Batalkan pendaftaran). '
                'Bila memang dua orang (misalnya kembar bernama sama), biarkan. Baris tetap diterima.',
                $2::text, first_row, first_name, first_nik, ${sqlDayName('birth_date')}),
         raw
  FROM told`;

/**
 * 1j. NIK_VOIDED_BEFORE: a new registration of a NIK whose registration was voided (participant_change VOID, the
 * latest): on the NIK column, naming when (WIB), by whom and why, so that the operator can void it again deliberately.
 */
export const WARN_VOIDED_BEFORE = `
  WITH voided AS (
    SELECT DISTINCT ON (s.row_number) s.row_number, s.nik, c.changed_by, c.reason, c.changed_at AT TIME ZONE 'Asia/Jakarta' AS at, ${RAW_ONCE('s')} AS raw
    FROM enrollment_staging s
    JOIN participant_change c ON c.nik = s.nik AND c.kind = 'VOID'
    WHERE s.upload_id = $1 AND ${NEW_NIK('s')}
    ORDER BY s.row_number, c.id DESC
  )
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, row_number, 'WARN', $2::text, 'NIK_VOIDED_BEFORE',
         format('Pendaftaran %1$s %2$s pernah dibatalkan pada %3$s pukul %4$s WIB oleh %5$s, dengan alasan: %6$s. Baris ini mendaftarkannya lagi. '
                'Bila pembatalan itu masih berlaku, batalkan lagi pendaftaran ini (Batalkan pendaftaran) dan hapus barisnya dari berkas puskesmas. Baris tetap diterima.',
                $2::text, nik, ${sqlDayName('at')}, to_char(at, 'HH24.MI'), changed_by, reason),
         raw
  FROM voided`;
