/**
 * A correction of a closed month recorded in the next one counts toward that month's paid (§8, kept), but it does
 * not pay the month's own premium (QA: November left unpaid and finalized, its correction recorded in December made
 * December PAID, not overdue, "Lunas" everywhere, and December's own exact payment then warned EXCEEDS_DUE). So GET
 * /payments/status reports apart `ownPaid` (the month's own payments) and `ownStatus` beside `corrections`;
 * `overdue` and `suspensionRisk` judge the own payments; EXCEEDS_DUE compares the due with the own payments only; the
 * statements say "Lunas menurut jumlah (termasuk koreksi …); premi Desember 2026 sendiri belum dibayar".
 *
 * Three participants, Rp37.800 a month each, all funded by TJSLP-KOPI-2026: due Rp113.400 a month (3 × 37.800).
 * November allocated, paid nothing, closed; December allocated. On 4 December 2026 a correction of November,
 * Rp113.400, is recorded in December (paid 4 December).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { download, readWorkbook, rowOf } from '../reports/support/xlsx.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

const CODE = 'TJSLP-KOPI-2026';
const STATUS = 6; // statement Ringkasan: Status

describe('payments: a correction of another month does not pay the month it is recorded in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-04T03:00:00Z')); // 4 December 2026, 10:00 WIB
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, CODE, { sourceType: 'TJSLP', priority: 10 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-11' }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    await closeMonth(t.dataSource, '2026-11');
    const correction = await finance
      .post('/api/v1/payments')
      .send({ pledgeCode: CODE, month: '2026-12', adjustsMonth: '2026-11', amount: 113400, paidAt: '2026-12-04', reference: 'KOREKSI NOV KOPI' })
      .expect(201);
    expect(correction.body.warnings).toEqual([]);
  });
  afterAll(() => t?.close());

  const december = async () => {
    const rows = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-12').expect(200)).body as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.pledgeCode)).toEqual([CODE]);
    return rows[0];
  };
  const statusCell = async () => {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/${CODE}.xlsx?year=2026`))).body);
    return rowOf(wb.getWorksheet('Ringkasan')!, 'Desember 2026').getCell(STATUS).value;
  };

  it('4 December: PAID by the sum, but the own payments paid nothing (not yet due)', async () => {
    expect(await december()).toEqual({
      pledgeCode: CODE,
      due: 113400,
      paid: 113400,
      status: 'PAID',
      late: false,
      corrections: 113400,
      correctedMonths: ['2026-11'],
      lateOnlyByCorrections: false,
      ownPaid: 0,
      ownStatus: 'UNPAID',
      dueDate: '2026-12-10',
      overdue: false,
      suspensionRisk: 'NONE',
    });
    expect(await statusCell()).toBe('Lunas menurut jumlah (termasuk koreksi November 2026 Rp113.400); premi Desember 2026 sendiri belum dibayar (jatuh tempo 10 Desember 2026)');
  });

  it('11 December (WIB): overdue and at risk by month end, though PAID by the sum', async () => {
    t.clock.set(new Date('2026-12-10T17:00:00Z')); // 11 December 00:00 WIB
    expect(await december()).toMatchObject({ paid: 113400, status: 'PAID', ownPaid: 0, ownStatus: 'UNPAID', overdue: true, suspensionRisk: 'BY_MONTH_END' });
    expect(await statusCell()).toBe('Lunas menurut jumlah (termasuk koreksi November 2026 Rp113.400); premi Desember 2026 sendiri belum dibayar – lewat jatuh tempo 10 Desember 2026');
  });

  it("December's own exact payment warns nothing; it makes the own payments PAID and the sum OVERPAID", async () => {
    const finance = await t.as(Role.KEUANGAN);
    const own = await finance.post('/api/v1/payments').send({ pledgeCode: CODE, month: '2026-12', amount: 113400, paidAt: '2026-12-11', reference: 'TRF KOPI DES' }).expect(201);
    expect(own.body.warnings).toEqual([]);
    expect(await december()).toMatchObject({ paid: 226800, status: 'OVERPAID', late: true, corrections: 113400, ownPaid: 113400, ownStatus: 'PAID', overdue: false, suspensionRisk: 'NONE' });
    expect(await statusCell()).toBe('Lebih bayar');
  });

  it('a further Rp1.000 exceeds what December owed by its own payments: by Rp1.000, not Rp114.400', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const more = await finance.post('/api/v1/payments').send({ pledgeCode: CODE, month: '2026-12', amount: 1000, paidAt: '2026-12-11', reference: 'TRF KOPI DES 2' }).expect(201);
    expect(more.body.warnings).toEqual([
      {
        code: 'EXCEEDS_DUE',
        field: 'amount',
        message: 'Pembayaran ini melebihi yang terutang untuk Desember 2026: terutang Rp113.400, sudah dibayar Rp113.400 (koreksi bulan lain Rp113.400 yang tercatat di bulan ini tidak dihitung), kelebihan Rp1.000.',
      },
    ]);
  });

  it('November, the corrected month, keeps its own figures: unpaid, its month ended', async () => {
    const [november] = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-11').expect(200)).body;
    expect(november).toMatchObject({ due: 113400, paid: 0, status: 'UNPAID', ownPaid: 0, ownStatus: 'UNPAID', corrections: 0, overdue: true, suspensionRisk: 'MONTH_ENDED' });
  });
});
