import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `IDX_payment_adjusts_month`: the corrections of a month (`adjusts_month`, DOMAIN §9), by the month they correct
 * and then the pledge. Three readers filter on it: `GET /payments?adjustsMonth=` (that month only, any pledge), the
 * payment warnings' `corrected` (one month and pledge) and the report's corrections (a range of months and some
 * pledges); with `adjusts_month` first all three are one index range, where `(pledge_code, adjusts_month)` would not
 * serve the list without a pledge. Before it each read every payment (`IDX_payment_month_pledge` leads with the
 * month paid in, not the month corrected). Partial, `WHERE adjusts_month IS NOT NULL`: corrections are few among the
 * payments, so the index holds them only and stays small, and every reader's equality or `BETWEEN` on
 * `adjusts_month` implies the condition.
 */
export class PaymentAdjustsMonthIndex1767240000000 implements MigrationInterface {
  name = 'PaymentAdjustsMonthIndex1767240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "IDX_payment_adjusts_month" ON payment (adjusts_month, pledge_code) WHERE adjusts_month IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_payment_adjusts_month"');
  }
}
