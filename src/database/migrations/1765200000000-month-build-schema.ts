import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema `month_build`: where AllocateMonth builds a month's `split` and `obligation` tables on
 * PostgreSQL, each on its own connection and committed there, before the allocation's transaction
 * moves them to `public` and attaches them as the month's partitions (funding/use-cases/
 * month-partitions.ts). Nothing reads from it; a table left there by a failed run is dropped by
 * the next build of the same month.
 */
export class MonthBuildSchema1765200000000 implements MigrationInterface {
  name = 'MonthBuildSchema1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA month_build');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA month_build CASCADE');
  }
}
