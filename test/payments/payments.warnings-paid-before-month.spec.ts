/**
 * A payment dated before the first day of the month it pays for (`adjustsMonth` for a correction, else `month`) is
 * accepted with PAID_BEFORE_MONTH on `paidAt` (TANGGAL_BAYAR on the sheet): advances exist, but a correction of
 * September 2026 paid on 9 January 2026 has its year typed wrong (QA: accepted with `warnings: []`).
 * The fixed clock: 15 November 2026; September 2026 is finalized.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Warning = { code: string };
const paidBefore = (warnings: Warning[]) => warnings.filter((w) => w.code === 'PAID_BEFORE_MONTH');

describe('payments: paid before the month it pays for is warned about, naming the date and the month', () => {
  let t: TestApp;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'TJSLP-SAWIT-2026', { sourceType: 'TJSLP' });
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const pay = async (paidAt: string, reference: string, adjustsMonth?: string) => {
    const body = { pledgeCode: 'TJSLP-SAWIT-2026', month: '2026-11', amount: 1000, paidAt, reference, ...(adjustsMonth ? { adjustsMonth } : {}) };
    return paidBefore((await finance.post('/api/v1/payments').send(body).expect(201)).body.warnings);
  };

  it('POST /payments: a correction judged by the month it corrects, an ordinary payment by its own month', async () => {
    expect(await pay('2026-01-09', 'SP2D 1', '2026-09')).toEqual([
      { code: 'PAID_BEFORE_MONTH', field: 'paidAt', message: 'Tanggal bayar 9 Januari 2026 sebelum bulan yang dibayar (September 2026): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.' },
    ]);
    expect(await pay('2026-09-01', 'SP2D 2', '2026-09')).toEqual([]);
    expect(await pay('2026-10-28', 'SP2D 3')).toEqual([
      { code: 'PAID_BEFORE_MONTH', field: 'paidAt', message: 'Tanggal bayar 28 Oktober 2026 sebelum bulan yang dibayar (November 2026): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.' },
    ]);
    expect(await pay('2026-11-01', 'SP2D 4')).toEqual([]);
  });

  it('the payment sheet warns its rows the same way, on TANGGAL_BAYAR', async () => {
    const rows = [
      ['2026-01-09', 'LEMBAR 1', '2026-09'],
      ['2026-09-30', 'LEMBAR 2', '2026-09'],
      ['2026-10-28', 'LEMBAR 3', ''],
    ];
    const file = Buffer.from(['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;PENYESUAIAN_BULAN', ...rows.map(([paidAt, reference, adjusts]) => `TJSLP-SAWIT-2026;2026-11;1000;${paidAt};${reference};${adjusts}`)].join('\n'));
    const res = await finance.post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 3, accepted: 3, rejected: 0 });
    expect(paidBefore(res.body.issues)).toEqual([
      { row: 2, column: 'TANGGAL_BAYAR', severity: 'WARN', code: 'PAID_BEFORE_MONTH', message: 'Tanggal bayar 9 Januari 2026 sebelum bulan yang dibayar (September 2026): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.' },
      { row: 4, column: 'TANGGAL_BAYAR', severity: 'WARN', code: 'PAID_BEFORE_MONTH', message: 'Tanggal bayar 28 Oktober 2026 sebelum bulan yang dibayar (November 2026): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.' },
    ]);
  });
});
