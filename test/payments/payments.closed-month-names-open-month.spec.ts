/**
 * A payment for a finalized month is refused saying what to change (QA: the refusal named "Koreksi untuk
 * bulan" only, and the officer kept the closed month as Bulan iuran): record it in an open month, named
 * when one is known (the latest month up to the current one, later than the finalized month, neither
 * finalized nor frozen), with the finalized month as its correction. The form's route and the sheet say it alike.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { openMonthToRecordIn } from '../../src/periods/open-month.js';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { allocateThrough } from './support/something-due.js';

jest.setTimeout(180_000);

describe('openMonthToRecordIn', () => {
  it('is the current month when it is open, else the latest open month after the finalized one, never a frozen one', () => {
    expect(openMonthToRecordIn('2026-10', '2026-12', ['2026-10'])).toBe('2026-12');
    expect(openMonthToRecordIn('2026-10', '2026-12', ['2026-09', '2026-10', '2026-12'])).toBeNull(); // November frozen by December
    expect(openMonthToRecordIn('2026-12', '2027-02', ['2026-12', '2027-02'])).toBeNull(); // January 2027 frozen by February
    expect(openMonthToRecordIn('2026-11', '2027-01', ['2026-11', '2026-12', '2027-01'])).toBeNull();
    expect(openMonthToRecordIn('2026-11', '2027-01', ['2026-11', '2027-01'])).toBe('2026-12'); // December 2026: another year than January's
    expect(openMonthToRecordIn('2026-11', '2026-11', ['2026-11'])).toBeNull(); // no month after it has begun
  });
});

describe('payments: the refusal of a finalized month names the open month to record it in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // today 15 November 2026 (WIB)
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-11');
    await closeMonth(t.dataSource, '2026-09');
    await closeMonth(t.dataSource, '2026-10');
  });
  afterAll(() => t?.close());

  const payment = { pledgeCode: 'APBD-2026', month: '2026-10', amount: 37_800, paidAt: '2026-11-09', reference: 'SP2D 77/LS/2026' };
  const SAID =
    'Bulan Oktober 2026 sudah difinalisasi dan tidak dapat diubah. Catat pembayaran ini di bulan yang masih terbuka (mis. November 2026) dengan Koreksi untuk bulan = Oktober 2026: ' +
    'ubah Bulan iuran menjadi November 2026.';

  it('POST /payments: 409 MONTH_CLOSED saying Bulan iuran becomes November 2026, and Koreksi untuk bulan October; so recorded it is taken', async () => {
    const api = await t.as(Role.KEUANGAN);
    const refused = await api.post('/api/v1/payments').send(payment).expect(409);
    expect(refused.body).toEqual({ statusCode: 409, code: 'MONTH_CLOSED', message: SAID, details: { month: '2026-10', field: 'month' } });
    // beside another field's problem, it is the month field's message
    const both = await api.post('/api/v1/payments').send({ ...payment, amount: -1 }).expect(400);
    expect(both.body.details).toEqual(expect.arrayContaining([{ field: 'month', messages: [SAID] }]));
    await api.post('/api/v1/payments').send({ ...payment, month: '2026-11', adjustsMonth: '2026-10' }).expect(201);
  });

  it('no open month to name once November is finalized: the refusal still says to change Bulan iuran', async () => {
    await closeMonth(t.dataSource, '2026-11');
    const refused = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send({ ...payment, reference: 'SP2D 78/LS/2026' }).expect(409);
    expect(refused.body.message).toBe(
      'Bulan Oktober 2026 sudah difinalisasi dan tidak dapat diubah. Catat pembayaran ini di bulan yang masih terbuka dengan Koreksi untuk bulan = Oktober 2026: ubah Bulan iuran menjadi bulan yang belum difinalisasi.',
    );
    await t.dataSource.query(`DELETE FROM closed_month WHERE month = '2026-11'`);
  });

  it('the payment sheet says it with its columns as the file wrote them', async () => {
    const sheet = 'KODE_KOMITMEN,BULAN IURAN,JUMLAH,TANGGAL_BAYAR,REFERENSI\nAPBD-2026,2026-09,37800,2026-11-09,SP2D 79/LS/2026\n';
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'bayar.csv').expect(400);
    expect(res.body.details.issues).toEqual([
      expect.objectContaining({
        column: 'BULAN IURAN',
        code: 'MONTH_CLOSED',
        message: 'Bulan September 2026 sudah difinalisasi. Catat pembayaran ini di bulan yang masih terbuka (mis. November 2026): BULAN IURAN = 2026-11 dan PENYESUAIAN_BULAN = 2026-09.',
      }),
    ]);
  });
});
