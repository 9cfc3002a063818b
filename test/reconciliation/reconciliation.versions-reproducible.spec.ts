/** DOMAIN §9: runs are versioned snapshots with their inputs' checksums; the same inputs give the same totals. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPbiList, nik } from './support/seed.js';
import { reconcile } from './support/run.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('reconciliation: versions and reproducibility', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: nik(1), noka: '0000000000001' },
      { nik: nik(2), noka: '0000000000002' },
      { nik: nik(3), noka: '0000000000003' },
    ]);
    await insertBill(t.dataSource, '2026-10', [{ nik: nik(1), noka: '0000000000001' }, { nik: nik(2), amount: 42000 }, { nik: nik(9001) }], 120000);
    await insertPbiList(t.dataSource, '2026-10', [nik(3)]);
  });
  afterAll(() => t?.close());

  it('the same inputs give the same summary, checksums and findings; each run is the next version', async () => {
    const first = await reconcile(t, '2026-10');
    const second = await reconcile(t, '2026-10');
    expect([first.started.version, second.started.version]).toEqual([1, 2]);
    expect(first.started.status).toBe('DONE');
    const strip = (run: Record<string, unknown>) => ({ ...run, id: undefined, version: undefined, startedAt: undefined, finishedAt: undefined });
    expect(strip(second.run)).toEqual(strip(first.run));
    expect(second.findings).toEqual(first.findings);
    expect(first.run.inputs).toMatchObject({ bill: { version: 1 }, pbiApbnList: { version: 1 } });
    expect(first.run.inputs.obligations).toMatch(/^[0-9a-f]{64}$/);
  });

  it('new inputs change the checksums; runs are listed newest first', async () => {
    await (await t.as(Role.KEUANGAN))
      .post('/api/v1/payments')
      .send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 1000, paidAt: '2026-10-05', reference: 'SP2D 1' })
      .expect(404);
    await insertBill(t.dataSource, '2026-10', [{ nik: nik(1), noka: '0000000000001' }]);
    const third = await reconcile(t, '2026-10');
    expect(third.run.inputs.bill.version).toBe(2);
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/reconciliations?month=2026-10').expect(200)).body;
    expect(list.map((r: { version: number }) => r.version)).toEqual([3, 2, 1]);
    expect(list[2].inputs.bill.checksum).not.toBe(list[0].inputs.bill.checksum);
  });

  it('an auditor reads but cannot start a run; findings can be filtered by category', async () => {
    await (await t.as(Role.AUDITOR)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(403);
    const [run] = (await (await t.as(Role.AUDITOR)).get('/api/v1/reconciliations?month=2026-10').expect(200)).body;
    const notBilled = (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/findings?category=NOT_BILLED`).expect(200)).body;
    expect(notBilled).toEqual({ total: 2, items: [expect.objectContaining({ category: 'NOT_BILLED', nik: nik(2) }), expect.objectContaining({ nik: nik(3) })] });
    const bogus = await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/findings?category=BOGUS`).expect(400);
    expect(bogus.body.details).toEqual([{ field: 'category', messages: [expect.stringMatching(/^category harus salah satu dari: DUPLICATE_BILLING, .*NOKA_MISMATCH, NOT_BILLED/)] }]);
    // MATCHED lines are counted, not stored as findings: refused, not answered with an empty list (QA)
    expect(run.findings.MATCHED).toBe(1);
    const matched = await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/findings?category=MATCHED`).expect(400);
    expect(matched.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'category', messages: [expect.stringMatching(/^category MATCHED tidak dapat dipilih: baris tagihan yang cocok tidak dicatat satu per satu sebagai temuan, hanya dihitung dalam ringkasan rekonsiliasi/)] }] });
    await (await t.as(Role.AUDITOR)).get('/api/v1/reconciliations/00000000-0000-0000-0000-000000000000').expect(404);
  });
});
