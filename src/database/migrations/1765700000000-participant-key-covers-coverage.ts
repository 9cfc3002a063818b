import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `PK_participant` carries the columns of the coverage rule (§4) and the village: `(nik) INCLUDE
 * (village_code, tmt, tat)`.
 *
 * Every allocation reads the covered participants of its month in NIK order (COVERED_PARTICIPANTS,
 * funding/sql/allocate.sql.ts). With the key alone that is an index scan that visits the register's
 * wide rows (names, family card, timestamps) one by one; with the key covering the columns it needs,
 * an index-only scan. At a million participants, in psql, `COPY` of that query took 0.24 s against
 * 0.39–0.43 s, on the critical path of every month (issue 4's figure). The key grows from 39 to
 * about 55 MB a million participants; no foreign key uses it, and these columns are already in other
 * indexes (the village) or in a partial index's condition (`tat`), so an update that changes them
 * was never a HOT update anyway.
 */
export class ParticipantKeyCoversCoverage1765700000000 implements MigrationInterface {
  name = 'ParticipantKeyCoversCoverage1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE participant DROP CONSTRAINT "PK_participant", ADD CONSTRAINT "PK_participant" PRIMARY KEY (nik) INCLUDE (village_code, tmt, tat)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant DROP CONSTRAINT "PK_participant", ADD CONSTRAINT "PK_participant" PRIMARY KEY (nik)`);
  }
}
