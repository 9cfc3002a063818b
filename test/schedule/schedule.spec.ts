import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MonthlyScheduleCron } from '../../src/reconciliation/schedule/monthly-schedule.cron.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { PaymentStatuses } from '../../src/payments/payment-statuses.service.js';
import { MonthlySchedule, SCHEDULER_ACTOR } from '../../src/reconciliation/schedule/monthly-schedule.js';
import { type INestApplication } from '@nestjs/common';
import { ReconciliationException } from '../../src/reconciliation/reconciliation.exception.js';
import { ReconcileMonth } from '../../src/reconciliation/use-cases/reconcile-month.use-case.js';
import { secondInstance } from '../reconciliation/support/second-instance.js';

// Booting each describe's app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

/** DOMAIN §10: months missed while the service was down are caught up at start-up. */
describe('monthly schedule: catch-up at start-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-11-15T03:00:00Z'));
    await insertParticipants(t.dataSource, [{ nik: nik(1), noka: '0000000000001' }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, '2026-08', [{ nik: nik(1), noka: '0000000000001' }]);
    await insertBill(t.dataSource, '2026-10', [{ nik: nik(1), noka: '0000000000001' }]);
  });
  afterAll(() => t?.close());

  it('does nothing at start-up when the scheduler is disabled', async () => {
    const cron = t.app.get(MonthlyScheduleCron);
    cron.onApplicationBootstrap();
    expect(await cron.catchUp).toEqual([]);
    await cron.monthly();
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM scheduled_month')).toEqual([{ n: 0 }]);
  });

  it('handles every month from the earliest with data to the current one, oldest first', async () => {
    t.config.schedulerEnabled = true;
    const cron = t.app.get(MonthlyScheduleCron);
    cron.onApplicationBootstrap();
    const outcomes = await cron.catchUp;
    expect(outcomes.map((o) => [o.month, o.status])).toEqual([
      ['2026-08', 'DONE'],
      ['2026-09', 'DONE'],
      ['2026-10', 'DONE'],
      ['2026-11', 'DONE'],
    ]);
    const runs = await t.dataSource.query(`SELECT month, version, trigger FROM reconciliation_run ORDER BY month`);
    expect(runs).toEqual([
      { month: '2026-08', version: 1, trigger: 'SCHEDULE' },
      { month: '2026-10', version: 1, trigger: 'SCHEDULE' },
    ]);
  });

  it('a restart in the same month finds nothing left to do', async () => {
    const cron = t.app.get(MonthlyScheduleCron);
    cron.onApplicationBootstrap();
    expect(await cron.catchUp).toEqual([]);
    t.config.schedulerEnabled = false;
  });
});

/** DOMAIN §10: at 02:00 WIB on the 1st, allocate the new month and re-run last month's reconciliation if its bill arrived. */
describe('monthly schedule: the 02:00 WIB trigger on the 1st', () => {
  let t: TestApp;
  let schedule: MonthlySchedule;
  beforeAll(async () => {
    t = await createTestApp();
    schedule = t.app.get(MonthlySchedule);
    await insertParticipants(t.dataSource, [{ nik: nik(1), noka: '0000000000001' }, { nik: nik(2), noka: '0000000000002' }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, '2026-11', [{ nik: nik(1), noka: '0000000000001' }]);
    // November was handled on 1 November.
    await t.dataSource.query(`INSERT INTO scheduled_month (month, status, ran_at) VALUES ('2026-11', 'DONE', '2026-10-31T19:00:00Z')`);
  });
  afterAll(() => t?.close());

  it('is registered as 0 2 1 * * in Asia/Jakarta: next after 15 November is 1 December 02:00 WIB', () => {
    const job = t.app.get(SchedulerRegistry).getCronJob('monthly-reconciliation');
    const next = job.cronTime.getNextDateFrom(new Date('2026-11-15T03:00:00Z'));
    expect(next.toUTC().toISO()).toBe('2026-11-30T19:00:00.000Z');
  });

  it('at 23:59 WIB on 30 November there is nothing to do yet', async () => {
    t.clock.set(new Date('2026-11-30T16:59:00Z'));
    expect(await schedule.dueMonths(t.clock.now())).toEqual([]);
  });

  it('a failure rolls the whole step back, is recorded, and is retried on the next trigger', async () => {
    t.clock.set(new Date('2026-11-30T19:00:00Z')); // 2026-12-01 02:00 WIB
    const spy = jest.spyOn(t.app.get(PaymentStatuses), 'withDue').mockImplementationOnce(async (_month: string, _due: ReadonlyMap<string, number>, m?: EntityManager) => {
      await m!.query('SELECT 1 / 0');
      return [];
    });
    const [failed] = await schedule.runDue(t.clock.now());
    spy.mockRestore();
    // the raw error ("division by zero") goes to the log; what users read says the system failed, and when
    expect(failed).toMatchObject({ month: '2026-12', status: 'FAILED', error: 'Proses terjadwal bulan Desember 2026 gagal karena kesalahan sistem; alokasi dan rekonsiliasi bulan itu tidak berubah. Proses ini diulang otomatis pada jadwal berikutnya; bila tetap gagal, hubungi admin (waktu: 1 Desember 2026 02.00 WIB).' });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM allocation_month WHERE month = '2026-12'`)).toEqual([{ n: 0 }]);
    expect(await t.dataSource.query(`SELECT month, version, status FROM reconciliation_run`)).toEqual([{ month: '2026-11', version: 1, status: 'FAILED' }]);
    expect(await t.dataSource.query(`SELECT status FROM scheduled_month WHERE month = '2026-12'`)).toEqual([{ status: 'FAILED' }]);
  });

  it('at 02:00 WIB on 1 December: allocates December and reconciles November (its bill arrived)', async () => {
    const outcomes = await schedule.runDue(t.clock.now());
    expect(outcomes).toEqual([
      { month: '2026-12', status: 'DONE', allocated: true, reconciliation: { id: expect.any(String), month: '2026-11', version: 2, status: 'DONE' } },
    ]);
    expect(await t.dataSource.query(`SELECT month, status, participants FROM allocation_month WHERE month = '2026-12'`)).toEqual([
      { month: '2026-12', status: 'CURRENT', participants: 2 },
    ]);
    const [run] = await t.dataSource.query(`SELECT trigger, started_by, status FROM reconciliation_run WHERE version = 2`);
    expect(run).toEqual({ trigger: 'SCHEDULE', started_by: SCHEDULER_ACTOR, status: 'DONE' });
    const audit = await t.dataSource.query(`SELECT action, entity_id FROM audit_event WHERE actor = $1 ORDER BY id`, [SCHEDULER_ACTOR]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'reconciliation.fail',
      'schedule.fail',
      ...Array(12).fill('allocation.compute'), // January to December, none allocated before: one event a month
      'reconciliation.run',
      'schedule.run',
    ]);
    expect(await t.dataSource.query(`SELECT status, attempts FROM scheduled_month WHERE month = '2026-12'`)).toEqual([{ status: 'DONE', attempts: 2 }]);
  });

  it('a second trigger for the same month does nothing', async () => {
    expect(await schedule.runDue(t.clock.now())).toEqual([]);
    expect(await schedule.runMonth('2026-12')).toEqual({ month: '2026-12', status: 'SKIPPED', reason: 'ALREADY_DONE' });
  });
});

/** DOMAIN §10: with two service instances on one PostgreSQL, only one runs a given month. */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
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
