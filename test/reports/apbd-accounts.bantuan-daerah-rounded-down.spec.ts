/** DOMAIN §3: an APBD amount split over IURAN and BANTUAN_DAERAH in proportion to the LOCAL components. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { splitApbdAmount } from '../../src/reports/data/apbd-accounts.js';

const TARIFF_2021 = { local: 37800, bantuanDaerah: 2800 };

describe('APBD accounts', () => {
  it('a whole obligation splits into its components', () => {
    expect(splitApbdAmount(37800, TARIFF_2021)).toEqual({ iuran: 35000, bantuanDaerah: 2800 });
    expect(splitApbdAmount(37800 * 1000, TARIFF_2021)).toEqual({ iuran: 35_000_000, bantuanDaerah: 2_800_000 });
  });

  it('BANTUAN_DAERAH is rounded down and IURAN takes the rest', () => {
    expect(splitApbdAmount(32680, TARIFF_2021)).toEqual({ iuran: 30260, bantuanDaerah: 2420 }); // 2420.74…
    expect(splitApbdAmount(13, TARIFF_2021)).toEqual({ iuran: 13, bantuanDaerah: 0 });
  });

  it('before 2021 (no BANTUAN_DAERAH) everything is IURAN', () => {
    expect(splitApbdAmount(42000, { local: 42000, bantuanDaerah: 0 })).toEqual({ iuran: 42000, bantuanDaerah: 0 });
  });

  it('the two parts always add up to the amount, exactly, even for very large amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const { iuran, bantuanDaerah } = splitApbdAmount(amount, TARIFF_2021);
        expect(iuran + bantuanDaerah).toBe(amount);
        expect(BigInt(bantuanDaerah)).toBe((BigInt(amount) * 2800n) / 37800n);
      }),
    );
  });
});
