import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `IDX_finding_run_row`: a run's finding on a bill line, by the line's file row (GET /bills/:id/lines.xlsx writes each
 * line with what the month's latest run that used the bill found on it; QA: an auditor could not get the lines that
 * were reconciled). Findings of no line (TOTAL_MISMATCH, DOUBLE_COVERAGE, NOT_BILLED) have no row and are left out.
 */
export class FindingRunRow1768600000000 implements MigrationInterface {
  name = 'FindingRunRow1768600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "IDX_finding_run_row" ON finding (run_id, row_number) WHERE row_number IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "IDX_finding_run_row"');
  }
}
