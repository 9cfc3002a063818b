import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `enrollment_upload.column_labels`: each column's header as the file wrote it when that is an
 * alias (`{"NOKA": "No Kartu", "NIK": "NIK", …}`, HeaderMatch.labels keyed by column name), so the
 * row report's `Perbaiki` sheet is headed as the uploaded file was, like the findings it lists.
 * Null for uploads made before (their report keeps the columns' own names).
 */
export class EnrollmentUploadColumnLabels1766400000000 implements MigrationInterface {
  name = 'EnrollmentUploadColumnLabels1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enrollment_upload ADD COLUMN column_labels jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enrollment_upload DROP COLUMN column_labels');
  }
}
