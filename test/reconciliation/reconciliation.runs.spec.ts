import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type EntityManager } from 'typeorm';
import { PaymentStatuses } from '../../src/payments/payment-statuses.service.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPbiList, insertPledge, nik } from './support/seed.js';
import { ReconcileMonth } from '../../src/reconciliation/use-cases/reconcile-month.use-case.js';
import { reconcile } from './support/run.js';
import { MONTH_INPUT, monthKey } from '../../src/periods/month-input-locks.js';
import { baseUrl } from '../support/test-database.js';
import { secondKeuangan } from './support/users.js';

// Booting each describe's app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

/** DOMAIN §10: a run that dies half-way leaves no partial results; a FAILED run records the error. */
describe('reconciliation: failure mid-run', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }, { nik: nik(2) }]);
    await insertBill(t.dataSource, '2026-10', [{ nik: nik(1) }, { nik: nik(9001) }]);
  });
  afterAll(() => t?.close());

  it('rolls back the findings and the run, then records a FAILED run with the error', async () => {
    // The last step of a run (payment statuses) hits a database error after the findings were written.
    const spy = jest.spyOn(t.app.get(PaymentStatuses), 'withDue').mockImplementationOnce(async (_month: string, _due: ReadonlyMap<string, number>, m?: EntityManager) => {
      await m!.query('SELECT 1 / 0');
      return [];
    });
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(500);
    spy.mockRestore();
    expect(res.body.code).toBe('RUN_FAILED');
    expect(res.body.message).toMatch(/gagal/);

    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM finding')).toEqual([{ n: 0 }]);
    const runs = await t.dataSource.query('SELECT version, status, summary, error FROM reconciliation_run WHERE month = $1', ['2026-10']);
    // what users read: a system error, nothing changed, what to do and the time for the admin; the database's text in the log only
    const said = /^Rekonsiliasi gagal karena kesalahan sistem; hasil rekonsiliasi sebelumnya tidak berubah\. Jalankan ulang rekonsiliasi; bila tetap gagal, hubungi admin \(waktu: \d{1,2} [A-Z][a-z]+ \d{4} \d{2}\.\d{2} WIB\)\.$/;
    expect(runs).toEqual([{ version: 1, status: 'FAILED', summary: null, error: expect.stringMatching(said) }]);
    expect(runs[0].error).not.toMatch(/division by zero/);
    const events = await t.dataSource.query(`SELECT action, summary FROM audit_event WHERE entity = 'reconciliation_run' ORDER BY id`);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['reconciliation.fail']);
    const summary = typeof events[0].summary === 'string' ? JSON.parse(events[0].summary) : events[0].summary;
    expect(summary.error).toMatch(said);
  });

  it('the next attempt succeeds as the next version', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(201);
    expect(res.body).toMatchObject({ version: 2, status: 'DONE' });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM finding')).toEqual([{ n: 2 }]);
  });
});

/**
 * Two runs of one month at once: the second is refused with 409 RUN_IN_PROGRESS and only one
 * version is made, on the embedded database too (whose one connection would otherwise make the
 * second wait for the first, then make the next version).
 */
const MONTH = '2026-08';

