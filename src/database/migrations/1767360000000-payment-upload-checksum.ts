import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `payment_upload.checksum`: the SHA-256 of the sheet (as bills, PBI-APBN lists and enrollment uploads keep it), so a
 * sheet sent again whose payments are all recorded already is recognised as that earlier upload (named by file, user
 * and time) instead of refused as 500 rejected rows. Null for uploads stored before it. `IDX_payment_upload_checksum`
 * finds the earlier upload of a file.
 */
export class PaymentUploadChecksum1767360000000 implements MigrationInterface {
  name = 'PaymentUploadChecksum1767360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE payment_upload ADD COLUMN checksum text');
    await q.query('CREATE INDEX "IDX_payment_upload_checksum" ON payment_upload (checksum, uploaded_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_payment_upload_checksum"');
    await q.query('ALTER TABLE payment_upload DROP COLUMN checksum');
  }
}
