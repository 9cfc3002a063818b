/** DOMAIN §10: months missed while the service was down are caught up at start-up. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MonthlyScheduleCron } from '../../src/reconciliation/schedule/monthly-schedule.cron.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

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
