import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `column_order` and `list_column_order` on `pledge_upload`, as `column_order` on the other uploads (migration
 * 1767000000000): the own names of the columns the `Komitmen` and the `Daftar` sheet had, in the file's order
 * (`{NILAI,KODE}` for a `Daftar` headed so), so the row report's `Perbaiki` and `Daftar` sheets keep the file's
 * layout. Null for uploads made before (their report keeps the service's order), and `list_column_order` for a
 * file without a `Daftar` sheet.
 */
export class PledgeUploadColumnOrder1767120000000 implements MigrationInterface {
  name = 'PledgeUploadColumnOrder1767120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE pledge_upload ADD COLUMN column_order text[], ADD COLUMN list_column_order text[]');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE pledge_upload DROP COLUMN list_column_order, DROP COLUMN column_order');
  }
}
