import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run } from './support/allocation-fixtures.js';

describe('§5: a RESIDENTS pledge pays only the NIKs it names', () => {
  it('pays the listed NIKs that are covered and ignores the others', () => {
    const rows = [1, 2, 3].map((i) => ({ nik: nik(i) }));
    const { splits, unfunded } = run(rows, [pledge({ code: 'TJSLP', scope: 'RESIDENTS', niks: [nik(3), nik(1), nik(9)] })]);
    expect(splits).toEqual([`${nik(1)}:TJSLP=37800`, `${nik(3)}:TJSLP=37800`]);
    expect(unfunded[nik(2)]).toBe(37800);
  });
});
