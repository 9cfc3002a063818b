import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AllocateMonth } from '../../src/funding/use-cases/allocate-month.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

/**
 * Lookups that find a month STALE recompute it before answering (§6). Many at once wait for that
 * one recompute in turn, holding no connection: each in a transaction of its own, waiting on the
 * allocation lock, they took the whole pool, and every other request waited with them.
 */
describe('split lookups that find a STALE month wait for one recompute in turn', () => {
  let t: TestApp;
  let auditor: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    const keuangan = await t.as(Role.KEUANGAN);
    auditor = await t.as(Role.AUDITOR);
    await insertParticipants(t.dataSource, [1, 2, 3, 4, 5, 6].map((i) => ({ nik: testNik(i), tmt: '2025-06-01' })));
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201);
  });
  afterAll(() => t.close());

  it('twelve lookups at once: one month recomputed once, never two recomputes waiting side by side', async () => {
    await t.dataSource.query(`UPDATE allocation_month SET status = 'STALE' WHERE month = '2026-02'`);
    const allocateMonth = t.app.get(AllocateMonth);
    const ensureCurrent = allocateMonth.ensureCurrent.bind(allocateMonth);
    let active = 0;
    let most = 0;
    const spy = jest.spyOn(allocateMonth, 'ensureCurrent').mockImplementation(async (...args) => {
      most = Math.max(most, ++active);
      try {
        return await ensureCurrent(...args);
      } finally {
        active -= 1;
      }
    });
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, (_, k) => auditor.get(`/api/v1/splits?nik=${testNik(1 + (k % 6))}`)));
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      expect(answers.map((a) => a.body.items.map((s: { month: string }) => s.month))).toEqual(Array(12).fill(['2026-01', '2026-02']));
      expect(most).toBe(1);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(await t.dataSource.query(`SELECT status FROM allocation_month WHERE month = '2026-02'`)).toEqual([{ status: 'CURRENT' }]);
    } finally {
      spy.mockRestore();
    }
  });
});
