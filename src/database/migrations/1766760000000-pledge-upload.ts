import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `pledge_upload`: one row per pledge sheet saved (not a dry run), with its checksum, who and when,
 * its counts and the file's headers, as `payment_upload` keeps payment sheets; its refused rows go
 * to `upload_issue` under this id, so the sheet can be listed again and its row report (Perbaiki)
 * downloaded. Before it a pledge sheet's refusals were only in the answer.
 *
 * `upload_issue.sheet`: the sheet of the file an issue is on, for the uploads read from two sheets
 * (a pledge sheet's `Daftar`); null for the upload's main sheet, the one its row report repeats:
 * every issue of every other kind of upload.
 */
export class PledgeUpload1766760000000 implements MigrationInterface {
  name = 'PledgeUpload1766760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pledge_upload (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        filename text NOT NULL,
        checksum text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL,
        rows_read integer NOT NULL,
        accepted integer NOT NULL,
        rejected integer NOT NULL,
        column_labels jsonb,
        CONSTRAINT "PK_pledge_upload" PRIMARY KEY (id)
      )`);
    await q.query('CREATE INDEX "IDX_pledge_upload_uploaded_at" ON pledge_upload (uploaded_at)');
    await q.query('ALTER TABLE upload_issue ADD COLUMN sheet text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE upload_issue DROP COLUMN sheet');
    await q.query('DROP TABLE pledge_upload');
  }
}
