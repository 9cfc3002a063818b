import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run } from './support/allocation-fixtures.js';

describe('§6 step 3: whatever remains is UNFUNDED, partly funded participants included', () => {
  it('counts fully and partly unfunded participant-months', () => {
    const rows = [1, 2, 3].map((i) => ({ nik: nik(i) }));
    const { unfunded } = run(rows, [pledge({ code: 'P', budget: 37800 + 10000 })]);
    expect(unfunded).toEqual({ [nik(1)]: 0, [nik(2)]: 27800, [nik(3)]: 37800 });
    const remainders = Object.values(unfunded).filter((r) => r > 0);
    expect(remainders.length).toBe(2);
    expect(remainders.reduce((a, b) => a + b, 0)).toBe(65600);
  });

  it('with no pledges everything is unfunded', () => {
    expect(run([{ nik: nik(1) }], []).unfunded).toEqual({ [nik(1)]: 37800 });
  });
});
