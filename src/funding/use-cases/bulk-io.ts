/**
 * Bulk reads and writes of one month: text COPY on PostgreSQL (pg-copy-streams), plain queries
 * and chunked `INSERT ... SELECT FROM unnest(...)` on PGlite (which has no COPY). Both paths are
 * exercised by the tests (PGlite and PostgreSQL runs); the bench measures the COPY path.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { firstDay, isMonth, lastDay } from '../../common/month.js';
import { COVERED_PARTICIPANTS, SORT_MEMORY } from '../sql/allocate.sql.js';
import { copyBinaryChunks, type CopyType } from './copy-binary.js';
import { dayText } from './month-order.js';

/** The covered participants of a month in NIK order (code points, as the "C" collation sorts). */
export interface Candidates {
  nik: string[];
  villageCode: string[];
  /** TMT as days since 2000-01-01 (see COVERED_PARTICIPANTS) */
  tmtDay: Int32Array;
}

/** What COPY needs of a connection: a `pg` client (the transaction's, or a month build's). */
export interface PgClient {
  query(stream: unknown): NodeJS.WritableStream & NodeJS.ReadableStream;
}

async function clientOf(manager: EntityManager): Promise<PgClient> {
  const runner = manager.queryRunner as unknown as { connect(): Promise<PgClient> } | undefined;
  if (!runner) throw new Error('COPY needs a transaction-bound EntityManager');
  return runner.connect();
}

/** The covered participants of `month`, as columns in NIK order. */
export async function readCandidates(m: EntityManager, month: string, useCopy: boolean): Promise<Candidates> {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  const [first, last] = [firstDay(month), lastDay(month)];
  await m.query(SORT_MEMORY);
  if (!useCopy) {
    const rows: { nik: string; village_code: string; tmt_day: number }[] = await m.query(COVERED_PARTICIPANTS, [first, last]);
    return { nik: rows.map((r) => r.nik), villageCode: rows.map((r) => r.village_code), tmtDay: Int32Array.from(rows, (r) => r.tmt_day) };
  }
  // COPY takes no parameters: the days are inlined (computed from the month validated above).
  const sql = COVERED_PARTICIPANTS.replaceAll('$1', `'${first}'`).replaceAll('$2', `'${last}'`);
  const stream = (await clientOf(m)).query(pgCopy.to(`COPY (${sql}) TO STDOUT`));
  // Chunks are parsed as they arrive (while the server sends the next ones), up to their last
  // newline; a chunk may end inside a row, whose start is kept for the next one.
  const nik: string[] = [];
  const villageCode: string[] = [];
  const days: number[] = [];
  let rest: Buffer | null = null;
  const parse = (data: Buffer) => {
    const chunk: Buffer = rest ? Buffer.concat([rest, data]) : data;
    const end = chunk.lastIndexOf(10) + 1;
    rest = end < chunk.length ? Buffer.from(chunk.subarray(end)) : null;
    const text = chunk.toString('utf8', 0, end);
    for (let start = 0; start < text.length; ) {
      const a = text.indexOf('\t', start);
      const b = text.indexOf('\t', a + 1);
      nik.push(text.slice(start, a));
      villageCode.push(text.slice(a + 1, b));
      // the day number is parsed in place: no string per row
      let k = b + 1;
      const negative = text.charCodeAt(k) === 45; // '-'
      if (negative) k++;
      let day = 0;
      for (let c = text.charCodeAt(k); c !== 10 && k < text.length; c = text.charCodeAt(++k)) day = day * 10 + (c - 48);
      days.push(negative ? -day : day);
      start = k + 1;
    }
  };
  stream.on('data', parse);
  await new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  if (rest) throw new Error('COPY output ended inside a row');
  return { nik, villageCode, tmtDay: Int32Array.from(days) };
}

export interface BulkRows {
  table: string;
  /** column names and their PostgreSQL types */
  columns: [name: string, type: CopyType][];
  count: number;
  /** The values of row i, in column order: strings for text, integers otherwise (a date as days since 2000-01-01). */
  row(i: number): (string | number)[];
  /**
   * Columns whose value is the same on every row (a month's `month`, its tariff): not part of
   * `row`. COPY does not carry them: they are the table's defaults while it runs.
   */
  constants?: Constant[];
  /** The table was created or truncated in the current transaction: COPY may write frozen rows. */
  freeze?: boolean;
}

export interface Constant {
  name: string;
  type: CopyType;
  value: string | number;
}

const UNNEST_CHUNK = 20_000;

/** `rows` by chunked `INSERT … SELECT unnest(…)` on `m` (PGlite, which has no COPY). */
export async function insertRows(m: EntityManager, rows: BulkRows): Promise<void> {
  const constants = rows.constants ?? [];
  const names = [...rows.columns.map(([name]) => name), ...constants.map((c) => c.name)].join(', ');
  const arrays = rows.columns.map(([, type], k) => `$${k + 1}::${type}[]`).join(', ');
  const values = constants.map((c, k) => `, $${rows.columns.length + k + 1}::${c.type}`).join('');
  const sql = `INSERT INTO ${rows.table} (${names}) SELECT u.*${values} FROM unnest(${arrays}) u`;
  const dates = rows.columns.map(([, type]) => type === 'date');
  for (let start = 0; start < rows.count; start += UNNEST_CHUNK) {
    const columns: (string | number)[][] = rows.columns.map(() => []);
    for (let i = start, end = Math.min(rows.count, start + UNNEST_CHUNK); i < end; i++) {
      rows.row(i).forEach((value, k) => columns[k].push(dates[k] ? dayText(value as number) : value));
    }
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
  const names = rows.columns.map(([name]) => name).join(', ');
  // FREEZE: the table was created in this transaction (a fresh month partition), so its rows are
  // written frozen and all-visible: later reads neither set hint bits nor visit the heap for
  // index-only scans.
  const copy = `COPY ${rows.table} (${names}) FROM STDIN WITH (FORMAT binary${rows.freeze ? ', FREEZE' : ''})`;
  const types = rows.columns.map(([, type]) => type);
  await defaults(true);
  await pipeline(Readable.from(copyBinaryChunks(types, rows.count, rows.row)), client.query(pgCopy.from(copy)));
  await defaults(false);
}

/** A constant as an SQL literal: integers as such (a date from its day number), text quoted. */
function literal({ type, value }: Constant): string {
  if (type === 'text') return `'${String(value).replaceAll("'", "''")}'::text`;
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return type === 'date' ? `date '2000-01-01' + ${value}` : `${value}::${type}`;
}
