import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `IDX_participant_active_birth_date`: the active participants by birth date and name as NAME_KEY compares it
 * (names.sql.ts: lower case, spaces and punctuation left out). A new registration of the name and birth
 * date of an active participant with another NIK is warned (PERSON_REGISTERED_OTHER_NIK, new-registration-warnings.sql.ts;
 * QA: a death reported under a mistyped NIK made a dead duplicate while the person stayed covered), and such a row is
 * kept out of early promotion so that the warning is made (identity-held.sql.ts): both look the birth date up here, an
 * index probe per row, exact (a probe by birth date alone fetched every participant born that day, some thirty in a
 * register of a million, and compared each name).
 */
export class ParticipantActiveBirthDate1770000000000 implements MigrationInterface {
  name = 'ParticipantActiveBirthDate1770000000000';

  async up(q: QueryRunner): Promise<void> {
    // NAME_KEY of src/register/sql/names.sql.ts, as it was written then: the queries must spell the same expression to use it
    await q.query(`CREATE INDEX "IDX_participant_active_birth_date" ON participant
      (birth_date, replace(trim(regexp_replace(lower(name), '[[:space:][:punct:]\u2018\u2019\u00a0]+', ' ', 'g')), ' ', '')) WHERE tat IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_participant_active_birth_date"');
  }
}
