import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth, insertParticipants, testNik } from './support/register.js';

const apbd = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 3 * 37800 };

describe('§9: a closed month is never allocated again, and pledges touching it are refused', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    await keuangan.post('/api/v1/pledges').send(apbd).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
    await closeMonth(t.dataSource, '2026-01');
  });
  afterAll(() => t.close());

  it('refuses to allocate a closed month with 409 MONTH_CLOSED', async () => {
    const res = await keuangan.post('/api/v1/allocations').send({ month: '2026-01' }).expect(409);
    expect(res.body).toMatchObject({ code: 'MONTH_CLOSED', message: expect.stringContaining('2026-01') });
  });

  it('refuses a pledge or a revision whose months include a closed month', async () => {
    expect((await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-B' }).expect(409)).body.code).toBe('MONTH_CLOSED');
    await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-C', fromMonth: 2 }).expect(201);
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 1, reason: 'x' }).expect(409);
    await keuangan.patch('/api/v1/pledges/APBD-C').send({ fromMonth: 1, reason: 'x' }).expect(409);
  });

  it("counts the closed month's stored splits toward the budget of later months", async () => {
    // January used 2 of the 3 obligations of budget; February: APBD-2026 pays one, APBD-C (fromMonth 2) the other
    const res = await keuangan.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201);
    expect(res.body.funded).toEqual([
      { pledgeCode: 'APBD-2026', sourceType: 'APBD', participants: 1, amount: 37800 },
      { pledgeCode: 'APBD-C', sourceType: 'APBD', participants: 1, amount: 37800 },
    ]);
    const [jan] = await t.dataSource.query(`SELECT status FROM allocation_month WHERE month = '2026-01'`);
    expect(jan.status).toBe('CURRENT');
  });
});
