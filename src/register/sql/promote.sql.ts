/**
 * Promotion of an upload's staged rows into the register, set-based, inside ONE transaction
 * (DOMAIN §4: a failure half-way leaves the register as it was). Run in this order (0 while the
 * file is read, on PostgreSQL; 0b–6 once it is read).
 */
import { sqlDayName, sqlMonthName, sqlMonthsSaid } from '../../common/month.js';
import { RECORD_COLUMNS } from './staging.sql.js';
import { ALLOCATION_NOT_FROZEN, FROZEN_MONTHS } from '../../periods/frozen-allocations.sql.js';

/** First and last day of a month column ('YYYY-MM'), as dates. */
export const monthStart = (month: string) => `(${month} || '-01')::date`;
export const monthEnd = (month: string) => `(${monthStart(month)} + interval '1 month' - interval '1 day')::date`;

/**
 * The last day of the latest finalized month (§9), null when none is. A new participant whose TMT is
 * later cannot be covered (§4) in a finalized month; one whose TMT is not later may be, and is
 * registered once the file is read, when WARN_CLOSED_MONTH asks (PROMOTE_NEW_BATCH, StagingWriter).
 */
const LAST_CLOSED_DAY = `(SELECT ${monthEnd('max(c.month)')} FROM closed_month c)`;

/** LAST_CLOSED_DAY as 'YYYY-MM-DD' (or null), read once by an upload promoting early. */
export const READ_LAST_CLOSED_DAY = `SELECT to_char(${LAST_CLOSED_DAY}, 'YYYY-MM-DD') AS day`;

/**
 * 0b. What the file does not state keeps the register's value (DOMAIN §12 makes a re-upload an upsert
 * by NIK, not an erasure; QA: a sheet of the required columns only brought a dead participant back
 * and erased her card number):
 * - an empty NOKA, or no NOKA column, keeps the participant's NOKA: a card is replaced by another
 *   number, never by nothing; unless another active participant holds it now (an ended participant's
 *   card passed on: brought back, they come back without it);
 * - without a TAT column ($2), TAT and the end reason stay as they are.
 * A kept card is marked (noka_kept), so a finding's copy of the row shows NOKA as the file had it.
 * $1 upload id, $2 true when the file has no TAT column.
 */
export const KEEP_UNSTATED = `
  UPDATE enrollment_staging s SET
    noka = coalesce(s.noka, card.keepable),
    noka_kept = s.noka IS NULL AND card.keepable IS NOT NULL,
    tat = CASE WHEN $2 THEN p.tat ELSE s.tat END,
    end_reason = CASE WHEN $2 THEN p.end_reason ELSE s.end_reason END
  FROM participant p
  CROSS JOIN LATERAL (
    SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM participant o WHERE o.noka = p.noka AND o.nik <> p.nik AND o.tat IS NULL) THEN p.noka END AS keepable
  ) card
  WHERE s.upload_id = $1 AND p.nik = s.nik
    AND ((s.noka IS NULL AND p.noka IS NOT NULL) OR ($2::boolean AND (p.tat IS NOT NULL OR p.end_reason IS NOT NULL)))`;

/**
 * A staged row as read, for `upload_issue.raw` (the row report repeats it) of the findings made at
 * promotion, every column of it (QA: a TAT moved in a finalized month came back without its TAT, which
 * uploaded again would reinstate the participant); `t` names the table or CTE holding its columns.
 * A NOKA the register supplied (noka_kept) was empty in the file, and is shown so; jsonb_strip_nulls
 * leaves empty cells out, as rawCells does.
 */
const STAGED_RAW = (t: string) => `jsonb_strip_nulls(jsonb_build_object('NIK', ${t}.nik, 'NO_KK', ${t}.no_kk, 'NAMA', ${t}.name, 'TANGGAL_LAHIR', ${t}.birth_date::text,
                              'JENIS_KELAMIN', ${t}.sex, 'KODE_DESA', ${t}.village_code,
                              'NOKA', CASE WHEN ${t}.noka_kept THEN NULL ELSE ${t}.noka END, 'TMT', ${t}.tmt::text,
                              'TAT', ${t}.tat::text, 'ALASAN_BERAKHIR', ${t}.end_reason))`;

