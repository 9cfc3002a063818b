import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `participant.nik` in the "C" collation, as `split.nik` and `obligation.nik` already are
 * (migration 1764600000000).
 *
 * Where a NIK of a month table met `participant.nik` (the database's default collation) in a join,
 * the "C" side won, and PK_participant, built for the default collation, could not serve the
 * lookup: a statement's page of splits or obligations hashed the whole register instead (0.33 s a
 * page at a million participants, against 5 ms with the key). With one collation on both sides the
 * key serves every such join. A NIK is 16 digits (§2), so no order or equality changes; only the
 * primary key is rebuilt (no other index or foreign key uses the column), not the table.
 */
export class ParticipantNikCCollation1765500000000 implements MigrationInterface {
  name = 'ParticipantNikCCollation1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant ALTER COLUMN nik TYPE text COLLATE "C"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant ALTER COLUMN nik TYPE text COLLATE "default"`);
  }
}
