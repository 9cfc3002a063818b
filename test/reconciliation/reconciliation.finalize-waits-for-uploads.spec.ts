/**
 * A bill, PBI-APBN list or payment being stored while the month is finalized (QA: a 200,000-line upload
 * committed version 2 a second after finalize had closed the month). Finalize waits for the upload
 * in flight, then sees its new version as a change and refuses; the month stays open. PostgreSQL
 * only: the embedded database runs one transaction at a time, so there is no race to lose there.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MONTH_INPUT, monthKey } from '../../src/periods/month-input-locks.js';
import { Role } from '../../src/users/role.js';
import { baseUrl } from '../support/test-database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from './support/seed.js';
import { secondKeuangan } from './support/users.js';

jest.setTimeout(180_000);
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
