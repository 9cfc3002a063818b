import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run, splitsInOrder } from './support/allocation-fixtures.js';

describe('§6 step 2: candidates are walked by (TMT ascending, NIK ascending)', () => {
  it('the earliest TMT is funded first, then the lower NIK among equal TMTs', () => {
    const rows = [
      { nik: nik(1), tmt: '2025-03-01' },
      { nik: nik(3), tmt: '2024-01-01' },
      { nik: nik(2), tmt: '2024-01-01' },
      { nik: nik(4), tmt: '2023-12-31' },
    ];
    // a budget of two and a half premiums runs out along the walk: nik 4, nik 2, then half of nik 3
    const { splits, unfunded } = run(rows, [pledge({ code: 'P', budget: 94_500 })]);
    expect(splits).toEqual([`${nik(2)}:P=37800`, `${nik(3)}:P=18900`, `${nik(4)}:P=37800`]);
    expect(unfunded[nik(1)]).toBe(37800);
  });

  it('a quota of 2 funds the two earliest', () => {
    const rows = [
      { nik: nik(1), tmt: '2025-03-01' },
      { nik: nik(2), tmt: '2024-06-01' },
      { nik: nik(3), tmt: '2024-06-01' },
    ];
    expect(splitsInOrder(rows, [pledge({ code: 'P', quota: 2 })])).toEqual([`${nik(2)}:P=37800`, `${nik(3)}:P=37800`]);
  });

  it("gives each pledge's splits in input order, whether it funds a few of many or most (the writer's order)", () => {
    // 40 rows, walked backwards (later rows have earlier TMTs); quota 3 funds the last three rows
    const rows = Array.from({ length: 40 }, (_, i) => ({ nik: nik(i + 1), tmt: new Date(Date.UTC(2024, 0, 41 - i)).toISOString().slice(0, 10) }));
    const few = splitsInOrder(rows, [pledge({ code: 'P', quota: 3 })]);
    expect(few.map((s) => s.split(':')[0])).toEqual([nik(38), nik(39), nik(40)]);
    const most = splitsInOrder(rows, [pledge({ code: 'Q', quota: 30 }), pledge({ code: 'R', priority: 95 })]);
    expect(most.map((s) => s.split(':')[0])).toEqual([...rows.slice(10), ...rows.slice(0, 10)].map((r) => r.nik));
    expect(most.slice(30).every((s) => s.includes(':R='))).toBe(true);
  });
});
