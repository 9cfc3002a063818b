import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run } from './support/allocation-fixtures.js';

describe('§6: a share never pays more than what is still unfunded', () => {
  it('after a 70% pledge, a 40% pledge pays only the remaining 30%', () => {
    const { splits, unfunded } = run([{ nik: nik(1), amount: 10000 }], [pledge({ code: 'A', priority: 10, sharePercent: 70 }), pledge({ code: 'B', priority: 20, sharePercent: 40 })]);
    expect(splits).toEqual([`${nik(1)}:A=7000`, `${nik(1)}:B=3000`]);
    expect(unfunded[nik(1)]).toBe(0);
  });

  it('a 100% pledge pays the remainder r, not the whole obligation a', () => {
    const { splits } = run([{ nik: nik(1), amount: 10000 }], [pledge({ code: 'A', priority: 10, sharePercent: 40 }), pledge({ code: 'B', priority: 20 })]);
    expect(splits).toEqual([`${nik(1)}:A=4000`, `${nik(1)}:B=6000`]);
  });
});
