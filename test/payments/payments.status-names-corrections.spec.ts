/**
 * GET /payments/status: a correction recorded in a month (month = M, adjustsMonth = an earlier month) counts
 * toward M's paid, and can make M PAID, OVERPAID and late (§8, kept); each pledge-month also says what of its
 * paid is such corrections, so its reader can tell (QA): `corrections` (their total, 0 when none),
 * `correctedMonths` (the months they correct) and `lateOnlyByCorrections` (late, and every payment after the
 * 10th is a correction); `ownPaid`/`ownStatus` are what the month's own payments paid. The corrected months' own figures stay as they are.
 *
 * Three participants, Rp37.800 a month each to PROV-2026 (quota 1), TJSLP-2026 (quota 1) and APBD-2026;
 * 2026-10 allocated (with every month before it, §6), July and August finalized and paid nothing. In October:
 * APBD-2026 paid on time and corrected July and August late; PROV-2026 paid late and corrected July;
 * TJSLP-2026 paid on time, nothing else.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

describe('payments: the status says what of paid is corrections of earlier months', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'TJSLP-2026', { sourceType: 'TJSLP', priority: 15, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await closeMonth(t.dataSource, '2026-07');
    await closeMonth(t.dataSource, '2026-08');
    const pay = (pledgeCode: string, amount: number, paidAt: string, reference: string, adjustsMonth?: string) =>
      finance.post('/api/v1/payments').send({ pledgeCode, month: '2026-10', amount, paidAt, reference, ...(adjustsMonth ? { adjustsMonth } : {}) }).expect(201);
    await pay('APBD-2026', 37800, '2026-10-05', 'SP2D APBD');
    await pay('APBD-2026', 20000, '2026-10-20', 'KOREKSI APBD JULI', '2026-07');
    await pay('APBD-2026', 17800, '2026-10-21', 'KOREKSI APBD AGUSTUS', '2026-08');
    await pay('PROV-2026', 37800, '2026-10-15', 'SP2D PROV');
    await pay('PROV-2026', 1000, '2026-10-20', 'KOREKSI PROV JULI', '2026-07');
    await pay('TJSLP-2026', 37800, '2026-10-05', 'TRF TJSLP');
  });
  afterAll(() => t?.close());

  const status = async (month: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments/status?month=${month}`).expect(200)).body;

  // on the test clock's 15 November 2026 October has ended: nothing of it is owed, so nothing is overdue
  const notOverdue = { dueDate: '2026-10-10', overdue: false, suspensionRisk: 'NONE' };

  it("October: each pledge's corrections, the months they correct, and whether it is late by them only", async () => {
    expect(await status('2026-10')).toEqual([
      { pledgeCode: 'APBD-2026', due: 37800, paid: 75600, status: 'OVERPAID', late: true, corrections: 37800, correctedMonths: ['2026-07', '2026-08'], lateOnlyByCorrections: true, ownPaid: 37800, ownStatus: 'PAID', ...notOverdue },
      { pledgeCode: 'PROV-2026', due: 37800, paid: 38800, status: 'OVERPAID', late: true, corrections: 1000, correctedMonths: ['2026-07'], lateOnlyByCorrections: false, ownPaid: 37800, ownStatus: 'PAID', ...notOverdue },
      { pledgeCode: 'TJSLP-2026', due: 37800, paid: 37800, status: 'PAID', late: false, corrections: 0, correctedMonths: [], lateOnlyByCorrections: false, ownPaid: 37800, ownStatus: 'PAID', ...notOverdue },
    ]);
  });

  it('July, the corrected month: its own figures, no corrections recorded in it', async () => {
    // July's own payments: none, so it is overdue and its month has ended (corrections recorded in October do not change that)
    const none = { paid: 0, status: 'UNPAID', late: false, corrections: 0, correctedMonths: [], lateOnlyByCorrections: false, ownPaid: 0, ownStatus: 'UNPAID', dueDate: '2026-07-10', overdue: true, suspensionRisk: 'MONTH_ENDED' };
    expect(await status('2026-07')).toEqual([
      { pledgeCode: 'APBD-2026', due: 37800, ...none },
      { pledgeCode: 'PROV-2026', due: 37800, ...none },
      { pledgeCode: 'TJSLP-2026', due: 37800, ...none },
    ]);
  });
});
