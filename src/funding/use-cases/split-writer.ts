/**
 * Writes one month's splits in bulk: text COPY on PostgreSQL (pg-copy-streams), chunked
 * `INSERT ... SELECT FROM unnest(...)` on PGlite (which has no COPY). Both paths are tested.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pgCopy from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { COPY_SPLITS, INSERT_SPLITS_UNNEST } from '../sql/allocate.sql.js';

export interface SplitRows {
  count: number;
  nik(i: number): string;
  pledgeCode(i: number): string;
  pledgeRevision(i: number): number;
  amount(i: number): number;
}

const UNNEST_CHUNK = 20_000;
const COPY_CHUNK = 10_000;

export async function writeSplits(manager: EntityManager, month: string, rows: SplitRows, useCopy: boolean): Promise<void> {
  if (rows.count === 0) return;
  if (useCopy) return copySplits(manager, month, rows);
  for (let start = 0; start < rows.count; start += UNNEST_CHUNK) {
    const end = Math.min(rows.count, start + UNNEST_CHUNK);
    const niks: string[] = [], codes: string[] = [], revisions: number[] = [], amounts: string[] = [];
    for (let i = start; i < end; i++) {
      niks.push(rows.nik(i));
      codes.push(rows.pledgeCode(i));
      revisions.push(rows.pledgeRevision(i));
      amounts.push(String(rows.amount(i)));
    }
    await manager.query(INSERT_SPLITS_UNNEST, [month, niks, codes, revisions, amounts]);
  }
}

/** Streams tab-separated lines into COPY on the transaction's own connection. */
async function copySplits(manager: EntityManager, month: string, rows: SplitRows): Promise<void> {
  const runner = manager.queryRunner as unknown as { connect(): Promise<{ query(stream: unknown): NodeJS.WritableStream }> } | undefined;
  if (!runner) throw new Error('COPY needs a transaction-bound EntityManager');
  const client = await runner.connect();
  function* lines() {
    for (let start = 0; start < rows.count; start += COPY_CHUNK) {
      const end = Math.min(rows.count, start + COPY_CHUNK);
      let chunk = '';
      for (let i = start; i < end; i++) {
        chunk += `${month}\t${rows.nik(i)}\t${rows.pledgeCode(i)}\t${rows.pledgeRevision(i)}\t${rows.amount(i)}\n`;
      }
      yield chunk;
    }
  }
  await pipeline(Readable.from(lines()), client.query(pgCopy.from(COPY_SPLITS)));
}
