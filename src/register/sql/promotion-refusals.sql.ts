/**
 * The rows promotion refuses once the file is read (promote.sql.ts gives the order of the steps): a NIK registered
 * for another person (0c), a NOKA another active participant keeps (1), and a NOKA a holder's own row of the file
 * wins over an earlier claimant (0a). Each refused row leaves staging as a REJECT finding with the row as read.
 */
import { sqlDayName } from '../../common/month.js';
import { NOKA_CLEAR } from '../enrollment-columns.js';
import { RAW_ONCE } from './promote.sql.js';
import { NAME_WORDS, SAME_NAME } from './names.sql.js';

/**
 * 0c. A row whose NIK is registered for a person of another name AND another birth date is refused: most
 * often the NIK was mistyped and is someone else's (QA: such a row overwrote Rahmat Rangkuti, born 2009, with
 * Siti Nurhaliza, born 1995, who kept his NOKA, under "Semua baris diterima."). One of the two changed is a
 * correction and is taken; both at once are taken only in two uploads, which the message says. Runs before
 * every other step of promotion, so that none counts on a row that will not be applied (REJECT_TAKEN_NOKA
 * lets a holder's card go when the holder's own row moves it). $1 upload id, $2 the NIK column as the file names it.
 */
export const REJECT_OTHER_PERSON = `
  WITH other AS (
    SELECT s.row_number, s.nik, s.noka, s.noka_kept, s.noka_cleared, s.no_kk, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason,
           p.name AS registered_name, p.birth_date AS registered_birth
    FROM enrollment_staging s
    JOIN participant p ON p.nik = s.nik AND p.birth_date <> s.birth_date
    CROSS JOIN LATERAL (SELECT ${NAME_WORDS('s.name')} AS staged, ${NAME_WORDS('p.name')} AS registered) n
    WHERE s.upload_id = $1 AND NOT ${SAME_NAME('n.staged', 'n.registered')}
  ), findings AS (
    INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
    SELECT $1, row_number, 'REJECT', $2::text, 'NIK_OTHER_PERSON',
           format('%s ini terdaftar atas nama %s (lahir %s); baris ini menulis nama dan tanggal lahir lain. Periksa %s-nya. '
                  'Bila memang data orang yang sama perlu dikoreksi, perbaiki nama dan tanggal lahir dalam dua unggahan terpisah.',
                  $2::text, registered_name, ${sqlDayName('registered_birth')}, $2::text),
           ${RAW_ONCE('other')}
    FROM other
  )
  DELETE FROM enrollment_staging s USING other o
  WHERE s.upload_id = $1 AND s.row_number = o.row_number`;

/**
 * 1. NOKA held by another participant who stays active after this upload (DOMAIN §2: unique among
 * active participants). The holder keeps the card unless this upload ends its coverage or gives it
 * another NOKA. Such rows become REJECT findings (raw rebuilt from the staged values) and leave
 * staging. $1 upload id, $2 the NOKA column as the file names it (its alias header, or NOKA).
 */
export const REJECT_TAKEN_NOKA = `
  WITH taken AS (
    SELECT s.row_number, s.nik, s.noka, s.noka_kept, s.noka_cleared, s.no_kk, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason,
           min(p.nik) AS holder
    FROM enrollment_staging s
    JOIN participant p ON p.noka = s.noka AND p.nik <> s.nik AND p.tat IS NULL
    WHERE s.upload_id = $1 AND s.noka IS NOT NULL AND s.tat IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM enrollment_staging h
        WHERE h.upload_id = $1 AND h.nik = p.nik AND (h.tat IS NOT NULL OR h.noka IS DISTINCT FROM p.noka))
    GROUP BY s.row_number, s.nik, s.noka, s.noka_kept, s.noka_cleared, s.no_kk, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason
  ), findings AS (
    INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
    SELECT $1, row_number, 'REJECT', $2::text, 'NOKA_TAKEN',
           format('%s %s sudah dipakai peserta aktif lain (NIK %s). Periksa nomor kartu. Bila kartu itu memang milik peserta baris ini (tercatat '
                  'pada NIK %s karena salah ketik), hapus kartu dari NIK %s dalam unggahan yang sama: tambahkan baris NIK %s (dari Cari Peserta, '
                  'unduh hasilnya) dengan %s diisi ${NOKA_CLEAR}, atau dengan nomor kartunya sendiri, lalu unggah bersama baris ini.',
                  $2::text, noka, holder, holder, holder, holder, $2::text),
           ${RAW_ONCE('taken')}
    FROM taken
  )
  DELETE FROM enrollment_staging s USING taken t
  WHERE s.upload_id = $1 AND s.row_number = t.row_number`;

/**
 * 0a. A row of the file that holds its NOKA in the register wins it over an earlier row of the file
 * that claimed it (ContestedNokas; QA: the claimant's row made the holder's own correction a
 * duplicate, and both were lost). The earlier active rows with that NOKA leave staging as REJECT
 * findings naming the holder. Run once the file is read, before promotion's steps.
 * $1 upload id, $2 the holders' row numbers, $3 their NIKs, $4 their NOKAs, $5 the NOKA column as the file names it.
 */
export const REJECT_DISPLACED_NOKA = `
  WITH holder AS (
    SELECT * FROM unnest($2::int[], $3::text[], $4::text[]) AS h(row_number, nik, noka)
  ), displaced AS (
    SELECT s.row_number, s.nik, s.noka, s.noka_kept, s.noka_cleared, s.no_kk, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason,
           h.nik AS holder, h.row_number AS holder_row
    FROM enrollment_staging s
    JOIN holder h ON h.noka = s.noka AND h.row_number <> s.row_number
    WHERE s.upload_id = $1 AND s.tat IS NULL
  ), findings AS (
    INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
    SELECT $1, row_number, 'REJECT', $5::text, 'NOKA_DUPLICATE_IN_FILE',
           format('%s %s milik peserta NIK %s (baris %s berkas ini), bukan NIK baris ini. Periksa nomor kartu baris ini.', $5::text, noka, holder, holder_row),
           ${RAW_ONCE('displaced')}
    FROM displaced
  )
  DELETE FROM enrollment_staging s USING displaced d
  WHERE s.upload_id = $1 AND s.row_number = d.row_number`;
