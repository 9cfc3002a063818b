import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `allocation_funded`: what each pledge funds in an allocated month (participants = its splits,
 * rupiah), written by AllocateMonth with the month's splits, from the totals it has in memory.
 * The month's summary (POST/GET /allocations) reads these few rows instead of grouping the
 * month's million splits (about 0.5 s at a million participants), and so does the budget a pledge
 * used in the earlier months of its year (§6), which for December grouped eleven months of splits.
 * Existing allocated months are filled from their splits.
 */
export class AllocationFunded1765300000000 implements MigrationInterface {
  name = 'AllocationFunded1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE allocation_funded (
        month text NOT NULL,
        pledge_code text NOT NULL,
        participants integer NOT NULL,
        amount bigint NOT NULL,
        CONSTRAINT "PK_allocation_funded" PRIMARY KEY (month, pledge_code),
        CONSTRAINT "FK_allocation_funded_month" FOREIGN KEY (month) REFERENCES allocation_month (month) ON DELETE CASCADE
      )`);
    await q.query(`
      INSERT INTO allocation_funded (month, pledge_code, participants, amount)
      SELECT s.month, s.pledge_code, count(*), sum(s.amount)
        FROM split s
       WHERE s.month IN (SELECT month FROM allocation_month)
       GROUP BY s.month, s.pledge_code`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE allocation_funded');
  }
}
