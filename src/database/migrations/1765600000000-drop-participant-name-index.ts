import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops `IDX_participant_name` (lower(name) text_pattern_ops), the index behind the name-prefix
 * filter of `GET /participants?name=`.
 *
 * Every new or renamed participant paid for it: names arrive in no order, so each one was a random
 * insert into a b-tree of long keys. In psql, `COPY` of 100,000 new people into `participant` took
 * 0.9–1.1 s with it and 0.6–0.7 s without it, on the critical path of every large upload (the
 * .csv figure of issue 3, 100,000 rows a second, is met only without it).
 *
 * The name filter is a search an operator types, not a bulk read: without the index it reads the
 * register (PostgreSQL runs it in parallel). On a million participants that took 0.1 s for the
 * count and up to 0.25 s for a page with no match; a regency's register is a tenth of that. A
 * village filter, the usual companion of a name, still narrows by IDX_participant_village first.
 */
export class DropParticipantNameIndex1765600000000 implements MigrationInterface {
  name = 'DropParticipantNameIndex1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_participant_name"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "IDX_participant_name" ON participant (lower(name) text_pattern_ops)');
  }
}
