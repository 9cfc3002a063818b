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
    // "field: rule" as the users' messages put it (QA: the Pengguna form said "username: 3-40 karakter …")
    expect(forms.inLabelTerms('username: 3-40 karakter huruf kecil', 'username', 'Nama pengguna')).toBe('Nama pengguna: 3-40 karakter huruf kecil');
  });

  it('says the fixed API messages beside their fields without doubled or API words (QA)', () => {
    // "Tahun anggaran harus tahun anggaran antara 2018 dan 2099" before
    expect(forms.inLabelTerms('fiscalYear (tahun anggaran) harus antara 2018 dan 2099.', 'fiscalYear', 'Tahun anggaran')).toBe('Tahun anggaran harus antara 2018 dan 2099.');
    // an empty Tanggal bayar was "harus berformat YYYY-MM-DD"
    expect(forms.inLabelTerms('paidAt (tanggal bayar) wajib diisi', 'paidAt', 'Tanggal bayar')).toBe('Tanggal bayar wajib diisi');
    // a total too large no longer says "tanpa titik atau koma" beside a field whose hint says 37.800.000
    expect(forms.inLabelTerms('invoiceTotal harus lebih dari Rp0 dan paling besar Rp10.000.000.000.000.', 'invoiceTotal', 'Total invoice (Rp)')).toBe(
      'Total invoice (Rp) harus lebih dari Rp0 dan paling besar Rp10.000.000.000.000.',
    );
  });

  it("reads a domain error that names one field as that field's message (QA: MONTH and duplicate-username errors stayed at the top)", async () => {
    const api = await consoleModule('api.js');
    expect(api.detailsOf({ code: 'OUTSIDE_TERMS', message: 'Tanggal bayar belum terjadi.', details: { field: 'paidAt' } })).toEqual([{ field: 'paidAt', messages: ['Tanggal bayar belum terjadi.'] }]);
    expect(api.detailsOf({ code: 'VALIDATION_FAILED', message: 'x', details: [{ field: 'a', messages: ['b'] }] })).toEqual([{ field: 'a', messages: ['b'] }]);
    expect(api.detailsOf({ code: 'RUN_NOT_FOUND', message: 'x', details: { runId: '1' } })).toEqual([]);
    expect(api.detailsOf(null)).toEqual([]);
  });

  it('repeats a picked date or month in words (pickers follow the browser locale, mm/dd/yyyy on an English Windows)', () => {
    expect(forms.pickedInWords('date', '2026-03-04')).toBe('Dipilih: 4 Maret 2026');
    expect(forms.pickedInWords('month', '2026-11')).toBe('Dipilih: November 2026');
    expect(forms.pickedInWords('date', '')).toBe('');
    expect(forms.pickedInWords('month', '2026-13')).toBe('');
    expect(forms.pickedInWords('month', 'Nov 2026')).toBe(''); // typed in a browser without a month picker: the API's message says what is wrong
  });

  it('leaves other messages, and a field name that is only a prefix of a word, alone', () => {
    expect(forms.inLabelTerms('Bulan 2027-01 belum tiba.', 'month', 'Bulan')).toBe('Bulan 2027-01 belum tiba.');
    expect(forms.inLabelTerms('monthly harus teks', 'month', 'Bulan')).toBe('monthly harus teks');
    expect(forms.inLabelTerms('invoiceTotal harus bilangan bulat', 'invoiceTotal', '')).toBe('invoiceTotal harus bilangan bulat');
  });

  describe('pages', () => {
    let audit: any;
    let format: any;
    beforeAll(async () => {
      // One at a time: Jest's ESM loader mixes up modules shared by imports running in parallel.
      audit = await consoleModule('pages/audit.js');
      format = await consoleModule('format.js');
    });

    it('audit trail: a date in the address that is no day of the calendar is said beside its field (QA: 2026-02-31 was dropped)', () => {
      expect(['2026-02-28', '2028-02-29', '2026-02-31', '2027-02-29', '2026-13-01', '2026-2-1', ''].map(format.isDay)).toEqual([true, true, false, false, false, false, false]);
      expect(audit.addressDateProblems({ from: '2026-02-31', to: '2026-03-01' })).toEqual([
        { field: 'from', messages: ['Tanggal "2026-02-31" di alamat tidak valid: gunakan tanggal yang ada, format YYYY-MM-DD, mis. 2026-10-08.'] },
      ]);
      expect(audit.addressDateProblems({})).toEqual([]);
    });
  });
});
