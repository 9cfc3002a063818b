import { describe, expect, it } from '@jest/globals';
import { terbilang, terbilangBalance, terbilangNotYetDue, terbilangRupiah } from '../../src/reports/terbilang.js';

describe('terbilang (number to Indonesian words)', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [111, 'seratus sebelas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [11000, 'sebelas ribu'],
    [37800, 'tiga puluh tujuh ribu delapan ratus'],
    [100000, 'seratus ribu'],
    [101000, 'seratus satu ribu'],
    [1000000, 'satu juta'],
    [1234567, 'satu juta dua ratus tiga puluh empat ribu lima ratus enam puluh tujuh'],
    [113400000, 'seratus tiga belas juta empat ratus ribu'],
    [1000000000, 'satu miliar'],
    [2500000000, 'dua miliar lima ratus juta'],
    [1000000000000, 'satu triliun'],
    [1000001000, 'satu miliar seribu'],
    [7_000_000_000_000_015, 'tujuh ribu triliun lima belas'],
  ])('%d → %s', (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it('accepts bigint and numeric strings (pg bigint) and negatives', () => {
    expect(terbilang(3_402_000_000_000n)).toBe('tiga triliun empat ratus dua miliar');
    expect(terbilang('37800')).toBe('tiga puluh tujuh ribu delapan ratus');
    expect(terbilang(-4200)).toBe('minus empat ribu dua ratus');
  });

  it('adds rupiah for money', () => {
    expect(terbilangRupiah(37800)).toBe('tiga puluh tujuh ribu delapan ratus rupiah');
  });

  it('a balance (paid − owed) says short or over as the §8 statuses do, not "minus" (a statement\'s Jumlah)', () => {
    expect(terbilangBalance(-25600)).toBe('kurang bayar dua puluh lima ribu enam ratus rupiah');
    expect(terbilangBalance(2200)).toBe('lebih bayar dua ribu dua ratus rupiah');
    expect(terbilangBalance(0)).toBe('nol rupiah');
    expect(terbilangBalance(-101_200n)).toBe('kurang bayar seratus satu ribu dua ratus rupiah');
  });

  it('a shortfall not yet due (§8: by the 10th) is said as unpaid and not yet due, never "kurang bayar" nor "minus"', () => {
    expect(terbilangNotYetDue(-189000)).toBe('belum dibayar, belum jatuh tempo: seratus delapan puluh sembilan ribu rupiah');
    expect(terbilangNotYetDue(-25_600n)).toBe('belum dibayar, belum jatuh tempo: dua puluh lima ribu enam ratus rupiah');
  });
});
