/**
 * GET /payments/status says, per pledge-month, when its premiums are due and whether they are past due today
 * (DOMAIN §8, QA: November read "Belum dibayar" on 6 December exactly like December, not yet due, and January
 * 2027, not begun): `dueDate` (the 10th), `overdue` (UNPAID or UNDERPAID after the 10th, WIB, by the injected
 * Clock) and `suspensionRisk` (BY_MONTH_END within the month, MONTH_ENDED after it; NONE otherwise). PAID and
 * OVERPAID never are overdue; the 10th itself is on time.
 *
 * Four participants, Rp37.800 a month each to UNPAID-2026, UNDER-2026, PAID-2026 and OVER-2026 (quota 1 each);
 * November paid on 5 November: UNDER-2026 Rp10.000, PAID-2026 Rp37.800, OVER-2026 Rp40.000. NEXT-2027 funds
 * everybody in 2027.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

type Row = { pledgeCode: string; status: string; dueDate: string; overdue: boolean; suspensionRisk: string };

describe('payments: the status says whether a month is past due and the suspension risk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-11-05T03:00:00Z')); // 5 November 2026, 10:00 WIB
    await insertParticipants(t.dataSource, [1, 2, 3, 4].map((n) => ({ nik: nik(n) })));
    for (const [i, code] of ['UNPAID-2026', 'UNDER-2026', 'PAID-2026', 'OVER-2026'].entries()) await insertPledge(t.dataSource, code, { priority: 10 + i, quota: 1 });
    await insertPledge(t.dataSource, 'NEXT-2027', { fiscalYear: 2027 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-11' }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    const pay = (pledgeCode: string, amount: number) =>
      finance.post('/api/v1/payments').send({ pledgeCode, month: '2026-11', amount, paidAt: '2026-11-05', reference: `SP2D ${pledgeCode}` }).expect(201);
    await pay('UNDER-2026', 10000);
    await pay('PAID-2026', 37800);
    await pay('OVER-2026', 40000);
  });
  afterAll(() => t?.close());

  const status = async (month: string): Promise<Row[]> => (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments/status?month=${month}`).expect(200)).body;
  /** pledge → [status, overdue, suspensionRisk] */
  const dueness = async (month: string) => Object.fromEntries((await status(month)).map((r) => [r.pledgeCode, [r.status, r.overdue, r.suspensionRisk]]));
  const at = (iso: string) => t.clock.set(new Date(iso));

  it('before the 10th and on the 10th itself nothing is overdue; the due date is the 10th', async () => {
    const rows = await status('2026-11');
    expect(rows.map((r) => r.dueDate)).toEqual(['2026-11-10', '2026-11-10', '2026-11-10', '2026-11-10']);
    expect(rows.map((r) => [r.pledgeCode, r.status])).toEqual([
      ['OVER-2026', 'OVERPAID'],
      ['PAID-2026', 'PAID'],
      ['UNDER-2026', 'UNDERPAID'],
      ['UNPAID-2026', 'UNPAID'],
    ]);
    expect(rows.every((r) => !r.overdue && r.suspensionRisk === 'NONE')).toBe(true);
    at('2026-11-10T16:59:00Z'); // 10 November 23:59 WIB
    expect((await status('2026-11')).every((r) => !r.overdue && r.suspensionRisk === 'NONE')).toBe(true);
  });

  it('after the 10th within the month (WIB): UNPAID and UNDERPAID are overdue, at risk by month end; PAID and OVERPAID never', async () => {
    at('2026-11-10T17:00:00Z'); // 11 November 00:00 WIB, still the 10th in UTC
    const expected = {
      'OVER-2026': ['OVERPAID', false, 'NONE'],
      'PAID-2026': ['PAID', false, 'NONE'],
      'UNDER-2026': ['UNDERPAID', true, 'BY_MONTH_END'],
      'UNPAID-2026': ['UNPAID', true, 'BY_MONTH_END'],
    };
    expect(await dueness('2026-11')).toEqual(expected);
    at('2026-11-30T16:59:00Z'); // 30 November 23:59 WIB
    expect(await dueness('2026-11')).toEqual(expected);
  });

  it('after the month ended: overdue, and BPJS may already have suspended coverage; the next month is not yet due', async () => {
    at('2026-11-30T17:00:00Z'); // 1 December 00:00 WIB
    expect(await dueness('2026-11')).toEqual({
      'OVER-2026': ['OVERPAID', false, 'NONE'],
      'PAID-2026': ['PAID', false, 'NONE'],
      'UNDER-2026': ['UNDERPAID', true, 'MONTH_ENDED'],
      'UNPAID-2026': ['UNPAID', true, 'MONTH_ENDED'],
    });
    at('2026-12-06T03:00:00Z'); // 6 December 2026, the QA's day
    const december = await status('2026-12');
    expect(december.map((r) => [r.pledgeCode, r.status, r.dueDate, r.overdue, r.suspensionRisk])).toEqual(
      ['OVER-2026', 'PAID-2026', 'UNDER-2026', 'UNPAID-2026'].map((code) => [code, 'UNPAID', '2026-12-10', false, 'NONE']),
    );
  });

  it('a month not begun is never overdue', async () => {
    at('2026-12-06T03:00:00Z');
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2027-01' }).expect(201);
    const january = await status('2027-01');
    expect(january).toHaveLength(1);
    expect(january[0]).toMatchObject({ pledgeCode: 'NEXT-2027', status: 'UNPAID', dueDate: '2027-01-10', overdue: false, suspensionRisk: 'NONE' });
  });
});
