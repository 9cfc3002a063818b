import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run } from './support/allocation-fixtures.js';

describe('§6 step 1: pledges pay in priority order (lower first)', () => {
  it('a priority-10 pledge pays before a priority-90 pledge listed first', () => {
    const { splits, unfunded } = run(
      [{ nik: nik(1) }, { nik: nik(2) }],
      [pledge({ code: 'APBD-2026', priority: 90 }), pledge({ code: 'TJSLP-X-2026', priority: 10, quota: 1 })],
    );
    expect(splits).toEqual([`${nik(1)}:TJSLP-X-2026=37800`, `${nik(2)}:APBD-2026=37800`]);
    expect(unfunded).toEqual({ [nik(1)]: 0, [nik(2)]: 0 });
  });

  it('the later pledge only pays what is still unfunded', () => {
    const { splits } = run([{ nik: nik(1) }], [pledge({ code: 'B', priority: 20, sharePercent: 40 }), pledge({ code: 'A', priority: 30 })]);
    // B pays floor(37800 × 40 / 100) = 15120; A the remaining 22680
    expect(splits).toEqual([`${nik(1)}:A=22680`, `${nik(1)}:B=15120`]);
  });
});
