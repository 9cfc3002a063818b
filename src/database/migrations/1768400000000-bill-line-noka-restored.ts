import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `bill_line.noka_restored`: the line's NOKA was read from a numeric cell and its leading zeros were put back
 * (`696872` stored as `0000000696872`, with the upload warning NOKA_NUMERIC_CELL). Such a NOKA is the file's
 * damage, not BPJS's card number: a NOKA_MISMATCH on it proposes checking with BPJS, never recording it in the
 * register (QA: it proposed writing 0000000696872 over the register's 1000000696872). Lines stored before it are
 * filled in from their bill's NOKA_NUMERIC_CELL warnings in `upload_issue` (every issue of a bill is kept there).
 */
export class BillLineNokaRestored1768400000000 implements MigrationInterface {
  name = 'BillLineNokaRestored1768400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bill_line ADD COLUMN noka_restored boolean NOT NULL DEFAULT false');
    await q.query(`
      UPDATE bill_line l SET noka_restored = true
        FROM upload_issue i
       WHERE i.upload_id = l.bill_id AND i.row_number = l.row_number AND i.code = 'NOKA_NUMERIC_CELL'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE bill_line DROP COLUMN noka_restored');
  }
}
