/**
 * An ordinary payment (no `adjustsMonth`) that takes its pledge-month's paid above what is due is accepted,
 * as §8 accepts every payment, but warned about (QA: DESA-1703112009-2026 paid Rp900.000 of Rp869.400 due and
 * heard nothing until the status read OVERPAID): EXCEEDS_DUE on `amount` (sheet: JUMLAH), giving the due, what
 * was already paid and the excess in rupiah. Already paid is the month's own payments (and in a sheet the rows
 * above): the corrections of earlier months recorded in it are left out, and named, since they pay those months,
 * not this one's premium (QA: December's own exact payment warned "kelebihan" after a correction of November).
 * Exactly the due is no warning; a month with nothing due hears NOTHING_DUE alone.
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him (SISA-2026, last, is left nothing); 2026-10
 * allocated (with every month before it, §6), March and August finalized, the fixed clock on 15 November 2026.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app and allocating ten months can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

const exceedsDue = (month: string, paid: string, excess: string, corrections?: string) =>
  `Pembayaran ini melebihi yang terutang untuk ${month}: terutang Rp37.800, sudah dibayar ${paid}` +
  (corrections ? ` (koreksi bulan lain ${corrections} yang tercatat di bulan ini tidak dihitung)` : '') +
  `, kelebihan ${excess}.`;

describe('payments: an ordinary payment above what its month still owes is warned about, and recorded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    await insertPledge(t.dataSource, 'SISA-2026', { priority: 40 });
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await closeMonth(t.dataSource, '2026-03');
    await closeMonth(t.dataSource, '2026-08');
  });
  afterAll(() => t?.close());

  const pay = async (month: string, amount: number, reference: string, extra: { pledgeCode?: string; adjustsMonth?: string } = {}) => {
    const body = { pledgeCode: 'APBD-2026', month, amount, paidAt: '2026-11-02', reference, ...extra };
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(body).expect(201);
    expect(res.body).toMatchObject({ month, amount, reference });
    return res.body.warnings;
  };
  const status = async (month: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments/status?month=${month}`).expect(200)).body;

  it('POST /payments: exactly the due is no warning; Rp1.000 more is EXCEEDS_DUE on amount, and recorded (OVERPAID)', async () => {
    expect(await pay('2026-10', 37800, 'API 1')).toEqual([]);
    expect(await pay('2026-10', 1000, 'API 2')).toEqual([{ code: 'EXCEEDS_DUE', field: 'amount', message: exceedsDue('Oktober 2026', 'Rp37.800', 'Rp1.000') }]);
    expect(await status('2026-10')).toMatchObject([{ pledgeCode: 'APBD-2026', due: 37800, paid: 38800, status: 'OVERPAID' }]);
  });

  it("POST /payments: a correction of August recorded in September does not count toward September's own payments", async () => {
    expect(await pay('2026-09', 30000, 'API 3', { adjustsMonth: '2026-08' })).toEqual([]);
    expect(await pay('2026-09', 37800, 'API 4')).toEqual([]);
    expect(await pay('2026-09', 2200, 'API 4B')).toEqual([{ code: 'EXCEEDS_DUE', field: 'amount', message: exceedsDue('September 2026', 'Rp37.800', 'Rp2.200', 'Rp30.000') }]);
  });

  it('POST /payments: nothing due is NOTHING_DUE alone, not EXCEEDS_DUE as well', async () => {
    expect((await pay('2026-10', 1000, 'API 5', { pledgeCode: 'SISA-2026' })).map((w: { code: string }) => w.code)).toEqual(['NOTHING_DUE']);
    expect((await pay('2026-11', 1000, 'API 6')).map((w: { code: string }) => w.code)).toEqual(['NOTHING_DUE']);
  });

  it('the payment sheet warns on JUMLAH, counting the ordinary payments of the rows above as recorded, not the corrections', async () => {
    const rows = [
      ['APBD-2026', '2026-07', '20000', '', 'LEMBAR 1'], // July: none
      ['APBD-2026', '2026-07', '20000', '', 'LEMBAR 2'], // with the row above, over July's due by Rp2.200
      ['APBD-2026', '2026-06', '17800', '', 'LEMBAR 3'],
      ['APBD-2026', '2026-06', '20000', '', 'LEMBAR 4'], // with the row above, exactly June's due: none
      ['APBD-2026', '2026-05', '30000', '2026-03', 'LEMBAR 5'], // a correction of March, recorded in May: not May's own
      ['APBD-2026', '2026-05', '40000', '', 'LEMBAR 6'], // over May's due by Rp2.200, the correction above left out
      ['SISA-2026', '2026-10', '1000', '', 'LEMBAR 7'], // nothing due: NOTHING_DUE alone
    ];
    const file = Buffer.from(
      ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;PENYESUAIAN_BULAN', ...rows.map(([code, month, amount, adjusts, reference]) => `${code};${month};${amount};2026-11-02;${reference};${adjusts}`)].join('\n'),
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-lebih.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 7, accepted: 7, rejected: 0, warnings: 3, payments: 7, amount: 148800 });
    expect(res.body.issues).toEqual([
      { row: 3, column: 'JUMLAH', severity: 'WARN', code: 'EXCEEDS_DUE', message: exceedsDue('Juli 2026', 'Rp20.000', 'Rp2.200') },
      { row: 7, column: 'JUMLAH', severity: 'WARN', code: 'EXCEEDS_DUE', message: exceedsDue('Mei 2026', 'Rp0', 'Rp2.200', 'Rp30.000') },
      { row: 8, column: 'BULAN', severity: 'WARN', code: 'NOTHING_DUE', message: expect.stringMatching(/^Komitmen SISA-2026 tidak menanggung iuran apa pun pada Oktober 2026/) },
    ]);
    expect(await status('2026-06')).toMatchObject([{ pledgeCode: 'APBD-2026', due: 37800, paid: 37800, status: 'PAID' }]);
  });
});
