import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `column_order` on `enrollment_upload`, `bill`, `pbi_apbn_list` and `payment_upload`: the own names of
 * the columns the uploaded file has, in the file's order (`{KODE_KOMITMEN,BULAN,JUMLAH,REFERENSI,…}` for a
 * sheet with `NO SP2D` before `TANGGAL_BAYAR`), so the row report's `Perbaiki` sheet keeps the file's
 * layout (QA: it put the columns in the service's order). `column_labels` (jsonb) keeps no key order.
 * Null for uploads made before (their report keeps the service's order).
 */
export class UploadColumnOrder1767000000000 implements MigrationInterface {
  name = 'UploadColumnOrder1767000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} ADD COLUMN column_order text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} DROP COLUMN column_order`);
  }
}

const TABLES = ['enrollment_upload', 'bill', 'pbi_apbn_list', 'payment_upload'] as const;