/** The row's raw for a finding of promotion: only when the row has no finding yet (the row as uploaded is stored once, with its first). */
export const RAW_ONCE = (t: string) => `CASE WHEN EXISTS (SELECT 1 FROM upload_issue i WHERE i.upload_id = $1 AND i.row_number = ${t}.row_number) THEN NULL
              ELSE ${STAGED_RAW(t)} END`;

/**
 * A name as compared by REJECT_OTHER_PERSON: lower case, every run of spaces and punctuation (ASCII, the curly
 * apostrophes, a no-break space) as one space, trimmed: `M. Rahmat  RANGKUTI` → `m rahmat rangkuti`.
 */
const NAME_WORDS = (name: string) => `trim(regexp_replace(lower(${name}), '[[:space:][:punct:]\u2018\u2019\u00a0]+', ' ', 'g'))`;

/**
 * Two names (NAME_WORDS, `a` and `b`) of one person: equal, equal without the spaces (`Nur Aini`, `Nuraini`), or
 * one is the other with words added around it, whole words (`Rahmat Rangkuti`, `Muhammad Rahmat Rangkuti`; but
 * `Ani` is not in `Daniel`). Any other change, a letter fixed included (`Rachmat`), is another name.
 */
const SAME_NAME = (a: string, b: string) => `(${a} = ${b} OR replace(${a}, ' ', '') = replace(${b}, ' ', '')
      OR position(' ' || ${a} || ' ' IN ' ' || ${b} || ' ') > 0 OR position(' ' || ${b} || ' ' IN ' ' || ${a} || ' ') > 0)`;

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
    SELECT s.row_number, s.nik, s.noka, s.noka_kept, s.no_kk, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason,
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
    SELECT s.row_number, s.nik, s.noka, s.noka_kept, s.no_kk, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason,
           min(p.nik) AS holder
    FROM enrollment_staging s
    JOIN participant p ON p.noka = s.noka AND p.nik <> s.nik AND p.tat IS NULL
    WHERE s.upload_id = $1 AND s.noka IS NOT NULL AND s.tat IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM enrollment_staging h
        WHERE h.upload_id = $1 AND h.nik = p.nik AND (h.tat IS NOT NULL OR h.noka IS DISTINCT FROM p.noka))
    GROUP BY s.row_number, s.nik, s.noka, s.noka_kept, s.no_kk, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason
  ), findings AS (
    INSERT INTO upload_issue (upload_id, row_number, severity, column_name, code, message, raw)
    SELECT $1, row_number, 'REJECT', $2::text, 'NOKA_TAKEN',
           format('%s %s sudah dipakai peserta aktif lain (NIK %s). Periksa nomor kartu, atau akhiri dulu kepesertaan pemegang kartu.', $2::text, noka, holder),
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
    SELECT s.row_number, s.nik, s.noka, s.noka_kept, s.no_kk, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason,
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
                  'dan iuran bulan itu tidak dihitung ulang. Bila iuran peserta ini untuk bulan itu harus dibayar, catat sebagai pembayaran penyesuaian ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom PENYESUAIAN_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
                  label, ${sqlDayName('tmt')}, months_said)
         WHEN kind = 'NEW' THEN
           format('%s %s pada pendaftaran baru ini menyangkut %s: peserta ini tidak dihitung pada bulan-bulan itu, '
                  'dan iuran bulan-bulan itu tidak dihitung ulang. Bila iuran peserta ini untuk bulan-bulan itu harus dibayar, catat sebagai pembayaran penyesuaian untuk setiap bulan itu ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom PENYESUAIAN_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
                  label, ${sqlDayName('tmt')}, months_said)
         WHEN NOT plural THEN
           format('Perubahan %s ini menyangkut %s: iuran bulan itu tidak dihitung ulang. '
                  'Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, catat sebagai pembayaran penyesuaian ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom PENYESUAIAN_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
                  label, months_said)
         ELSE
           format('Perubahan %s ini menyangkut %s: iuran bulan-bulan itu tidak dihitung ulang. '
                  'Bila karenanya ada iuran yang kelebihan atau kekurangan bayar, catat sebagai pembayaran penyesuaian untuk setiap bulan itu ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom PENYESUAIAN_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
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
                'Bila karenanya pendanaan desa harus dibetulkan, catat sebagai pembayaran penyesuaian%s ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom PENYESUAIAN_BULAN pada lembar pembayaran) pada bulan yang masih terbuka.',
                $2::text, x.old_code, coalesce(o.name, ''), x.new_code, coalesce(n.name, ''), ${closedMonthsSaid('x')},
                CASE WHEN cardinality(x.months) > 1 THEN 'bulan-bulan itu' ELSE 'bulan itu' END, coalesce(o.name, x.old_code),
                CASE WHEN cardinality(x.months) > 1 THEN ' untuk setiap bulan itu' ELSE '' END),
         x.raw
  FROM moved x
  LEFT JOIN region o ON o.code = x.old_code
  LEFT JOIN region n ON n.code = x.new_code`;

/** The register columns a staged row (alias `s`) may change, and the participant's (alias `p`). */
const STAGED = `(s.no_kk, s.noka, s.name, s.birth_date, s.sex, s.village_code, s.tmt, s.tat, s.end_reason)`;
const CURRENT = `(p.no_kk, p.noka, p.name, p.birth_date, p.sex, p.village_code, p.tmt, p.tat, p.end_reason)`;

/**
 * A new participant's columns: the register columns of its row, then the upload that last set them
 * and its creation (upload, user, time) and update time, for every insert of new participants
 * (steps 0a, 0 and 5).
 */
const NEW_PARTICIPANT_COLUMNS = `${RECORD_COLUMNS}, last_upload_id, created_upload_id, created_by, created_at, updated_at`;

/**
 * 0a. The fast form of step 0 for a batch that is all new people (the first upload of a register,
 * new registrations): its rows are copied straight into the register, no staging, inside a
 * savepoint. If any NIK is already registered or any NOKA is held by an active participant, the
 * unique indexes refuse the COPY; the caller rolls back to the savepoint and stages the batch for
 * step 0 instead (StagingWriter). Rows whose TMT is not after LAST_CLOSED_DAY (READ_LAST_CLOSED_DAY)
 * are not copied but staged, for WARN_CLOSED_MONTH.
 */
export const COPY_NEW_PARTICIPANTS = `
  COPY participant (${NEW_PARTICIPANT_COLUMNS})
  FROM STDIN`;

/**
 * 0. Early promotion of one staged batch while the rest of the file is still being read
 * (PostgreSQL, inside the upload's one transaction, advisory lock already held): rows whose NIK is
 * new and whose NOKA no active participant holds are moved from staging into the register, the
 * creation (upload, user, time) recorded on the participant row; no history row is written (the
 * initial values are the participant's values until an UPDATE row says otherwise). Such a row
 * cannot collide with a later row of the file: the validator rejects a second NIK and a second
 * active NOKA within one file. Everything else (updates, NOKAs that are taken now and may be
 * released later in the file, new rows whose TMT is not after LAST_CLOSED_DAY, which WARN_CLOSED_MONTH
 * may have to warn, NOKAs an ended participant holds, which WARN_NOKA_OF_ENDED warns) stays staged for the steps below.
 * Returns the number created. $1 upload id, $2/$3 first and last row number of the batch, $4 user, $5 time.
 */
export const PROMOTE_NEW_BATCH = `
  WITH fresh AS (
    DELETE FROM enrollment_staging s
    WHERE s.upload_id = $1 AND s.row_number BETWEEN $2 AND $3
      -- One index probe per staged row (PK_participant, UQ_participant_active_noka): a scalar
      -- subquery with LIMIT is not turned into a join, which the planner would hash over the whole
      -- register for every batch (the batch is small, the register large).
      AND (SELECT p.nik FROM participant p WHERE p.nik = s.nik LIMIT 1) IS NULL
      AND (s.noka IS NULL OR s.tat IS NOT NULL
           OR (SELECT p.nik FROM participant p WHERE p.noka = s.noka AND p.noka IS NOT NULL AND p.tat IS NULL LIMIT 1) IS NULL)
      -- an ended participant's card stays staged, for WARN_NOKA_OF_ENDED (IDX_participant_ended_noka)
      AND (s.noka IS NULL
           OR (SELECT p.nik FROM participant p WHERE p.noka = s.noka AND p.noka IS NOT NULL AND p.tat IS NOT NULL LIMIT 1) IS NULL)
      AND s.tmt > coalesce(${LAST_CLOSED_DAY}, '-infinity')
    RETURNING ${RECORD_COLUMNS}
  ), created AS (
    INSERT INTO participant (${NEW_PARTICIPANT_COLUMNS})
    SELECT ${RECORD_COLUMNS}, $1, $1, $4, $5, $5
    FROM fresh
    RETURNING 1
  )
  SELECT count(*)::int AS created FROM created`;

/**
 * 2. History of the staged rows that differ from their participant in any field, read from the
 * register as it is before steps 3–5: one UPDATE row `{ field: { old, new } }` with every differing
 * field. New participants get no history row (step 5 records their creation on the row itself) and
 * unchanged rows none either, so a re-upload writes nothing. One pass over staging counts both:
 * returns `created` (staged rows with a new NIK, which step 5 inserts) and `updated`.
 * $1 upload id, $2 user, $3 time.
 */
export const RECORD_HISTORY = `
  WITH differing AS (
    SELECT s.nik, p.nik IS NULL AS is_new,
           CASE WHEN p.nik IS NOT NULL THEN
               CASE WHEN s.no_kk IS DISTINCT FROM p.no_kk THEN jsonb_build_object('noKk', jsonb_build_object('old', p.no_kk, 'new', s.no_kk)) ELSE '{}' END
            || CASE WHEN s.noka IS DISTINCT FROM p.noka THEN jsonb_build_object('noka', jsonb_build_object('old', p.noka, 'new', s.noka)) ELSE '{}' END
            || CASE WHEN s.name IS DISTINCT FROM p.name THEN jsonb_build_object('name', jsonb_build_object('old', p.name, 'new', s.name)) ELSE '{}' END
            || CASE WHEN s.birth_date IS DISTINCT FROM p.birth_date THEN jsonb_build_object('birthDate', jsonb_build_object('old', p.birth_date, 'new', s.birth_date)) ELSE '{}' END
            || CASE WHEN s.sex IS DISTINCT FROM p.sex THEN jsonb_build_object('sex', jsonb_build_object('old', p.sex, 'new', s.sex)) ELSE '{}' END
            || CASE WHEN s.village_code IS DISTINCT FROM p.village_code THEN jsonb_build_object('villageCode', jsonb_build_object('old', p.village_code, 'new', s.village_code)) ELSE '{}' END
            || CASE WHEN s.tmt IS DISTINCT FROM p.tmt THEN jsonb_build_object('tmt', jsonb_build_object('old', p.tmt, 'new', s.tmt)) ELSE '{}' END
            || CASE WHEN s.tat IS DISTINCT FROM p.tat THEN jsonb_build_object('tat', jsonb_build_object('old', p.tat, 'new', s.tat)) ELSE '{}' END
            || CASE WHEN s.end_reason IS DISTINCT FROM p.end_reason THEN jsonb_build_object('endReason', jsonb_build_object('old', p.end_reason, 'new', s.end_reason)) ELSE '{}' END
           END AS changes
    FROM enrollment_staging s
    LEFT JOIN participant p ON p.nik = s.nik
    WHERE s.upload_id = $1 AND (p.nik IS NULL OR ${STAGED} IS DISTINCT FROM ${CURRENT})
  ), history AS (
    -- A data-modifying WITH runs to completion whether or not the final SELECT reads it.
    INSERT INTO participant_change (nik, upload_id, kind, changes, changed_by, changed_at)
    SELECT nik, $1, 'UPDATE', changes, $2, $3 FROM differing WHERE NOT is_new
  )
  SELECT count(*) FILTER (WHERE is_new)::int AS created,
         count(*) FILTER (WHERE NOT is_new)::int AS updated
  FROM differing`;

/**
 * 3. Every active participant whose NOKA this upload moves (another card, none, or coverage ended)
 * lets go of it first, so that no row of step 4/5 finds its new card still held:
 * UQ_participant_active_noka is checked row by row, so two participants swapping cards, or a card
 * passed on by someone who dies in the same upload, would otherwise fail in one order or the other.
 * (The history of step 2 already holds the old NOKA.) $1 upload id, $2 time.
 */
export const RELEASE_MOVED_NOKAS = `
  UPDATE participant p SET noka = NULL, last_upload_id = $1, updated_at = $2
  FROM enrollment_staging s
  WHERE s.upload_id = $1 AND s.nik = p.nik AND p.noka IS NOT NULL AND p.tat IS NULL
    AND (s.tat IS NOT NULL OR s.noka IS DISTINCT FROM p.noka)`;

/** 4. Participants that differ from their staged row take its values. $1 upload id, $2 time. */
export const UPDATE_CHANGED = `
  UPDATE participant p SET
    no_kk = s.no_kk, noka = s.noka, name = s.name, birth_date = s.birth_date, sex = s.sex,
    village_code = s.village_code, tmt = s.tmt, tat = s.tat, end_reason = s.end_reason,
    last_upload_id = $1, updated_at = $2
  FROM enrollment_staging s
  WHERE s.upload_id = $1 AND s.nik = p.nik AND ${STAGED} IS DISTINCT FROM ${CURRENT}`;

/**
 * 5. Staged rows with a new NIK become participants (a plain INSERT: no conflict is possible), their
 * creation (upload, user, time) recorded on the row. $1 upload id, $2 user, $3 time.
 */
export const INSERT_NEW = `
  INSERT INTO participant (${NEW_PARTICIPANT_COLUMNS})
  SELECT ${RECORD_COLUMNS}, $1, $1, $2, $3, $3
  FROM enrollment_staging s
  WHERE s.upload_id = $1 AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.nik = s.nik)`;

/**
 * 5b. An exact copy of an earlier row of the file (NIK_DUPLICATE_ROW, read once from that row) whose earlier row was
 * refused once the file was read (NIK_OTHER_PERSON, NOKA_TAKEN, NOKA_DUPLICATE_IN_FILE) is refused with it: nothing
 * of it was stored. The earlier row's number is in the copy's raw (SAME_AS_ROW, '#sameAsRow').
 * $1 upload id, $2 the NIK column as the file names it.
 */
export const REFUSE_COPIES_OF_REFUSED = `
  UPDATE upload_issue d SET severity = 'REJECT', code = 'NIK_DUPLICATE_IN_FILE',
         message = format('%s %s: baris ini sama persis dengan baris %s berkas ini, yang ditolak; baris ini ikut ditolak. Perbaiki baris %s lalu unggah ulang; baris ini boleh dihapus.',
                          $2::text, d.raw->>'NIK', d.raw->>'#sameAsRow', d.raw->>'#sameAsRow')
  WHERE d.upload_id = $1 AND d.code = 'NIK_DUPLICATE_ROW'
    AND EXISTS (SELECT 1 FROM upload_issue f WHERE f.upload_id = $1 AND f.row_number = (d.raw->>'#sameAsRow')::int AND f.severity = 'REJECT')`;

/**
 * 6. Rows counted per outcome: a row with any REJECT is rejected, one with only warnings is warned;
 * accepted = rows still staged + $2 (rows promoted early, no longer staged) + exact copies of an earlier
 * row of the file (NIK_DUPLICATE_ROW: read once, from that row; not staged). $1 upload id.
 */
export const COUNT_OUTCOMES = `
  SELECT (SELECT count(*) FROM enrollment_staging WHERE upload_id = $1)::int + $2::int + count(*) FILTER (WHERE copies > 0 AND rejects = 0)::int AS accepted,
         count(*) FILTER (WHERE rejects > 0)::int AS rejected,
         count(*) FILTER (WHERE rejects = 0)::int AS warned
  FROM (SELECT row_number, count(*) FILTER (WHERE severity = 'REJECT') AS rejects, count(*) FILTER (WHERE code = 'NIK_DUPLICATE_ROW') AS copies
        FROM upload_issue WHERE upload_id = $1 GROUP BY row_number) per_row`;

/** Serialises promotions (validation and staging of several uploads still run side by side). */
export const REGISTER_PROMOTION_LOCK = 1703_0301;

/**
 * A register change can move coverage (TMT/TAT) or scope (KODE_DESA) of any month, so every
 * allocated month that is not frozen becomes STALE and is recomputed before it is reported
 * (DOMAIN §6). Closed months, and the months of their year before them, keep their stored results (§9).
 */
export const MARK_OPEN_ALLOCATIONS_STALE = `
  UPDATE allocation_month a SET status = 'STALE'
   WHERE a.status = 'CURRENT'
     AND ${ALLOCATION_NOT_FROZEN}`;
