import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a run needs to compare a closed month with the register participant by participant only where the register
 * changed since the month was allocated (reconciliation/sql/closed-month-corrections.sql.ts), instead of with the whole
 * register: 23 full joins of a million participants took 18–25 s of a December run (bench:reconcile, closed-months).
 *
 * - `participant.changed_xid`: the transaction that last wrote the row's coverage (inserted it, or changed its TMT or
 *   TAT), set by the database itself (a column default and a trigger), so that no writer, present or future, can forget
 *   it. Existing rows get 0: written before any snapshot recorded below.
 * - `participant_removed`: the NIK and transaction of every registration deleted (a void, an early row taken back into
 *   staging), by a trigger too (a NIK changed in place counts as the old one removed).
 * - `allocation_month.register_snapshot`: the snapshot (pg_current_snapshot) taken in the allocation's transaction just
 *   before it read the register. A row whose transaction is not visible in it was written after the allocation read the
 *   register (or while it did): only those can disagree with the month's obligations. Months allocated before have none
 *   and are compared in full, as before.
 *
 * A transaction id and a snapshot, not a time: the register's times are the app clock's, taken before the upload waits
 * for its lock and commits (an early promotion's at the upload's start), so a change committed after an allocation read
 * the register could carry a time before the allocation's.
 */
export class RegisterChangesSinceAllocation1771000000000 implements MigrationInterface {
  name = 'RegisterChangesSinceAllocation1771000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant ADD COLUMN changed_xid xid8 NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE participant ALTER COLUMN changed_xid SET DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX "IDX_participant_changed_xid" ON participant (changed_xid)`);
    await q.query(`
      CREATE TABLE participant_removed (
        nik text NOT NULL,
        removed_xid xid8 NOT NULL DEFAULT pg_current_xact_id()
      )`);
    await q.query(`CREATE INDEX "IDX_participant_removed_xid" ON participant_removed (removed_xid)`);
    // the columns are compared in the functions, not in a WHEN: a trigger's WHEN depends on its columns, and
    // migration 1765500000000 (its test runs it down and up again) alters the type of nik
    await q.query(`
      CREATE FUNCTION participant_coverage_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.tmt IS DISTINCT FROM OLD.tmt OR NEW.tat IS DISTINCT FROM OLD.tat OR NEW.nik IS DISTINCT FROM OLD.nik THEN
          NEW.changed_xid := pg_current_xact_id();
        END IF;
        IF NEW.nik IS DISTINCT FROM OLD.nik THEN
          INSERT INTO participant_removed (nik) VALUES (OLD.nik);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_participant_coverage_written" BEFORE UPDATE ON participant FOR EACH ROW
      EXECUTE FUNCTION participant_coverage_written()`);
    await q.query(`
      CREATE FUNCTION participant_removal_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO participant_removed (nik) VALUES (OLD.nik);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER "TRG_participant_removed" AFTER DELETE ON participant FOR EACH ROW
      EXECUTE FUNCTION participant_removal_recorded()`);
    await q.query(`ALTER TABLE allocation_month ADD COLUMN register_snapshot pg_snapshot`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE allocation_month DROP COLUMN register_snapshot');
    await q.query('DROP TRIGGER "TRG_participant_removed" ON participant');
    await q.query('DROP FUNCTION participant_removal_recorded()');
    await q.query('DROP TRIGGER "TRG_participant_coverage_written" ON participant');
    await q.query('DROP FUNCTION participant_coverage_written()');
    await q.query('DROP TABLE participant_removed');
    await q.query('DROP INDEX "IDX_participant_changed_xid"');
    await q.query('ALTER TABLE participant DROP COLUMN changed_xid');
  }
}
