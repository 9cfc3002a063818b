/**
 * A registered NIK's row that writes another name (SAME_NAME false) with the same birth date (REJECT_OTHER_PERSON has
 * refused the rows changing both already): digits 7–12 of a NIK are the birth date, so a NIK mistyped in its last
 * digits, or a twin's, lands on someone born the same day (QA: Hendra Saputra became "Putri Ayu Lestari", keeping his
 * NOKA, under 0 warnings; Rahmat Rangkuti became "Sulastri" (P) with only NIK_SEX_MISMATCH said). How many of
 * JENIS_KELAMIN, NO_KK and KODE_DESA change with the name decides: two or three → refused as NIK_OTHER_PERSON
 * (REJECT_OTHER_PERSON_FIELDS), one → taken with NIK_IDENTITY_CHANGED (WARN_IDENTITY_CHANGED), none → a name
 * correction, taken as before. Run by EnrollmentPromoter right after REJECT_OTHER_PERSON (the refusal) and with the
 * other warnings (the warning); set-based. Parameters of both: $1 upload id, $2..$6 the NIK, NAMA, JENIS_KELAMIN,
 * NO_KK and KODE_DESA columns as the file names them.
 */
import { sqlDayName } from '../../common/month.js';
import { RAW_ONCE } from './promote.sql.js';
import { NAME_WORDS, SAME_NAME } from './names.sql.js';

/** The staged rows of registered NIKs with another name and a field changed among sex, NO_KK, village; each with those fields. */
const OTHER_NAME = `
  SELECT s.row_number, s.nik, s.noka, s.noka_kept, s.noka_cleared, s.no_kk, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason,
         p.name AS registered_name, p.birth_date AS registered_birth,
         (s.sex IS DISTINCT FROM p.sex)::int + (s.no_kk IS DISTINCT FROM p.no_kk)::int + (s.village_code IS DISTINCT FROM p.village_code)::int AS changes,
         concat_ws('; ',
           CASE WHEN s.sex IS DISTINCT FROM p.sex THEN format('%s %s → %s', $4::text, p.sex, s.sex) END,
           CASE WHEN s.no_kk IS DISTINCT FROM p.no_kk THEN format('%s %s → %s', $5::text, p.no_kk, s.no_kk) END,
           CASE WHEN s.village_code IS DISTINCT FROM p.village_code THEN format('%s %s → %s', $6::text, p.village_code, s.village_code) END) AS differing,
         concat_ws(', ',
           CASE WHEN s.sex IS DISTINCT FROM p.sex THEN $4::text END,
           CASE WHEN s.no_kk IS DISTINCT FROM p.no_kk THEN $5::text END,
           CASE WHEN s.village_code IS DISTINCT FROM p.village_code THEN $6::text END) AS fields
  FROM enrollment_staging s
  -- cheap tests first: an unchanged name, or no field of the three changed, is not compared word by word
  JOIN participant p ON p.nik = s.nik AND p.name <> s.name
   AND (s.sex IS DISTINCT FROM p.sex OR s.no_kk IS DISTINCT FROM p.no_kk OR s.village_code IS DISTINCT FROM p.village_code)
  CROSS JOIN LATERAL (SELECT ${NAME_WORDS('s.name')} AS staged, ${NAME_WORDS('p.name')} AS registered) n
  WHERE s.upload_id = $1 AND NOT ${SAME_NAME('n.staged', 'n.registered')}`;

/**
 * 0d. Another name and two or three of sex, NO_KK, village changed: refused as NIK_OTHER_PERSON, on the NIK column,
 * naming who holds the NIK and each field that differs (old → new), and how a genuine correction is made (the name in
 * one upload, the other fields in another). Leaves staging, as REJECT_OTHER_PERSON's rows do.
 */
export const REJECT_OTHER_PERSON_FIELDS = `
  WITH other AS (${OTHER_NAME}), refused AS (
    SELECT * FROM other WHERE changes >= 2
  ), findings AS (
    INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
    SELECT $1, row_number, 'REJECT', $2::text, 'NIK_OTHER_PERSON',
           format('%1$s ini terdaftar atas nama %2$s (lahir %3$s); baris ini menulis %4$s lain (%5$s) dan juga %6$s lain (%7$s): '
                  'kemungkinan %1$s-nya salah ketik dan milik orang lain. Periksa %1$s-nya. '
                  'Bila memang data orang yang sama perlu dikoreksi, perbaiki %4$s dalam satu unggahan, lalu %6$s dalam unggahan terpisah.',
                  $2::text, registered_name, ${sqlDayName('registered_birth')}, $3::text, name, fields, differing),
           ${RAW_ONCE('refused')}
    FROM refused
  )
  DELETE FROM enrollment_staging s USING refused r
  WHERE s.upload_id = $1 AND s.row_number = r.row_number`;

/**
 * 1g. Another name and exactly one of sex, NO_KK, village changed: taken as a correction, with a WARN on the NIK column
 * naming the registered person and each change (old → new), so that a mistyped NIK is seen and undone.
 */
export const WARN_IDENTITY_CHANGED = `
  WITH other AS (${OTHER_NAME})
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, row_number, 'WARN', $2::text, 'NIK_IDENTITY_CHANGED',
         format('%1$s ini terdaftar atas nama %2$s (lahir %3$s); baris ini mengubah %4$s menjadi %5$s dan juga %6$s. '
                'Baris diterima sebagai koreksi data orang yang sama. Bila ini orang lain (%1$s salah ketik), data %2$s kini tertimpa: '
                'unggah ulang baris %2$s dengan data semula, lalu unggah orang ini dengan %1$s-nya sendiri.',
                $2::text, registered_name, ${sqlDayName('registered_birth')}, $3::text, name, differing),
         ${RAW_ONCE('other')}
  FROM other
  WHERE changes = 1`;
