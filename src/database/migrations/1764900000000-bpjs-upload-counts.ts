import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The row counts of a bill / PBI-APBN list upload (rows read, accepted, rejected, warned), kept for
 * its row report workbook (DOMAIN §12). Earlier uploads are filled in from `upload_issue`; a bill's
 * accepted rows are its lines, a list's are unknown (its NIKs are stored once each), so they stay NULL.
 */
export class BpjsUploadCounts1764900000000 implements MigrationInterface {
  name = 'BpjsUploadCounts1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bill ADD COLUMN rows_read integer, ADD COLUMN accepted integer, ADD COLUMN rejected integer, ADD COLUMN warnings integer;
      ALTER TABLE pbi_apbn_list ADD COLUMN rows_read integer, ADD COLUMN accepted integer, ADD COLUMN rejected integer, ADD COLUMN warnings integer;
    `);
    const counts = (table: string) => `
      SELECT u.id,
             count(r.row_number) FILTER (WHERE r.rejected)::int AS rejected,
             count(r.row_number) FILTER (WHERE NOT r.rejected)::int AS warned
      FROM ${table} u
      LEFT JOIN (SELECT upload_id, row_number, bool_or(severity = 'REJECT') AS rejected
                 FROM upload_issue WHERE upload_id IN (SELECT id FROM ${table}) GROUP BY upload_id, row_number) r ON r.upload_id = u.id
      GROUP BY u.id`;
    await q.query(`
      UPDATE bill b SET accepted = b.lines, rejected = c.rejected, warnings = c.warned, rows_read = b.lines + c.rejected
      FROM (${counts('bill')}) c WHERE c.id = b.id`);
    await q.query(`
      UPDATE pbi_apbn_list l SET rejected = c.rejected, warnings = c.warned
      FROM (${counts('pbi_apbn_list')}) c WHERE c.id = l.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bill DROP COLUMN rows_read, DROP COLUMN accepted, DROP COLUMN rejected, DROP COLUMN warnings;
      ALTER TABLE pbi_apbn_list DROP COLUMN rows_read, DROP COLUMN accepted, DROP COLUMN rejected, DROP COLUMN warnings;
    `);
  }
}
