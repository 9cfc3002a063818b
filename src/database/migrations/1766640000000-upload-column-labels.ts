import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `column_labels` on `bill`, `pbi_apbn_list` and `payment_upload`, as on `enrollment_upload`
 * (migration 1766400000000): each column's header as the file wrote it (`{"NOKA": "No Kartu",
 * "NIK": "NIK", …}`, labelsByName of HeaderMatch.labels), so the upload's row report heads its
 * `Perbaiki` sheet as the uploaded file was, like the findings it lists. Null for uploads made
 * before (their report keeps the columns' own names).
 */
export class UploadColumnLabels1766640000000 implements MigrationInterface {
  name = 'UploadColumnLabels1766640000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} ADD COLUMN column_labels jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} DROP COLUMN column_labels`);
  }
}

const TABLES = ['bill', 'pbi_apbn_list', 'payment_upload'] as const;
