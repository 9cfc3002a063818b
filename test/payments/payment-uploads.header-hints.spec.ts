/**
 * A payment sheet headed `Jumlah (Rp)` reads its JUMLAH column (QA: the file was refused, "Kolom wajib tidak
 * ditemukan: JUMLAH"), and its column-numbering row `(1) (2) …` is skipped. Golden file:
 * test/fixtures/payments/ok/pembayaran-judul-satuan.csv.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from './support/something-due.js';

jest.setTimeout(180_000);

describe('payment sheet: a unit hint in a header', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-10');
  });
  afterAll(() => t?.close());

  it('records the rows of a sheet headed Jumlah (Rp) under a numbering row', async () => {
    const file = readFileSync('test/fixtures/payments/ok/pembayaran-judul-satuan.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, payments: 2, amount: 76600 });
    expect(res.body.issues.filter((i: { severity: string }) => i.severity === 'REJECT')).toEqual([]);
  });
});
