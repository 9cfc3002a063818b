import { describe, expect, it } from '@jest/globals';
import { monthsSaid } from '../../src/common/month.js';
import {
  allocatedRepricedWarnings,
  clashProblem,
  firstMonthWarning,
  interludeResumesOn,
  monthsApplied,
  type NewTariff,
  newTariffProblem,
  premiumGapProblem,
  pricesMonth,
  repricedWarnings,
  rowClosedBy,
  tariffWarnings,
  unchangedProblem,
} from '../../src/funding/domain/tariff-rules.js';

const row = (over: Partial<NewTariff> = {}): NewTariff => ({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2027-01-01', validTo: null, ...over });
const stored = [
  { id: 1, component: 'IURAN', payer: 'LOCAL', validFrom: '2018-01-01', validTo: '2020-12-31' },
  { id: 2, component: 'IURAN', payer: 'LOCAL', validFrom: '2021-01-01', validTo: null },
];

describe('§3 a new tariff row, step by step (tariff-rules.ts)', () => {
  it('refuses the row on its own in order: calendar, end before start, IURAN at Rp0, no month’s 1st', () => {
    expect(newTariffProblem(row())).toBeNull();
    expect(newTariffProblem(row({ validFrom: '2027-02-29', amount: 0 }))).toEqual({ message: 'validFrom (berlaku mulai) 2027-02-29 tidak ada di kalender.', field: 'validFrom' });
    expect(newTariffProblem(row({ validTo: '2027-04-31' }))).toEqual({ message: 'validTo (berlaku sampai) 2027-04-31 tidak ada di kalender.', field: 'validTo' });
    expect(newTariffProblem(row({ validTo: '2026-12-31' }))?.field).toBe('validTo');
    expect(newTariffProblem(row({ amount: 0 }))?.field).toBe('amount');
    expect(newTariffProblem(row({ component: 'BANTUAN_DAERAH', amount: 0 }))).toBeNull();
    expect(newTariffProblem(row({ validFrom: '2027-03-15', validTo: '2027-03-31' }))?.message).toBe(
      'Masa berlaku (15 Maret 2027 s.d. 31 Maret 2027) tidak mencakup tanggal 1 bulan mana pun sampai Desember 2099, padahal iuran sebulan dihitung dengan tarif yang berlaku pada tanggal 1 bulan itu.',
    );
    expect(newTariffProblem(row({ validFrom: '2099-12-02' }))?.field).toBe('validFrom');
  });

  it('names the months a row prices: those whose 1st it covers', () => {
    expect(monthsApplied('2027-01-15', '2027-04-01')).toEqual(['2027-02', '2027-03', '2027-04']);
    expect(monthsApplied('2027-01-01', null)).toBeNull();
    expect([pricesMonth(row({ validTo: '2027-03-01' }), '2027-03'), pricesMonth(row({ validFrom: '2027-01-02' }), '2027-01')]).toEqual([true, false]);
  });

  it('closes the open row it follows, refuses another payer or an overlap, and resumes the open row after an interlude', () => {
    const closed = rowClosedBy(stored, row());
    expect(closed?.id).toBe(2);
    expect(rowClosedBy(stored, row({ validFrom: '2021-01-01' }))).toBeUndefined();
    expect(clashProblem(stored, closed, row())).toBeNull();
    expect(clashProblem(stored, closed, row({ payer: 'CENTRAL' }))).toEqual({
      field: 'payer',
      message: 'payer CENTRAL tidak sesuai: komponen IURAN dibayar oleh LOCAL (kabupaten), dan baris barunya melanjutkan baris itu, jadi pembayarnya harus LOCAL (kabupaten) juga.',
    });
    expect(clashProblem(stored, undefined, row({ validFrom: '2020-06-01', validTo: '2020-08-31' }))).toEqual({
      message: 'Masa berlaku bertumpang tindih dengan tarif IURAN #1 (1 Januari 2018 s.d. 31 Desember 2020).',
      field: 'validFrom',
      tariffId: 1,
    });
    expect(interludeResumesOn(closed, row({ validTo: '2027-05-31' }))).toBe('2027-06-01');
    expect([interludeResumesOn(closed, row()), interludeResumesOn(undefined, row({ validTo: '2027-05-31' }))]).toEqual([null, null]);
  });

  it('refuses a gap in LOCAL IURAN only, and warns of Rp0 and of a lapse of another LOCAL component', () => {
    const gap = { from: '2027-06-01', to: null };
    expect(premiumGapProblem(row(), [gap])?.field).toBe('validTo');
    expect([premiumGapProblem(row(), []), premiumGapProblem(row({ payer: 'CENTRAL' }), [gap]), premiumGapProblem(row({ component: 'BANTUAN_DAERAH' }), [gap])]).toEqual([null, null, null]);
    expect(tariffWarnings(row({ component: 'BANTUAN_DAERAH', amount: 0 }), [gap])).toHaveLength(2);
    expect(tariffWarnings(row({ component: 'BANTUAN_DAERAH', payer: 'CENTRAL' }), [gap])).toEqual([]);
  });

  it('refuses a row that repeats the open row it follows, not one with a new legal basis or amount', () => {
    const open = { ...stored[1], amount: 35000, legalBasis: 'Perpres 64/2020' };
    const same = { ...row({ amount: 35000 }), legalBasis: ' Perpres 64/2020 ' };
    expect(unchangedProblem(open, same)).toEqual({
      message: 'Tarif IURAN sudah Rp35.000 dengan dasar hukum yang sama sejak 1 Januari 2021 (#2, tanpa batas akhir): baris ini tidak mengubah apa pun, jadi tidak disimpan.',
      field: 'amount',
      tariffId: 2,
    });
    expect([unchangedProblem(open, { ...same, legalBasis: 'Perpres 1/2027' }), unchangedProblem(open, { ...same, amount: 36000 }), unchangedProblem(undefined, same)]).toEqual([null, null, null]);
  });

  it('says the first month a row from after the 1st prices, and what a row re-prices that was reconciled or paid', () => {
    expect(firstMonthWarning(row({ validFrom: '2027-12-15' }))).toContain('pertama kali dipakai untuk iuran Januari 2028.');
    expect(firstMonthWarning(row())).toBeNull();
    expect(tariffWarnings(row({ validFrom: '2027-01-02' }), [])).toHaveLength(1);
    expect(repricedWarnings('IURAN', ['2026-08', '2026-09', '2026-11'], []).map((w) => w.message)).toEqual([
      'Tarif IURAN ini mengubah iuran bulan yang sudah direkonsiliasi (Agustus–September 2026, November 2026): jalankan ulang rekonsiliasinya agar temuannya memakai iuran yang baru.',
    ]);
    expect(repricedWarnings('IURAN', [], [])).toEqual([]);
    expect(repricedWarnings('IURAN', [], ['2026-12'])[0].message).toMatch(/periksa kembali status pembayaran bulan itu\.$/);
    expect(repricedWarnings('IURAN', [], ['2026-11', '2026-12'])[0].message).toMatch(/bulan-bulan itu\.$/);
    expect(allocatedRepricedWarnings('IURAN', [])).toEqual([]);
    expect(allocatedRepricedWarnings('IURAN', ['2026-12'])[0].message).toBe(
      'Tarif IURAN ini mengubah iuran bulan Desember 2026 yang sudah dialokasikan; alokasi bulan itu dihitung ulang dengan iuran yang baru.',
    );
  });

  it('says a list of months as runs (monthsSaid)', () => {
    expect(monthsSaid(['2026-11', '2026-12', '2027-01', '2026-03', '2026-03'])).toBe('Maret 2026, November 2026–Januari 2027');
    expect(monthsSaid(['2026-08'])).toBe('Agustus 2026');
  });
});
