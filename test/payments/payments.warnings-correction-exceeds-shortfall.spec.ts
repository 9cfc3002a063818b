/**
 * A correction pays the shortfall of the month it corrects (§9). One larger than what that month still
 * lacks (its due less its payments and the corrections of it recorded before) is accepted, as §8 accepts
 * every payment, but warned about: EXCEEDS_SHORTFALL on `amount` (sheet: JUMLAH), saying in rupiah what
 * the month owed, what was paid and corrected before, what was still short and by how much this
 * correction goes over it. A correction of exactly the shortfall has no warning; two that only together
 * exceed warn on the second; in a sheet, the corrections of the rows above count as recorded.
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him; 2026-10 allocated (with every month before
 * it, §6), the fixed clock on 15 November 2026. May to September were paid Rp20.000 each (Rp17.800
 * short) and are finalized; the corrections are recorded in October.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app and allocating ten months can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

const CLOSED = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
const TAIL = (month: string) => `Pembayaran ini tetap dihitung pada bulan iurannya sendiri, Oktober 2026, dan tidak mengubah angka ${month}.`;
const exceeds = (amount: string, month: string, over: string, figures: string) =>
  `Koreksi ${amount} untuk komitmen APBD-2026 melebihi kekurangan ${month} sebesar ${over} (iuran Rp37.800, ${figures}). ${TAIL(month)}`;

describe('payments: a correction larger than the shortfall still left is warned about, and recorded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    for (const month of CLOSED) {
      await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month, amount: 20000, paidAt: `${month}-05`, reference: `SP2D ${month}` }).expect(201);
    }
    for (const month of CLOSED) await closeMonth(t.dataSource, month);
  });
  afterAll(() => t?.close());

  const correct = async (adjustsMonth: string, amount: number, reference: string) => {
    const body = { pledgeCode: 'APBD-2026', month: '2026-10', amount, paidAt: '2026-11-02', reference, adjustsMonth };
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(body).expect(201);
    expect(res.body).toMatchObject({ month: '2026-10', amount, adjustsMonth, reference });
    return res.body.warnings;
  };

  it('POST /payments: Rp40.000 for September, Rp17.800 short, goes over by Rp22.200; exactly the shortfall is no warning', async () => {
    expect(await correct('2026-09', 40000, 'API 1')).toEqual([
      { code: 'EXCEEDS_SHORTFALL', field: 'amount', message: exceeds('Rp40.000', 'September 2026', 'Rp22.200', 'dibayar Rp20.000: kurang Rp17.800') },
    ]);
    expect(await correct('2026-08', 17800, 'API 2')).toEqual([]);
    // recorded all the same, in October
    const listed = (await (await t.as(Role.KEUANGAN)).get('/api/v1/payments?month=2026-10').expect(200)).body;
    expect(listed.items.map((p: { reference: string; amount: number }) => [p.reference, p.amount])).toEqual(
      expect.arrayContaining([
        ['API 1', 40000],
        ['API 2', 17800],
      ]),
    );
  });

  it('POST /payments: two corrections of July that only together go over it warn on the second, counting the first', async () => {
    expect(await correct('2026-07', 10000, 'API 3')).toEqual([]);
    expect(await correct('2026-07', 10000, 'API 4')).toEqual([
      { code: 'EXCEEDS_SHORTFALL', field: 'amount', message: exceeds('Rp10.000', 'Juli 2026', 'Rp2.200', 'dibayar Rp20.000, koreksi sebelumnya Rp10.000: kurang Rp7.800') },
    ]);
    // July is now covered: a third correction hears NO_SHORTFALL, not that it exceeds
    expect((await correct('2026-07', 500, 'API 5')).map((w: { code: string }) => w.code)).toEqual(['NO_SHORTFALL']);
  });

  it('the payment sheet warns on JUMLAH, counting the corrections of the rows above as recorded (two rows that together go over)', async () => {
    const rows = [
      ['40000', '2026-05', 'LEMBAR 1'], // May, Rp17.800 short: over by Rp22.200
      ['10000', '2026-06', 'LEMBAR 2'], // June, Rp17.800 short: none
      ['10000', '2026-06', 'LEMBAR 3'], // with the row above, over June's shortfall by Rp2.200
      ['1000', '2026-06', 'LEMBAR 4'], // June covered by the rows above: NO_SHORTFALL, not EXCEEDS_SHORTFALL
    ];
    const file = Buffer.from(
      ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;PENYESUAIAN_BULAN', ...rows.map(([amount, adjusts, reference]) => `APBD-2026;2026-10;${amount};2026-11-02;${reference};${adjusts}`)].join('\n'),
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-koreksi.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 4, rejected: 0, warnings: 3, payments: 4, amount: 61000 });
    expect(res.body.issues).toEqual([
      { row: 2, column: 'JUMLAH', severity: 'WARN', code: 'EXCEEDS_SHORTFALL', message: exceeds('Rp40.000', 'Mei 2026', 'Rp22.200', 'dibayar Rp20.000: kurang Rp17.800') },
      { row: 4, column: 'JUMLAH', severity: 'WARN', code: 'EXCEEDS_SHORTFALL', message: exceeds('Rp10.000', 'Juni 2026', 'Rp2.200', 'dibayar Rp20.000, koreksi sebelumnya Rp10.000: kurang Rp7.800') },
      { row: 5, column: 'PENYESUAIAN_BULAN', severity: 'WARN', code: 'NO_SHORTFALL', message: expect.stringMatching(/^Juni 2026 tidak kurang bayar .*koreksi sebelumnya Rp20\.000: kelebihan bayar/) },
    ]);
  });
});
