import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `enrollment_upload.error_code` and `error_details`: a FAILED upload keeps, beside its message,
 * the refusal's stable code and details (INFLATES_TOO_LARGE with `part` and `limit`, …), as the
 * same file read within the request answers them (upload-failure.ts). Only a FAILED upload has a
 * code (CK_enrollment_upload_error_code). Uploads failed before keep none, except those a restart
 * interrupted, whose message says so: PROCESSING_INTERRUPTED.
 */
export class EnrollmentUploadErrorCode1766520000000 implements MigrationInterface {
  name = 'EnrollmentUploadErrorCode1766520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enrollment_upload ADD COLUMN error_code text, ADD COLUMN error_details jsonb');
    await q.query(`
      UPDATE enrollment_upload SET error_code = 'PROCESSING_INTERRUPTED'
       WHERE status = 'FAILED' AND error = 'Pemrosesan terhenti karena layanan dimulai ulang. Unggah ulang berkas.'`);
    await q.query(`ALTER TABLE enrollment_upload ADD CONSTRAINT "CK_enrollment_upload_error_code" CHECK (error_code IS NULL OR status = 'FAILED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enrollment_upload DROP CONSTRAINT "CK_enrollment_upload_error_code"');
    await q.query('ALTER TABLE enrollment_upload DROP COLUMN error_details, DROP COLUMN error_code');
  }
}
