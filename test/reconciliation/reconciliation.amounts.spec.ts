/** DOMAIN §7 amounts: payable, overbilled and underbilled to the rupiah. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, nik } from './support/seed.js';
import { reconcile } from './support/run.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('reconciliation: payable, overbilled and underbilled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const covered = { tmt: '2024-01-01' };
    await insertParticipants(t.dataSource, [
      { nik: nik(1), noka: '0000000000001', ...covered },
      { nik: nik(2), noka: '0000000000002', ...covered },
      { nik: nik(3), noka: '0000000000003', ...covered },
      { nik: nik(4), noka: '0000000000004', ...covered },
      { nik: nik(5), noka: '0000000000005', tmt: '2024-01-01', tat: '2026-01-05', endReason: 'MENINGGAL' },
      { nik: nik(6), noka: '0000000000006', tmt: '2026-09-01' },
      { nik: nik(7), noka: '0000000000007', ...covered },
      { nik: nik(8), noka: '0000000000008', ...covered },
    ]);
  });
  afterAll(() => t?.close());

  it('adds up every category as §7 says', async () => {
    await insertBill(t.dataSource, '2026-03', [
      { nik: nik(1), noka: '0000000000001' }, // MATCHED: payable 37.800
      { nik: nik(1), noka: '0000000000001' }, // DUPLICATE: overbilled 37.800
      { nik: nik(9001) }, // NOT_REGISTERED: overbilled 37.800
      { nik: nik(2), noka: '0000000000002', amount: 42000 }, // AMOUNT_MISMATCH: payable 37.800, overbilled 4.200
      { nik: nik(3), noka: '0000000000003', amount: 30000 }, // AMOUNT_MISMATCH: payable 37.800, underbilled 7.800
      { nik: nik(4), noka: '0000000000444' }, // NOKA_MISMATCH: payable 37.800
      { nik: nik(5), noka: '0000000000005' }, // BILLED_AFTER_DEATH: overbilled 37.800
      { nik: nik(6), noka: '0000000000006', amount: 20000 }, // NOT_COVERED: overbilled 20.000
    ]); // nik 7 and 8 NOT_BILLED: underbilled 2 × 37.800
    const { run } = await reconcile(t, '2026-03');
    expect(run.bill).toEqual({
      invoiceTotal: 281000,
      linesTotal: 281000,
      payable: 4 * 37800,
      overbilled: 37800 + 37800 + 4200 + 37800 + 20000,
      underbilled: 7800 + 2 * 37800,
    });
    expect(run.findings).toEqual({
      DUPLICATE_BILLING: 1,
      NOT_REGISTERED: 1,
      BILLED_AFTER_DEATH: 1,
      NOT_COVERED: 1,
      AMOUNT_MISMATCH: 2,
      NOKA_MISMATCH: 1,
      MATCHED: 1,
      NOT_BILLED: 2,
      TOTAL_MISMATCH: 0,
      DOUBLE_COVERAGE: 0,
    });
    expect(run.participants).toBe(6);
    expect(run.obligation).toBe(6 * 37800);
  });
});
