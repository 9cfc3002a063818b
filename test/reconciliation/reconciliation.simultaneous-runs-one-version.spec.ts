/**
 * Two runs of one month at once: the second is refused with 409 RUN_IN_PROGRESS and only one
 * version is made, on the embedded database too (whose one connection would otherwise make the
 * second wait for the first, then make the next version).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ReconcileMonth } from '../../src/reconciliation/use-cases/reconcile-month.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from './support/seed.js';

jest.setTimeout(180_000);

const MONTH = '2026-08';

describe('reconciliation: simultaneous runs of a month', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1), noka: '0000000000001' }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, MONTH, [{ nik: nik(1), noka: '0000000000001' }]);
  });
  afterAll(() => t?.close());

  const versions = async () => (await t.dataSource.query('SELECT version, status FROM reconciliation_run WHERE month = $1 ORDER BY version', [MONTH])) as { version: number; status: string }[];

  it('refuses the second while the first runs, and makes one version', async () => {
    const reconcile = t.app.get(ReconcileMonth);
    const first = reconcile.execute({ month: MONTH, actor: 'uji-1' });
    const second = reconcile.execute({ month: MONTH, actor: 'uji-2' });
    await expect(second).rejects.toMatchObject({ code: 'RUN_IN_PROGRESS' });
    await expect(first).resolves.toMatchObject({ month: MONTH, version: 1, status: 'DONE' });
    expect(await versions()).toEqual([{ version: 1, status: 'DONE' }]);
  });

  it('runs the month again once the first has finished (the next version)', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: MONTH }).expect(201);
    expect(res.body).toMatchObject({ version: 2, status: 'DONE' });
  });

  it('two POSTs at once over HTTP: one 201, one 409 RUN_IN_PROGRESS (the embedded database reads the second request while the first runs)', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    await keuangan.get('/api/v1/reconciliations?month=' + MONTH).expect(200); // the account is read once, before
    const before = (await versions()).length;
    const answers = await Promise.all([1, 2].map(() => keuangan.post('/api/v1/reconciliations').send({ month: MONTH })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('RUN_IN_PROGRESS');
    expect((await versions()).length).toBe(before + 1);
  });

  it('a failed claim leaves nothing behind: a run that was refused does not block the month', async () => {
    const reconcile = t.app.get(ReconcileMonth);
    const runs = [reconcile.execute({ month: MONTH, actor: 'uji-1' }), reconcile.execute({ month: MONTH, actor: 'uji-2' })];
    const settled = await Promise.allSettled(runs);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
    await expect(reconcile.execute({ month: MONTH, actor: 'uji-3' })).resolves.toMatchObject({ version: 5 });
  });
});
