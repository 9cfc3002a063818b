/**
 * Promotion of an upload's staged rows into the register, set-based, inside ONE transaction
 * (DOMAIN §4: a failure half-way leaves the register as it was). Run in this order (0 while the
 * file is read, on PostgreSQL; 0b–6 once it is read). The rows refused at promotion (0a, 0c, 1) are in
 * promotion-refusals.sql.ts, its warnings in closed-month-warnings.sql.ts (1c, 1d), coverage-warnings.sql.ts
 * (1b, 1e) and noka-warnings.sql.ts (1f), identity-change.sql.ts (0d, 1g) and new-registration-warnings.sql.ts (1h–1j);
 * the steps that write the register are here.
 */
import { NOKA_CLEAR } from '../enrollment-columns.js';
import { RECORD_COLUMNS } from './staging.sql.js';
import { ALLOCATION_NOT_FROZEN } from '../../periods/sql/frozen-allocations.sql.js';

/** First and last day of a month column ('YYYY-MM'), as dates. */
export const monthStart = (month: string) => `(${month} || '-01')::date`;
export const monthEnd = (month: string) => `(${monthStart(month)} + interval '1 month' - interval '1 day')::date`;

/**
 * The last day of the latest finalized month (§9), null when none is. A new participant whose TMT is
 * later cannot be covered (§4) in a finalized month; one whose TMT is not later may be, and is
 * registered once the file is read, when WARN_CLOSED_MONTH asks (PROMOTE_NEW_BATCH, StagingWriter).
 */
export const LAST_CLOSED_DAY = `(SELECT ${monthEnd('max(c.month)')} FROM closed_month c)`;

/**
 * The last day of the latest allocated month that is not frozen (null when none): a new participant whose TMT is not
 * later may be covered in an allocated open month, which WARN_COVERAGE_OF_NEW (coverage-warnings.sql.ts) warns when
 * that month is earlier than this month or has a run.
 */
export const LAST_ALLOCATED_OPEN_DAY = `(SELECT ${monthEnd('max(a.month)')} FROM allocation_month a WHERE ${ALLOCATION_NOT_FROZEN})`;

/**
 * The day up to which a new participant's TMT keeps its row staged while the file is read, for the warnings asked of
 * staged rows once it is read: WARN_CLOSED_MONTH (LAST_CLOSED_DAY) and WARN_COVERAGE_OF_NEW (LAST_ALLOCATED_OPEN_DAY).
 */
export const LAST_HELD_DAY = `greatest(${LAST_CLOSED_DAY}, ${LAST_ALLOCATED_OPEN_DAY})`;

/** LAST_HELD_DAY as 'YYYY-MM-DD' (or null), read once by an upload promoting early. */
export const READ_LAST_CLOSED_DAY = `SELECT to_char(${LAST_HELD_DAY}, 'YYYY-MM-DD') AS day`;

/**
 * 0b. What the file does not state keeps the register's value (DOMAIN §12 makes a re-upload an upsert
 * by NIK, not an erasure; QA: a sheet of the required columns only brought a dead participant back
 * and erased her card number):
 * - an empty NOKA, or no NOKA column, keeps the participant's NOKA: a card is replaced by another
 *   number, never by nothing; unless another active participant holds it now (an ended participant's
 *   card passed on: brought back, they come back without it);
 * - without a TAT column ($2), TAT and the end reason stay as they are.
 * A kept card is marked (noka_kept), so a finding's copy of the row shows NOKA as the file had it. A NOKA of HAPUS
 * (noka_cleared, NOKA_CLEAR) is stated: the card is taken away, with or without a TAT column (steps 2–4 record and apply it).
 * $1 upload id, $2 true when the file has no TAT column.
 */
export const KEEP_UNSTATED = `
  UPDATE enrollment_staging s SET
    noka = CASE WHEN s.noka_cleared THEN NULL ELSE coalesce(s.noka, card.keepable) END,
    noka_kept = s.noka IS NULL AND NOT s.noka_cleared AND card.keepable IS NOT NULL,
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
 * A NOKA the register supplied (noka_kept) was empty in the file, and is shown so, one the file cleared as HAPUS; jsonb_strip_nulls
 * leaves empty cells out, as rawCells does.
 */
export const STAGED_RAW = (t: string) => `jsonb_strip_nulls(jsonb_build_object('NIK', ${t}.nik, 'NO_KK', ${t}.no_kk, 'NAMA', ${t}.name, 'TANGGAL_LAHIR', ${t}.birth_date::text,
                              'JENIS_KELAMIN', ${t}.sex, 'KODE_DESA', ${t}.village_code,
                              'NOKA', CASE WHEN ${t}.noka_kept THEN NULL WHEN ${t}.noka_cleared THEN '${NOKA_CLEAR}' ELSE ${t}.noka END, 'TMT', ${t}.tmt::text,
                              'TAT', ${t}.tat::text, 'ALASAN_BERAKHIR', ${t}.end_reason))`;

/** The row's raw for a finding of promotion: only when the row has no finding yet (the row as uploaded is stored once, with its first). */
export const RAW_ONCE = (t: string) => `CASE WHEN EXISTS (SELECT 1 FROM upload_issue i WHERE i.upload_id = $1 AND i.row_number = ${t}.row_number) THEN NULL
              ELSE ${STAGED_RAW(t)} END`;

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
 * released later in the file, new rows whose TMT is not after LAST_HELD_DAY, which WARN_CLOSED_MONTH or
 * WARN_COVERAGE_OF_NEW may have to warn, NOKAs an ended participant holds or another row of the batch ends, and rows with a
 * NOKA and a TAT, which WARN_NOKA_OF_ENDED warns) stays staged for the steps below. A row promoted here whose card a later
 * batch ends, or that new-registration-warnings.sql.ts warns, is staged again once the file is read (RESTAGE_EARLY_ROWS).
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
      -- a card with a TAT stays staged (ended rows are few in a file): WARN_NOKA_OF_ENDED judges it with every row of the file
      AND (s.noka IS NULL
           OR (s.tat IS NULL AND (SELECT p.nik FROM participant p WHERE p.noka = s.noka AND p.noka IS NOT NULL AND p.tat IS NULL LIMIT 1) IS NULL))
      -- an ended participant's card stays staged, for WARN_NOKA_OF_ENDED (IDX_participant_ended_noka)
      AND (s.noka IS NULL
           OR (SELECT p.nik FROM participant p WHERE p.noka = s.noka AND p.noka IS NOT NULL AND p.tat IS NOT NULL LIMIT 1) IS NULL)
      -- so does a card another row of the batch ends (its holder is promoted beside it, by this same statement)
      AND NOT EXISTS (SELECT 1 FROM enrollment_staging e
                      WHERE e.upload_id = $1 AND e.row_number BETWEEN $2 AND $3 AND e.noka = s.noka AND e.nik <> s.nik AND e.tat IS NOT NULL)
      AND s.tmt > coalesce(${LAST_HELD_DAY}, '-infinity')
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
