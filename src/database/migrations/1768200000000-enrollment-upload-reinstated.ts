import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `enrollment_upload.reinstated` and `reinstated_deaths`: participants whose ended coverage an upload brought back (an
 * empty TAT, REINSTATED), and how many of them had ended by death (MENINGGAL), so that the answer says so at the top and
 * not only in row warnings (QA: an older master sheet uploaded again reinstated four, two of them dead, under "Semua
 * baris diterima."). Uploads stored before are counted from their REINSTATED findings, whose message names the end
 * reason in parentheses.
 */
export class EnrollmentUploadReinstated1768200000000 implements MigrationInterface {
  name = 'EnrollmentUploadReinstated1768200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrollment_upload ADD COLUMN reinstated integer NOT NULL DEFAULT 0, ADD COLUMN reinstated_deaths integer NOT NULL DEFAULT 0`);
    await q.query(`
      UPDATE enrollment_upload u SET reinstated = x.n, reinstated_deaths = x.deaths
      FROM (SELECT upload_id, count(*)::int AS n, count(*) FILTER (WHERE message LIKE '%(MENINGGAL)%')::int AS deaths
            FROM upload_issue WHERE code = 'REINSTATED' GROUP BY upload_id) x
      WHERE x.upload_id = u.id AND u.status = 'DONE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enrollment_upload DROP COLUMN reinstated, DROP COLUMN reinstated_deaths`);
  }
}
