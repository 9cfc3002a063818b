/**
 * Bulk writes of one month's rows: binary COPY on PostgreSQL (pg-copy-streams), chunked
 * `INSERT ... SELECT FROM unnest(...)` on PGlite (which has no COPY). Both paths are exercised by
 * the tests (PGlite and PostgreSQL runs); the bench measures the COPY path.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { copyBinaryChunks, valueAt, type CopyColumn, type CopyType } from './copy-binary.js';
import { dayText } from './month-order.js';

export interface BulkRows {
  table: string;
  /** The columns, by name, each with its values (see CopyColumn: a row may take a value by index). */
  columns: NamedColumn[];
  count: number;
  /**
   * Columns whose value is the same on every row (a month's `month`, its tariff): not part of
   * `columns`. COPY does not carry them: they are the table's defaults while it runs.
   */
  constants?: Constant[];
  /** The table was created or truncated in the current transaction: COPY may write frozen rows. */
  freeze?: boolean;
}

export type NamedColumn = CopyColumn & { name: string };

export interface Constant {
  name: string;
  type: CopyType;
  value: string | number;
}

const UNNEST_CHUNK = 20_000;

/** `rows` by chunked `INSERT … SELECT unnest(…)` on `m` (PGlite, which has no COPY). */
export async function insertRows(m: EntityManager, rows: BulkRows): Promise<void> {
  const constants = rows.constants ?? [];
  const names = [...rows.columns.map((c) => c.name), ...constants.map((c) => c.name)].join(', ');
  const arrays = rows.columns.map((c, k) => `$${k + 1}::${c.type}[]`).join(', ');
  const values = constants.map((c, k) => `, $${rows.columns.length + k + 1}::${c.type}`).join('');
  const sql = `INSERT INTO ${rows.table} (${names}) SELECT u.*${values} FROM unnest(${arrays}) u`;
  for (let start = 0; start < rows.count; start += UNNEST_CHUNK) {
    const end = Math.min(rows.count, start + UNNEST_CHUNK);
    const columns = rows.columns.map((column) => {
      const values: (string | number | undefined)[] = [];
      for (let i = start; i < end; i++) values.push(valueAt(column, i));
      return column.type === 'date' ? values.map((day) => dayText(day as number)) : values;
    });
    await m.query(sql, [...columns, ...constants.map((c) => c.value)]);
  }
}

/**
 * `rows` by binary COPY on `client` (PostgreSQL only). The constants are set as the columns'
 * defaults for the COPY and dropped after it: fewer bytes to write and for the server to parse.
 */
export async function copyRows(client: pg.ClientBase, rows: BulkRows): Promise<void> {
  if (rows.count === 0) return;
  const constants = rows.constants ?? [];
  const defaults = (set: boolean) =>
    constants.length
      ? client.query(
          `ALTER TABLE ${rows.table} ` +
            constants.map((c) => `ALTER COLUMN ${c.name} ${set ? `SET DEFAULT ${literal(c)}` : 'DROP DEFAULT'}`).join(', '),
        )
      : Promise.resolve();
  const names = rows.columns.map((c) => c.name).join(', ');
  // FREEZE: the table was created in this transaction (a fresh month partition), so its rows are
  // written frozen and all-visible: later reads neither set hint bits nor visit the heap for
  // index-only scans.
  const copy = `COPY ${rows.table} (${names}) FROM STDIN WITH (FORMAT binary${rows.freeze ? ', FREEZE' : ''})`;
  await defaults(true);
  await pipeline(Readable.from(copyBinaryChunks(rows.columns, rows.count)), client.query(pgCopy.from(copy)));
  await defaults(false);
}

/** A constant as an SQL literal: integers as such (a date from its day number), text quoted. */
function literal({ type, value }: Constant): string {
  if (type === 'text') return `'${String(value).replaceAll("'", "''")}'::text`;
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return type === 'date' ? `date '2000-01-01' + ${value}` : `${value}::${type}`;
}
