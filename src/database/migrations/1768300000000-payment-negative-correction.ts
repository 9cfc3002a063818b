import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A correction (`adjusts_month` set) may give money back: a negative amount recorded in an open month for a closed
 * month that was overpaid (a participant found dead after the month was finalized, whose premium the funder paid for
 * nothing; a BPJS credit note). An ordinary payment stays positive, and no payment is 0. `CHK_payment_amount` was
 * `amount > 0`.
 */
export class PaymentNegativeCorrection1768300000000 implements MigrationInterface {
  name = 'PaymentNegativeCorrection1768300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payment DROP CONSTRAINT "CHK_payment_amount"`);
    await q.query(`ALTER TABLE payment ADD CONSTRAINT "CHK_payment_amount" CHECK (amount > 0 OR (adjusts_month IS NOT NULL AND amount <> 0))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // fails while a negative correction is stored: remove it (or record its reversal otherwise) first
    await q.query(`ALTER TABLE payment DROP CONSTRAINT "CHK_payment_amount"`);
    await q.query(`ALTER TABLE payment ADD CONSTRAINT "CHK_payment_amount" CHECK (amount > 0)`);
  }
}
