import { describe, expect, it } from '@jest/globals';
import { dayText, orderByDay, splitsByPledgeCode } from '../../src/funding/use-cases/month-order.js';

describe('month row orders (AllocateMonth writes partitions in index order)', () => {
  it('orders positions by day, ties in position order (NIK order in: (TMT, NIK) order out)', () => {
    const day = Int32Array.from([5, 3, 5, -2, 3, 5]);
    expect(Array.from(orderByDay(day))).toEqual([3, 1, 4, 0, 2, 5]);
  });

  it('gives the same order for days too far apart for a counting array', () => {
    const day = Int32Array.from([40_000_000, -1, 40_000_000, 7, -1]);
    expect(Array.from(orderByDay(day))).toEqual([1, 4, 3, 0, 2]);
    expect(Array.from(orderByDay(new Int32Array(0)))).toEqual([]);
  });

  it('orders splits by pledge code in code-point order, then by obligation, keeping ties in order', () => {
    const codes = ['DESA-9', 'APBD_PROV', 'DESA-10', 'APBD-2026'];
    // splits: (pledge index, obligation)
    const pledgeOf = [0, 1, 3, 2, 3, 1, 0];
    const obligationOf = [4, 2, 3, 0, 1, 0, 1];
    const order = Array.from(splitsByPledgeCode(pledgeOf, codes, obligationOf, 5));
    expect(order.map((s) => `${codes[pledgeOf[s]]}:${obligationOf[s]}`)).toEqual([
      'APBD-2026:1', 'APBD-2026:3', 'APBD_PROV:0', 'APBD_PROV:2', 'DESA-10:0', 'DESA-9:1', 'DESA-9:4',
    ]);
  });

  it('writes day numbers as ISO dates', () => {
    expect(dayText(0)).toBe('2000-01-01');
    expect(dayText(-1)).toBe('1999-12-31');
    expect(dayText(9496)).toBe('2025-12-31');
  });
});
