/**
 * Warnings of promotion on months already closed (promote.sql.ts gives the order of the steps): a change of coverage
 * (TMT, TAT, a new registration) reaching a finalized or frozen month (1c), and a village move while such months are
 * covered (1d). Those months are not recomputed (DOMAIN §9): the messages say what to record instead.
 */
import { sqlDayName, sqlMonthName, sqlMonthsSaid } from '../../common/month.js';
import { FROZEN_MONTHS } from '../../periods/sql/frozen-allocations.sql.js';
import { LAST_CLOSED_DAY, monthEnd, monthStart, RAW_ONCE, STAGED_RAW } from './promote.sql.js';

/**
 * `CROSS JOIN LATERAL … hit`: the frozen months (FROZEN_MONTHS, alias `c`) meeting `condition`, as
 * `hit.months` (sorted; null when none), `hit.closing` (the finalized months that freeze them), and
 * whether any of them is finalized itself (`finalized`) or frozen by a later one (`frozen`).
 */
const closedMonthsHit = (condition: string) => `CROSS JOIN LATERAL (
      SELECT array_agg(c.month ORDER BY c.month) AS months, array_agg(DISTINCT c.closed) AS closing,
             bool_or(c.month = c.closed) AS finalized, bool_or(c.month <> c.closed) AS frozen
      FROM ${FROZEN_MONTHS} c
      WHERE ${condition}
    ) hit`;

/**
 * The months of closedMonthsHit (columns of alias `x`) as a message says them: one month alone
 * 'bulan Agustus 2026 yang sudah dibekukan (Oktober 2026 sudah difinalisasi)', several with how many
 * '3 bulan yang sudah ditutup, Maret–Mei 2025 (Mei 2025 sudah difinalisasi, bulan sebelumnya pada tahun itu ikut dibekukan)'.
 */
const closedMonthsSaid = (x: string) => `CASE WHEN cardinality(${x}.months) = 1 THEN
             'bulan ' || ${sqlMonthName(`${x}.months[1]`)} || CASE WHEN ${x}.finalized THEN ' yang sudah difinalisasi'
                                                     ELSE ' yang sudah dibekukan (' || ${sqlMonthName(`${x}.closing[1]`)} || ' sudah difinalisasi)' END
           ELSE
             cardinality(${x}.months) || ' bulan yang sudah ditutup, ' || ${sqlMonthsSaid(`${x}.months`)} || ' (' || ${sqlMonthsSaid(`${x}.closing`)} || ' sudah difinalisasi'
             || CASE WHEN NOT ${x}.frozen THEN '' WHEN ${x}.finalized THEN ', bulan sebelumnya pada tahun itu ikut dibekukan' ELSE ', sehingga bulan-bulan itu dibekukan' END || ')'
           END`;

/**
 * 1c. A row that changes the coverage (§4) of a month already finalized, or frozen (an earlier month
 * of the year of a finalized one, FROZEN_MONTHS), is accepted, with a warning: that month is not
 * recomputed (§9), so what it over- or under-paid is an adjustment in an open month (QA: a death
 * reported after its month was signed went in without a word; a TMT in October, with November
 * finalized, went in without a word although October is never recomputed either). A TAT moved from
 * A to B changes the months whose 1st lies after the earlier and not after the later (empty: never);
 * a TMT moved, the months whose last day lies on or after the earlier and before the later. A new
 * registration (a NIK not in the register) whose coverage reaches a finalized month is registered as
 * the file says and counted from the open months on, so it is told that it was not counted there
 * (on its TMT column). Named: every such month (sqlMonthsSaid, 'Maret–Mei 2025') and how many, and the
 * finalized month(s) that froze them (QA: only the first was named, and a death with March–May frozen
 * was corrected for March alone). Each column whose change touches closed months is warned on its own,
 * naming the months its change touches: a row moving both TMT and TAT may have a warning on each (QA: a
 * TMT moved later with a TAT moved within open months was warned on TAT, for the TMT's months). New rows
 * promoted while the file is read are never back-dated ones (LAST_CLOSED_DAY), so they are all still staged here.
 * $1 upload id, $2 and $3 the TAT and TMT columns as the file names them.
 */
