/**
 * A statement's page of splits or obligations (NIKs in COLLATE "C") finds its participants through
 * PK_participant, not by hashing the whole register for every page: the key serves the join only
 * when `participant.nik` has the same collation (migration 1765500000000).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PLEDGE_SPLITS_PAGE, VILLAGE_RESIDENTS_PAGE } from '../../src/reports/sql/statement.sql.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';

describe('statement pages join the register by its primary key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  /** The plan of `sql` when only a join that looks each row up by an index is allowed. */
  const planWithLookupsOnly = (sql: string, params: unknown[]) =>
    t.dataSource.transaction(async (m) => {
      for (const off of ['enable_hashjoin', 'enable_mergejoin', 'enable_seqscan']) await m.query(`SET LOCAL ${off} = off`);
      const rows: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN ${sql}`, params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });

  it('a pledge statement page', async () => {
    const plan = await planWithLookupsOnly(PLEDGE_SPLITS_PAGE, ['APBD-2026', '2026-01', '', 100]);
    expect(plan).toMatch(/Index Scan using "PK_participant" on participant/);
  });

  it('a village statement page', async () => {
    const plan = await planWithLookupsOnly(VILLAGE_RESIDENTS_PAGE, ['2026-01', '2026-12', '17.03.06.2001', ['DESA-1703062001-2026'], '', '', 100]);
    expect(plan).toMatch(/Index Scan using "PK_participant" on participant/);
  });
});
