import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `bill.file_warnings`: what a bill upload said about its file as a whole beside its rows, kept so that the
 * month's upload history says it again (QA: a version uploaded with SAME_FILE_OTHER_MONTH, the same bytes as
 * another month's bill, showed no warning once the answer was gone). A JSON array of `{ code, bills, message }`;
 * empty for bills stored before it.
 */
export class BillFileWarnings1767900000000 implements MigrationInterface {
  name = 'BillFileWarnings1767900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bill ADD COLUMN file_warnings jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE bill DROP COLUMN file_warnings`);
  }
}
