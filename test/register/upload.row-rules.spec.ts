/**
 * One fixture per row rule (DOMAIN §2, §12): each file has a good first row (accepted whatever
 * follows) and bad rows; every finding carries a code, the column and an Indonesian message.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

type Finding = [row: number, severity: string, column: string | null, code: string];

describe('row rules of the enrollment sheet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // The other specs stage through COPY on PostgreSQL; these keep the unnest path tested there too.
    t.app.get(ImportEnrollmentSheet).copyStaging = false;
  });
  afterAll(() => t.close());

  async function findings(file: string): Promise<{ body: any; found: Finding[]; messages: string[] }> {
    const res = await upload(t, file);
    const list = await issues(t, res.body.id);
    return { body: res.body, found: list.map((i) => [i.row_number, i.severity, i.column_name, i.code]), messages: list.map((i) => i.message) };
  }

  it('a NIK read from a numeric cell is rejected with the fix (NIK and NO_KK)', async () => {
    const { body, found, messages } = await findings('not-ok/nik-numeric-cell.xlsx');
    expect(body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2 });
    expect(found).toEqual([
      [3, 'REJECT', 'NIK', 'NIK_NUMERIC_CELL'],
      [4, 'REJECT', 'NO_KK', 'NO_KK_NUMERIC_CELL'],
    ]);
    expect(messages[0]).toMatch(/terbaca sebagai angka .* 15 digit .* Format kolom sebagai Teks/);
  });

  it('an error value, or a formula without a readable result, is named (with its formula), not reported as empty', async () => {
    const { body, found, messages } = await findings('not-ok/formula-failures.xlsx');
    expect(body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3 });
    expect(found).toEqual([
      [3, 'REJECT', 'KODE_DESA', 'FORMULA_ERROR'],
      [4, 'REJECT', 'TANGGAL_LAHIR', 'FORMULA_WITHOUT_VALUE'],
      [5, 'REJECT', 'TMT', 'FORMULA_WITHOUT_VALUE'],
    ]);
    expect(messages[0]).toBe('KODE_DESA: sel berisi galat #N/A (hasil rumus). Perbaiki rumusnya, atau ketik nilainya langsung.');
    expect(messages[1]).toMatch(/^TANGGAL_LAHIR: rumus =DATE\(1975,5,5\)\/0 tidak menghasilkan nilai yang dapat dibaca \(hasilnya galat seperti #N\/A atau #DIV\/0!/);
    expect(messages[2]).toMatch(/^TMT: rumus =DATE\(2025,1,1\) tidak menghasilkan .*\(Paste Special > Values\)\.$/);
  });

  it('a NIK with letters or spaces inside', async () => {
    const { body, found } = await findings('not-ok/nik-with-letters.csv');
    expect(found).toEqual([[3, 'REJECT', 'NIK', 'NIK_NOT_DIGITS']]);
    expect(body).toMatchObject({ accepted: 2, rejected: 1 }); // spaces between digit groups are tolerated
  });

  it('a NIK of the wrong length', async () => {
    const { found } = await findings('not-ok/nik-wrong-length.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'NIK', 'NIK_LENGTH'],
      [4, 'REJECT', 'NIK', 'NIK_LENGTH'],
    ]);
  });

  it('impossible birth dates in the NIK (day 32, month 13, 30 February, day 00, female day 72)', async () => {
    const { found } = await findings('not-ok/nik-impossible-birth-date.csv');
    expect(found).toEqual([3, 4, 5, 6, 7].map((row) => [row, 'REJECT', 'NIK', 'NIK_BIRTH_DATE_IMPOSSIBLE']));
  });

  it('serial 0000', async () => {
    const { found } = await findings('not-ok/nik-serial-zero.csv');
    expect(found).toEqual([[3, 'REJECT', 'NIK', 'NIK_SERIAL_ZERO']]);
  });

  it('women have 40 added to the day; disagreements with sex or birth date warn', async () => {
    const { body, found } = await findings('not-ok/nik-female-day-plus-40.csv');
    expect(body).toMatchObject({ accepted: 5, rejected: 0, warnings: 3 });
    expect(found).toEqual([
      [4, 'WARN', 'JENIS_KELAMIN', 'NIK_SEX_MISMATCH'],
      [5, 'WARN', 'JENIS_KELAMIN', 'NIK_SEX_MISMATCH'],
      [6, 'WARN', 'TANGGAL_LAHIR', 'NIK_BIRTH_DATE_MISMATCH'],
    ]);
  });

  it('a NIK issued outside the regency warns, never rejects', async () => {
    const { body, found } = await findings('not-ok/nik-region-outside.csv');
    expect(body).toMatchObject({ accepted: 2, warnings: 1 });
    expect(found).toEqual([[3, 'WARN', 'NIK', 'NIK_REGION_OUTSIDE']]);
  });

  it('unknown or malformed village codes', async () => {
    const { found } = await findings('not-ok/unknown-village-code.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'KODE_DESA', 'VILLAGE_UNKNOWN'],
      [4, 'REJECT', 'KODE_DESA', 'VILLAGE_UNKNOWN'],
      [5, 'REJECT', 'KODE_DESA', 'VILLAGE_CODE_INVALID'],
    ]);
  });

  it('TAT before TMT', async () => {
    const { found, messages } = await findings('not-ok/tat-before-tmt.csv');
    expect(found).toEqual([[3, 'REJECT', 'TAT', 'TAT_BEFORE_TMT']]);
    expect(messages[0]).toBe('TAT (2025-05-31) lebih awal dari TMT (2025-06-01).');
  });

  it('a birth date after TMT (covered before being born); a newborn covered from birth is fine', async () => {
    const { body, found, messages } = await findings('not-ok/birth-after-tmt.csv');
    expect(body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(found).toEqual([[4, 'REJECT', 'TANGGAL_LAHIR', 'BIRTH_AFTER_TMT']]);
    expect(messages[0]).toBe('TANGGAL_LAHIR (2030-01-01) sesudah TMT (2026-01-01): kepesertaan tidak dapat mulai sebelum peserta lahir.');
  });

  it('ALASAN_BERAKHIR required with TAT, one of the five reasons, and not without TAT', async () => {
    const { body, found } = await findings('not-ok/end-reason.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'ALASAN_BERAKHIR', 'END_REASON_REQUIRED'],
      [4, 'REJECT', 'ALASAN_BERAKHIR', 'END_REASON_INVALID'],
      [5, 'REJECT', 'TAT', 'END_REASON_WITHOUT_TAT'],
    ]);
    expect(body.accepted).toBe(2); // "pbi apbn" is read as PBI_APBN
  });

  it('a duplicate NIK in the file: the later row is rejected citing the first', async () => {
    const { found, messages } = await findings('not-ok/duplicate-nik-in-file.csv');
    expect(found).toEqual([[5, 'REJECT', 'NIK', 'NIK_DUPLICATE_IN_FILE']]);
    expect(messages[0]).toMatch(/sudah ada di baris 3 berkas ini/);
  });

  it('NOKA must be 13 digits and not repeated in the file', async () => {
    const { found, messages } = await findings('not-ok/noka-invalid-or-duplicate.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'NOKA', 'NOKA_INVALID'],
      [5, 'REJECT', 'NOKA', 'NOKA_DUPLICATE_IN_FILE'],
    ]);
    expect(messages[1]).toMatch(/baris 4/);
  });

  it('NAMA is not formula text (the row report repeats a formula without a value as =1/0; uploaded untouched it was registered as the name)', async () => {
    const { found, messages } = await findings('not-ok/name-formula-text.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'NAMA', 'NAME_FORMULA_TEXT'],
      [4, 'REJECT', 'NAMA', 'NAME_FORMULA_TEXT'],
    ]);
    expect(messages[0]).toBe('NAMA "=1/0" adalah teks rumus, bukan nama. Ketik nama peserta.');
  });

  it('JENIS_KELAMIN is L or P', async () => {
    const { found } = await findings('not-ok/sex-invalid.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'JENIS_KELAMIN', 'SEX_INVALID'],
      [4, 'REJECT', 'JENIS_KELAMIN', 'REQUIRED'],
    ]);
  });

  it('dates: TMT required, only the §12 forms, real calendar days', async () => {
    const { found, messages } = await findings('not-ok/dates-invalid.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'TMT', 'REQUIRED'],
      [4, 'REJECT', 'TMT', 'DATE_INVALID'],
      [5, 'REJECT', 'TANGGAL_LAHIR', 'DATE_INVALID'],
      [6, 'REJECT', 'TMT', 'DATE_INVALID'],
      [7, 'REJECT', 'TMT', 'DATE_INVALID'],
      [8, 'REJECT', 'TMT', 'DATE_INVALID'],
      [8, 'REJECT', 'TAT', 'DATE_INVALID'],
      [9, 'REJECT', 'TANGGAL_LAHIR', 'DATE_INVALID'],
    ]);
    expect(messages[4]).toBe('TMT 2199-01-01 di luar tahun 2000–2099: kepesertaan dihitung per bulan dalam tahun-tahun itu saja.');
    // a NIK's YY cannot tell year 1000 from 2000: the birth date is refused, not accepted without a warning
    expect(messages[7]).toBe('TANGGAL_LAHIR 1000-01-01 di luar tahun 1900–2099: NIK hanya dapat memuat tanggal lahir pada tahun 19xx atau 20xx.');
  });
});
