import { describe, expect, it } from '@jest/globals';
import { clashProblem, interludeResumesOn, monthsApplied, type NewTariff, newTariffProblem, premiumGapProblem, pricesMonth, rowClosedBy, tariffWarnings } from '../../src/funding/domain/tariff-rules.js';

const row = (over: Partial<NewTariff> = {}): NewTariff => ({ component: 'IURAN', payer: 'LOCAL', amount: 36000, validFrom: '2027-01-01', validTo: null, ...over });
const stored = [
  { id: 1, component: 'IURAN', payer: 'LOCAL', validFrom: '2018-01-01', validTo: '2020-12-31' },
  { id: 2, component: 'IURAN', payer: 'LOCAL', validFrom: '2021-01-01', validTo: null },
];

describe('§3 a new tariff row, step by step (tariff-rules.ts)', () => {
  it('refuses the row on its own in order: calendar, end before start, IURAN at Rp0, no month’s 1st', () => {
    expect(newTariffProblem(row())).toBeNull();
    expect(newTariffProblem(row({ validFrom: '2027-02-29', amount: 0 }))).toEqual({ message: 'validFrom 2027-02-29 tidak ada di kalender.', field: 'validFrom' });
    expect(newTariffProblem(row({ validTo: '2027-04-31' }))).toEqual({ message: 'validTo 2027-04-31 tidak ada di kalender.', field: 'validTo' });
    expect(newTariffProblem(row({ validTo: '2026-12-31' }))?.field).toBe('validTo');
    expect(newTariffProblem(row({ amount: 0 }))?.field).toBe('amount');
    expect(newTariffProblem(row({ component: 'BANTUAN_DAERAH', amount: 0 }))).toBeNull();
    expect(newTariffProblem(row({ validFrom: '2027-03-15', validTo: '2027-03-31' }))?.message).toContain('tidak mencakup tanggal 1 bulan mana pun sampai 2099-12');
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
      message: 'payer CENTRAL tidak sesuai: komponen IURAN dibayar oleh LOCAL (kabupaten), dan baris barunya melanjutkan baris itu, jadi payer-nya harus LOCAL juga.',
    });
    expect(clashProblem(stored, undefined, row({ validFrom: '2020-06-01', validTo: '2020-08-31' }))?.message).toBe(
      'Masa berlaku bertumpang tindih dengan tarif IURAN #1 (2018-01-01 s.d. 2020-12-31).',
    );
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
});
