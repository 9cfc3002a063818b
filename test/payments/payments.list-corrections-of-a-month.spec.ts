/**
 * `GET /api/v1/payments?adjustsMonth=`: the corrections of a month, recorded in later (open) months (§9),
 * so that the finalized month's Pembayaran page can name them (QA: July read "Kurang bayar" after its
 * shortfall had been corrected in October). Without the filter every payment is listed, as before; the
 * month's own status stays as it was.
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him; 2026-10 allocated (with every month before
 * it); July paid nothing and is finalized; October holds an ordinary payment and three corrections of July.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

describe('payments: the corrections of a month are listed by adjustsMonth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await closeMonth(t.dataSource, '2026-07');
    const pay = (amount: number, reference: string, paidAt: string, adjustsMonth?: string) =>
      finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount, paidAt, reference, ...(adjustsMonth ? { adjustsMonth } : {}) }).expect(201);
    await pay(37800, 'SP2D OKTOBER', '2026-10-05');
    await pay(20000, 'KOREKSI 1', '2026-10-20', '2026-07');
    await pay(17800, 'KOREKSI 2', '2026-10-21', '2026-07');
    await pay(1000, 'KOREKSI 3', '2026-11-02', '2026-07');
  });
  afterAll(() => t?.close());

  const list = async (query: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments?${query}`).expect(200)).body;

  it('lists the corrections of July, wherever they were recorded, and no other payment', async () => {
    const july = await list('adjustsMonth=2026-07');
    expect(july.total).toBe(3);
    expect(july.items.map((p: Record<string, unknown>) => [p.month, p.adjustsMonth, p.amount, p.paidAt, p.reference])).toEqual([
      ['2026-10', '2026-07', 20000, '2026-10-20', 'KOREKSI 1'],
      ['2026-10', '2026-07', 17800, '2026-10-21', 'KOREKSI 2'],
      ['2026-10', '2026-07', 1000, '2026-11-02', 'KOREKSI 3'],
    ]);
    // with the other filters and paging, as every listing
    expect((await list('adjustsMonth=2026-07&month=2026-10&pledgeCode=APBD-2026&page=2&pageSize=2')).items.map((p: { reference: string }) => p.reference)).toEqual(['KOREKSI 3']);
    expect(await list('adjustsMonth=2026-07&month=2026-09')).toEqual({ items: [], total: 0 });
    expect(await list('adjustsMonth=2026-10')).toEqual({ items: [], total: 0 });
  });

  it('without it every payment is listed, as before, and July\'s own figures are unchanged', async () => {
    expect((await list('month=2026-10')).total).toBe(4);
    expect((await list('month=2026-07')).total).toBe(0);
    const status = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-07').expect(200)).body;
    expect(status).toEqual([
      { pledgeCode: 'APBD-2026', due: 37800, paid: 0, ownPaid: 0, status: 'UNPAID', ownStatus: 'UNPAID', late: false, corrections: 0, correctedMonths: [], lateOnlyByCorrections: false, dueDate: '2026-07-10', overdue: true, suspensionRisk: 'MONTH_ENDED' },
    ]);
  });

  it('a malformed adjustsMonth is refused as month is', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/payments?adjustsMonth=2026-7').expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.details)).toContain('adjustsMonth: bulan harus berformat YYYY-MM dengan tahun 2000–2099');
  });
});
