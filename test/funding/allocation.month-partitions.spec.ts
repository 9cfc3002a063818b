import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { AllocateMonth } from '../../src/funding/use-cases/allocate-month.use-case.js';
import { copyRows } from '../../src/funding/use-cases/bulk-io.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

/**
 * How a month's splits and obligations become its partitions (use-cases/month-partitions.ts). On
 * PostgreSQL they are built in `month_build` on connections of their own and then attached; on
 * PGlite they are written and attached in the allocation's transaction. Both must end the same.
 */
describe('§6 storage: a month is written as its own split and obligation partitions', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  const onPostgres = Boolean(process.env.DATABASE_URL);
  const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
  const splitsOf = async (month: string) =>
    (await q(`SELECT nik, pledge_code, amount::int FROM split WHERE month = $1 ORDER BY nik, pledge_code`, [month])).map(
      (r: { nik: string; pledge_code: string; amount: number }) => `${r.nik}:${r.pledge_code}=${r.amount}`,
    );

  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2, 3].map((i) => ({ nik: testNik(i), tmt: '2025-06-01' })));
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 100 * 37800 }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
  });
  afterAll(() => t.close());

  it('each month has one partition per table, with exactly the indexes of the parent table', async () => {
    const partitions = await q(`
      SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent IN ('split'::regclass, 'obligation'::regclass) AND c.relkind = 'r' ORDER BY 1`);
    expect(partitions.map((p: { relname: string }) => p.relname)).toEqual([
      'obligation_2026_01', 'obligation_2026_02', 'obligation_2026_03', 'obligation_default',
      'split_2026_01', 'split_2026_02', 'split_2026_03', 'split_default',
    ]);
    // every index of a month partition belongs to an index of its parent (a build's index that did
    // not match would have been left over beside one ATTACH built), and none is missing
    const indexes = await q(`
      SELECT t.relname AS partition, x.relname AS index, p.relname AS parent_index
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_class x ON x.oid = ix.indexrelid
        LEFT JOIN pg_inherits h ON h.inhrelid = ix.indexrelid
        LEFT JOIN pg_class p ON p.oid = h.inhparent
       WHERE t.relname IN ('split_2026_03', 'obligation_2026_03')
       ORDER BY 1, 2`);
    expect(indexes).toEqual([
      { partition: 'obligation_2026_03', index: 'obligation_2026_03_pkey', parent_index: 'PK_obligation' },
      { partition: 'split_2026_03', index: 'split_2026_03_pkey', parent_index: 'PK_split' },
      { partition: 'split_2026_03', index: 'split_2026_03_pledge_code_idx', parent_index: 'IDX_split_pledge' },
    ]);
    expect(await q(`SELECT tablename FROM pg_tables WHERE schemaname = 'month_build'`)).toEqual([]);
  });

  it('each month partition is analyzed as it is written: the planner knows its row count and that NIKs are unique', async () => {
    // without statistics a NIK was guessed to match 0.5 % of a partition's rows, and the split
    // lookup by NIK was planned anew over every partition on each request
    const stats = await q(`
      SELECT c.relname, c.reltuples::int AS rows, s.n_distinct
        FROM pg_class c JOIN pg_stats s ON s.schemaname = 'public' AND s.tablename = c.relname AND s.attname = 'nik'
       WHERE c.relname IN ('split_2026_03', 'obligation_2026_03') ORDER BY 1`);
    expect(stats).toEqual([
      { relname: 'obligation_2026_03', rows: 3, n_distinct: -1 },
      { relname: 'split_2026_03', rows: 3, n_distinct: -1 },
    ]);
  });

  it('what each pledge funds is stored with the month and is what its splits add up to', async () => {
    const stored = await q(`SELECT month, pledge_code, participants, amount::int FROM allocation_funded ORDER BY month`);
    const fromSplits = await q(`SELECT month, pledge_code, count(*)::int AS participants, sum(amount)::int AS amount FROM split GROUP BY 1, 2 ORDER BY month`);
    expect(stored).toEqual(fromSplits);
    expect(stored).toHaveLength(3);
    const res = await keuangan.get('/api/v1/allocations/2026-03').expect(200);
    expect(res.body.funded).toEqual([{ pledgeCode: 'APBD-2026', sourceType: 'APBD', participants: 3, amount: 3 * 37800 }]);
  });

  it("the month and the tariff, the same on every row, are written into every row, and no partition keeps a default for them", async () => {
    const rows = await q(`
      SELECT 'obligation' AS t, month, amount::int, count(*)::int AS n FROM obligation WHERE month = '2026-03' GROUP BY month, amount
      UNION ALL
      SELECT 'split', month, amount::int, count(*)::int FROM split WHERE month = '2026-03' GROUP BY month, amount ORDER BY 1`);
    expect(rows).toEqual([
      { t: 'obligation', month: '2026-03', amount: 37800, n: 3 },
      { t: 'split', month: '2026-03', amount: 37800, n: 3 },
    ]);
    const obligations = await q(`SELECT nik, tmt::text, village_code, unfunded::int FROM obligation WHERE month = '2026-03' ORDER BY nik`);
    expect(obligations).toEqual([1, 2, 3].map((i) => ({ nik: testNik(i), tmt: '2025-06-01', village_code: expect.any(String), unfunded: 0 })));
    const defaults = await q(`
      SELECT c.relname, a.attname FROM pg_attrdef d
        JOIN pg_class c ON c.oid = d.adrelid JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
       WHERE c.relname LIKE 'split_2026%' OR c.relname LIKE 'obligation_2026%'`);
    expect(defaults).toEqual([]);
  });

  (onPostgres ? it : it.skip)('binary COPY stores every value as given: any text, negative and large integers, dates before 2000', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.ClientBase;
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE copy_probe (label text, n int, big bigint, day date, note text) ON COMMIT DROP');
      const given: [string, number, number, number][] = [
        ['Perusahaan Sawit — TJSLP ñ', -(2 ** 31), Number.MIN_SAFE_INTEGER, -1],
        ['tab\there\nnew line \\ back\\slash', 2 ** 31 - 1, Number.MAX_SAFE_INTEGER, 9497],
        ['x'.repeat(5000), 0, -37800, 0],
      ];
      await copyRows(client, {
        table: 'copy_probe',
        columns: [
          { name: 'label', type: 'text', values: given.map((g) => g[0]) },
          { name: 'n', type: 'int', values: given.map((g) => g[1]) },
          { name: 'big', type: 'bigint', values: given.map((g) => g[2]) },
          { name: 'day', type: 'date', values: given.map((g) => g[3]) },
        ],
        count: given.length,
        constants: [{ name: 'note', type: 'text', value: "it's constant" }],
      });
      const stored = await client.query(`SELECT label, n, big::text, day::text, note FROM copy_probe`);
      await client.query('ROLLBACK');
      expect(stored.rows).toEqual([
        { label: given[0][0], n: -(2 ** 31), big: String(Number.MIN_SAFE_INTEGER), day: '1999-12-31', note: "it's constant" },
        { label: given[1][0], n: 2 ** 31 - 1, big: String(Number.MAX_SAFE_INTEGER), day: '2026-01-01', note: "it's constant" },
        { label: given[2][0], n: 0, big: '-37800', day: '2000-01-01', note: "it's constant" },
      ]);
    } finally {
      await runner.release();
    }
  });

  (onPostgres ? it : it.skip)('as many allocations at once as the service has connections all finish (the build has its own)', async () => {
    // Each request holds a connection of the service's pool (10) while it waits for the allocation
    // lock; the one that has it builds the month on the month-build pool, which nothing else uses.
    const runs = await Promise.all(Array.from({ length: 10 }, () => keuangan.post('/api/v1/allocations').send({ month: '2026-03' })));
    expect(runs.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(await splitsOf('2026-03')).toEqual([1, 2, 3].map((i) => `${testNik(i)}:APBD-2026=37800`));
  }, 30_000);

  (onPostgres ? it : it.skip)('a build of the month left in month_build by a failed run is replaced by the next one', async () => {
    await q(`CREATE TABLE month_build.split_2026_03 (junk text)`);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
    expect(await splitsOf('2026-03')).toEqual([1, 2, 3].map((i) => `${testNik(i)}:APBD-2026=37800`));
    expect(await q(`SELECT tablename FROM pg_tables WHERE schemaname = 'month_build'`)).toEqual([]);
  });

  (onPostgres ? it : it.skip)('the same month allocated twice in one transaction fails after the lock timeout instead of hanging', async () => {
    const allocateMonth = t.app.get(AllocateMonth);
    const before = await splitsOf('2026-03');
    await expect(
      t.dataSource.transaction(async (m) => {
        await allocateMonth.execute({ month: '2026-03', actor: 'uji' }, m);
        await allocateMonth.execute({ month: '2026-03', actor: 'uji' }, m);
      }),
    ).rejects.toMatchObject({ code: '55P03' }); // lock_not_available
    expect(await splitsOf('2026-03')).toEqual(before);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
  }, 20_000);

  (onPostgres ? it : it.skip)('a build that fails leaves the month as it was; the next run succeeds', async () => {
    const before = await splitsOf('2026-03');
    // the obligation build's primary key cannot be created while a relation holds its name
    await q(`CREATE TABLE month_build.obligation_2026_03_pkey (x int)`);
    await insertParticipants(t.dataSource, [{ nik: testNik(4), tmt: '2025-06-01' }]);
    const failed = await keuangan.post('/api/v1/allocations').send({ month: '2026-03' });
    expect(failed.status).toBe(500);
    expect(await splitsOf('2026-03')).toEqual(before);
    expect((await q(`SELECT count(*)::int AS n FROM obligation WHERE month = '2026-03'`))[0].n).toBe(3);

    await q(`DROP TABLE month_build.obligation_2026_03_pkey`);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
    expect(await splitsOf('2026-03')).toEqual([1, 2, 3, 4].map((i) => `${testNik(i)}:APBD-2026=37800`));
    expect(await q(`SELECT tablename FROM pg_tables WHERE schemaname = 'month_build'`)).toEqual([]);
  });

  it('an open month is UNLOGGED on PostgreSQL (derived data, recomputed after a crash; closing makes it durable), logged on PGlite', async () => {
    const persistence = await q(`SELECT relname, relpersistence FROM pg_class WHERE relname IN ('split_2026_03', 'obligation_2026_03') ORDER BY 1`);
    const open = onPostgres ? 'u' : 'p';
    expect(persistence).toEqual([
      { relname: 'obligation_2026_03', relpersistence: open },
      { relname: 'split_2026_03', relpersistence: open },
    ]);
  });

  (onPostgres ? it : it.skip)('a month a database crash emptied is marked STALE by the next connection and recomputed, the same, before it is read', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const lookup = async () => (await auditor.get(`/api/v1/splits?nik=${testNik(1)}`).expect(200)).body.items;
    const before = { march: await splitsOf('2026-03'), lookup: await lookup() };
    expect(before.march.length).toBeGreaterThan(0);
    // what PostgreSQL's crash recovery does to UNLOGGED tables, and to every connection
    await q(`TRUNCATE split_2026_03, obligation_2026_03, split_2026_02, obligation_2026_02`);
    const pool = (t.dataSource.driver as unknown as { master: pg.Pool }).master;
    const [{ db }] = await q(`SELECT current_database() AS db`);
    const admin = new (await import('pg')).default.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [db]);
    } finally {
      await admin.end();
    }
    for (let waited = 0; pool.totalCount > 0 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(pool.totalCount).toBe(0);

    const statuses = await q(`SELECT month, status FROM allocation_month WHERE month IN ('2026-01', '2026-02', '2026-03') ORDER BY month`);
    expect(statuses).toEqual([
      { month: '2026-01', status: 'CURRENT' },
      { month: '2026-02', status: 'STALE' },
      { month: '2026-03', status: 'STALE' },
    ]);
    expect(await lookup()).toEqual(before.lookup);
    expect(await splitsOf('2026-03')).toEqual(before.march);
    expect((await q(`SELECT count(*)::int AS n FROM allocation_month WHERE status = 'STALE'`))[0].n).toBe(0);
  }, 30_000);
});
