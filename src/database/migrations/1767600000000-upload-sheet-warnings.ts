import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The uploads that read a sheet. */
const TABLES = ['enrollment_upload', 'bill', 'pbi_apbn_list', 'payment_upload', 'pledge_upload'];

/**
 * `sheet_warnings`: what an upload said about its file as a whole (hidden-rows.ts: the rows Excel hid,
 * read all the same, HIDDEN_ROWS), kept so that the upload, read back, recognised or reported, says it
 * again. A JSON array of `{ code, message, rows, ranges }`; empty for uploads stored before it.
 */
export class UploadSheetWarnings1767600000000 implements MigrationInterface {
  name = 'UploadSheetWarnings1767600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} ADD COLUMN sheet_warnings jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} DROP COLUMN sheet_warnings`);
  }
}
