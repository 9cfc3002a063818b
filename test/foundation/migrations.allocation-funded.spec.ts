/**
 * Migration AllocationFunded: the per-pledge totals of every month already allocated are filled
 * from its splits; months never allocated (rows written directly) get none; down drops the table.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AllocationFunded1765300000000 } from '../../src/database/migrations/1765300000000-allocation-funded.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('allocation_funded is filled from the splits of the months allocated before it existed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('up sums each allocated month per pledge; a month without allocation_month gets nothing', async () => {
    const migration = new AllocationFunded1765300000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await migration.down(runner);
      await runner.query(`
        INSERT INTO allocation_month (month, fiscal_year, status) VALUES ('2026-01', 2026, 'CURRENT'), ('2026-02', 2026, 'STALE')`);
      await runner.query(`
        INSERT INTO split (month, nik, pledge_code, pledge_revision, amount) VALUES
          ('2026-01', '1703060101000001', 'APBD-2026', 1, 37800),
          ('2026-01', '1703060101000002', 'APBD-2026', 1, 22680),
          ('2026-01', '1703060101000002', 'APBD_PROV-2026', 2, 15120),
          ('2026-02', '1703060101000001', 'APBD-2026', 1, 37800),
          ('2026-03', '1703060101000001', 'APBD-2026', 1, 37800)`);
      await migration.up(runner);
      expect(await runner.query(`SELECT month, pledge_code, participants, amount::int FROM allocation_funded ORDER BY month, pledge_code`)).toEqual([
        { month: '2026-01', pledge_code: 'APBD-2026', participants: 2, amount: 60480 },
        { month: '2026-01', pledge_code: 'APBD_PROV-2026', participants: 1, amount: 15120 },
        { month: '2026-02', pledge_code: 'APBD-2026', participants: 1, amount: 37800 },
      ]);
    } finally {
      await runner.release();
    }
  });
});
