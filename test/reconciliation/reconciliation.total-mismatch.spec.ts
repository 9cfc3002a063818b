/** DOMAIN §7: one TOTAL_MISMATCH when the invoice total differs from the lines; no bill, no bill findings. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, nik } from './support/seed.js';
import { nonZero, reconcile } from './support/run.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('reconciliation: TOTAL_MISMATCH and missing bills', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: nik(1), noka: '0000000000001' },
      { nik: nik(2), noka: '0000000000002' },
    ]);
  });
  afterAll(() => t?.close());

  it('reports one TOTAL_MISMATCH with the invoice total and the sum of the lines', async () => {
    await insertBill(t.dataSource, '2026-04', [{ nik: nik(1), noka: '0000000000001' }, { nik: nik(2), noka: '0000000000002' }], 75700);
    const { run, findings } = await reconcile(t, '2026-04');
    expect(nonZero(run.findings)).toEqual({ MATCHED: 2, TOTAL_MISMATCH: 1 });
    expect(findings).toEqual([expect.objectContaining({ category: 'TOTAL_MISMATCH', nik: null, billedAmount: 75700, expectedAmount: 75600 })]);
    expect(run.bill).toMatchObject({ invoiceTotal: 75700, linesTotal: 75600, payable: 75600, overbilled: 0, underbilled: 0 });
  });

  it('a corrected bill (new version) replaces the old one', async () => {
    await insertBill(t.dataSource, '2026-04', [{ nik: nik(1), noka: '0000000000001' }, { nik: nik(2), noka: '0000000000002' }]);
    const { run } = await reconcile(t, '2026-04');
    expect(nonZero(run.findings)).toEqual({ MATCHED: 2 });
    expect(run.inputs.bill.version).toBe(2);
  });

  it('a month without a bill has no bill findings at all (no NOT_BILLED)', async () => {
    const { run, findings } = await reconcile(t, '2026-05');
    expect(run.bill).toBeNull();
    expect(nonZero(run.findings)).toEqual({});
    expect(findings).toEqual([]);
    expect(run.participants).toBe(2);
  });
});
