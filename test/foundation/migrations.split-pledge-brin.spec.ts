/**
 * Migration SplitPledgeBrin: a pledge's splits are found by a BRIN index on pledge_code in every
 * partition of `split` (the month partitions already attached included); down brings back the
 * b-tree (pledge_code, month).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SplitPledgeBrin1765400000000 } from '../../src/database/migrations/1765400000000-split-pledge-brin.js';
import { Role } from '../../src/users/role.js';
import { insertParticipants, testNik } from '../funding/support/register.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('the splits of a pledge are indexed by block range', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-15T03:00:00Z')); // January 2027 may be allocated (MONTH_IN_FUTURE)
    const keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2025-06-01' }]);
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2027', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2027, scope: 'ALL' }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2027-01' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The pledge index of each partition of `split` touched here: its access method and columns. */
  const pledgeIndexes = (on: { query(sql: string): Promise<unknown> }) =>
    on.query(`
      SELECT t.relname AS partition, am.amname AS method, pg_get_indexdef(ix.indexrelid, 0, true) ~ 'pledge_code, month' AS with_month
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_class x ON x.oid = ix.indexrelid
        JOIN pg_am am ON am.oid = x.relam
       WHERE t.relname IN ('split', 'split_default', 'split_2027_01') AND pg_get_indexdef(ix.indexrelid) ~ '\\(pledge_code'
       ORDER BY 1`);

  it('up gives every partition, old and new, the BRIN index; down the b-tree (pledge_code, month)', async () => {
    const migration = new SplitPledgeBrin1765400000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await pledgeIndexes(runner)).toEqual(['split', 'split_2027_01', 'split_default'].map((partition) => ({ partition, method: 'brin', with_month: false })));
      await migration.down(runner);
      expect(await pledgeIndexes(runner)).toEqual(['split', 'split_2027_01', 'split_default'].map((partition) => ({ partition, method: 'btree', with_month: true })));
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await pledgeIndexes(t.dataSource)).toEqual(['split', 'split_2027_01', 'split_default'].map((partition) => ({ partition, method: 'brin', with_month: false })));
  });
});
