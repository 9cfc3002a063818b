/** Test register rows inserted straight into `participant` (the register feature is tested elsewhere). */
import type { DataSource } from 'typeorm';

export interface TestParticipant {
  nik: string;
  village?: string;
  tmt?: string;
  tat?: string;
  name?: string;
}

export async function insertParticipants(ds: DataSource, rows: TestParticipant[]): Promise<void> {
  await ds.query(
    `INSERT INTO participant (nik, no_kk, name, birth_date, sex, village_code, tmt, tat, end_reason)
     SELECT nik, '1703060101000001', name, '1980-01-01', 'L', village, tmt::date, tat::date,
            CASE WHEN tat IS NULL THEN NULL ELSE 'PINDAH' END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS r(nik, village, tmt, tat, name)`,
    [
      rows.map((r) => r.nik),
      rows.map((r) => r.village ?? '17.03.06.2001'),
      rows.map((r) => r.tmt ?? '2025-01-01'),
      rows.map((r) => r.tat ?? null),
      rows.map((r) => r.name ?? 'Peserta Uji'),
    ],
  );
}

/** Closes a month the way a finalized reconciliation does (§9). */
export async function closeMonth(ds: DataSource, month: string): Promise<void> {
  const [run] = await ds.query(
    `INSERT INTO reconciliation_run (month, version, status, started_by) VALUES ($1, 1, 'FINAL', 'uji') RETURNING id`,
    [month],
  );
  await ds.query(`INSERT INTO closed_month (month, run_id, closed_by) VALUES ($1, $2, 'uji')`, [month, run.id]);
}

/**
 * Undoes closeMonth, for a test that needs `month` finalized for a moment only: finalizing it freezes the earlier
 * months of its year (§9), which then take no payment of their own, and the tests after it pay them.
 */
export async function reopenMonth(ds: DataSource, month: string): Promise<void> {
  await ds.query('DELETE FROM closed_month WHERE month = $1', [month]);
  await ds.query(`DELETE FROM reconciliation_run WHERE month = $1 AND started_by = 'uji'`, [month]);
}

/** Runs `test` with `month` finalized (closeMonth), reopened afterwards (reopenMonth). */
export async function whileClosed(ds: DataSource, month: string, test: () => Promise<void>): Promise<void> {
  await closeMonth(ds, month);
  try {
    await test();
  } finally {
    await reopenMonth(ds, month);
  }
}

export const testNik = (i: number) => `170306010190${String(i).padStart(4, '0')}`;
