import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `participant_change.kind` 'VOID': a registration entered in error (a NIK mistyped, a person registered twice under
 * two NIKs) is cancelled by the operator with a reason (POST /participants/:nik/void). The participant row goes; this
 * row keeps what it held (`changes`, each field's old value), who cancelled it, when and why (`reason`), so the NIK's history still says what happened.
 */
export class ParticipantChangeVoid1768900000000 implements MigrationInterface {
  name = 'ParticipantChangeVoid1768900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participant_change DROP CONSTRAINT "CHK_participant_change_kind"');
    await q.query(`ALTER TABLE participant_change ADD CONSTRAINT "CHK_participant_change_kind" CHECK (kind IN ('UPDATE', 'VOID'))`);
    await q.query('ALTER TABLE participant_change ADD COLUMN reason text');
    await q.query(`ALTER TABLE participant_change ADD CONSTRAINT "CHK_participant_change_void_reason" CHECK ((kind = 'VOID') = (reason IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM participant_change WHERE kind = 'VOID'`);
    await q.query('ALTER TABLE participant_change DROP CONSTRAINT "CHK_participant_change_void_reason", DROP COLUMN reason');
    await q.query('ALTER TABLE participant_change DROP CONSTRAINT "CHK_participant_change_kind"');
    await q.query(`ALTER TABLE participant_change ADD CONSTRAINT "CHK_participant_change_kind" CHECK (kind = 'UPDATE')`);
  }
}
