/**
 * Migration ParticipantKeyCoversCoverage: PK_participant carries the columns the allocation reads
 * (village, TMT, TAT), so the month's candidates are read from the key alone; down gives the key
 * back its NIK only.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ParticipantKeyCoversCoverage1765700000000 } from '../../src/database/migrations/1765700000000-participant-key-covers-coverage.js';
import { COVERED_PARTICIPANTS } from '../../src/funding/sql/allocate.sql.js';
import { insertParticipants, testNik } from '../funding/support/register.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe("the register's key covers what a month's allocation reads of it", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: testNik(902), tmt: '2025-06-01' }]);
  });
  afterAll(async () => {
    await t.close();
  });

  const key = async (on: { query(sql: string): Promise<{ key: string }[]> }) =>
    (await on.query(`SELECT pg_get_indexdef('"PK_participant"'::regclass) AS key`))[0].key.replace(/^.* USING /, '');

  it('up makes the key (nik) INCLUDE (village_code, tmt, tat), down (nik); the register keeps its rows', async () => {
    const migration = new ParticipantKeyCoversCoverage1765700000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await key(runner)).toBe('btree (nik) INCLUDE (village_code, tmt, tat)');
      await migration.down(runner);
      expect(await key(runner)).toBe('btree (nik)');
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await key(t.dataSource)).toBe('btree (nik) INCLUDE (village_code, tmt, tat)');
    expect(await t.dataSource.query(`SELECT nik FROM participant WHERE nik = $1`, [testNik(902)])).toEqual([{ nik: testNik(902) }]);
  });

  it("reads a month's candidates from the key alone (an index-only scan), never from the rows", async () => {
    await t.dataSource.query('VACUUM participant'); // as autovacuum does after an upload: the visibility map set
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('SET enable_seqscan = off'); // a one-row register: the plan a million rows get
      const plan: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN ${COVERED_PARTICIPANTS}`, ['2026-01-01', '2026-01-31']);
      expect(plan[0]['QUERY PLAN']).toMatch(/^Index Only Scan using "PK_participant" on participant/);
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
  });
});
