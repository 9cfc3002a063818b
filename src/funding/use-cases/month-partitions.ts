/**
 * Writes a month's `split` and `obligation` rows as that month's partitions, replacing the old
 * ones (see sql/month-partitions.sql.ts for the two ways, by database).
 *
 * On PostgreSQL the work is spread over two connections of its own (MonthBuildPool), so that both
 * cores work (the longest part of a month was COPY and index builds, one after the other, on one
 * backend):
 * 1. each table is created, filled by COPY FREEZE, analyzed and committed in `month_build`, the
 *    split and the obligation table at once;
 * 2. a table's indexes are built as soon as it is committed, on the first connection free: the
 *    split primary key (the longest, with a parallel worker) on one, the obligation's and the
 *    split's block-range index one after the other on the other;
 * 3. the allocation's transaction makes the unique indexes primary keys, drops the month's old
 *    partitions, moves the new tables to `public` and attaches them: catalog changes only.
 * If the allocation's transaction rolls back, what was built stays in `month_build`, unattached
 * and unread, until the next build of the month drops it. A month is built at most once in a
 * transaction (a second build fails after BUILD_SETTINGS' lock timeout rather than wait for ever).
 *
 * The tables are UNLOGGED while their month is open (BUILD_TABLE): a crash empties them and
 * markEmptiedMonthsStale has them recomputed; makeMonthsDurable logs them when the month closes.
 */
import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import { isMonth } from '../../common/month.js';
import {
  ANALYZE_MONTH_TABLE,
  ATTACH_MONTH_TABLE,
  BUILD_INDEXES,
  BUILD_SETTINGS,
  BUILD_PRIMARY_KEY,
  BUILD_TABLE,
  CREATE_MONTH_TABLE,
  DROP_BUILD,
  DROP_MONTH,
  fill,
  indexBuildSettings,
  MARK_EMPTIED_MONTHS_STALE,
  MOVE_BUILD,
  partitionOf,
  SET_LOGGED,
  UNLOGGED_MONTHS,
  type MonthTable,
} from '../sql/month-partitions.sql.js';
import { copyRows, insertRows, type BulkRows } from './bulk-io.js';

export type MonthRows = Omit<BulkRows, 'table' | 'freeze'>;

/**
 * Replaces the month's partitions with `rows`, in `m`'s transaction. `builds` (PostgreSQL,
 * MonthBuildPool) is where the build connections come from; without it (PGlite) everything happens
 * on `m`. `lap(step)` is called as each step ends (the allocation's debug log times them).
 */
export async function writeMonthTables(
  m: EntityManager,
  month: string,
  rows: Record<MonthTable, MonthRows>,
  builds: pg.Pool | null,
  lap: (step: string) => void = () => undefined,
): Promise<void> {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  const tables = Object.keys(rows) as MonthTable[];
  const values = (table: MonthTable) => ({ part: partitionOf(table, month), month });
  if (builds) {
    // Each table's indexes start as soon as it is committed, on the first connection free.
    const fills = tables.map((table) => inTransaction(builds, (client) => fillBuild(client, table, month, rows[table])));
    const indexes = BUILD_INDEXES.filter(([table]) => tables.includes(table)).map(([table, sql, workers]) =>
      fills[tables.indexOf(table)].then(() => inTransaction(builds, (client) => buildIndex(client, fill(sql, values(table)), workers))),
    );
    const built = settled([...fills, ...indexes]);
    built.catch(() => undefined); // awaited below, once the fills' lap is taken
    await Promise.allSettled(fills);
    lap(`${tables.join(' and ')} filled and analyzed`);
    await built;
    lap('indexed');
    for (const table of tables) {
      await m.query(fill(BUILD_PRIMARY_KEY, values(table)));
      await dropMonth(m, table, month);
      await m.query(fill(MOVE_BUILD, values(table)));
      await m.query(fill(ATTACH_MONTH_TABLE(table), values(table)));
    }
    lap('swapped in');
    return;
  }
  for (const table of tables) {
    await dropMonth(m, table, month);
    for (const sql of CREATE_MONTH_TABLE(table)) await m.query(fill(sql, values(table)));
    await insertRows(m, { ...rows[table], table: `public.${values(table).part}` });
    await m.query(fill(ANALYZE_MONTH_TABLE[table], { ...values(table), schema: 'public' }));
    await m.query(indexBuildSettings());
    await m.query(fill(ATTACH_MONTH_TABLE(table), values(table)));
    lap(`${table} written, analyzed and attached`);
  }
}

/** Removes the month's rows of `table`: those in the DEFAULT partition and the month's partition. */
async function dropMonth(m: EntityManager, table: MonthTable, month: string): Promise<void> {
  const [deleteDefault, dropOld] = DROP_MONTH(table);
  await m.query(deleteDefault, [month]);
  await m.query(fill(dropOld, { part: partitionOf(table, month), month }));
}

/** Creates `month_build.{part}`, fills it (COPY FREEZE: the table is new in this transaction) and analyzes it. */
async function fillBuild(client: pg.PoolClient, table: MonthTable, month: string, rows: MonthRows): Promise<void> {
  const values = { part: partitionOf(table, month), month };
  await client.query(fill(DROP_BUILD, values));
  await client.query(fill(BUILD_TABLE[table], values));
  await copyRows(client, { ...rows, table: `month_build.${values.part}`, freeze: true });
  await client.query(fill(ANALYZE_MONTH_TABLE[table], { ...values, schema: 'month_build' }));
}

/** One index of a committed build, sorted in memory, with `workers` parallel workers. */
async function buildIndex(client: pg.PoolClient, sql: string, workers: number): Promise<void> {
  await client.query(indexBuildSettings(workers));
  await client.query(sql);
}

/** Runs `work` in a transaction on a connection of `pool`, committed if it succeeds. */
async function inTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query(BUILD_SETTINGS);
    await work(client);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch((lost: Error) => (broken = lost)); // a connection that cannot roll back is not reused
    throw err;
  } finally {
    client.release(broken);
  }
}

/** Waits for every promise (no connection is left working), then throws the first failure. */
async function settled(work: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Makes the UNLOGGED partitions of `closed` and the earlier months of its year durable (SET_LOGGED),
 * in the finalization's transaction: those months are never recomputed again, so a crash must not
 * empty them. The partitions each name are returned. On PGlite every table is logged: nothing to do.
 */
export async function makeMonthsDurable(m: EntityManager, closed: string): Promise<string[]> {
  if (!isMonth(closed)) throw new Error(`not a month: ${closed}`);
  const unlogged: { part: string }[] = await m.query(UNLOGGED_MONTHS, [`${closed.slice(0, 4)}-01`, closed]);
  for (const { part } of unlogged) await m.query(fill(SET_LOGGED, { part }));
  return unlogged.map((u) => u.part);
}

/**
 * Marks STALE the allocated months whose UNLOGGED partitions a server crash emptied
 * (MARK_EMPTIED_MONTHS_STALE), returning them; the next read or run recomputes them.
 */
export async function markEmptiedMonthsStale(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ month: string }>(MARK_EMPTIED_MONTHS_STALE);
  return rows.map((r) => r.month).sort();
}
