/**
 * Migration PledgeWithdrawal: `pledge.withdrawn_at` and `withdrawn_by`, both or neither (CHK_pledge_withdrawn). Down
 * drops them; up on the same data makes them again, every pledge standing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PledgeWithdrawal1768000000000 } from '../../src/database/migrations/1768000000000-pledge-withdrawal.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('migration: pledge withdrawal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('adds the columns with their check; down drops them, up makes them again', async () => {
    const migration = new PledgeWithdrawal1768000000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    const columns = async () =>
      (await runner.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'pledge' AND column_name LIKE 'withdrawn%' ORDER BY column_name`)).map((r: { column_name: string }) => r.column_name);
    try {
      await runner.query(`INSERT INTO pledge (code, source_type, funder, fiscal_year, scope, priority, created_by) VALUES ('MIG-W', 'APBD', 'Pemkab', 2026, 'ALL', 90, 'uji')`);
      expect(await columns()).toEqual(['withdrawn_at', 'withdrawn_by']);
      await expect(runner.query(`UPDATE pledge SET withdrawn_at = now() WHERE code = 'MIG-W'`)).rejects.toThrow(/CHK_pledge_withdrawn/);
      await runner.query(`UPDATE pledge SET withdrawn_at = now(), withdrawn_by = 'uji' WHERE code = 'MIG-W'`);
      await migration.down(runner);
      expect(await columns()).toEqual([]);
      await migration.up(runner);
      expect(await runner.query(`SELECT withdrawn_at, withdrawn_by FROM pledge WHERE code = 'MIG-W'`)).toEqual([{ withdrawn_at: null, withdrawn_by: null }]);
    } finally {
      await runner.query(`DELETE FROM pledge WHERE code = 'MIG-W'`);
      await runner.release();
    }
  });
});
