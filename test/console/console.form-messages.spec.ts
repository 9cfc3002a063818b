/** The API's validation messages start with its field name; beside a form field they use the field's label. */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { consoleModule } from './support/console-module.js';

describe('console form messages', () => {
  let forms: any;
  beforeAll(async () => (forms = await consoleModule('forms.js')));

  it('says the label where the API says its field name', () => {
    expect(forms.inLabelTerms('invoiceTotal harus bilangan bulat', 'invoiceTotal', 'Total invoice (Rp)')).toBe('Total invoice (Rp) harus bilangan bulat');
    expect(forms.inLabelTerms('villageCodes.2 harus berupa teks', 'villageCodes.2', 'Desa')).toBe('Desa harus berupa teks');
    expect(forms.inLabelTerms('funder (nama pemberi dana) wajib diisi.', 'funder', 'Penyandang dana')).toBe('Penyandang dana wajib diisi.');
    expect(forms.inLabelTerms('quota tidak boleh kurang dari 1', 'body.quota', 'Kuota peserta')).toBe('Kuota peserta tidak boleh kurang dari 1');
  });

  it('leaves other messages, and a field name that is only a prefix of a word, alone', () => {
    expect(forms.inLabelTerms('Bulan 2027-01 belum tiba.', 'month', 'Bulan')).toBe('Bulan 2027-01 belum tiba.');
    expect(forms.inLabelTerms('monthly harus teks', 'month', 'Bulan')).toBe('monthly harus teks');
    expect(forms.inLabelTerms('invoiceTotal harus bilangan bulat', 'invoiceTotal', '')).toBe('invoiceTotal harus bilangan bulat');
  });
});
