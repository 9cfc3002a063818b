/**
 * The covered participants of a month (DOMAIN §4), read as columns for the allocation: on
 * PostgreSQL by a binary `COPY` straight off the socket (copy-out.ts), on PGlite (no COPY) by a
 * plain query. Both paths are exercised by the tests (PGlite and PostgreSQL runs); the bench
 * measures the COPY path.
 */
import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { CodedColumn } from '../domain/allocate.js';
import { coded } from '../domain/candidate-index.js';
import { firstDay, isMonth, lastDay } from '../../common/month.js';
import { COVERED_PARTICIPANTS, SORT_MEMORY } from '../sql/allocate.sql.js';
import { COPY_SIGNATURE } from './copy-binary.js';
import { copyOut } from './copy-out.js';
import { doubled, TextColumn } from './text-column.js';

/** The covered participants of a month in NIK order (code points, as the "C" collation sorts). */
export interface Candidates {
  /** by COPY: their bytes (TextColumn) */
  nik: readonly string[] | TextColumn;
  /** the distinct village codes and each participant's */
  village: CodedColumn;
  /** TMT as days since 2000-01-01 (see COVERED_PARTICIPANTS) */
  tmtDay: Int32Array;
  /** TAT the same way (NO_TAT: none), when the query reads it (the projection's register of several months) */
  tatDay?: Int32Array;
}

/** The day number of an empty TAT: after every real day. */
export const NO_TAT = 2 ** 31 - 1;

/** The covered participants of `month`, as columns in NIK order. */
export async function readCandidates(m: EntityManager, month: string, useCopy: boolean): Promise<Candidates> {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  return readParticipantColumns(m, COVERED_PARTICIPANTS, [firstDay(month), lastDay(month)], useCopy);
}

/**
 * The rows of `sql` (nik, village_code, tmt_day and optionally tat_day, in NIK order) as columns.
 * `days` are `YYYY-MM-DD` texts checked by the caller: COPY takes no parameters, so they are inlined.
 */
export async function readParticipantColumns(m: EntityManager, sql: string, days: [string, string], useCopy: boolean): Promise<Candidates> {
  if (!days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day))) throw new Error(`not days: ${days.join(', ')}`);
  await m.query(SORT_MEMORY);
  if (!useCopy) {
    const rows: { nik: string; village_code: string; tmt_day: number; tat_day?: number | null }[] = await m.query(sql, days);
    const tat = 'tat_day' in (rows[0] ?? {}) ? { tatDay: Int32Array.from(rows, (r) => r.tat_day ?? NO_TAT) } : {};
    return { nik: rows.map((r) => r.nik), village: coded(rows.map((r) => r.village_code)), tmtDay: Int32Array.from(rows, (r) => r.tmt_day), ...tat };
  }
  const runner = m.queryRunner as unknown as { connect(): Promise<pg.ClientBase> } | undefined;
  if (!runner) throw new Error('COPY needs a transaction-bound EntityManager');
  const inlined = sql.replaceAll('$1', `'${days[0]}'`).replaceAll('$2', `'${days[1]}'`);
  const columns = new CandidateColumns();
  await copyOut(await runner.connect(), `COPY (${inlined}) TO STDOUT WITH (FORMAT binary)`, columns.read);
  return columns.done();
}

/**
 * Rows of COPY's binary format (PostgreSQL manual, "COPY", Binary Format) of (nik text,
 * village_code text, tmt_day int4[, tat_day int4 or NULL]), decoded into columns as they arrive: the
 * NIK's bytes, the village's number (one string per village), the days as numbers.
 */
export class CandidateColumns {
  /** in NIK order: COVERED_PARTICIPANTS sorts them so */
  private readonly nik = new TextColumn(true, 1 << 16);
  private readonly villageCodes: string[] = [];
  private villageOf: Int32Array = new Int32Array(1 << 16);
  private days: Int32Array = new Int32Array(1 << 16);
  /** rows of four fields: their TAT (the projection's register); null until such a row comes */
  private tatDays: Int32Array | null = null;
  private count = 0;
  private header = false;
  private ended = false;
  /** a village's number by a hash of its bytes (checked against them), so that no string is made per row */
  private readonly villages = new Map<number, number>();

  /** One CopyData payload `chunk[start, end)`: the header, whole rows, the trailer. */
  readonly read = (chunk: Buffer, start: number, end: number): void => {
    let at = start;
    if (!this.header) {
      if (end - at < 19 || !chunk.subarray(at, at + 11).equals(COPY_SIGNATURE)) throw new Error('COPY: not binary output');
      at += 19 + chunk.readInt32BE(at + 15); // signature, flags, header extension
      this.header = true;
    }
    while (at < end) {
      const fields = chunk.readInt16BE(at);
      at += 2;
      if (fields === -1) {
        this.ended = true;
        continue;
      }
      if (fields !== 3 && fields !== 4) throw new Error(`COPY: ${fields} fields in a candidate row`);
      const nikLength = field(chunk, at);
      this.nik.push(chunk, at + 4, at + 4 + nikLength);
      at += 4 + nikLength;
      const villageLength = field(chunk, at);
      const village = this.village(chunk, at + 4, at + 4 + villageLength);
      at += 4 + villageLength;
      if (field(chunk, at) !== 4) throw new Error('COPY: tmt_day is not an int4');
      if (this.count === this.days.length) {
        this.days = doubled(this.days);
        this.villageOf = doubled(this.villageOf);
        if (this.tatDays) this.tatDays = doubled(this.tatDays);
      }
      this.villageOf[this.count] = village;
      this.days[this.count] = chunk.readInt32BE(at + 4);
      at += 8;
      if (fields === 4) {
        this.tatDays ??= new Int32Array(this.days.length);
        const tatLength = chunk.readInt32BE(at);
        if (tatLength !== -1 && tatLength !== 4) throw new Error('COPY: tat_day is not an int4');
        this.tatDays[this.count] = tatLength === -1 ? NO_TAT : chunk.readInt32BE(at + 4);
        at += tatLength === -1 ? 4 : 8;
      }
      this.count++;
    }
    if (at !== end) throw new Error('COPY: a row runs past its message');
  };

  done(): Candidates {
    if (!this.ended) throw new Error('COPY: output ended without its trailer');
    const village = { codes: this.villageCodes, of: this.villageOf.slice(0, this.count) };
    const tat = this.tatDays ? { tatDay: this.tatDays.slice(0, this.count) } : {};
    return { nik: this.nik, village, tmtDay: this.days.slice(0, this.count), ...tat };
  }

  /** The village's number in `villageCodes`, added if new. */
  private village(chunk: Buffer, start: number, end: number): number {
    let hash = end - start;
    for (let k = start; k < end; k++) hash = (Math.imul(hash, 31) + chunk[k]) | 0;
    const known = this.villages.get(hash);
    if (known !== undefined && sameAscii(this.villageCodes[known], chunk, start, end)) return known;
    const text = chunk.toString('utf8', start, end);
    let id = this.villageCodes.indexOf(text); // a hash shared with another village, or a non-ASCII code
    if (id < 0) id = this.villageCodes.push(text) - 1;
    this.villages.set(hash, id);
    return id;
  }
}

/** The byte length of the field at `at`; a NULL (-1) is refused: every candidate column is NOT NULL. */
function field(chunk: Buffer, at: number): number {
  const length = chunk.readInt32BE(at);
  if (length < 0) throw new Error('COPY: NULL in a candidate row');
  return length;
}

function sameAscii(text: string, chunk: Buffer, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== chunk[start + k]) return false;
  return true;
}
