/**
 * GET /payments/status judges payments against the current pledges (QA): after a pledge revision
 * marked the month STALE, due is recomputed before it is reported (§6, §8), as every split read
 * does; a month never allocated has no due yet, so the route says so (404 NOT_ALLOCATED) instead of
 * calling every payment OVERPAID.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

// no correction of an earlier month is recorded in September (payments.status-names-corrections.spec.ts has them)
// and nothing owed, so September is not overdue on the test clock's 15 November 2026 (payments.status-due-and-suspension-risk.spec.ts)
const NO_CORRECTIONS = { corrections: 0, correctedMonths: [], lateOnlyByCorrections: false, dueDate: '2026-09-10', overdue: false, suspensionRisk: 'NONE' };

describe('payments: the status is read from the current allocation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n) })));
    // 40% of each premium (floor of 37,800 × 40 / 100 = 15,120), for two participants a month
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', scope: 'ALL', sharePercent: 40, quota: 2 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-09' }).expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'PROV-2026', month: '2026-09', amount: 30240, paidAt: '2026-09-05', reference: 'SP2D 9' }).expect(201);
  });
  afterAll(() => t?.close());

  it('recomputes a STALE month before judging: a lower quota makes the same payment OVERPAID', async () => {
    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get('/api/v1/payments/status?month=2026-09').expect(200)).body).toEqual([{ pledgeCode: 'PROV-2026', due: 30240, paid: 30240, status: 'PAID', late: false, ...NO_CORRECTIONS, ownPaid: 30240, ownStatus: 'PAID' }]);
    await (await t.as(Role.KEUANGAN)).patch('/api/v1/pledges/PROV-2026').send({ quota: 1, reason: 'APBD-P' }).expect(200);
    expect((await auditor.get('/api/v1/payments/status?month=2026-09').expect(200)).body).toEqual([{ pledgeCode: 'PROV-2026', due: 15120, paid: 30240, status: 'OVERPAID', late: false, ...NO_CORRECTIONS, ownPaid: 30240, ownStatus: 'OVERPAID' }]);
    const [month] = await t.dataSource.query(`SELECT status, allocated_by AS "allocatedBy" FROM allocation_month WHERE month = '2026-09'`);
    expect(month).toEqual({ status: 'CURRENT', allocatedBy: 'sistem (dihitung ulang saat dibaca oleh uji-auditor)' });
  });

  it('answers 404 NOT_ALLOCATED for a month never allocated, with the payment still listed', async () => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'PROV-2026', month: '2026-11', amount: 15120, paidAt: '2026-11-05', reference: 'SP2D 11' }).expect(201);
    const res = await finance.get('/api/v1/payments/status?month=2026-11').expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_ALLOCATED', details: { month: '2026-11' } });
    expect(res.body.message).toMatch(/^Bulan November 2026 belum dialokasikan, jadi kewajiban tiap komitmen belum ada/);
    expect((await finance.get('/api/v1/payments?month=2026-11').expect(200)).body.total).toBe(1);
  });
});
