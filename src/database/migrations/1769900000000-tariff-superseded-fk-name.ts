import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foreign key of `tariff.superseded_by` (migration 1769700000000) was left to PostgreSQL to name
 * (`tariff_superseded_by_fkey`); named as every other one: `FK_tariff_superseded_by`.
 */
export class TariffSupersededFkName1769900000000 implements MigrationInterface {
  name = 'TariffSupersededFkName1769900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tariff RENAME CONSTRAINT tariff_superseded_by_fkey TO "FK_tariff_superseded_by"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tariff RENAME CONSTRAINT "FK_tariff_superseded_by" TO tariff_superseded_by_fkey');
  }
}