export const WARN_CLOSED_MONTH = `
  WITH changed AS (
    SELECT s.row_number, s.tmt, 'NEW' AS kind, hit.months, hit.closing, hit.finalized, hit.frozen, ${STAGED_RAW('s')} AS raw
    FROM enrollment_staging s
    ${closedMonthsHit(`s.tmt <= ${monthEnd('c.month')} AND (s.tat IS NULL OR s.tat >= ${monthStart('c.month')})`)}
    WHERE s.upload_id = $1 AND hit.months IS NOT NULL AND s.tmt <= ${LAST_CLOSED_DAY}
      AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.nik = s.nik)
    UNION ALL
    SELECT s.row_number, s.tmt, 'TMT', hit.months, hit.closing, hit.finalized, hit.frozen, ${STAGED_RAW('s')}
    FROM enrollment_staging s
    JOIN participant p ON p.nik = s.nik
    ${closedMonthsHit(`${monthEnd('c.month')} >= LEAST(s.tmt, p.tmt) AND ${monthEnd('c.month')} < GREATEST(s.tmt, p.tmt)`)}
    WHERE s.upload_id = $1 AND hit.months IS NOT NULL AND s.tmt <> p.tmt
    UNION ALL
    SELECT s.row_number, s.tmt, 'TAT', hit.months, hit.closing, hit.finalized, hit.frozen, ${STAGED_RAW('s')}
    FROM enrollment_staging s
    JOIN participant p ON p.nik = s.nik
    ${closedMonthsHit(`${monthStart('c.month')} > LEAST(coalesce(s.tat, 'infinity'), coalesce(p.tat, 'infinity'))
              AND ${monthStart('c.month')} <= GREATEST(coalesce(s.tat, 'infinity'), coalesce(p.tat, 'infinity'))`)}
    WHERE s.upload_id = $1 AND hit.months IS NOT NULL AND s.tat IS DISTINCT FROM p.tat
  ), named AS (
    -- the row as uploaded goes with its first finding only (a row whose TMT and TAT changes both touch closed months has two)
    SELECT x.row_number, x.tmt, x.kind, CASE WHEN x.kind = 'TAT' THEN $2::text ELSE $3::text END AS label,
           CASE WHEN row_number() OVER (PARTITION BY x.row_number ORDER BY x.kind = 'TAT') = 1
                 AND NOT EXISTS (SELECT 1 FROM upload_issue i WHERE i.upload_id = $1 AND i.row_number = x.row_number) THEN x.raw END AS raw,
           cardinality(x.months) > 1 AS plural,
           ${closedMonthsSaid('x')} AS months_said
    FROM changed x
  )
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, row_number, 'WARN', label, 'CLOSED_MONTH_UNCHANGED',
         CASE WHEN kind = 'NEW' AND NOT plural THEN
           format('%s %s pada pendaftaran baru ini menyangkut %s: peserta ini tidak dihitung pada bulan itu, '
                  'dan iuran bulan itu tidak dihitung ulang. Bila iuran peserta ini untuk bulan itu harus dibayar, catat sebagai pembayaran penyesuaian ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
                  label, ${sqlDayName('tmt')}, months_said)
         WHEN kind = 'NEW' THEN
           format('%s %s pada pendaftaran baru ini menyangkut %s: peserta ini tidak dihitung pada bulan-bulan itu, '
                  'dan iuran bulan-bulan itu tidak dihitung ulang. Bila iuran peserta ini untuk bulan-bulan itu harus dibayar, catat sebagai pembayaran penyesuaian untuk setiap bulan itu ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
                  label, ${sqlDayName('tmt')}, months_said)
         WHEN NOT plural THEN
           format('Perubahan %s ini menyangkut %s: iuran bulan itu tidak dihitung ulang. '
                  'Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, catat sebagai pembayaran penyesuaian ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
                  label, months_said)
         ELSE
           format('Perubahan %s ini menyangkut %s: iuran bulan-bulan itu tidak dihitung ulang. '
                  'Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, catat sebagai pembayaran penyesuaian untuk setiap bulan itu ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
                  label, months_said)
         END,
         raw
  FROM named`;

/**
 * 1d. A row that moves a registered participant to another village (KODE_DESA) while months of their
 * coverage (§4, as registered) are finalized or frozen is accepted, with a warning naming those
 * months: they are not recomputed (§9), so there the participant stays counted in the old village,
 * its funding (VILLAGES pledges) and counts, and in the new one from the open months on (QA: a TMT or
 * TAT change was warned, a village move was not). $1 upload id, $2 the KODE_DESA column as the file names it.
 */
export const WARN_CLOSED_MONTH_VILLAGE = `
  WITH moved AS (
    SELECT s.row_number, p.village_code AS old_code, s.village_code AS new_code, hit.months, hit.closing, hit.finalized, hit.frozen,
           ${RAW_ONCE('s')} AS raw
    FROM enrollment_staging s
    JOIN participant p ON p.nik = s.nik AND p.village_code <> s.village_code
    ${closedMonthsHit(`p.tmt <= ${monthEnd('c.month')} AND (p.tat IS NULL OR p.tat >= ${monthStart('c.month')})`)}
    WHERE s.upload_id = $1 AND hit.months IS NOT NULL
  )
  INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
  SELECT $1, x.row_number, 'WARN', $2::text, 'CLOSED_MONTH_OLD_VILLAGE',
         format('Perubahan %s ini (%s %s menjadi %s %s) tidak berlaku pada %s: pada %s peserta ini tetap dihitung di desa lama (%s), '
                'dalam pendanaan dan jumlah peserta desa itu, karena iurannya tidak dihitung ulang; di desa baru ia dihitung mulai bulan yang masih terbuka. '
                'Bila karenanya pendanaan desa harus dibetulkan, catat sebagai pembayaran penyesuaian%s ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
                $2::text, x.old_code, coalesce(o.name, ''), x.new_code, coalesce(n.name, ''), ${closedMonthsSaid('x')},
                CASE WHEN cardinality(x.months) > 1 THEN 'bulan-bulan itu' ELSE 'bulan itu' END, coalesce(o.name, x.old_code),
                CASE WHEN cardinality(x.months) > 1 THEN ' untuk setiap bulan itu' ELSE '' END),
         x.raw
  FROM moved x
  LEFT JOIN region o ON o.code = x.old_code
  LEFT JOIN region n ON n.code = x.new_code`;
