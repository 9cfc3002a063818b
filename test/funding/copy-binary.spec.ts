import { describe, expect, it } from '@jest/globals';
import { copyBinaryChunks, type CopyColumn, type CopyType } from '../../src/funding/use-cases/copy-binary.js';

type Row = (string | number)[];

/** Reads COPY's binary format back (throwing at anything out of place) (PostgreSQL manual, "COPY", Binary Format): the rows, each value by its column's type. */
function decode(types: CopyType[], bytes: Buffer): Row[] {
  expect(bytes.subarray(0, 11).equals(Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'))).toBe(true);
  expect(bytes.readInt32BE(11)).toBe(0); // flags
  let at = 15 + 4 + bytes.readInt32BE(15); // past the header extension
  const rows: Row[] = [];
  for (let fields = bytes.readInt16BE(at); fields !== -1; fields = bytes.readInt16BE(at)) {
    at += 2;
    if (fields !== types.length) throw new Error(`row ${rows.length}: ${fields} fields`);
    const row: Row = [];
    for (const type of types) {
      const length = bytes.readInt32BE(at);
      at += 4;
      if (type === 'text') row.push(bytes.toString('utf8', at, at + length));
      else if (type === 'bigint') row.push(Number(bytes.readBigInt64BE(at)));
      else row.push(bytes.readInt32BE(at));
      if (length !== (type === 'text' ? Buffer.byteLength(row.at(-1) as string) : type === 'bigint' ? 8 : 4)) throw new Error(`row ${rows.length}: length ${length}`);
      at += length;
    }
    rows.push(row);
  }
  expect(at + 2).toBe(bytes.length); // nothing after the trailer
  return rows;
}

/** `rows` as columns, each row taking its own value. */
const columnsOf = (types: CopyType[], rows: Row[]): CopyColumn[] =>
  types.map((type, k) => ({ type, values: rows.map((row) => row[k]) as string[] | number[] }));
const encoded = (types: CopyType[], rows: Row[]) => Buffer.concat([...copyBinaryChunks(columnsOf(types, rows), rows.length)]);

describe("COPY's binary format of a month's rows (copy-binary.ts)", () => {
  const split: CopyType[] = ['text', 'text', 'int', 'bigint'];

  it('writes text, int, bigint and date values that read back exactly', () => {
    const types: CopyType[] = ['text', 'bigint', 'date', 'text', 'int'];
    const rows: Row[] = [
      ['1703061509800001', 37800, 9496, '17.03.06.2001', 1],
      ['', 0, -1, 'X', -1],
      ['1703061509800003', -15120, 0, '17.03.25.2010', 2 ** 31 - 1],
      ['max', Number.MAX_SAFE_INTEGER, 2_000_000, 'min', -(2 ** 31)],
      ['neg', Number.MIN_SAFE_INTEGER, -2_000_000, 'z', 0],
    ];
    expect(decode(types, encoded(types, rows))).toEqual(rows);
  });

  it('writes any text as UTF-8, long values and the characters text COPY would read as escapes included', () => {
    const rows: Row[] = [
      ['Perusahaan Sawit Bengkulu — TJSLP', 'é'.repeat(40), 1, 2],
      ['tab\there, newline\nthere, back\\slash', 'a'.repeat(5000), 3, 4],
      ['ñ', 'x'.repeat(3 << 20), 5, 6],
    ];
    expect(decode(split, encoded(split, rows))).toEqual(rows);
  });

  it('spreads many rows over chunks without losing any', () => {
    const rows: Row[] = Array.from({ length: 40_000 }, (_, i) => [`1703${String(i).padStart(12, '0')}`, `P-${i % 300}`, i % 7, i * 37800]);
    const chunks = [...copyBinaryChunks(columnsOf(split, rows), rows.length)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(JSON.stringify(decode(split, Buffer.concat(chunks)))).toBe(JSON.stringify(rows));
  });

  it('writes a header and a trailer only for no rows', () => {
    expect(decode(split, encoded(split, []))).toEqual([]);
  });

  it('refuses a value its column cannot hold rather than write a wrong one', () => {
    const refused = (row: Row) => () => encoded(split, [row]);
    expect(refused(['1703', 'P', 1, 0.5])).toThrow('row 0, column 3: not an integer: 0.5');
    expect(refused(['1703', 'P', 2 ** 31, 1])).toThrow('row 0, column 2: out of range for int: 2147483648');
    expect(refused(['1703', 'P', 1, 2 ** 53])).toThrow('not an integer');
    expect(refused(['1703', 7, 1, 1])).toThrow('row 0, column 1: not text: 7');
    expect(refused(['1703', 'P', 1])).toThrow('row 0, column 3: not an integer: undefined');
  });

  it('gives each row the value its index names: one value for many rows, rows in another order', () => {
    const codes = ['APBD-2026', 'DD-1703062001'];
    const niks = ['1703061509800001', '1703061509800002', '1703061509800003'];
    const columns: CopyColumn[] = [
      { type: 'text', values: niks, index: Int32Array.of(2, 0, 1, 0) },
      { type: 'text', values: codes, index: Int32Array.of(1, 1, 0, 0) },
      { type: 'int', values: [3, 1], index: Int32Array.of(1, 1, 0, 0) },
      { type: 'bigint', values: Float64Array.of(37800, 15120, 22680, 7560) },
    ];
    expect(decode(split, Buffer.concat([...copyBinaryChunks(columns, 4)]))).toEqual([
      [niks[2], codes[1], 1, 37800],
      [niks[0], codes[1], 1, 15120],
      [niks[1], codes[0], 3, 22680],
      [niks[0], codes[0], 3, 7560],
    ]);
    const outOfRange: CopyColumn[] = [{ type: 'text', values: niks, index: Int32Array.of(0, 3) }];
    expect(() => [...copyBinaryChunks(outOfRange, 2)]).toThrow('row 1, column 0: not text: undefined');
  });
});
