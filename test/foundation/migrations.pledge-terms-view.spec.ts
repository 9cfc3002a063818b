/**
 * Migration PledgeTermsView: `pledge_terms`, a pledge's terms at each revision from `pledge_revision`'s snapshots
 * (source type, fund, fiscal year and priority as generated columns), after completing the snapshots of pledges
 * written without one, or with an empty one (`{}`). Down drops the view and the columns; up on the same data makes
 * them again.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PledgeTermsView1767700000000 } from '../../src/database/migrations/1767700000000-pledge-terms-view.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('migration: pledge_terms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('completes missing and empty snapshots, then reads each revision\'s terms; down drops them, up makes them again', async () => {
    const migration = new PledgeTermsView1767700000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    const terms = () => runner.query(`SELECT code, revision, source_type, fund, funder, fiscal_year, village_codes, budget, priority FROM pledge_terms WHERE code LIKE 'MIG-%' ORDER BY code, revision`);
    try {
      await migration.down(runner);
      await runner.query(`
        INSERT INTO pledge (code, revision, source_type, fund, funder, fiscal_year, scope, village_codes, budget, priority, created_by)
        VALUES ('MIG-A', 2, 'DESA', 'ADD', 'Desa A', 2026, 'VILLAGES', '{17.03.06.2001}', 5000000, 20, 'uji'),
               ('MIG-B', 1, 'APBD', NULL, 'Pemkab', 2026, 'ALL', '{}', NULL, 90, 'uji')`);
      // MIG-A: revision 1 recorded whole (Dana Desa), revision 2 empty; MIG-B: no revision at all
      await runner.query(`
        INSERT INTO pledge_revision (code, revision, data, changed_by) VALUES
          ('MIG-A', 1, '{"code":"MIG-A","sourceType":"DESA","fund":"DANA_DESA","funder":"Desa A","fiscalYear":2026,"villageCodes":["17.03.06.2001"],"budget":4000000,"priority":20}', 'uji'),
          ('MIG-A', 2, '{}', 'uji')`);
      await migration.up(runner);
      expect(await terms()).toEqual([
        { code: 'MIG-A', revision: 1, source_type: 'DESA', fund: 'DANA_DESA', funder: 'Desa A', fiscal_year: 2026, village_codes: ['17.03.06.2001'], budget: '4000000', priority: 20 },
        { code: 'MIG-A', revision: 2, source_type: 'DESA', fund: 'ADD', funder: 'Desa A', fiscal_year: 2026, village_codes: ['17.03.06.2001'], budget: '5000000', priority: 20 },
        { code: 'MIG-B', revision: 1, source_type: 'APBD', fund: null, funder: 'Pemkab', fiscal_year: 2026, village_codes: [], budget: null, priority: 90 },
      ]);
      await migration.down(runner);
      expect(await runner.query(`SELECT to_regclass('pledge_terms') IS NULL AS gone`)).toEqual([{ gone: true }]);
      expect(await runner.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'pledge_revision' AND column_name = 'source_type'`)).toEqual([{ n: 0 }]);
    } finally {
      await migration.up(runner);
      await runner.query(`DELETE FROM pledge_revision WHERE code LIKE 'MIG-%'`);
      await runner.query(`DELETE FROM pledge WHERE code LIKE 'MIG-%'`);
      await runner.release();
    }
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM pledge_terms`)).toEqual([{ n: 0 }]);
  });
});
