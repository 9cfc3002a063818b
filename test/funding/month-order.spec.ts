import { describe, expect, it } from '@jest/globals';
import { dayText, orderByDay } from '../../src/funding/use-cases/month-order.js';

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

  it('writes day numbers as ISO dates', () => {
    expect(dayText(0)).toBe('2000-01-01');
    expect(dayText(-1)).toBe('1999-12-31');
    expect(dayText(9496)).toBe('2025-12-31');
  });
});
