import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run } from './support/allocation-fixtures.js';

describe('§6: a quota limits the participants funded per month', () => {
  const rows = [1, 2, 3, 4, 5].map((i) => ({ nik: nik(i) }));

  it('funds at most `quota` participants; the rest stay unfunded', () => {
    const { splits, unfunded } = run(rows, [pledge({ code: 'APBD_PROV-2026', quota: 3 })]);
    expect(splits).toHaveLength(3);
    expect(Object.values(unfunded)).toEqual([0, 0, 0, 37800, 37800]);
  });

  it('the quota counts funded participants, not candidates skipped because already paid', () => {
    const { splits } = run(rows, [pledge({ code: 'A', priority: 10, niks: [nik(1), nik(2)], scope: 'RESIDENTS' }), pledge({ code: 'B', quota: 2 })]);
    expect(splits.filter((s) => s.includes(':B='))).toEqual([`${nik(3)}:B=37800`, `${nik(4)}:B=37800`]);
  });

  it('a 0-rupiah share is no split and uses no quota', () => {
    const { splits } = run([{ nik: nik(1), amount: 1 }, { nik: nik(2), amount: 10 }], [pledge({ code: 'P', sharePercent: 40, quota: 1 })]);
    // floor(1 × 40 / 100) = 0 → skipped; floor(10 × 40 / 100) = 4
    expect(splits).toEqual([`${nik(2)}:P=4`]);
  });
});
