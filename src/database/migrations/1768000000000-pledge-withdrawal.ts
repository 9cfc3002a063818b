import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pledge withdrawn (dicabut): `withdrawn_at` and `withdrawn_by` say when and by whom, both or neither
 * (CHK_pledge_withdrawn). A withdrawn pledge stays, with every revision; it takes no part in the allocation of
 * a month computed after it (nor in the projection or the same-funding warning), while finalized and frozen
 * months keep the splits it paid (DOMAIN §9). The withdrawal and its reinstatement are revisions: their
 * snapshot (`pledge_revision.data`) carries `"withdrawn": true|false` beside the terms; a snapshot without the
 * key is one of an active pledge. `pledge_terms` and the generated columns read other keys and stay as they are.
 */
export class PledgeWithdrawal1768000000000 implements MigrationInterface {
  name = 'PledgeWithdrawal1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE pledge
        ADD COLUMN withdrawn_at timestamptz NULL,
        ADD COLUMN withdrawn_by text NULL,
        ADD CONSTRAINT "CHK_pledge_withdrawn" CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pledge DROP CONSTRAINT "CHK_pledge_withdrawn", DROP COLUMN withdrawn_by, DROP COLUMN withdrawn_at`);
  }
}
