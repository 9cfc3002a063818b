import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `IDX_participant_ended_noka`: the cards of ended participants (TAT recorded), which UQ_participant_active_noka leaves
 * out. A card passed to another NIK is warned (NOKA_OF_ENDED_PARTICIPANT, noka-warnings.sql.ts: BPJS cards are personal;
 * QA: a dead participant's card went to a new NIK without a word), and a new participant with such a card is kept out of
 * early promotion so that the warning is made: both look the card up here, an index probe per row.
 */
export class ParticipantEndedNoka1768700000000 implements MigrationInterface {
  name = 'ParticipantEndedNoka1768700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "IDX_participant_ended_noka" ON participant (noka) WHERE noka IS NOT NULL AND tat IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_participant_ended_noka"');
  }
}
