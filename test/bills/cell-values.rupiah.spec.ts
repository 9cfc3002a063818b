/** Amount cells of bill and payment sheets (rupiahFrom): the ways officers write whole rupiah. */
import { describe, expect, it } from '@jest/globals';
import { type Cell, numberCell, textCell } from '../../src/common/spreadsheet/cell.js';
import { rupiahFrom } from '../../src/common/uploads/cell-values.js';

const read = (cell: Cell) => rupiahFrom(cell, 'IURAN');

describe('rupiahFrom', () => {
  it.each(['37800', '37.800', '37,800', 'Rp37.800', 'Rp. 37.800', 'IDR 37.800', '37.800,00', '37800,00', '37,800.00', 'Rp.37.800,-', '37 800'])('takes %s as 37,800', (text) => {
    expect(read(textCell(text))).toEqual({ value: 37_800 });
  });

  it.each(['37.800,50', '37800.5', '-37800', '0', '37.80', '3.78.00', 'tiga puluh', '=1+1'])('refuses %s', (text) => {
    expect(read(textCell(text))).toMatchObject({ code: 'AMOUNT_FORMAT' });
  });

  it('signed (a payment sheet\'s JUMLAH: a correction may give money back): a negative amount is read, zero still refused; a bill\'s never', () => {
    const signed = (cell: Cell) => rupiahFrom(cell, 'JUMLAH', { signed: true });
    for (const text of ['-22680', '-22.680', '-Rp22.680', 'Rp -22.680', '\u221222.680']) expect([text, signed(textCell(text))]).toEqual([text, { value: -22_680 }]);
    expect(signed(numberCell(-22_680))).toEqual({ value: -22_680 });
    expect(signed(textCell('37.800'))).toEqual({ value: 37_800 });
    for (const text of ['0', '-0', '--5', '-']) expect(signed(textCell(text))).toMatchObject({ code: 'AMOUNT_FORMAT' });
    expect(read(numberCell(-22_680))).toMatchObject({ code: 'AMOUNT_FORMAT' });
  });

  it('a number cell, and an empty one', () => {
    expect(read(numberCell(37_800))).toEqual({ value: 37_800 });
    expect(read(numberCell(37_800.5))).toMatchObject({ code: 'AMOUNT_FORMAT' });
    expect(read({ kind: 'empty', text: '' })).toEqual({ code: 'AMOUNT_REQUIRED', error: 'IURAN wajib diisi.' });
  });

  it("a formula's floating-point leftover is the whole rupiah Excel shows; a real fraction stays refused (QA: =37800*14% saved 5292.000000000001)", () => {
    expect(37_800 * 0.14).toBe(5292.000000000001);
    expect(read(numberCell(37_800 * 0.14, 'F2*G2'))).toEqual({ value: 5292 });
    expect(read(numberCell(37_800 * 0.07))).toEqual({ value: 2646 });
    expect(read(numberCell(5291.999999999))).toEqual({ value: 5292 });
    expect(read(numberCell(5292.0001))).toMatchObject({ code: 'AMOUNT_FORMAT' });
  });

  it('a formula that gave an error or no saved result is named, not called empty', () => {
    expect(read({ kind: 'error', text: '#DIV/0!' })).toEqual({ code: 'AMOUNT_FORMULA', error: 'IURAN: sel berisi galat #DIV/0! (hasil rumus). Perbaiki rumusnya, atau ketik nilainya langsung.' });
    expect(read({ kind: 'empty', text: '', formula: 'A1/0' })).toMatchObject({ code: 'AMOUNT_FORMULA', error: expect.stringMatching(/^IURAN: rumus =A1\/0 tidak menghasilkan nilai yang dapat dibaca .* \(Paste Special > Values\)\.$/) });
  });
});
