/**
 * Migration EnrollmentUploadSuperseded: uploads followed by a file of other content are marked
 * superseded (no longer recognised), and the checksum's unique index covers only the others.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EnrollmentUploadSuperseded1766300000000 } from '../../src/database/migrations/1766300000000-enrollment-upload-superseded.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('enrollment uploads superseded by a later file of other content', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('up marks every upload a file of other content came after; down restores the old index', async () => {
    const migration = new EnrollmentUploadSuperseded1766300000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await runner.query('DELETE FROM enrollment_upload');
      await migration.down(runner);
      const add = (checksum: string, at: string, status = 'DONE') =>
        runner.query(`INSERT INTO enrollment_upload (filename, checksum, size_bytes, status, uploaded_by, uploaded_at) VALUES ($1, $1, 1, $2, 'op', $3)`, [checksum, status, at]);
      await add('a', '2026-11-01T01:00:00Z');
      await add('b', '2026-11-02T01:00:00Z');
      await add('a', '2026-11-03T01:00:00Z', 'FAILED');
      await add('c', '2026-11-04T01:00:00Z');
      await migration.up(runner);
      const rows = await runner.query(`SELECT checksum, status, superseded FROM enrollment_upload ORDER BY uploaded_at`);
      expect(rows).toEqual([
        { checksum: 'a', status: 'DONE', superseded: true },
        { checksum: 'b', status: 'DONE', superseded: true },
        { checksum: 'a', status: 'FAILED', superseded: true },
        { checksum: 'c', status: 'DONE', superseded: false },
      ]);
      // 'a' again is a new upload now; a second current 'c' is refused by the index
      await add('a', '2026-11-05T01:00:00Z');
      await expect(add('c', '2026-11-06T01:00:00Z')).rejects.toThrow(/UQ_enrollment_upload_checksum/);
    } finally {
      await runner.query('DELETE FROM enrollment_upload');
      await runner.release();
    }
  });
});
