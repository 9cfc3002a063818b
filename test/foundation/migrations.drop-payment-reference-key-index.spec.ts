/**
 * Migration DropPaymentReferenceKeyIndex: IDX_payment_reference_key is gone (down brings it back), and the
 * duplicate check it once served reads the asked pledge-months through IDX_payment_month_pledge.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DropPaymentReferenceKeyIndex1767480000000 } from '../../src/database/migrations/1767480000000-drop-payment-reference-key-index.js';
import { RECORDED_ALREADY } from '../../src/payments/sql/duplicate-payments.sql.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Queryable = { query(sql: string, args?: unknown[]): Promise<Record<string, string>[]> };

describe('payments: no index on the reference key; the duplicate check reads pledge-months', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (let p = 1; p <= 20; p++) await insertPledge(t.dataSource, `APBD-${p}`);
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by)
       SELECT 'APBD-' || (g % 20 + 1), '2026-' || lpad((g % 6 + 7)::text, 2, '0'), 1000, '2026-10-05', 'SP2D ' || g, 'uji'
       FROM generate_series(1, 20000) g`,
    );
    await t.dataSource.query('ANALYZE payment');
  });
  afterAll(() => t?.close());

  const indexes = async (on: Queryable) => (await on.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'payment' ORDER BY indexname`)).map((r) => r.indexname);

  it('up has dropped IDX_payment_reference_key, down creates it again', async () => {
    expect(await indexes(t.dataSource)).not.toContain('IDX_payment_reference_key');
    const migration = new DropPaymentReferenceKeyIndex1767480000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await migration.down(runner);
      expect(await indexes(runner)).toContain('IDX_payment_reference_key');
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await indexes(t.dataSource)).not.toContain('IDX_payment_reference_key');
  });

  it('RECORDED_ALREADY finds a stored payment by its key through IDX_payment_month_pledge', async () => {
    const args = [['APBD-2', 'APBD-3'], ['2026-08', '2026-08'], ['  sp2d   1 ', 'SP2D 999999']];
    const plan = (await t.dataSource.query(`EXPLAIN ${RECORDED_ALREADY}`, args)).map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
    expect(plan).toContain('IDX_payment_month_pledge');
    const [stored] = await t.dataSource.query(`SELECT id FROM payment WHERE reference = 'SP2D 1'`);
    expect(await t.dataSource.query(RECORDED_ALREADY, args)).toEqual([{ position: 1, id: stored.id }]);
  });
});
