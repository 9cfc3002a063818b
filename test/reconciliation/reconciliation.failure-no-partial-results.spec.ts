/** DOMAIN §10: a run that dies half-way leaves no partial results; a FAILED run records the error. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { PaymentStatuses } from '../../src/payments/payment-statuses.service.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, nik } from './support/seed.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('reconciliation: failure mid-run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }, { nik: nik(2) }]);
    await insertBill(t.dataSource, '2026-10', [{ nik: nik(1) }, { nik: nik(9001) }]);
  });
  afterAll(() => t?.close());

  it('rolls back the findings and the run, then records a FAILED run with the error', async () => {
    // The last step of a run (payment statuses) hits a database error after the findings were written.
    const spy = jest.spyOn(t.app.get(PaymentStatuses), 'withDue').mockImplementationOnce(async (_month: string, _due: ReadonlyMap<string, number>, m?: EntityManager) => {
      await m!.query('SELECT 1 / 0');
      return [];
    });
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(500);
    spy.mockRestore();
    expect(res.body.code).toBe('RUN_FAILED');
    expect(res.body.message).toMatch(/gagal/);

    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM finding')).toEqual([{ n: 0 }]);
    const runs = await t.dataSource.query('SELECT version, status, summary, error FROM reconciliation_run WHERE month = $1', ['2026-10']);
    expect(runs).toEqual([{ version: 1, status: 'FAILED', summary: null, error: expect.stringMatching(/division by zero/) }]);
    const events = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity = 'reconciliation_run' ORDER BY id`);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['reconciliation.fail']);
  });

  it('the next attempt succeeds as the next version', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(201);
    expect(res.body).toMatchObject({ version: 2, status: 'DONE' });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM finding')).toEqual([{ n: 2 }]);
  });
});
