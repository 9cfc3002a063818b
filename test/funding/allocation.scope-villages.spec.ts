import { describe, expect, it } from '@jest/globals';
import { nik, pledge, run } from './support/allocation-fixtures.js';

describe('§5: a VILLAGES pledge pays participants of its villages, dots ignored', () => {
  const rows = [
    { nik: nik(1), village: '17.03.06.2001' },
    { nik: nik(2), village: '1703062002' },
    { nik: nik(3), village: '17.03.07.2001' },
  ];

  it('undotted pledge codes match dotted participant codes and the other way round', () => {
    const { splits } = run(rows, [pledge({ code: 'DESA', scope: 'VILLAGES', villageCodes: ['1703062001', '17.03.06.2002'] })]);
    expect(splits).toEqual([`${nik(1)}:DESA=37800`, `${nik(2)}:DESA=37800`]);
  });

  it('keeps (TMT, NIK) order across the villages of one pledge', () => {
    const spread = [
      { nik: nik(5), village: '17.03.06.2001', tmt: '2024-01-01' },
      { nik: nik(4), village: '17.03.06.2002', tmt: '2024-01-01' },
      { nik: nik(6), village: '17.03.06.2001', tmt: '2023-01-01' },
    ];
    const { splits } = run(spread, [pledge({ code: 'D', scope: 'VILLAGES', villageCodes: ['17.03.06.2001', '17.03.06.2002'], quota: 2 })]);
    expect(splits).toEqual([`${nik(4)}:D=37800`, `${nik(6)}:D=37800`]);
  });
});
