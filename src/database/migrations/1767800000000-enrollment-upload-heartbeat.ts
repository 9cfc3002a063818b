import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `enrollment_upload.heartbeat_at`: when the process working on a PROCESSING upload last said it still is
 * (UploadLease renews it every 30 s). An upload whose heartbeat is older than two minutes was left by a process
 * that stopped, and is failed by the next sweep of any instance, instead of an hour after it started. Null on
 * uploads stored before it (their `uploaded_at` stands in).
 */
export class EnrollmentUploadHeartbeat1767800000000 implements MigrationInterface {
  name = 'EnrollmentUploadHeartbeat1767800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrollment_upload ADD COLUMN heartbeat_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrollment_upload DROP COLUMN heartbeat_at`);
  }
}
