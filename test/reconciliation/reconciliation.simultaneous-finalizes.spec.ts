/**
 * Finalizes of one month sent at once (QA, PostgreSQL: finalize of the latest run met the not-latest
 * one's and was told 409 RUN_IN_PROGRESS though nothing ran). A finalize waits for another of its
 * month, then answers from what it finds: the second of two valid ones ALREADY_FINAL, the officer who
 * started the run SAME_PERSON, a run that is not the latest NOT_LATEST_VERSION; one closed month,
 * one audit event. Only a run in progress is RUN_IN_PROGRESS, at once.
 *
 * The requests are held back together behind an open transaction that holds the month's payments
 * lock (a payment being stored): on PostgreSQL the first finalize to arrive holds the month's locks
 * while it waits for it and the others meet them; on the embedded database (one connection) they all
 * wait for the connection. Either way every answer is given while the others are in flight.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import { MONTH_INPUT, monthKey } from '../../src/periods/month-input-locks.js';
import { FINALIZE_WAIT_MS, lockFinalize, tryLockReconciliation } from '../../src/reconciliation/run-lock.js';
import { Role } from '../../src/users/role.js';
import { baseUrl } from '../support/test-database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from './support/seed.js';
import { secondKeuangan } from './support/users.js';

jest.setTimeout(180_000);
const onPostgres = baseUrl() ? it : it.skip;

describe('reconciliation: finalizes of a month at once', () => {
  let t: TestApp;
  let checker: Awaited<ReturnType<typeof secondKeuangan>>;
  beforeAll(async () => {
    t = await createTestApp();
    checker = await secondKeuangan(t);
    await insertParticipants(t.dataSource, [{ nik: nik(1), noka: '0000000000001' }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    for (const month of ['2026-07', '2026-08', '2026-11']) await insertBill(t.dataSource, month, [{ nik: nik(1), noka: '0000000000001' }]);
  });
  afterAll(() => t?.close());

  const start = async (month: string) => (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month }).expect(201)).body;
  const finalizing = (caller: { post(url: string): PromiseLike<{ status: number; body: { code?: string } }> }, id: string) =>
    Promise.resolve(caller.post(`/api/v1/reconciliations/${id}/finalize`)).then((res) => ({ status: res.status, code: res.body.code ?? 'FINAL' }));

  /** An open transaction holding `month`'s lock of `kind` (or, on the embedded database, its one connection). */
  async function holding(take: (runner: QueryRunner) => Promise<unknown>): Promise<QueryRunner> {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await take(runner);
    return runner;
  }
  const release = async (runner: QueryRunner) => {
    await runner.commitTransaction();
    await runner.release();
  };
  const paymentsLock = (month: string) => (runner: QueryRunner) =>
    runner.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [MONTH_INPUT.PAYMENTS, monthKey(month)]);

  /** Fires `requests` together while a payment of `month` is being stored, then lets them run; their answers in order. */
  async function together(month: string, requests: (() => Promise<{ status: number; code: string }>)[]) {
    const payment = await holding(paymentsLock(month));
    let settled = 0;
    const answers = Promise.all(requests.map((r) => r().finally(() => settled++)));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const settledWhileHeld = settled;
    await release(payment);
    return { answers: await answers, settledWhileHeld };
  }

  const closedMonths = (month: string) => t.dataSource.query('SELECT run_id FROM closed_month WHERE month = $1', [month]);
  const finalizeEvents = async (id: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM audit_event WHERE action = 'reconciliation.finalize' AND entity_id = $1`, [id]))[0].n);

  onPostgres('a finalize while a run holds the month is told RUN_IN_PROGRESS at once, not after waiting', async () => {
    const run = await start('2026-07');
    const running = await holding((runner) => tryLockReconciliation(runner.manager, '2026-07'));
    const began = Date.now();
    const res = await finalizing(checker, run.id);
    const waited = Date.now() - began;
    await release(running);
    expect(res).toEqual({ status: 409, code: 'RUN_IN_PROGRESS' });
    expect(waited).toBeLessThan(FINALIZE_WAIT_MS);
    expect(await closedMonths('2026-07')).toEqual([]);
  });

  onPostgres('a finalize that another finalize keeps waiting too long is told FINALIZE_IN_PROGRESS, not RUN_IN_PROGRESS', async () => {
    const [run] = (await checker.get('/api/v1/reconciliations?month=2026-07').expect(200)).body;
    const other = await holding((runner) => lockFinalize(runner.manager, '2026-07'));
    const began = Date.now();
    const res = await checker.post(`/api/v1/reconciliations/${run.id}/finalize`);
    const waited = Date.now() - began;
    await release(other);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'FINALIZE_IN_PROGRESS', message: expect.stringContaining('Finalisasi bulan Juli 2026 sedang diproses') });
    expect(waited).toBeGreaterThanOrEqual(FINALIZE_WAIT_MS - 100);
    expect(await closedMonths('2026-07')).toEqual([]);
  });

  it('two finalizes by the checker and one by the officer who started the run: one FINAL, ALREADY_FINAL, SAME_PERSON', async () => {
    const run = await start('2026-08');
    const maker = await t.as(Role.KEUANGAN);
    const { answers, settledWhileHeld } = await together('2026-08', [
      () => finalizing(checker, run.id),
      () => finalizing(maker, run.id),
      () => finalizing(checker, run.id),
    ]);
    expect(answers[1]).toEqual({ status: 403, code: 'SAME_PERSON' });
    expect([answers[0], answers[2]].sort((a, b) => a.status - b.status)).toEqual([
      { status: 201, code: 'FINAL' },
      { status: 409, code: 'ALREADY_FINAL' },
    ]);
    expect(settledWhileHeld).toBeLessThanOrEqual(1); // SAME_PERSON needs no lock; the checker's both waited
    expect(await closedMonths('2026-08')).toEqual([{ run_id: run.id }]);
    expect(await finalizeEvents(run.id)).toBe(1);
    // the one who came second hears who finalized the month, when, and that nothing is left to do (QA: only "sudah difinalisasi")
    const again = await checker.post(`/api/v1/reconciliations/${run.id}/finalize`).expect(409);
    expect(again.body).toEqual({
      statusCode: 409,
      code: 'ALREADY_FINAL',
      message: 'Bulan Agustus 2026 sudah difinalisasi oleh uji-keuangan-2 pada 15 November 2026 10.00 WIB (rekonsiliasi versi 1); tidak ada yang perlu dilakukan lagi.',
      details: { month: '2026-08', finalizedBy: 'uji-keuangan-2', finalizedAt: '2026-11-15T03:00:00.000Z', version: 1 },
    });
  });

  it('the not-latest and the latest run finalized at once: NOT_LATEST_VERSION and FINAL (QA: the latest lost)', async () => {
    const older = await start('2026-11');
    const latest = await start('2026-11');
    const { answers } = await together('2026-11', [() => finalizing(checker, older.id), () => finalizing(checker, latest.id)]);
    expect(answers).toEqual([
      { status: 409, code: 'NOT_LATEST_VERSION' },
      { status: 201, code: 'FINAL' },
    ]);
    expect(await closedMonths('2026-11')).toEqual([{ run_id: latest.id }]);
    expect(await finalizeEvents(latest.id)).toBe(1);
    expect(await finalizeEvents(older.id)).toBe(0);
  });
});
