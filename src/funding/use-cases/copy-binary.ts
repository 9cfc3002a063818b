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
/** A text value longer than this is encoded by Buffer (it may not fit the row's room). */
const SHORT_TEXT = 64;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const TWO_32 = 2 ** 32;
const TEXT = 0;
const TEXT_BYTES = 1;
const INT = 2;
const BIGINT = 3;
const KIND: Record<CopyType, number> = { text: TEXT, int: INT, date: INT, bigint: BIGINT };

/** The rows 0..count-1 of `columns`, in chunks of about a megabyte. Throws at a value its column cannot hold. */
export function* copyBinaryChunks(columns: readonly CopyColumn[], count: number): Generator<Buffer> {
  const kinds = columns.map((c) => (c.values instanceof TextColumn ? (c.type === 'text' ? TEXT_BYTES : -1) : KIND[c.type]));
  if (kinds.includes(-1)) throw new Error('text bytes given for a column that is not text');
  const fields = columns.length;
  let chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  // header: signature, flags (none), header extension length (none)
  let at = SIGNATURE.copy(chunk, 0);
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
      const { values, index } = columns[k];
      const j = index === undefined ? i : index[i];
      if (kinds[k] === TEXT_BYTES) {
        const bytes = values as TextColumn;
        if (!(j >= 0 && j < bytes.length)) throw new Error(`row ${i}, column ${k}: not text: undefined`);
        const length = bytes.byteLength(j);
        if (at + 4 + length + ROW_ROOM > chunk.length) chunk = grown(chunk, at, 4 + length + ROW_ROOM);
        at = int32(chunk, at, length);
        at += bytes.copyTo(j, chunk, at);
        continue;
      }
      const value = (values as ArrayLike<string | number>)[j];
      if (kinds[k] === TEXT) {
        if (typeof value !== 'string') throw new Error(`row ${i}, column ${k}: not text: ${value}`);
        const end = value.length <= SHORT_TEXT ? ascii(chunk, at + 4, value) : -1;
        if (end >= 0) {
          int32(chunk, at, end - at - 4);
          at = end;
        } else {
          const bytes = Buffer.from(value, 'utf8');
          if (at + 4 + bytes.length + ROW_ROOM > chunk.length) chunk = grown(chunk, at, 4 + bytes.length + ROW_ROOM);
          at = int32(chunk, at, bytes.length);
          at += bytes.copy(chunk, at);
        }
      } else {
        if (!Number.isSafeInteger(value)) throw new Error(`row ${i}, column ${k}: not an integer: ${value}`);
        const n = value as number;
        if (kinds[k] === BIGINT) {
          at = int32(chunk, at, 8);
          const high = Math.floor(n / TWO_32);
          at = int32(chunk, at, high);
          at = int32(chunk, at, n - high * TWO_32);
        } else {
          if (n < -(2 ** 31) || n >= 2 ** 31) throw new Error(`row ${i}, column ${k}: out of range for ${columns[k].type}: ${n}`);
          at = int32(chunk, at, 4);
          at = int32(chunk, at, n);
        }
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

/** `text` byte by byte if it is ASCII (keys, codes: the usual case), returning the end; -1 otherwise (nothing usable written). */
function ascii(chunk: Buffer, at: number, text: string): number {
  for (let c = 0; c < text.length; c++) {
    const code = text.charCodeAt(c);
    if (code > 127) return -1;
    chunk[at++] = code;
  }
  return at;
}

/** A bigger chunk with the first `used` bytes of `chunk`, for one value that does not fit. */
function grown(chunk: Buffer, used: number, more: number): Buffer {
  const bigger = Buffer.allocUnsafe(used + more + CHUNK_BYTES);
  chunk.copy(bigger, 0, 0, used);
  return bigger;
}
