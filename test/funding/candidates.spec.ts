import { describe, expect, it } from '@jest/globals';
import { CandidateColumns, NO_TAT } from '../../src/funding/use-cases/candidates.js';
import { copyBinaryChunks } from '../../src/funding/use-cases/copy-binary.js';
import { plain } from './support/candidates.js';

/** Binary COPY output of candidate rows (the writer's format is the reader's), as one payload. */
const output = (nik: string[], village: string[], day: number[]) =>
  Buffer.concat([
    ...copyBinaryChunks(
      [
        { type: 'text', values: nik },
        { type: 'text', values: village },
        { type: 'int', values: day },
      ],
      nik.length,
    ),
  ]);

/** The candidates' binary COPY rows decoded into columns (use-cases/candidates.ts). */
describe('candidate rows of a binary COPY, decoded into columns', () => {
  it('decodes rows given whole or one message per row, the header with the first', () => {
    const bytes = output(['1703000000000001', '1703000000000002', '1703000000000003'], ['1703062001', '1703062002', '1703062001'], [9496, 9497, -3]);
    const whole = new CandidateColumns();
    whole.read(bytes, 0, bytes.length);
    const expected = { nik: ['1703000000000001', '1703000000000002', '1703000000000003'], villageCode: ['1703062001', '1703062002', '1703062001'], tmtDay: Int32Array.of(9496, 9497, -3) };
    expect(plain(whole.done())).toEqual(expected);
    expect(whole.done().village.codes).toEqual(['1703062001', '1703062002']);

    // as the server sends them: header + row 1, row 2, row 3, trailer (each row 2 + 3 × 4 + 16 + 10 + 4 bytes)
    const row = 44;
    const split = new CandidateColumns();
    for (const [start, end] of [[0, 19 + row], [19 + row, 19 + 2 * row], [19 + 2 * row, 19 + 3 * row], [19 + 3 * row, bytes.length]]) split.read(bytes, start, end);
    expect(plain(split.done())).toEqual(expected);
  });

  it('reads a fourth field, TAT, as a day or NO_TAT when NULL (the projection reads the register once with it)', () => {
    const withTat = Buffer.concat([
      ...copyBinaryChunks(
        [
          { type: 'text', values: ['1703000000000001', '1703000000000002'] },
          { type: 'text', values: ['1703062001', '1703062002'] },
          { type: 'int', values: [9496, 9497] },
          { type: 'int', values: [9600, 0] },
        ],
        2,
      ),
    ]);
    // the second row's TAT as NULL: its length -1 and no bytes (row: 2 + 20 + 14 + 8 + 8 bytes after the 19 of the header)
    const tatOfSecond = 19 + 52 + 2 + 20 + 14 + 8;
    const bytes = Buffer.concat([withTat.subarray(0, tatOfSecond), Buffer.from([0xff, 0xff, 0xff, 0xff]), withTat.subarray(tatOfSecond + 8)]);
    const columns = new CandidateColumns();
    columns.read(bytes, 0, bytes.length);
    const read = columns.done();
    expect(plain(read)).toEqual({ nik: ['1703000000000001', '1703000000000002'], villageCode: ['1703062001', '1703062002'], tmtDay: Int32Array.of(9496, 9497) });
    expect(read.tatDay).toEqual(Int32Array.of(9600, NO_TAT));
    const three = new CandidateColumns();
    const plainRows = output(['1'], ['x'], [1]);
    three.read(plainRows, 0, plainRows.length);
    expect(three.done().tatDay).toBeUndefined();
  });

  it('keeps apart villages whose bytes differ, non-ASCII ones included', () => {
    const villages = ['Desa Ñ', 'Desa N', 'Desa Ñ', 'aa', 'bB', 'aa'];
    const bytes = output(villages.map((_, i) => String(i)), villages, villages.map(() => 1));
    const columns = new CandidateColumns();
    columns.read(bytes, 0, bytes.length);
    expect(plain(columns.done()).villageCode).toEqual(villages);
    expect(columns.done().village.codes).toEqual(['Desa Ñ', 'Desa N', 'aa', 'bB']);
  });

  it('refuses what is not candidate output rather than read it wrong', () => {
    const read = (bytes: Buffer) => () => {
      const columns = new CandidateColumns();
      columns.read(bytes, 0, bytes.length);
      return plain(columns.done());
    };
    expect(read(Buffer.from('1703\tdesa\t1\n'))).toThrow('not binary output');
    const twoFields = Buffer.concat([...copyBinaryChunks([{ type: 'text', values: ['1'] }, { type: 'text', values: ['x'] }], 1)]);
    expect(read(twoFields)).toThrow('2 fields in a candidate row');
    const good = output(['1703000000000001'], ['1703062001'], [1]);
    expect(read(good.subarray(0, good.length - 2))).toThrow('ended without its trailer');
    const unsorted = output(['1703000000000002', '1703000000000001'], ['1703062001', '1703062001'], [1, 1]);
    expect(read(unsorted)).toThrow('texts out of order at 1'); // NIKs are found by binary search: order is checked, not trusted
    const nullNik = Buffer.from(good);
    nullNik.writeInt32BE(-1, 21); // the NIK's length
    expect(read(nullNik)).toThrow('NULL in a candidate row');
  });
});
