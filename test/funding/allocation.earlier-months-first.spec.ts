import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

describe('§6: allocating a month first allocates the earlier months of its year that have none', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2, 3].map((i) => ({ nik: testNik(i), tmt: '2025-06-01' })));
    // pagu of 4 obligations: January and February use 3 + 1, nothing is left for March
    await keuangan
      .post('/api/v1/pledges')
      .send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 4 * 37800 })
      .expect(201);
  });
  afterAll(() => t.close());

  it('allocating March allocates January and February first, and March gets the budget they left', async () => {
    const res = await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
    expect(res.body).toMatchObject({
      month: '2026-03',
      participants: 3,
      obligation: 3 * 37800,
      unfunded: { participants: 3, amount: 3 * 37800 },
      funded: [],
    });
    const months = await t.dataSource.query(`SELECT month, status, unfunded_participants FROM allocation_month ORDER BY month`);
    expect(months).toEqual([
      { month: '2026-01', status: 'CURRENT', unfunded_participants: 0 },
      { month: '2026-02', status: 'CURRENT', unfunded_participants: 2 },
      { month: '2026-03', status: 'CURRENT', unfunded_participants: 3 },
    ]);
    const feb = await keuangan.get('/api/v1/allocations/2026-02').expect(200);
    expect(feb.body.funded).toEqual([{ pledgeCode: 'APBD-2026', sourceType: 'APBD', participants: 1, amount: 37800 }]);
    expect(feb.body.tariffIds).toEqual([3, 4]);
    expect(feb.body.pledgeRevisions).toEqual({ 'APBD-2026': 1 });
  });

  it('obligations hold one row per covered participant-month with its unfunded remainder', async () => {
    const rows = await t.dataSource.query(`SELECT month, count(*)::int AS n, sum(amount)::int AS amount, sum(unfunded)::int AS unfunded FROM obligation GROUP BY month ORDER BY month`);
    expect(rows).toEqual([
      { month: '2026-01', n: 3, amount: 113400, unfunded: 0 },
      { month: '2026-02', n: 3, amount: 113400, unfunded: 75600 },
      { month: '2026-03', n: 3, amount: 113400, unfunded: 113400 },
    ]);
  });

  it('a month not allocated yet is 404 on GET, and a bad month is 400', async () => {
    await keuangan.get('/api/v1/allocations/2026-09').expect(404);
    await keuangan.get('/api/v1/allocations/2026-13').expect(400);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-7' }).expect(400);
  });
});
