import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fewer indexes to build per month partition (AllocateMonth attaches a fresh partition of about a
 * million rows per table and month, and every index is one more scan and build of it):
 *
 * - `split`: the primary key becomes (nik, month, pledge_code) INCLUDE (pledge_revision, amount).
 *   It then serves the lookups by NIK (`GET /splits?nik=`, a participant's funding) that
 *   `IDX_split_nik (nik, month)` served, in the same order, and the month's NIK ranges and
 *   (month, NIK) joins of the reports as before (the month is one value per partition), all as
 *   index-only scans: AllocateMonth writes a partition with COPY FREEZE (all-visible), in
 *   (pledge_code, nik) order, so those reads never visit the heap. `IDX_split_nik` is dropped;
 *   `IDX_split_pledge_month` stays (statements of one pledge).
 * - `obligation`: every read names the month (a partition), where `PK_obligation (month, nik)`
 *   is the NIK order; `IDX_obligation_nik (nik)` was used by none and is dropped.
 */
export class MonthPartitionIndexes1764800000000 implements MigrationInterface {
  name = 'MonthPartitionIndexes1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE split DROP CONSTRAINT "PK_split";
      ALTER TABLE split ADD CONSTRAINT "PK_split" PRIMARY KEY (nik, month, pledge_code) INCLUDE (pledge_revision, amount);
      DROP INDEX "IDX_split_nik";
      DROP INDEX "IDX_obligation_nik";
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX "IDX_obligation_nik" ON obligation (nik);
      CREATE INDEX "IDX_split_nik" ON split (nik, month);
      ALTER TABLE split DROP CONSTRAINT "PK_split";
      ALTER TABLE split ADD CONSTRAINT "PK_split" PRIMARY KEY (month, nik, pledge_code);
    `);
  }
}
