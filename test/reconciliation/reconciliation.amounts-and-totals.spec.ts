import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from './support/seed.js';
import { nonZero, reconcile } from './support/run.js';
import { Role } from '../../src/users/role.js';

// Booting each describe's app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

/** DOMAIN §7 amounts: payable, overbilled and underbilled to the rupiah. */
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

/** DOMAIN §7: one TOTAL_MISMATCH when the invoice total differs from the lines; no bill, no bill findings. */
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

/**
 * A DONE run says what of its month changed since it ran (run-inputs.ts changedSince). With the same
 * count and rupiah owed, one resident leaving and another joining is said as that, not as a change of
 * TMT or village (QA: a PINDAH plus a new resident read "data peserta … (TMT atau desa)").
 */
describe('a run names who is owed changing apart from a TMT or village changing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }, { nik: nik(2) }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, '2026-09', [{ nik: nik(1) }, { nik: nik(2) }]);
  });
  afterAll(() => t?.close());

  const finance = () => t.as(Role.KEUANGAN);
  const run = async () => (await (await finance()).post('/api/v1/reconciliations').send({ month: '2026-09' }).expect(201)).body.id as string;
  const reallocate = async () => (await finance()).post('/api/v1/allocations').send({ month: '2026-09' }).expect(201);
  const changes = async (id: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${id}`).expect(200)).body.changes;

  it('one resident leaving and another joining, same count and rupiah', async () => {
    const id = await run();
    await t.dataSource.query(`UPDATE participant SET tat = '2026-08-31', end_reason = 'PINDAH' WHERE nik = $1`, [nik(2)]);
    await insertParticipants(t.dataSource, [{ nik: nik(3), tmt: '2026-08-01' }]);
    await reallocate();
    expect(await changes(id)).toEqual([
      'pembagian dana antar komitmen',
      'peserta yang berutang iuran (ada yang keluar dan ada yang masuk), tanpa perubahan jumlah peserta dan iuran',
    ]);
  });

  it('the same residents, one with another TMT', async () => {
    const id = await run();
    await t.dataSource.query(`UPDATE participant SET tmt = '2025-06-01' WHERE nik = $1`, [nik(1)]);
    await reallocate();
    expect(await changes(id)).toEqual(['TMT atau desa peserta, tanpa perubahan jumlah iuran']);
  });
});