describe('reconciliation: simultaneous runs of a month', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1), noka: '0000000000001' }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, MONTH, [{ nik: nik(1), noka: '0000000000001' }]);
  });
  afterAll(() => t?.close());

  const versions = async () => (await t.dataSource.query('SELECT version, status FROM reconciliation_run WHERE month = $1 ORDER BY version', [MONTH])) as { version: number; status: string }[];

  it('refuses the second while the first runs, and makes one version', async () => {
    const reconcile = t.app.get(ReconcileMonth);
    const first = reconcile.execute({ month: MONTH, actor: 'uji-1' });
    const second = reconcile.execute({ month: MONTH, actor: 'uji-2' });
    await expect(second).rejects.toMatchObject({ code: 'RUN_IN_PROGRESS' });
    await expect(first).resolves.toMatchObject({ month: MONTH, version: 1, status: 'DONE' });
    expect(await versions()).toEqual([{ version: 1, status: 'DONE' }]);
  });

  it('runs the month again once the first has finished (the next version)', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: MONTH }).expect(201);
    expect(res.body).toMatchObject({ version: 2, status: 'DONE' });
  });

  it('two POSTs at once over HTTP: one 201, one 409 RUN_IN_PROGRESS (the embedded database reads the second request while the first runs)', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    await keuangan.get('/api/v1/reconciliations?month=' + MONTH).expect(200); // the account is read once, before
    const before = (await versions()).length;
    const answers = await Promise.all([1, 2].map(() => keuangan.post('/api/v1/reconciliations').send({ month: MONTH })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('RUN_IN_PROGRESS');
    expect((await versions()).length).toBe(before + 1);
  });

  it('a failed claim leaves nothing behind: a run that was refused does not block the month', async () => {
    const reconcile = t.app.get(ReconcileMonth);
    const runs = [reconcile.execute({ month: MONTH, actor: 'uji-1' }), reconcile.execute({ month: MONTH, actor: 'uji-2' })];
    const settled = await Promise.allSettled(runs);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
    await expect(reconcile.execute({ month: MONTH, actor: 'uji-3' })).resolves.toMatchObject({ version: 5 });
  });
});

/** DOMAIN §9: runs are versioned snapshots with their inputs' checksums; the same inputs give the same totals. */
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

/**
 * A bill, PBI-APBN list or payment being stored while the month is finalized (QA: a 200,000-line upload
 * committed version 2 a second after finalize had closed the month). Finalize waits for the upload
 * in flight, then sees its new version as a change and refuses; the month stays open. PostgreSQL
 * only: the embedded database runs one transaction at a time, so there is no race to lose there.
 */
const onPostgres = baseUrl() ? describe : describe.skip;

onPostgres('reconciliation: finalize waits for the month\'s uploads in flight', () => {
  let t: TestApp;
  let checker: Awaited<ReturnType<typeof secondKeuangan>>;
  beforeAll(async () => {
    t = await createTestApp();
    checker = await secondKeuangan(t);
    await insertParticipants(t.dataSource, [{ nik: nik(1), noka: '0000000000001' }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    for (const month of ['2026-07', '2026-08', '2026-09']) await insertBill(t.dataSource, month, [{ nik: nik(1), noka: '0000000000001' }]);
  });
  afterAll(() => t?.close());

  it.each([
    ['bill', '2026-08', MONTH_INPUT.BILL, `INSERT INTO bill (month, version, invoice_total, lines, lines_total, checksum, filename, uploaded_by) VALUES ($1, 2, 0, 0, 0, 'v2', 'tagihan-2.csv', 'uji')`],
    ['PBI-APBN list', '2026-09', MONTH_INPUT.PBI_APBN, `INSERT INTO pbi_apbn_list (month, version, checksum, filename, uploaded_by) VALUES ($1, 1, 'v1', 'pbi.csv', 'uji')`],
    ['payment', '2026-07', MONTH_INPUT.PAYMENTS, `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by) VALUES ('APBD-2026', $1, 37800, '2026-07-08', 'SP2D 7', 'uji')`],
  ])('a %s stored while finalizing: finalize waits, then refuses; the month stays open', async (_kind, month, lock, insert) => {
    const run = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month }).expect(201)).body;
    // An upload in flight: it holds its lock and has written its new version, not yet committed.
    const upload = t.dataSource.createQueryRunner();
    await upload.connect();
    await upload.startTransaction();
    await upload.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [lock, monthKey(month)]);
    await upload.query(insert, [month]);

    let settled = false;
    const finalizing = checker
      .post(`/api/v1/reconciliations/${run.id}/finalize`)
      .then((res) => res)
      .finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false); // waiting for the upload
    await upload.commitTransaction();
    await upload.release();

    const res = await finalizing;
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INPUTS_CHANGED');
    expect(await t.dataSource.query('SELECT month FROM closed_month WHERE month = $1', [month])).toEqual([]);
  });
});
