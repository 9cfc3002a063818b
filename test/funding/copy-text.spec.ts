import { describe, expect, it } from '@jest/globals';
import { copyTextChunks } from '../../src/funding/use-cases/copy-text.js';

/** What COPY's text format is: each row's values joined by tabs, a newline after each row, UTF-8. */
const reference = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => `${r.join('\t')}\n`).join(''), 'utf8');
const encoded = (rows: (string | number)[][]) => Buffer.concat([...copyTextChunks(rows.length, (i) => rows[i])]);

describe('COPY text of a month\'s rows (copy-text.ts)', () => {
  it('writes integers and ASCII strings as the plain join would', () => {
    const rows = [
      ['2026-01', '1703061509800001', 'APBD-2026', 1, 37800],
      ['2026-01', '1703061509800002', 'DESA-1703062001-2026', 12, 0],
      ['2026-12', '', 'X', -15120, 9007199254740991],
      ['2026-02', '1703061509800003', 37800, 22680, '2018-05-05', '17.03.06.2001'],
    ];
    expect(encoded(rows).toString('utf8')).toBe(reference(rows).toString('utf8'));
  });

  it('encodes non-ASCII, long strings and non-integers like String() and UTF-8', () => {
    const rows = [
      ['Perusahaan Sawit Bengkulu — TJSLP', 'é'.repeat(40), 'a'.repeat(5000), 0.5, 1e21, -0],
      ['ñ', 'x'.repeat(3 << 20), 7],
    ];
    expect(encoded(rows).equals(reference(rows))).toBe(true);
  });

  it('spreads many rows over chunks without splitting or losing any', () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => ['2026-03', `1703${String(i).padStart(12, '0')}`, `P-${i % 300}`, i % 7, i * 37800]);
    const chunks = [...copyTextChunks(rows.length, (i) => rows[i])];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk[chunk.length - 1]).toBe(10); // every chunk ends on a whole row
    expect(Buffer.concat(chunks).equals(reference(rows))).toBe(true);
  });

  it('writes nothing for no rows', () => {
    expect([...copyTextChunks(0, () => [])]).toEqual([]);
  });
});
