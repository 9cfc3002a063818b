import { describe, expect, it } from '@jest/globals';
import { nik, pledge, splitsInOrder } from './support/allocation-fixtures.js';

describe('§6 step 2: candidates are walked by (TMT ascending, NIK ascending)', () => {
  it('the earliest TMT is funded first, then the lower NIK among equal TMTs', () => {
    const rows = [
      { nik: nik(1), tmt: '2025-03-01' },
      { nik: nik(3), tmt: '2024-01-01' },
      { nik: nik(2), tmt: '2024-01-01' },
      { nik: nik(4), tmt: '2023-12-31' },
    ];
    const order = splitsInOrder(rows, [pledge({ code: 'P' })]);
    expect(order.map((s) => s.split(':')[0])).toEqual([nik(4), nik(2), nik(3), nik(1)]);
  });

  it('a quota of 2 funds the two earliest', () => {
    const rows = [
      { nik: nik(1), tmt: '2025-03-01' },
      { nik: nik(2), tmt: '2024-06-01' },
      { nik: nik(3), tmt: '2024-06-01' },
    ];
    expect(splitsInOrder(rows, [pledge({ code: 'P', quota: 2 })])).toEqual([`${nik(2)}:P=37800`, `${nik(3)}:P=37800`]);
  });
});
