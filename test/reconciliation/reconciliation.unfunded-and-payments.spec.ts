/** DOMAIN §6 unfunded remainders and §8 payment statuses in the run summary, to the rupiah. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from './support/seed.js';
import { reconcile } from './support/run.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('reconciliation: funded, unfunded and payments in the summary', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [1, 2, 3, 4].map((n) => ({ nik: nik(n), noka: `000000000000${n}` })));
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', scope: 'RESIDENTS', niks: [nik(4)], priority: 5, sharePercent: 50 });
    await insertPledge(t.dataSource, 'DESA-1703062001-2026', { sourceType: 'DESA', fund: 'ADD', scope: 'RESIDENTS', niks: [nik(3)], priority: 10, sharePercent: 40 });
    await insertPledge(t.dataSource, 'APBD-2026', { quota: 2 });
    await insertPledge(t.dataSource, 'TJSLP-ALNO-2026', { sourceType: 'TJSLP', scope: 'RESIDENTS', niks: [], priority: 50 });
    await insertBill(t.dataSource, '2026-10', [1, 2, 3, 4].map((n) => ({ nik: nik(n), noka: `000000000000${n}` })));
    const api = await t.as(Role.KEUANGAN);
    const payments = [
      { pledgeCode: 'APBD-2026', amount: 75600, paidAt: '2026-10-10', reference: 'SP2D 001' },
      { pledgeCode: 'DESA-1703062001-2026', amount: 15000, paidAt: '2026-10-11', reference: 'Kwitansi 7' },
      { pledgeCode: 'TJSLP-ALNO-2026', amount: 1000, paidAt: '2026-10-05', reference: 'Transfer 1' },
    ];
    for (const p of payments) await api.post('/api/v1/payments').send({ ...p, month: '2026-10' }).expect(201);
  });
  afterAll(() => t?.close());

  it('reports what each pledge funds and the unfunded remainder (§6)', async () => {
    const { run } = await reconcile(t, '2026-10');
    expect(run.participants).toBe(4);
    expect(run.obligation).toBe(151200);
    expect(run.funded).toEqual([
      { pledgeCode: 'APBD-2026', sourceType: 'APBD', participants: 2, amount: 75600 },
      { pledgeCode: 'DESA-1703062001-2026', sourceType: 'DESA', participants: 1, amount: 15120 },
      { pledgeCode: 'PROV-2026', sourceType: 'APBD_PROV', participants: 1, amount: 18900 },
    ]);
    expect(run.unfunded).toEqual({ participants: 2, amount: 22680 + 18900 });
    expect(run.payments).toEqual([
      { pledgeCode: 'APBD-2026', due: 75600, paid: 75600, status: 'PAID', late: false },
      { pledgeCode: 'DESA-1703062001-2026', due: 15120, paid: 15000, status: 'UNDERPAID', late: true },
      { pledgeCode: 'PROV-2026', due: 18900, paid: 0, status: 'UNPAID', late: false },
      { pledgeCode: 'TJSLP-ALNO-2026', due: 0, paid: 1000, status: 'OVERPAID', late: false },
    ]);
    const statuses = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-10').expect(200)).body;
    // the run's figures, and what of paid is corrections of earlier months (none here: all own) and whether it is past due on the
    // test clock's 15 November 2026 (October ended: the owed are overdue): the route's only
    const dueness = (status: string) => (status === 'UNPAID' || status === 'UNDERPAID' ? { overdue: true, suspensionRisk: 'MONTH_ENDED' } : { overdue: false, suspensionRisk: 'NONE' });
    expect(statuses).toEqual(
      run.payments.map((p: { status: string; paid: number }) => ({
        ...p,
        corrections: 0,
        correctedMonths: [],
        lateOnlyByCorrections: false,
        ownPaid: p.paid,
        ownStatus: p.status,
        dueDate: '2026-10-10',
        ...dueness(p.status),
      })),
    );
  });
});
