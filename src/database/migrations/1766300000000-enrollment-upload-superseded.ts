import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `enrollment_upload.superseded`: set on every earlier upload when a file of other content starts.
 * The same content is recognised (returned, nothing done) only while no other file has come since
 * (QA: a file re-uploaded after the register had changed, e.g. after its refused card's holder was
 * ended as the refusal advised, was recognised and silently did nothing). The partial unique index
 * keeps its name and now covers the uploads not superseded: two simultaneous uploads of one file
 * still make one batch. Existing uploads are marked as if the rule had always held.
 */
export class EnrollmentUploadSuperseded1766300000000 implements MigrationInterface {
  name = 'EnrollmentUploadSuperseded1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enrollment_upload ADD COLUMN superseded boolean NOT NULL DEFAULT false');
    await q.query(`
      UPDATE enrollment_upload u SET superseded = true
      WHERE EXISTS (SELECT 1 FROM enrollment_upload l WHERE l.uploaded_at > u.uploaded_at AND l.checksum <> u.checksum)`);
    await q.query('DROP INDEX "UQ_enrollment_upload_checksum"');
    await q.query(`CREATE UNIQUE INDEX "UQ_enrollment_upload_checksum" ON enrollment_upload (checksum) WHERE status <> 'FAILED' AND NOT superseded`);
  }

  /** Fails (unique violation) once one content has been applied twice: both uploads are history and stay. */
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "UQ_enrollment_upload_checksum"');
    await q.query(`CREATE UNIQUE INDEX "UQ_enrollment_upload_checksum" ON enrollment_upload (checksum) WHERE status <> 'FAILED'`);
    await q.query('ALTER TABLE enrollment_upload DROP COLUMN superseded');
  }
}
