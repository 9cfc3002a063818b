import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant_change UPDATE made in the console, not by an upload (DELETE /participants/:nik/noka: a wrong card taken
 * away), keeps why it was made (`reason`), as a VOID does: CHK_participant_change_void_reason (its name kept) now asks
 * a reason of every VOID and allows one on an UPDATE without an upload; an upload's UPDATE still has none (its file is its why).
 * Down leaves the console UPDATEs without their reason (the audit trail keeps it).
 */
export class ParticipantChangeConsoleReason1770200000000 implements MigrationInterface {
  name = 'ParticipantChangeConsoleReason1770200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participant_change DROP CONSTRAINT "CHK_participant_change_void_reason"');
    await q.query(`ALTER TABLE participant_change ADD CONSTRAINT "CHK_participant_change_void_reason"
                     CHECK (CASE WHEN kind = 'VOID' THEN reason IS NOT NULL ELSE reason IS NULL OR upload_id IS NULL END)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participant_change DROP CONSTRAINT "CHK_participant_change_void_reason"');
    await q.query(`UPDATE participant_change SET reason = NULL WHERE kind <> 'VOID' AND reason IS NOT NULL`);
    await q.query(`ALTER TABLE participant_change ADD CONSTRAINT "CHK_participant_change_void_reason" CHECK ((kind = 'VOID') = (reason IS NOT NULL))`);
  }
}
