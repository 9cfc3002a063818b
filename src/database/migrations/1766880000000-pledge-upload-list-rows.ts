import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `Daftar` rows a pledge sheet's row report repeats: `pledge_upload_list_row` keeps, as uploaded
 * (RawCells), every `Daftar` row of a refused pledge and every refused `Daftar` row, so that the
 * Perbaiki workbook carries a `Daftar` sheet beside the refused pledges and the fixed workbook,
 * uploaded alone, saves each pledge with its whole list. `pledge_upload.list_column_labels`: the
 * `Daftar` sheet's headers as the file wrote them (own names when the file had none); null on the
 * uploads stored before, whose `Daftar` rows were not kept.
 */
export class PledgeUploadListRows1766880000000 implements MigrationInterface {
  name = 'PledgeUploadListRows1766880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE pledge_upload ADD COLUMN list_column_labels jsonb');
    await q.query(`
      CREATE TABLE pledge_upload_list_row (
        upload_id uuid NOT NULL,
        row_number integer NOT NULL,
        raw jsonb NOT NULL,
        CONSTRAINT "PK_pledge_upload_list_row" PRIMARY KEY (upload_id, row_number),
        CONSTRAINT "FK_pledge_upload_list_row_upload" FOREIGN KEY (upload_id) REFERENCES pledge_upload (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pledge_upload_list_row');
    await q.query('ALTER TABLE pledge_upload DROP COLUMN list_column_labels');
  }
}
