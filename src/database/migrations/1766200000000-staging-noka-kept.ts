import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `enrollment_staging.noka_kept`: true when the uploaded row left NOKA empty and promotion kept the
 * register's card (KEEP_UNSTATED). A finding's copy of the row as uploaded (`upload_issue.raw`) then
 * shows NOKA empty, as the operator typed it, not the card the register supplied (QA).
 */
export class StagingNokaKept1766200000000 implements MigrationInterface {
  name = 'StagingNokaKept1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enrollment_staging ADD COLUMN noka_kept boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enrollment_staging DROP COLUMN noka_kept');
  }
}
