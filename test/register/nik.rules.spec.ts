import { describe, expect, it } from '@jest/globals';
import { birthDateAgrees, checkNik } from '../../src/common/nik.js';

describe('NIK rules (DOMAIN §2)', () => {
  it('reads region, birth date and sex (+40 for women)', () => {
    expect(checkNik('1703064512900002')).toEqual({ ok: true, facts: { regency: '1703', day: 5, month: 12, yy: 90, female: true } });
    expect(checkNik('1703060512900002')).toMatchObject({ ok: true, facts: { day: 5, female: false } });
  });

  it('rejects wrong length, non-digits, impossible dates and serial 0000', () => {
    expect(checkNik('170306451290002')).toEqual({ ok: false, problem: 'LENGTH' });
    expect(checkNik('17030645129O0002')).toEqual({ ok: false, problem: 'NOT_DIGITS' });
    for (const nik of ['1703063201700001', '1703060113700001', '1703060001700001', '1703067202700001', '1703063102700001', '1703063204700001']) {
      expect(checkNik(nik)).toEqual({ ok: false, problem: 'BIRTH_DATE' });
    }
    expect(checkNik('1703062902000001')).toMatchObject({ ok: true }); // 29-02-2000 exists
    expect(checkNik('1703062902010001')).toEqual({ ok: false, problem: 'BIRTH_DATE' }); // neither 1901 nor 2001 is leap
    expect(checkNik('1703061203700000')).toEqual({ ok: false, problem: 'SERIAL_ZERO' });
  });

  it('compares the NIK birth date with TANGGAL_LAHIR', () => {
    const check = checkNik('1703064512900002');
    if (!check.ok) throw new Error('valid NIK expected');
    expect(birthDateAgrees(check.facts, '1990-12-05')).toBe(true);
    expect(birthDateAgrees(check.facts, '1990-12-06')).toBe(false);
    expect(birthDateAgrees(check.facts, '2090-12-05')).toBe(true); // only YY is in the NIK
  });
});
