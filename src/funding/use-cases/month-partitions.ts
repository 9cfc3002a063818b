/**
 * Writes a month's `split` and `obligation` rows as that month's partitions, replacing the old
 * ones (see sql/month-partitions.sql.ts for the two ways, by database).
 *
 * On PostgreSQL the two tables are built at the same time, each on a connection of its own: the
 * COPY and the index builds of one run on one backend while the other's run on another, so both
 * cores work (this was the longest part of a month: COPY and index builds one after the other).
 * The allocation's transaction then only drops, moves and attaches: catalog changes. If it rolls
 * back, the committed builds stay in `month_build`, unattached and unread, until the next build of
 * the month drops them.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { isMonth } from '../../common/month.js';
import {
  ATTACH_MONTH_TABLE,
  BUILD_INDEXES,
  BUILD_TABLE,
  CREATE_MONTH_TABLE,
  DROP_BUILD,
  DROP_MONTH,
  fill,
  INDEX_BUILD_MEMORY,
  MOVE_BUILD,
  partitionOf,
  type MonthTable,
} from '../sql/month-partitions.sql.js';
import { writeRows, type BulkRows } from './bulk-io.js';

export type MonthRows = Omit<BulkRows, 'table' | 'freeze'>;

/**
 * Replaces the month's partitions with `rows`, in `m`'s transaction. `builds` (PostgreSQL) is where
 * the side connections come from; without it (PGlite) everything happens on `m`.
 */
export async function writeMonthTables(m: EntityManager, month: string, rows: Record<MonthTable, MonthRows>, builds?: DataSource): Promise<void> {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  const tables = Object.keys(rows) as MonthTable[];
  const values = (table: MonthTable) => ({ part: partitionOf(table, month), month });
  if (builds) {
    const settled = await Promise.allSettled(tables.map((table) => buildMonthTable(builds, table, month, rows[table])));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    for (const table of tables) {
      await dropMonth(m, table, month);
      await m.query(fill(MOVE_BUILD, values(table)));
      await m.query(fill(ATTACH_MONTH_TABLE(table), values(table)));
    }
    return;
  }
  for (const table of tables) {
    await dropMonth(m, table, month);
    for (const sql of CREATE_MONTH_TABLE(table)) await m.query(fill(sql, values(table)));
    await writeRows(m, { ...rows[table], table: `public.${values(table).part}`, freeze: true }, false);
    await m.query(INDEX_BUILD_MEMORY);
    await m.query(fill(ATTACH_MONTH_TABLE(table), values(table)));
  }
}

/** Removes the month's rows of `table`: those in the DEFAULT partition and the month's partition. */
async function dropMonth(m: EntityManager, table: MonthTable, month: string): Promise<void> {
  const [deleteDefault, dropOld] = DROP_MONTH(table);
  await m.query(deleteDefault, [month]);
  await m.query(fill(dropOld, { part: partitionOf(table, month), month }));
}

/** Creates, fills (COPY FREEZE) and indexes `month_build.{part}` on its own connection, and commits it. */
async function buildMonthTable(dataSource: DataSource, table: MonthTable, month: string, rows: MonthRows): Promise<void> {
  const values = { part: partitionOf(table, month), month };
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction();
    await runner.query(fill(DROP_BUILD, values));
    await runner.query(fill(BUILD_TABLE[table], values));
    await writeRows(runner.manager, { ...rows, table: `month_build.${values.part}`, freeze: true }, true);
    await runner.query(INDEX_BUILD_MEMORY);
    for (const sql of BUILD_INDEXES[table]) await runner.query(fill(sql, values));
    await runner.commitTransaction();
  } catch (err) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw err;
  } finally {
    await runner.release();
  }
}
