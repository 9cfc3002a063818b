import { describe, expect, it } from '@jest/globals';
import { compareCodePoints } from '../../src/funding/domain/code-order.js';
import { nik, pledge, splitsInOrder } from './support/allocation-fixtures.js';

describe('§5/§6: equal priorities are broken by code in plain code-point order', () => {
  it("'B' pays before 'a' (upper case sorts before lower case)", () => {
    const order = splitsInOrder([{ nik: nik(1) }], [pledge({ code: 'a', quota: 1 }), pledge({ code: 'B', quota: 1 })]);
    expect(order).toEqual([`${nik(1)}:B=37800`]);
  });

  it("'DESA-10' pays before 'DESA-9' (no numeric or locale ordering)", () => {
    const order = splitsInOrder(
      [{ nik: nik(1) }, { nik: nik(2) }],
      [pledge({ code: 'DESA-9', priority: 20, quota: 1 }), pledge({ code: 'DESA-10', priority: 20, quota: 1 })],
    );
    expect(order).toEqual([`${nik(1)}:DESA-10=37800`, `${nik(2)}:DESA-9=37800`]);
  });

  it('compares by code point, unlike localeCompare', () => {
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
    expect('B'.localeCompare('a')).toBeGreaterThan(0);
    expect(compareCodePoints('DESA-10', 'DESA-9')).toBeLessThan(0);
    expect(compareCodePoints('A', 'AB')).toBeLessThan(0);
    expect(compareCodePoints('Z', '_')).toBeLessThan(0);
  });
});
