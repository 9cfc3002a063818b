import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run } from './support/allocation-fixtures.js';

describe('§5: a RESIDENTS pledge pays only the NIKs it names', () => {
  it('pays the listed NIKs that are covered and ignores the others', () => {
    const rows = [1, 2, 3].map((i) => ({ nik: nik(i) }));
    const { splits, unfunded } = run(rows, [pledge({ code: 'TJSLP', scope: 'RESIDENTS', niks: [nik(3), nik(1), nik(9)] })]);
    expect(splits).toEqual([`${nik(1)}:TJSLP=37800`, `${nik(3)}:TJSLP=37800`]);
    expect(unfunded[nik(2)]).toBe(37800);
  });

  it('a NIK listed twice among the obligations is paid once, on its later row in walk order, whatever the input order', () => {
    const named = pledge({ code: 'TJSLP', scope: 'RESIDENTS', niks: [nik(1)] });
    const twice = [
      { nik: nik(1), tmt: '2025-03-01' },
      { nik: nik(1), tmt: '2025-01-01' },
      { nik: nik(2), tmt: '2025-01-01' },
    ];
    for (const rows of [twice, [twice[2], twice[0], twice[1]]]) {
      const { splits, result } = run(rows, [named]);
      expect(splits).toEqual([`${nik(1)}:TJSLP=37800`]);
      expect(rows[result.splitObligation[0]].tmt).toBe('2025-03-01');
    }
  });
});
