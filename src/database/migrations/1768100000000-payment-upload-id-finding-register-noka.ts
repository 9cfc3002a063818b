import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `payment.upload_id`: the payment sheet (`payment_upload`) a payment was recorded from, null for one recorded on its
 * own (POST /payments) and for payments stored before it (QA: an auditor could not trace the payments of a sheet,
 * whose `payment.upload` audit event held only the file's name and size). Who recorded a payment and when were kept
 * from the start (`created_by`, `created_at`, set by both paths), only not shown. The upload row is written after the
 * sheet's payments (its counts are known last), in the same transaction, so `FK_payment_upload` is checked at commit
 * (DEFERRABLE INITIALLY DEFERRED). `IDX_payment_upload_id` lists a sheet's payments (GET /payments?uploadId=).
 *
 * `finding.register_noka`: the participant's NOKA in the register when the run classified the line (null without a
 * participant, and for findings stored before it), beside `noka`, the billed one (QA: a NOKA_MISMATCH showed only the
 * billed NOKA, so the officer could not tell what the register held without opening the participant).
 */
export class PaymentUploadIdFindingRegisterNoka1768100000000 implements MigrationInterface {
  name = 'PaymentUploadIdFindingRegisterNoka1768100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE payment ADD COLUMN upload_id uuid');
    await q.query(
      'ALTER TABLE payment ADD CONSTRAINT "FK_payment_upload" FOREIGN KEY (upload_id) REFERENCES payment_upload (id) DEFERRABLE INITIALLY DEFERRED',
    );
    await q.query('CREATE INDEX "IDX_payment_upload_id" ON payment (upload_id) WHERE upload_id IS NOT NULL');
    await q.query('ALTER TABLE finding ADD COLUMN register_noka text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE finding DROP COLUMN register_noka');
    await q.query('DROP INDEX "IDX_payment_upload_id"');
    await q.query('ALTER TABLE payment DROP CONSTRAINT "FK_payment_upload"');
    await q.query('ALTER TABLE payment DROP COLUMN upload_id');
  }
}
