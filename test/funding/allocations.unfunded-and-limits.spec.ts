/**
 * Why participants went unfunded (§6), as an auditor asks it (QA: the summary counted them, but
 * nothing listed them, and nothing said the APBD pagu had run out): `GET /allocations/:month/unfunded`
 * lists them by village, and the month's `limits` say which budgets and quotas it met.
 *
 * January 2026 at Rp37.800: DESA-A (village A, quota 1, priority 10) funds the first of A's three;
 * APBD-2026 (pagu Rp50.000) funds the second whole and Rp12.200 of the third; B's one gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

const A = '17.03.06.2001';
const B = '17.03.06.2002';

describe('GET /api/v1/allocations/:month/unfunded and the month’s limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: testNik(1), village: A, name: 'Ani' },
      { nik: testNik(2), village: A, name: 'Budi' },
      { nik: testNik(3), village: A, name: 'Citra' },
      { nik: testNik(4), village: B, name: 'Dedi' },
    ]);
    const finance = await t.as(Role.KEUANGAN);
    const pledge = { funder: 'Uji', fiscalYear: 2026 };
    await finance.post('/api/v1/pledges').send({ ...pledge, code: 'DESA-A', sourceType: 'DESA', fund: 'ADD', scope: 'VILLAGES', villageCodes: [A], quota: 1, priority: 10 }).expect(201);
    await finance.post('/api/v1/pledges').send({ ...pledge, code: 'APBD-2026', sourceType: 'APBD', scope: 'ALL', budget: 50_000 }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
  });
  afterAll(() => t.close());

  it('lists the unfunded by village then NIK, partly funded included, agreeing with the summary’s UNFUNDED row', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const res = (await auditor.get('/api/v1/allocations/2026-01/unfunded').expect(200)).body;
    expect(res).toEqual({
      items: [
        { nik: testNik(3), name: 'Citra', villageCode: A, villageName: 'Talang Jambu', obligation: 37_800, funded: 12_200, unfunded: 25_600 },
        { nik: testNik(4), name: 'Dedi', villageCode: B, villageName: 'Tebat Pacur', obligation: 37_800, funded: 0, unfunded: 37_800 },
      ],
      total: 2,
      page: 1,
      pageSize: 100,
      recomputedMonths: [],
    });
    const summary = (await auditor.get('/api/v1/splits/summary?month=2026-01').expect(200)).body;
    expect(summary.at(-1)).toEqual({ key: 'UNFUNDED', participants: 2, amount: 25_600 + 37_800 });
  });

  it('narrows to a village (dots optional) and pages', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const village = (await auditor.get('/api/v1/allocations/2026-01/unfunded?villageCode=1703062002').expect(200)).body;
    expect(village).toMatchObject({ total: 1, items: [{ nik: testNik(4) }] });
    const second = (await auditor.get('/api/v1/allocations/2026-01/unfunded?pageSize=1&page=2').expect(200)).body;
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ nik: testNik(4) }] });
    expect((await auditor.get('/api/v1/allocations/2026-01/unfunded?page=3&pageSize=1').expect(200)).body).toMatchObject({ total: 2, items: [] });
    expect((await auditor.get('/api/v1/allocations/2026-01/unfunded?villageCode=1703999999').expect(404)).body.code).toBeDefined();
  });

  it('says which budgets and quotas the month met (limits), in allocation order', async () => {
    const detail = (await (await t.as(Role.AUDITOR)).get('/api/v1/allocations/2026-01').expect(200)).body;
    expect(detail.limits).toEqual([
      { pledgeCode: 'DESA-A', sourceType: 'DESA', budget: null, budgetUsed: 37_800, budgetLeft: null, quota: 1, participants: 1, reached: ['QUOTA'] },
      { pledgeCode: 'APBD-2026', sourceType: 'APBD', budget: 50_000, budgetUsed: 50_000, budgetLeft: 0, quota: null, participants: 2, reached: ['BUDGET'] },
    ]);
  });

  it('is read by readers only, and answers NOT_ALLOCATED for a month never allocated', async () => {
    await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/allocations/2026-01/unfunded').expect(403);
    expect((await (await t.as(Role.KEUANGAN)).get('/api/v1/allocations/2026-05/unfunded').expect(404)).body.code).toBe('NOT_ALLOCATED');
  });
});
