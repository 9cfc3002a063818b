import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `payment_upload`: one row per payment sheet that recorded payments, with its counts, so that its
 * rejected and warned rows (`upload_issue`, keyed by this id) can be downloaded as a row report like
 * every other upload's (DOMAIN §12). Before it, a payment sheet's findings were only in the answer.
 */
export class PaymentUpload1766100000000 implements MigrationInterface {
  name = 'PaymentUpload1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payment_upload (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        filename text NOT NULL,
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL,
        rows_read integer NOT NULL,
        accepted integer NOT NULL,
        rejected integer NOT NULL,
        warnings integer NOT NULL,
        payments integer NOT NULL,
        amount bigint NOT NULL,
        CONSTRAINT "PK_payment_upload" PRIMARY KEY (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE payment_upload');
  }
}
