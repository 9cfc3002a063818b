/**
 * Migration PaymentAdjustsMonthIndex: IDX_payment_adjusts_month holds the corrections only (adjusts_month, then
 * pledge), down drops it; and the three readers of corrections read them through it, not every payment: the
 * Pembayaran list's `adjustsMonth=`, the payment warnings' `corrected` and the report's corrections.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PaymentAdjustsMonthIndex1767240000000 } from '../../src/database/migrations/1767240000000-payment-adjusts-month-index.js';
import { PLEDGE_MONTHS_DUE_AND_PAID } from '../../src/payments/sql/payment-warnings.sql.js';
import { CORRECTIONS_OF_MONTHS } from '../../src/reports/sql/report.sql.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Queryable = { query(sql: string, args?: unknown[]): Promise<Record<string, string>[]> };

describe('payments: the corrections of a month are read through IDX_payment_adjusts_month', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (let p = 1; p <= 20; p++) await insertPledge(t.dataSource, `APBD-${p}`);
    // 20,000 payments of 2026, one in a hundred a correction of an earlier month: enough rows that a scan costs more
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by)
       SELECT 'APBD-' || (g % 20 + 1), '2026-' || lpad((g % 6 + 7)::text, 2, '0'), 1000, '2026-10-05', 'SP2D ' || g,
              CASE WHEN g % 100 = 0 THEN '2026-' || lpad((g % 6 + 1)::text, 2, '0') END, 'uji'
       FROM generate_series(1, 20000) g`,
    );
    await t.dataSource.query('ANALYZE payment');
  });
  afterAll(() => t?.close());

  const definition = async (on: Queryable) =>
    (await on.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'payment' AND indexname = 'IDX_payment_adjusts_month'`))[0]?.indexdef.replace(/^.* USING /, '');

  const plan = async (on: Queryable, sql: string, args: unknown[]) =>
    (await on.query(`EXPLAIN ${sql}`, args)).map((r) => Object.values(r)[0]).join('\n');

  it('up creates the partial index (adjusts_month, pledge_code) of the corrections, down drops it', async () => {
    const migration = new PaymentAdjustsMonthIndex1767240000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await definition(runner)).toBe('btree (adjusts_month, pledge_code) WHERE (adjusts_month IS NOT NULL)');
      await migration.down(runner);
      expect(await definition(runner)).toBeUndefined();
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await definition(t.dataSource)).toBe('btree (adjusts_month, pledge_code) WHERE (adjusts_month IS NOT NULL)');
  });

  it("GET /payments?adjustsMonth= (the list's filter and order), the warnings and the report read it", async () => {
    const list = `SELECT * FROM payment WHERE adjusts_month = $1 ORDER BY month, pledge_code, paid_at, created_at, id LIMIT 50`;
    expect(await plan(t.dataSource, list, ['2026-03'])).toContain('IDX_payment_adjusts_month');
    expect(await plan(t.dataSource, PLEDGE_MONTHS_DUE_AND_PAID, [['APBD-1', 'APBD-2'], ['2026-03', '2026-04']])).toContain('IDX_payment_adjusts_month');
    expect(await plan(t.dataSource, CORRECTIONS_OF_MONTHS, ['2026-01', '2026-03', ['APBD-1', 'APBD-5']])).toContain('IDX_payment_adjusts_month');
  });
});
