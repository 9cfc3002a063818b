import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly schedule's own record (DOMAIN §10): one row per month the 02:00 job has handled.
 * The primary key is the "unique run record" that, with an advisory lock, lets exactly one
 * instance run a month; a FAILED row is retried on the next trigger (cron or start-up catch-up).
 */
export class MonthlySchedule1764700000000 implements MigrationInterface {
  name = 'MonthlySchedule1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_month (
        month text NOT NULL,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 1,
        outcome jsonb NOT NULL DEFAULT '{}',
        error text,
        ran_at timestamptz NOT NULL,
        CONSTRAINT "PK_scheduled_month" PRIMARY KEY (month),
        CONSTRAINT "CHK_scheduled_month_status" CHECK (status IN ('DONE', 'FAILED'))
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE scheduled_month');
  }
}
