/**
 * Migration PledgeUploadPledges: `pledge_upload.pledges` (the pledges a sheet saved, to recognise the same file sent
 * again) and IDX_pledge_upload_checksum; down drops both, up brings them back.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PledgeUploadPledges1767550000000 } from '../../src/database/migrations/1767550000000-pledge-upload-pledges.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Queryable = { query(sql: string, args?: unknown[]): Promise<Record<string, string>[]> };

describe('migration: pledge_upload.pledges and its checksum index', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const shape = async (on: Queryable) => ({
    column: (await on.query(`SELECT data_type FROM information_schema.columns WHERE table_name = 'pledge_upload' AND column_name = 'pledges'`))[0]?.data_type,
    index: (await on.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'pledge_upload' AND indexname = 'IDX_pledge_upload_checksum'`))[0]?.indexdef.replace(/^.* USING /, ''),
  });
  const made = { column: 'jsonb', index: 'btree (checksum, uploaded_at)' };

  it('up adds the column and the index, down drops both', async () => {
    const migration = new PledgeUploadPledges1767550000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await shape(runner)).toEqual(made);
      await migration.down(runner);
      expect(await shape(runner)).toEqual({ column: undefined, index: undefined });
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await shape(t.dataSource)).toEqual(made);
  });
});
