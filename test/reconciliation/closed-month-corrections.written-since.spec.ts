/**
 * The closed-month comparison looks up only the participants written since each month's allocation read the register
 * (allocation_month.register_snapshot, participant.changed_xid, participant_removed: migration 1771000000000). Its
 * answer must be the full comparison's: the edges of that restriction, each checked against the full comparison (the
 * months' snapshots cleared, as for months allocated before the migration).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readClosedMonthCorrections } from '../../src/reconciliation/closed-month-corrections.js';
import { Role } from '../../src/users/role.js';
import { closeMonth, insertParticipants, testNik } from '../funding/support/register.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const apbd = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' };

describe('closed-month corrections from the participants written since the allocation', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const corrections = async (month: string) =>
    (await t.dataSource.transaction((m) => readClosedMonthCorrections(m, month))).items.map((i) => `${i.month} ${i.nik} ${i.kind} ${i.reason}`);
  /** The same months compared in full (no snapshot: as months allocated before the migration are). */
  async function inFull(month: string): Promise<string[]> {
    const kept: { month: string; snap: string | null }[] = await q('SELECT month, register_snapshot::text AS snap FROM allocation_month');
    await q('UPDATE allocation_month SET register_snapshot = NULL');
    try {
      return await corrections(month);
    } finally {
      for (const k of kept) await q('UPDATE allocation_month SET register_snapshot = $2::pg_snapshot WHERE month = $1', [k.month, k.snap]);
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2, 3, 4, 5, 6, 8, 10].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    await keuangan.post('/api/v1/pledges').send(apbd).expect(201);
    for (const month of ['2026-01', '2026-02', '2026-03']) await keuangan.post('/api/v1/allocations').send({ month }).expect(201);
    await closeMonth(t.dataSource, '2026-03');
  });
  afterAll(() => t?.close());

  it('records the register snapshot each allocation read from', async () => {
    const rows = await q(`SELECT month, register_snapshot IS NOT NULL AS kept FROM allocation_month ORDER BY month`);
    expect(rows).toEqual(['2026-01', '2026-02', '2026-03'].map((month) => ({ month, kept: true })));
  });

  it('nothing written since: no correction, none compared in full either', async () => {
    expect(await corrections('2026-04')).toEqual([]);
    expect(await inFull('2026-04')).toEqual([]);
  });

  it('changed twice, removed then registered again, a TMT moved later, removed, registered late, a name changed: as compared in full', async () => {
    const set = (nik: string, values: string) => q(`UPDATE participant SET ${values} WHERE nik = $1`, [nik]);
    await set(testNik(1), `tat = '2026-01-20', end_reason = 'MENINGGAL'`);
    await set(testNik(1), `tat = '2026-02-10'`); // changed twice: the later TAT counts
    await set(testNik(2), `tat = '2026-01-10', end_reason = 'PINDAH'`);
    await set(testNik(2), `tat = NULL, end_reason = NULL`); // and back: nothing to correct
    await q('DELETE FROM participant WHERE nik = ANY ($1)', [[testNik(3), testNik(4), testNik(6)]]);
    await insertParticipants(t.dataSource, [
      { nik: testNik(3), tmt: '2025-01-01' }, // registered again as it was
      { nik: testNik(4), tmt: '2026-03-01' }, // registered again from March
      { nik: testNik(7), tmt: '2026-02-01' }, // registered late
    ]);
    await set(testNik(5), `tmt = '2026-03-01'`);
    await set(testNik(8), `name = 'Nama Lain'`);

    const found = await corrections('2026-04');
    expect(found.map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual([
      `2026-01 ${testNik(4)} OVER`,
      `2026-01 ${testNik(5)} OVER`,
      `2026-01 ${testNik(6)} OVER`,
      `2026-02 ${testNik(4)} OVER`,
      `2026-02 ${testNik(5)} OVER`,
      `2026-02 ${testNik(6)} OVER`,
      `2026-02 ${testNik(7)} UNDER`,
      `2026-03 ${testNik(1)} OVER`,
      `2026-03 ${testNik(6)} OVER`,
      `2026-03 ${testNik(7)} UNDER`,
    ]);
    expect(found).toContain(`2026-03 ${testNik(1)} OVER TAT`);
    expect(found).toContain(`2026-01 ${testNik(4)} OVER TMT`);
    expect(found).toContain(`2026-01 ${testNik(6)} OVER REMOVED`);
    expect(found).toEqual(await inFull('2026-04'));
  });

  it('a month allocated before the snapshots were kept is compared in full, the others by what was written since', async () => {
    await q(`UPDATE allocation_month SET register_snapshot = NULL WHERE month = '2026-02'`);
    expect(await corrections('2026-04')).toEqual(await inFull('2026-04'));
  });
});

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('closed-month corrections: an upload running while the month was allocated (PostgreSQL)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  // The allocation locks the register against writers (LOCK_REGISTER), so an upload writes the register either before
  // it reads (and is seen) or after it commits; but the upload may have begun, and taken its time, before: its write
  // then carries neither a later time nor a later transaction id than the allocation's read. It is looked up all the same.
  it('a death written after the allocation by a transaction begun before it is looked up: the month owes what the register no longer says', async () => {
    t = await createTestApp();
    const keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    await keuangan.post('/api/v1/pledges').send(apbd).expect(201);
    const upload = t.dataSource.createQueryRunner();
    await upload.connect();
    try {
      await upload.startTransaction();
      await upload.query('SELECT pg_current_xact_id()'); // begun: its staging written, say
      await keuangan.post('/api/v1/allocations').send({ month: '2026-05' }).expect(201);
      await upload.query(`UPDATE participant SET tat = '2026-04-05', end_reason = 'MENINGGAL' WHERE nik = $1`, [testNik(1)]);
      await upload.commitTransaction();
    } finally {
      await upload.release();
    }
    expect(await t.dataSource.query(`SELECT nik FROM obligation WHERE month = '2026-05' ORDER BY nik`)).toEqual([{ nik: testNik(1) }, { nik: testNik(2) }]);
    await closeMonth(t.dataSource, '2026-05');

    const found = await t.dataSource.transaction((m) => readClosedMonthCorrections(m, '2026-06'));
    expect(found.items.map((i) => `${i.month} ${i.nik} ${i.kind} ${i.reason}`)).toEqual([`2026-05 ${testNik(1)} OVER TAT`]);
  });
});
