import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's creation is recorded on the participant itself (`created_upload_id`,
 * `created_by`, and the existing `created_at`) instead of a `participant_change` row of kind CREATE
 * holding all the initial values: for a large first upload those rows were most of the database
 * work. History rows are written for updates only. The initial values are not lost: each UPDATE row
 * holds old and new of every field it changed and promotion is the only writer of `participant`, so
 * walking the UPDATE rows back from the current values gives them exactly (ParticipantsService.get
 * shows them as the CREATE entry, as before).
 *
 * Existing CREATE rows are folded into their participant and deleted. `down` rebuilds them by the
 * same walk in SQL (the oldest UPDATE's `old` of each field, else the current value).
 */
export class ParticipantCreationOnRow1765000000000 implements MigrationInterface {
  name = 'ParticipantCreationOnRow1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participant ADD COLUMN created_upload_id uuid, ADD COLUMN created_by text');
    // One CREATE per participant (participants are never deleted); DISTINCT ON keeps the first if not.
    await q.query(`
      UPDATE participant p
         SET created_upload_id = c.upload_id, created_by = c.changed_by, created_at = c.changed_at
        FROM (SELECT DISTINCT ON (nik) nik, upload_id, changed_by, changed_at
                FROM participant_change WHERE kind = 'CREATE' ORDER BY nik, id) c
       WHERE c.nik = p.nik`);
    await q.query(`DELETE FROM participant_change WHERE kind = 'CREATE'`);
    await q.query(`
      ALTER TABLE participant_change
        DROP CONSTRAINT "CHK_participant_change_kind",
        ADD CONSTRAINT "CHK_participant_change_kind" CHECK (kind = 'UPDATE')`);
  }

  /**
   * CREATE rows come back for every participant with a recorded creation, holding the initial values
   * as the old code wrote them (all nine fields, flat, dates as 'YYYY-MM-DD'). The old code lists a
   * participant's history by id, CREATE first, so the rebuilt rows take negative ids (the identity
   * only hands out positive ones): the UPDATE rows keep their ids, and each participant's CREATE
   * sorts before its updates. Participants without a recorded creation (inserted by hand) get none,
   * as they had none before.
   */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE participant_change
        DROP CONSTRAINT "CHK_participant_change_kind",
        ADD CONSTRAINT "CHK_participant_change_kind" CHECK (kind IN ('CREATE', 'UPDATE'))`);
    await q.query(`
      WITH first_old AS (
        -- For each participant and field, the old value of the oldest UPDATE that changed it.
        SELECT c.nik, f.key, (array_agg(f.value -> 'old' ORDER BY c.id))[1] AS old
        FROM participant_change c CROSS JOIN LATERAL jsonb_each(c.changes) f
        WHERE c.kind = 'UPDATE'
        GROUP BY c.nik, f.key
      ), replayed AS (
        SELECT nik, jsonb_object_agg(key, old) AS initial FROM first_old GROUP BY nik
      )
      INSERT INTO participant_change (id, nik, upload_id, kind, changes, changed_by, changed_at)
      OVERRIDING SYSTEM VALUE
      SELECT -row_number() OVER (ORDER BY p.created_at DESC, p.nik DESC), p.nik, p.created_upload_id, 'CREATE',
             jsonb_build_object('noKk', p.no_kk, 'noka', p.noka, 'name', p.name, 'birthDate', p.birth_date, 'sex', p.sex,
                                'villageCode', p.village_code, 'tmt', p.tmt, 'tat', p.tat, 'endReason', p.end_reason)
               || coalesce(r.initial, '{}'),
             p.created_by, p.created_at
      FROM participant p LEFT JOIN replayed r ON r.nik = p.nik
      WHERE p.created_by IS NOT NULL`);
    await q.query('ALTER TABLE participant DROP COLUMN created_upload_id, DROP COLUMN created_by');
  }
}
