import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run } from './support/allocation-fixtures.js';

describe('§6: the budget is what is left after the earlier months of the fiscal year', () => {
  const rows = [1, 2, 3].map((i) => ({ nik: nik(i) }));

  it('a budget of 100,000 pays two whole obligations and 24,400 of the third', () => {
    const { splits, unfunded } = run(rows, [pledge({ code: 'APBD-2026', budget: 100_000 })]);
    expect(splits).toEqual([`${nik(1)}:APBD-2026=37800`, `${nik(2)}:APBD-2026=37800`, `${nik(3)}:APBD-2026=24400`]);
    expect(unfunded[nik(3)]).toBe(13400);
  });

  it('what earlier months used is subtracted: 100,000 − 62,200 leaves 37,800 for one participant', () => {
    const { splits } = run(rows, [pledge({ code: 'APBD-2026', budget: 100_000 })], { 'APBD-2026': 62_200 });
    expect(splits).toEqual([`${nik(1)}:APBD-2026=37800`]);
  });

  it('a used-up budget pays nothing (and a budget lowered below what was used is treated as 0)', () => {
    expect(run(rows, [pledge({ code: 'P', budget: 50_000 })], { P: 50_000 }).splits).toEqual([]);
    expect(run(rows, [pledge({ code: 'P', budget: 50_000 })], { P: 80_000 }).splits).toEqual([]);
  });
});
