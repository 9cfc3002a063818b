/**
 * The month partitions of `split` and `obligation` (see migration 1764600000000): a month is
 * written into a fresh unindexed table, then attached (which builds its indexes by sorting).
 */
import type { EntityManager } from 'typeorm';
import { isMonth } from '../../common/month.js';
import { ATTACH_MONTH_TABLE, CREATE_MONTH_TABLE, DROP_MONTH, fill, INDEX_BUILD_MEMORY, partitionOf } from '../sql/allocate.sql.js';

export type MonthTable = 'split' | 'obligation';

/** Removes the month's rows of `table` and creates its new, still detached table; returns its name. */
export async function freshMonthTable(m: EntityManager, table: MonthTable, month: string): Promise<string> {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  const values = { part: partitionOf(table, month), month };
  const [deleteDefault, dropOld] = DROP_MONTH(table);
  await m.query(deleteDefault, [month]);
  await m.query(fill(dropOld, values));
  for (const sql of CREATE_MONTH_TABLE(table)) await m.query(fill(sql, values));
  return values.part;
}

export async function attachMonthTable(m: EntityManager, table: MonthTable, month: string): Promise<void> {
  await m.query(INDEX_BUILD_MEMORY);
  await m.query(fill(ATTACH_MONTH_TABLE(table), { part: partitionOf(table, month), month }));
}
