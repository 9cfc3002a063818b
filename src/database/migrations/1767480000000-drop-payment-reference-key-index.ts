import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops `IDX_payment_reference_key` (migration 1766000000000). RECORDED_ALREADY no longer probes it per
 * candidate row: it reads the payments of the asked pledge-months once through
 * `IDX_payment_month_pledge` and joins on the computed key (payments/sql/duplicate-payments.sql.ts),
 * so the index only cost every payment's insert a regular-expression call and an index entry.
 */
export class DropPaymentReferenceKeyIndex1767480000000 implements MigrationInterface {
  name = 'DropPaymentReferenceKeyIndex1767480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_payment_reference_key"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_payment_reference_key" ON payment (pledge_code, month, (lower(regexp_replace(btrim(reference), '[[:space:]]+', ' ', 'g'))))`);
  }
}
