/**
 * COPY's binary format (PostgreSQL manual, "COPY", Binary Format) of a month's rows, written
 * straight into reused byte chunks from the month's columns: no string, array or call per row.
 *
 * Why binary: the server reads it without parsing text. A month's split rows load in three
 * quarters of the time of the same rows as text, its obligation rows (with a date) in half; and
 * writing a fixed-size integer is cheaper here than writing its digits. Bytes are stored one by
 * one from JavaScript: a call into Buffer (write, subarray) per value cost more than the value.
 * Why columns: a month is held as columns (allocate.ts), and a row built as an array per row cost
 * as much as encoding it, plus the garbage collection of two million arrays.
 *
 * Each row is a field count, then per field its byte length and its bytes: text as UTF-8, `int`
 * as 4 bytes and `bigint` as 8 (big-endian, two's complement), `date` as 4 bytes of days since
 * 2000-01-01 (PostgreSQL's own epoch). Text may hold any character (no escapes in this format).
 */
import { TextColumn } from './text-column.js';

export type CopyType = 'text' | 'int' | 'bigint' | 'date';

/** One column of a COPY: its values, and which of them each row takes. */
export interface CopyColumn {
  type: CopyType;
  /** strings (or their bytes) for text, integers otherwise (a date as days since 2000-01-01) */
  values: readonly string[] | TextColumn | ArrayLike<number>;
  /** row i takes `values[index[i]]`; without it, `values[i]` (a pledge's code: one value, many rows) */
  index?: ArrayLike<number>;
}

/** Value `i` of a column (PGlite's inserts and error messages). */
export function valueAt({ values, index }: CopyColumn, i: number): string | number | undefined {
  const j = index === undefined ? i : index[i];
  return values instanceof TextColumn ? values.at(j) : values[j];
}

const CHUNK_BYTES = 1 << 20;
/** Room always left at the end of a chunk for one more row of short values. */
const ROW_ROOM = 4096;
/** A text value longer than this may not fit the row's room: the chunk grows for it if need be. */
const SHORT_TEXT = 64;
/** The first 11 bytes of binary COPY data, either way (candidates.ts reads them back). */
export const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const TWO_32 = 2 ** 32;
const TEXT = 0;
const INT = 1;
const BIGINT = 2;
const KIND: Record<CopyType, number> = { text: TEXT, int: INT, date: INT, bigint: BIGINT };

/**
 * A column as the loop below reads it, every one of the same shape (one shape: property reads stay
 * fast): text as UTF-8 bytes end to end (value j is `bytes[ends[j], ends[j + 1])`), numbers as given.
 */
interface Prepared {
  kind: number;
  type: CopyType;
  bytes: Uint8Array;
  ends: Int32Array;
  /** text values that were not strings (reported when a row takes one) */
  notText: Set<number> | null;
  numbers: ArrayLike<number>;
  size: number;
  index: ArrayLike<number> | null;
}

const NO_BYTES = new Uint8Array(0);
const NO_ENDS = new Int32Array(1);

function prepare(column: CopyColumn): Prepared {
  const { type, values, index } = column;
  const base = { kind: KIND[type], type, index: index ?? null, bytes: NO_BYTES, ends: NO_ENDS, notText: null, numbers: [], size: values.length };
  if (type !== 'text') {
    if (values instanceof TextColumn) throw new Error(`text bytes given for a ${type} column`);
    return { ...base, numbers: values as ArrayLike<number> };
  }
  if (values instanceof TextColumn) return { ...base, ...values.raw() };
  const texts = values as ArrayLike<unknown>;
  const notText = new Set<number>();
  for (let j = 0; j < texts.length; j++) if (typeof texts[j] !== 'string') notText.add(j);
  const encoded = TextColumn.of(Array.from(texts, (text) => (typeof text === 'string' ? text : '')));
  return { ...base, ...encoded.raw(), notText: notText.size ? notText : null };
}

/** The rows 0..count-1 of `columns`, in chunks of about a megabyte. Throws at a value its column cannot hold. */
export function* copyBinaryChunks(columns: readonly CopyColumn[], count: number): Generator<Buffer> {
  const prepared = columns.map(prepare);
  const fields = prepared.length;
  let chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  // header: signature, flags (none), header extension length (none)
  let at = COPY_SIGNATURE.copy(chunk, 0);
  at = int32(chunk, at, 0);
  at = int32(chunk, at, 0);
  for (let i = 0; i < count; i++) {
    if (at > chunk.length - ROW_ROOM) {
      yield chunk.subarray(0, at);
      chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      at = 0;
    }
    chunk[at++] = fields >> 8;
    chunk[at++] = fields & 0xff;
    for (let k = 0; k < fields; k++) {
      const c = prepared[k];
      const j = c.index === null ? i : c.index[i];
      const missing = !(j >= 0 && j < c.size);
      if (c.kind === TEXT) {
        if (missing || c.notText?.has(j)) throw new Error(`row ${i}, column ${k}: not text: ${valueAt(columns[k], i)}`);
        const start = c.ends[j];
        const length = c.ends[j + 1] - start;
        if (length > SHORT_TEXT && at + 4 + length + ROW_ROOM > chunk.length) chunk = grown(chunk, at, 4 + length + ROW_ROOM);
        at = int32(chunk, at, length);
        for (let b = start, end = start + length; b < end; b++) chunk[at++] = c.bytes[b];
        continue;
      }
      const n = missing ? undefined : c.numbers[j];
      if (!Number.isSafeInteger(n)) throw new Error(`row ${i}, column ${k}: not an integer: ${n}`);
      if (c.kind === BIGINT) {
        at = int32(chunk, at, 8);
        const high = Math.floor(n! / TWO_32);
        at = int32(chunk, at, high);
        at = int32(chunk, at, n! - high * TWO_32);
      } else {
        if (n! < -(2 ** 31) || n! >= 2 ** 31) throw new Error(`row ${i}, column ${k}: out of range for ${c.type}: ${n}`);
        at = int32(chunk, at, 4);
        at = int32(chunk, at, n!);
      }
    }
  }
  // trailer: a field count of -1
  if (at + 2 > chunk.length) {
    yield chunk.subarray(0, at);
    chunk = Buffer.allocUnsafe(2);
    at = 0;
  }
  chunk[at++] = 0xff;
  chunk[at++] = 0xff;
  yield chunk.subarray(0, at);
}

/** The low 32 bits of `n`, big-endian. */
function int32(chunk: Buffer, at: number, n: number): number {
  chunk[at] = n >>> 24;
  chunk[at + 1] = (n >>> 16) & 0xff;
  chunk[at + 2] = (n >>> 8) & 0xff;
  chunk[at + 3] = n & 0xff;
  return at + 4;
}

/** A bigger chunk with the first `used` bytes of `chunk`, for one value that does not fit. */
function grown(chunk: Buffer, used: number, more: number): Buffer {
  const bigger = Buffer.allocUnsafe(used + more + CHUNK_BYTES);
  chunk.copy(bigger, 0, 0, used);
  return bigger;
}
