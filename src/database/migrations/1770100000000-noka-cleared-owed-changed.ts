import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `enrollment_staging.noka_cleared`: the uploaded row's NOKA cell said HAPUS, so promotion takes the participant's card
 * away (KEEP_UNSTATED leaves it empty) and a finding's copy of the row shows HAPUS as typed (QA: a wrong card could not
 * be removed, an empty cell keeps it).
 * `enrollment_upload.owed_changed`: the accepted rows warned with a change of what is owed in months already allocated
 * or closed (COVERAGE_CHANGED, CLOSED_MONTH_UNCHANGED), so that the answer says so at the top (QA: 16 participants lost
 * four months of coverage under a green "Semua baris diterima."). Uploads stored before are counted from their findings.
 */
export class NokaClearedOwedChanged1770100000000 implements MigrationInterface {
  name = 'NokaClearedOwedChanged1770100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enrollment_staging ADD COLUMN noka_cleared boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE enrollment_upload ADD COLUMN owed_changed integer NOT NULL DEFAULT 0');
    await q.query(`
      UPDATE enrollment_upload u SET owed_changed = x.n
      FROM (SELECT upload_id, count(DISTINCT row_number)::int AS n FROM upload_issue i
            WHERE code IN ('COVERAGE_CHANGED', 'CLOSED_MONTH_UNCHANGED')
              AND NOT EXISTS (SELECT 1 FROM upload_issue r WHERE r.upload_id = i.upload_id AND r.row_number = i.row_number AND r.severity = 'REJECT')
            GROUP BY upload_id) x
      WHERE x.upload_id = u.id AND u.status = 'DONE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE enrollment_upload DROP COLUMN owed_changed');
    await q.query('ALTER TABLE enrollment_staging DROP COLUMN noka_cleared');
  }
}
