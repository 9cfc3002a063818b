import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `pledge_upload.pledges`: the pledges the sheet saved, as its answer listed them (`rowNumber`, `code`, `warnings`),
 * so that the same file sent again, while each of those pledges still stands as the upload made it, is recognised
 * as that upload (named by file, user and time) instead of stored again with every row refused as a code taken (QA,
 * as payment sheets since 1767360000000). Null for uploads stored before it. `IDX_pledge_upload_checksum` finds the
 * earlier uploads of a file.
 */
export class PledgeUploadPledges1767550000000 implements MigrationInterface {
  name = 'PledgeUploadPledges1767550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE pledge_upload ADD COLUMN pledges jsonb');
    await q.query('CREATE INDEX "IDX_pledge_upload_checksum" ON pledge_upload (checksum, uploaded_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_pledge_upload_checksum"');
    await q.query('ALTER TABLE pledge_upload DROP COLUMN pledges');
  }
}
