/** DOMAIN §10: with two service instances on one PostgreSQL, only one runs a given month. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReconciliationException } from '../../src/reconciliation/reconciliation.exception.js';
import { MonthlySchedule } from '../../src/reconciliation/schedule/monthly-schedule.js';
import { ReconcileMonth } from '../../src/reconciliation/use-cases/reconcile-month.use-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { secondInstance } from '../reconciliation/support/second-instance.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

// PGlite is an in-process, single-connection database: two service instances cannot share one.
// This scenario needs a PostgreSQL server (DATABASE_URL), as in CI.
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('monthly schedule: two instances, one run', () => {
  let t: TestApp;
  let other: INestApplication;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-11-30T19:00:00Z'));
    other = await secondInstance(t);
    await insertParticipants(t.dataSource, [{ nik: nik(1), noka: '0000000000001' }, { nik: nik(2) }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, '2026-11', [{ nik: nik(1), noka: '0000000000001' }]);
    await t.dataSource.query(`INSERT INTO scheduled_month (month, status, ran_at) VALUES ('2026-11', 'DONE', now())`);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('both instances trigger December at 02:00 WIB at once: one allocation, one reconciliation', async () => {
    const now = new Date('2026-11-30T19:00:00Z');
    const results = await Promise.all([t.app.get(MonthlySchedule).runDue(now), other.get(MonthlySchedule).runDue(now)]);
    const statuses = results.flat().map((o) => o.status).sort();
    expect(statuses.filter((s) => s === 'DONE')).toHaveLength(1);
    expect(await t.dataSource.query(`SELECT month, version, status FROM reconciliation_run`)).toEqual([{ month: '2026-11', version: 1, status: 'DONE' }]);
    expect(await t.dataSource.query(`SELECT status, attempts FROM scheduled_month WHERE month = '2026-12'`)).toEqual([{ status: 'DONE', attempts: 1 }]);
  });

  it('a manual run while another instance holds the month is refused, not doubled', async () => {
    const holder = other.get(DataSource).createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT pg_advisory_xact_lock(17030005, 202611)');
      await expect(t.app.get(ReconcileMonth).execute({ month: '2026-11', actor: 'uji' })).rejects.toBeInstanceOf(ReconciliationException);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM reconciliation_run`)).toEqual([{ n: 1 }]);
  });
});
