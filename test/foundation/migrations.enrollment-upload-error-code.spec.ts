/**
 * Migration EnrollmentUploadErrorCode: a FAILED upload keeps its refusal's code and details beside
 * the message; uploads a restart interrupted get PROCESSING_INTERRUPTED; only FAILED ones have a code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EnrollmentUploadErrorCode1766520000000 } from '../../src/database/migrations/1766520000000-enrollment-upload-error-code.js';
import { UploadLease } from '../../src/register/upload-lease.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('enrollment uploads keep the code of their failure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('up names the interrupted uploads failed before it, and refuses a code on an upload that did not fail; down drops both columns', async () => {
    const migration = new EnrollmentUploadErrorCode1766520000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await runner.query('DELETE FROM enrollment_upload');
      await migration.down(runner);
      const add = (checksum: string, status: string, error: string | null) =>
        runner.query(`INSERT INTO enrollment_upload (filename, checksum, size_bytes, status, error, uploaded_by, uploaded_at) VALUES ($1, $1, 1, $2, $3, 'op', now())`, [checksum, status, error]);
      await add('a', 'FAILED', 'Pemrosesan terhenti karena layanan dimulai ulang. Unggah ulang berkas.');
      await add('b', 'FAILED', 'Berkas "b.xlsx" ditolak: …');
      await add('c', 'DONE', null);
      await migration.up(runner);
      expect(await runner.query(`SELECT checksum, error_code, error_details FROM enrollment_upload ORDER BY checksum`)).toEqual([
        { checksum: 'a', error_code: 'PROCESSING_INTERRUPTED', error_details: null },
        { checksum: 'b', error_code: null, error_details: null },
        { checksum: 'c', error_code: null, error_details: null },
      ]);
      await expect(runner.query(`UPDATE enrollment_upload SET error_code = 'X' WHERE checksum = 'c'`)).rejects.toThrow(/CK_enrollment_upload_error_code/);
    } finally {
      await runner.query('DELETE FROM enrollment_upload');
      await runner.release();
    }
  });

  it('an upload a restart interrupted is FAILED with PROCESSING_INTERRUPTED on GET /enrollment-uploads/:id', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO enrollment_upload (filename, checksum, size_bytes, status, progress, rows_read, accepted, rejected, warnings, created, updated, unchanged, uploaded_by, uploaded_at)
       VALUES ('besar.xlsx', 'x', 1, 'PROCESSING', 0.3, 10, 0, 0, 0, 0, 0, 0, 'op', $1) RETURNING id`,
      [new Date(Date.now() - 24 * 3600_000)], // no lease: its start stands in (the lease is in the database's time)
    );
    await t.app.get(UploadLease).onApplicationBootstrap();
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${id}`).expect(200);
    expect(res.body).toMatchObject({ status: 'FAILED', error: 'Pemrosesan terhenti karena layanan dimulai ulang. Unggah ulang berkas.', errorCode: 'PROCESSING_INTERRUPTED', errorDetails: null });
  });
});
