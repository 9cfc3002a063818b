/**
 * The duplicate check of payments (RECORDED_ALREADY) is set-based: the payments of the pledge-months asked are read
 * once for all candidates, whatever their count, and joined on the key (pledge, month, reference without case or
 * extra spaces). A probe per candidate was planned on PGlite (no autovacuum, so no statistics) as a scan of the
 * pledge-month's payments per candidate: a sheet's cost grew with what was stored (QA: 20,000 rows in one
 * pledge-month 572 s, 500 more 39 s). Asserted without ANALYZE, as PGlite runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RECORDED_ALREADY } from '../../src/payments/sql/duplicate-payments.sql.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('payments: the duplicate check reads the stored payments once per batch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertPledge(t.dataSource, 'DBH-2026');
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by)
       SELECT 'APBD-2026', '2026-10', 1000, date '2026-10-05', 'SP2D ' || g, 'uji' FROM generate_series(1, 2000) g
       UNION ALL SELECT 'APBD-2026', '2026-11', 1000, '2026-11-05', 'SP2D NOV', 'uji'
       UNION ALL SELECT 'DBH-2026', '2026-10', 1000, '2026-10-05', 'SP2D DBH', 'uji'`,
    );
  });
  afterAll(() => t?.close());

  it('finds each recorded candidate (other case and spacing too) and only those, at its position', async () => {
    const candidates: [string, string, string][] = [
      ['APBD-2026', '2026-10', '  sp2d   7 '], // 1: recorded, written otherwise
      ['APBD-2026', '2026-10', 'SP2D 9999'], // 2: new
      ['APBD-2026', '2026-11', 'SP2D 7'], // 3: recorded in another month only
      ['APBD-2026', '2026-11', 'sp2d nov'], // 4: recorded
      ['DBH-2026', '2026-10', 'SP2D 7'], // 5: recorded for another pledge only
      ['DBH-2026', '2026-10', 'SP2D\tDBH'], // 6: recorded
      ['APBD-2026', '2026-10', 'SP2D 2000'], // 7: recorded
    ];
    const found: { position: number; id: string }[] = await t.dataSource.query(RECORDED_ALREADY, [candidates.map((c) => c[0]), candidates.map((c) => c[1]), candidates.map((c) => c[2])]);
    expect(found.map((r) => r.position)).toEqual([1, 4, 6, 7]);
    const [stored] = await t.dataSource.query(`SELECT id FROM payment WHERE reference = 'SP2D 7'`);
    expect(found[0].id).toBe(stored.id);
  });

  it('reads the payment table once for 1,000 candidates, not once per candidate', async () => {
    const n = 1000;
    const args = [Array(n).fill('APBD-2026'), Array(n).fill('2026-10'), Array.from({ length: n }, (_, i) => `SP2D ${i * 3}`)];
    const plan = (await t.dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${RECORDED_ALREADY}`, args)).map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
    const scans = plan.split('\n').filter((line: string) => / on payment x/.test(line));
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatch(/loops=1(\.00)?\)/); // one asked pledge-month: one pass
    const found = await t.dataSource.query(RECORDED_ALREADY, args);
    expect(found).toHaveLength(666); // SP2D 3, 6, …, 1998 are recorded; SP2D 0 and those past 2000 are not
  });
});
