import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's KODE_DESA is checked by a CHECK constraint against the regency's village codes
 * instead of the foreign key to `region`. PostgreSQL checks a foreign key with one trigger query
 * per inserted row: on a 100,000-row first upload that was ~0.5 s of the ~1.2 s its INSERT took,
 * on the critical path of every large upload. The CHECK tests membership in a constant jsonb key
 * set (`?` is a binary search over sorted keys): no measurable cost.
 *
 * The set is the desa and kelurahan codes of `region` (Kepmendagri 300.2.2-2138/2025; kecamatan
 * codes are not places of residence), read when this migration runs. `region` is reference data
 * written by migrations only: a migration that adds villages must recreate this constraint (the
 * same statement as `up`). Uploads check the same list first (EnrollmentRowValidator), so a row
 * never reaches the constraint with an unknown code; it guards the table against everything else.
 */
export class ParticipantVillageCheck1765100000000 implements MigrationInterface {
  name = 'ParticipantVillageCheck1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participant DROP CONSTRAINT "FK_participant_village"');
    await q.query(ADD_VILLAGE_CHECK);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participant DROP CONSTRAINT "CHK_participant_village"');
    await q.query('ALTER TABLE participant ADD CONSTRAINT "FK_participant_village" FOREIGN KEY (village_code) REFERENCES region (code)');
  }
}

/** Adds "CHK_participant_village" with the current desa/kelurahan codes of `region`. */
export const ADD_VILLAGE_CHECK = `
  DO $$
  BEGIN
    EXECUTE format('ALTER TABLE participant ADD CONSTRAINT "CHK_participant_village" CHECK (%L::jsonb ? village_code)',
                   (SELECT jsonb_object_agg(code, true) FROM region WHERE level IN ('desa', 'kelurahan')));
  END $$`;
