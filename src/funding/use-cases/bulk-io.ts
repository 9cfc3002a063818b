/**
 * Bulk reads and writes of one month: text COPY on PostgreSQL (pg-copy-streams), plain queries
 * and chunked `INSERT ... SELECT FROM unnest(...)` on PGlite (which has no COPY). Both paths are
 * exercised by the tests (PGlite and PostgreSQL runs); the bench measures the COPY path.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pgCopy from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { firstDay, isMonth, lastDay } from '../../common/month.js';
import { COVERED_PARTICIPANTS, SORT_MEMORY } from '../sql/allocate.sql.js';

export interface Candidates {
  nik: string[];
  villageCode: string[];
  tmt: string[];
}

interface PgClient {
  query(stream: unknown): NodeJS.WritableStream & NodeJS.ReadableStream;
}

async function clientOf(manager: EntityManager): Promise<PgClient> {
  const runner = manager.queryRunner as unknown as { connect(): Promise<PgClient> } | undefined;
  if (!runner) throw new Error('COPY needs a transaction-bound EntityManager');
  return runner.connect();
}

/** The covered participants of `month` in walk order (TMT, NIK), as columns. */
export async function readCandidates(m: EntityManager, month: string, useCopy: boolean): Promise<Candidates> {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  const out: Candidates = { nik: [], villageCode: [], tmt: [] };
  const [first, last] = [firstDay(month), lastDay(month)];
  await m.query(SORT_MEMORY);
  if (!useCopy) {
    const rows: { nik: string; village_code: string; tmt: string }[] = await m.query(COVERED_PARTICIPANTS, [first, last]);
    for (const r of rows) {
      out.nik.push(r.nik);
      out.villageCode.push(r.village_code);
      out.tmt.push(r.tmt);
    }
    return out;
  }
  // COPY takes no parameters: the days are inlined (computed from the month validated above).
  const sql = COVERED_PARTICIPANTS.replaceAll('$1', `'${first}'`).replaceAll('$2', `'${last}'`);
  const stream = (await clientOf(m)).query(pgCopy.to(`COPY (${sql}) TO STDOUT`));
  // One chunk per row arrives: collect them synchronously and parse once (no per-row await).
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const a = text.indexOf('\t', start);
    const b = text.indexOf('\t', a + 1);
    out.nik.push(text.slice(start, a));
    out.villageCode.push(text.slice(a + 1, b));
    out.tmt.push(text.slice(b + 1, end));
    start = end + 1;
  }
  return out;
}

export interface BulkRows {
  table: string;
  /** column names and their PostgreSQL types (for unnest) */
  columns: [name: string, type: string][];
  count: number;
  /** The values of row i, in column order; strings must not contain tabs, newlines or backslashes. */
  row(i: number): (string | number)[];
}

const UNNEST_CHUNK = 20_000;
const COPY_CHUNK = 10_000;

export async function writeRows(m: EntityManager, rows: BulkRows, useCopy: boolean): Promise<void> {
  if (rows.count === 0) return;
  const names = rows.columns.map(([name]) => name).join(', ');
  if (useCopy) {
    function* text() {
      for (let start = 0; start < rows.count; start += COPY_CHUNK) {
        let chunk = '';
        for (let i = start, end = Math.min(rows.count, start + COPY_CHUNK); i < end; i++) chunk += `${rows.row(i).join('\t')}\n`;
        yield chunk;
      }
    }
    await pipeline(Readable.from(text()), (await clientOf(m)).query(pgCopy.from(`COPY ${rows.table} (${names}) FROM STDIN`)));
    return;
  }
  const arrays = rows.columns.map(([, type], k) => `$${k + 1}::${type}[]`).join(', ');
  const sql = `INSERT INTO ${rows.table} (${names}) SELECT * FROM unnest(${arrays})`;
  for (let start = 0; start < rows.count; start += UNNEST_CHUNK) {
    const columns: (string | number)[][] = rows.columns.map(() => []);
    for (let i = start, end = Math.min(rows.count, start + UNNEST_CHUNK); i < end; i++) {
      rows.row(i).forEach((value, k) => columns[k].push(value));
    }
    await m.query(sql, columns);
  }
}
