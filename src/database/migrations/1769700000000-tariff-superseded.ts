import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `tariff.superseded_by`, `superseded_reason`: a row entered with a mistake (QA: IURAN Rp37.000 from 2027-01-01 meant
 * Rp36.000) is replaced by a row of the same component from the same day while none of the months it prices is closed.
 * The replaced row is kept (history), pointing at the row that replaced it and saying why, and prices no day: its
 * valid_to is the day before its valid_from, so every query of the rows valid on a day passes it over.
 */
export class TariffSuperseded1769700000000 implements MigrationInterface {
  name = 'TariffSuperseded1769700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tariff ADD COLUMN superseded_by integer REFERENCES tariff (id), ADD COLUMN superseded_reason text');
    await q.query('ALTER TABLE tariff DROP CONSTRAINT "CHK_tariff_dates"');
    await q.query(
      `ALTER TABLE tariff ADD CONSTRAINT "CHK_tariff_dates" CHECK (valid_to IS NULL OR valid_to >= valid_from OR (superseded_by IS NOT NULL AND valid_to = valid_from - 1))`,
    );
    await q.query(`ALTER TABLE tariff ADD CONSTRAINT "CHK_tariff_superseded" CHECK ((superseded_by IS NULL) = (superseded_reason IS NULL) AND (superseded_by IS NULL OR valid_to = valid_from - 1))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM tariff WHERE superseded_by IS NOT NULL');
    await q.query('ALTER TABLE tariff DROP CONSTRAINT "CHK_tariff_superseded", DROP CONSTRAINT "CHK_tariff_dates"');
    await q.query('ALTER TABLE tariff DROP COLUMN superseded_by, DROP COLUMN superseded_reason');
    await q.query('ALTER TABLE tariff ADD CONSTRAINT "CHK_tariff_dates" CHECK (valid_to IS NULL OR valid_to >= valid_from)');
  }
}
