/**
 * Migration ParticipantNikCCollation: `participant.nik` gets the "C" collation of the month tables'
 * NIKs, its primary key rebuilt with it; down gives both back the database's default collation.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ParticipantNikCCollation1765500000000 } from '../../src/database/migrations/1765500000000-participant-nik-c-collation.js';
import { insertParticipants, testNik } from '../funding/support/register.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('participant NIKs are compared by code point, like the month tables', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: testNik(901), tmt: '2025-06-01' }]);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The collation of participant.nik and of the key column of PK_participant. */
  const collations = (on: { query(sql: string): Promise<unknown> }) =>
    on.query(`
      SELECT (SELECT c.collname FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation
               WHERE a.attrelid = 'participant'::regclass AND a.attname = 'nik') AS "column",
             (SELECT c.collname FROM pg_index i JOIN pg_collation c ON c.oid = i.indcollation[0]
               WHERE i.indexrelid = '"PK_participant"'::regclass) AS "key"`);

  it('up sets "C" on the column and its key, down the default; the register keeps its rows', async () => {
    const migration = new ParticipantNikCCollation1765500000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await collations(runner)).toEqual([{ column: 'C', key: 'C' }]);
      await migration.down(runner);
      expect(await collations(runner)).toEqual([{ column: 'default', key: 'default' }]);
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await collations(t.dataSource)).toEqual([{ column: 'C', key: 'C' }]);
    expect(await t.dataSource.query(`SELECT nik FROM participant WHERE nik = $1`, [testNik(901)])).toEqual([{ nik: testNik(901) }]);
  });
});
