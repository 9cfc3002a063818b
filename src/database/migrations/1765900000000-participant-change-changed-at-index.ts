import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `IDX_participant_change_changed_at`: the register changes made after a moment, for the
 * reconciliation workbook's Rincian Peserta, which shows each participant's NOKA and name as they
 * were when the run read them (a FINAL workbook is the Berita Acara's attachment and must not
 * change when the register moves on). Usually few changes follow a run, so a page of the workbook
 * reads them through this index instead of every change of its participants. Timestamps grow with
 * time, so each new change is appended at the right edge of the index.
 */
export class ParticipantChangeChangedAtIndex1765900000000 implements MigrationInterface {
  name = 'ParticipantChangeChangedAtIndex1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "IDX_participant_change_changed_at" ON participant_change (changed_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_participant_change_changed_at"');
  }
}
