import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run } from './support/allocation-fixtures.js';

describe('§6: a share percent pays floor(a × share / 100) of the whole obligation', () => {
  it('40% of 37,800 is 15,120', () => {
    expect(run([{ nik: nik(1) }], [pledge({ code: 'PROV', sharePercent: 40 })]).splits).toEqual([`${nik(1)}:PROV=15120`]);
  });

  it('rounds down: 33% of 37,801 is 12,474 (12,474.33)', () => {
    expect(run([{ nik: nik(1), amount: 37801 }], [pledge({ code: 'P', sharePercent: 33 })]).splits).toEqual([`${nik(1)}:P=12474`]);
  });

  it('two 50% pledges of an odd amount leave 1 rupiah unfunded', () => {
    const { splits, unfunded } = run([{ nik: nik(1), amount: 37801 }], [pledge({ code: 'A', sharePercent: 50 }), pledge({ code: 'B', sharePercent: 50 })]);
    expect(splits).toEqual([`${nik(1)}:A=18900`, `${nik(1)}:B=18900`]);
    expect(unfunded[nik(1)]).toBe(1);
  });
});
