/** DOMAIN §8: payments from a sheet; bad rows reported, good rows recorded. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertPledge } from '../reconciliation/support/seed.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('payments: sheet upload', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
  });
  afterAll(() => t?.close());

  it('records the good rows and reports each bad one', async () => {
    const file = readFileSync('test/fixtures/payments/ok/pembayaran-2026-10.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 7, accepted: 2, rejected: 5, payments: 2, amount: 76600 });
    expect(res.body.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [4, 'KODE_KOMITMEN'],
      [5, 'BULAN'],
      [6, 'JUMLAH'],
      [7, 'TANGGAL_BAYAR'],
      [8, 'REFERENSI'],
    ]);
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-10').expect(200)).body;
    expect(list.items.map((p: { amount: number; paidAt: string; adjustsMonth: string | null }) => [p.amount, p.paidAt, p.adjustsMonth])).toEqual([
      [75600, '2026-10-08', null],
      [1000, '2026-10-15', '2026-09'],
    ]);
  });
});
