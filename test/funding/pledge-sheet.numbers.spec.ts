/** The pledge sheet's reading of numbers typed as text (pledge-sheet.ts wholeNumber): whole numbers only. */
import { describe, expect, it } from '@jest/globals';
import { wholeNumber } from '../../src/funding/pledge-upload/pledge-sheet.js';

describe('pledge sheet: a number typed as text', () => {
  it.each([
    ['2026', 2026],
    ['1.500.000', 1_500_000],
    ['1 500 000', 1_500_000],
    ['Rp 1.500.000', 1_500_000],
    ['Rp1.500.000,00', 1_500_000],
    ['Rp. 1.500.000,-', 1_500_000],
    ['IDR 37800', 37_800],
    ['-5', -5],
    // zero decimals written out, and a leading apostrophe (QA: PERSEN 50,0 and TAHUN '2027 were refused)
    ['50,0', 50],
    ['5.0', 5],
    ['2027.00', 2027],
    ['1.000,00', 1000],
    ["'2027", 2027],
    ['’1.500.000', 1_500_000],
  ])('reads %j as %d', (text, value) => expect(wholeNumber(text)).toBe(value));

  it.each(['1.5', '5,5', '5,05', '5.0.0', '37800.5', '12.34.56', '1 5', '1,000', '1e3', '0x10', '+5', '１２', ''])('leaves %j as text for the rules to refuse', (text) => {
    expect(wholeNumber(text)).toBe(text);
  });
});
