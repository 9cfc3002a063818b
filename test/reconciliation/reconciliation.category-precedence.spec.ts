/** DOMAIN §7: when several conditions hold, the first in §7 order wins; DOUBLE_COVERAGE is independent of the line. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPbiList, nik } from './support/seed.js';
import { reconcile, type FindingItem } from './support/run.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('reconciliation: category precedence', () => {
  let t: TestApp;
  let findings: FindingItem[];
  let counts: Record<string, number>;
  const at = (row: number) => findings.find((f) => f.rowNumber === row)?.category ?? 'MATCHED';

  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: nik(1), noka: '0000000000001', tmt: '2024-01-01', tat: '2025-02-10', endReason: 'MENINGGAL' },
      { nik: nik(2), noka: '0000000000002', tmt: '2025-05-01' },
      { nik: nik(3), noka: '0000000000003', tmt: '2024-01-01' },
      { nik: nik(4), noka: null, tmt: '2024-01-01' },
      { nik: nik(5), noka: '0000000000005', tmt: '2024-01-01', tat: '2025-03-15', endReason: 'MENINGGAL' },
      { nik: nik(6), noka: '0000000000006', tmt: '2024-01-01', tat: '2025-02-28', endReason: 'PINDAH' },
      { nik: nik(7), noka: '0000000000007', tmt: '2024-01-01' },
    ]);
    await insertBill(t.dataSource, '2025-03', [
      { nik: nik(1), noka: '0000000000001', amount: 42000 }, // row 2: dead, wrong amount
      { nik: nik(1), noka: '0000000000001' }, // row 3: same NIK again
      { nik: nik(9001), noka: '0000000009001' }, // row 4: unregistered
      { nik: nik(9001), noka: '0000000009002' }, // row 5: unregistered, again
      { nik: nik(2), noka: '0000000000999', amount: 42000 }, // row 6: not yet covered, wrong NOKA and amount
      { nik: nik(3), noka: '0000000000999', amount: 42000 }, // row 7: wrong amount and wrong NOKA
      { nik: nik(4), noka: '0000000004444' }, // row 8: participant without NOKA
      { nik: nik(5), noka: '0000000000005' }, // row 9: died during the month: still covered
      { nik: nik(6), noka: '0000000000006' }, // row 10: moved out before the month
      { nik: nik(7), noka: '0000000000007' }, // row 11: on the PBI-APBN list as well
    ]);
    await insertPbiList(t.dataSource, '2025-03', [nik(7), nik(3)]);
    const result = await reconcile(t, '2025-03');
    findings = result.findings;
    counts = result.run.findings;
  });
  afterAll(() => t?.close());

  it('BILLED_AFTER_DEATH wins over AMOUNT_MISMATCH and NOT_COVERED; the second line of the NIK is DUPLICATE_BILLING', () => {
    expect(at(2)).toBe('BILLED_AFTER_DEATH');
    expect(at(3)).toBe('DUPLICATE_BILLING');
  });

  it('DUPLICATE_BILLING wins over NOT_REGISTERED for the second line of an unknown NIK', () => {
    expect(at(4)).toBe('NOT_REGISTERED');
    expect(at(5)).toBe('DUPLICATE_BILLING');
  });

  it('NOT_COVERED wins over AMOUNT_MISMATCH and NOKA_MISMATCH', () => expect(at(6)).toBe('NOT_COVERED'));
  it('AMOUNT_MISMATCH wins over NOKA_MISMATCH', () => expect(at(7)).toBe('AMOUNT_MISMATCH'));
  it('a participant without NOKA matches any NOKA', () => expect(at(8)).toBe('MATCHED'));
  it('a death during the month is not BILLED_AFTER_DEATH (still covered that month)', () => expect(at(9)).toBe('MATCHED'));
  it('an end other than death before the month is NOT_COVERED', () => expect(at(10)).toBe('NOT_COVERED'));

  it('DOUBLE_COVERAGE comes on top of the line category, with what the bill charges for the NIK', () => {
    expect([at(11), at(7)]).toEqual(['MATCHED', 'AMOUNT_MISMATCH']);
    const double = findings.filter((f) => f.category === 'DOUBLE_COVERAGE');
    expect(double.map((f) => [f.nik, f.billedAmount, f.expectedAmount])).toEqual([
      [nik(3), 42000, 37800],
      [nik(7), 37800, 37800],
    ]);
  });

  it('findings are numbered in category order, then file row', () => {
    expect(findings.map((f) => [f.category, f.rowNumber])).toEqual([
      ['DUPLICATE_BILLING', 3],
      ['DUPLICATE_BILLING', 5],
      ['NOT_REGISTERED', 4],
      ['BILLED_AFTER_DEATH', 2],
      ['NOT_COVERED', 6],
      ['NOT_COVERED', 10],
      ['AMOUNT_MISMATCH', 7],
      ['DOUBLE_COVERAGE', null],
      ['DOUBLE_COVERAGE', null],
    ]);
    expect(counts).toMatchObject({ MATCHED: 3, NOT_BILLED: 0, TOTAL_MISMATCH: 0 });
  });
});
