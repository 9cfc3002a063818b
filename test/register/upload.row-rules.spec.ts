/**
 * One fixture per row rule (DOMAIN §2, §12): each file has a good first row (accepted whatever
 * follows) and bad rows; every finding carries a code, the column and an Indonesian message.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { Role } from '../../src/users/role.js';

const NOT_DATA =
  'Baris ini bukan data (NIK kosong atau tanpa angka; mis. baris tanda tangan atau jumlah): hapus baris ini.';
import { fixture, issues, upload } from './support.js';

type Finding = [row: number, severity: string, column: string | null, code: string];

describe('row rules of the enrollment sheet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // The other specs stage through COPY on PostgreSQL; these keep the unnest path tested there too.
    t.app.get(ImportEnrollmentSheet).copyStaging = false;
  });
  // Each rule on an empty register: the fixtures share NIKs and names (Baris Baik, Uji) that, registered by an earlier
  // test, would make a row another person's (NIK_IDENTITY_CHANGED) or a person registered twice (PERSON_REGISTERED_OTHER_NIK).
  beforeEach(() => t.dataSource.query('DELETE FROM participant'));
  afterAll(() => t.close());

  async function waitDone(id: string): Promise<any> {
    for (let i = 0; i < 200; i++) {
      const { body } = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${id}`).expect(200);
      if (body.status !== 'PROCESSING') return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('upload still PROCESSING');
  }

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

  it('a NO_KK with spaces between its digit groups is taken, as a NIK is; one with dots or dashes is refused saying to remove them (QA: "harus tepat 16 digit angka" alone)', async () => {
    const { body, found, messages } = await findings('not-ok/no-kk-separators.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'NO_KK', 'NO_KK_INVALID'],
      [5, 'REJECT', 'NO_KK', 'NO_KK_INVALID'],
      [6, 'REJECT', 'NO_KK', 'NO_KK_INVALID'],
      [7, 'REJECT', 'NO_KK', 'NO_KK_INVALID'],
    ]);
    expect(body).toMatchObject({ accepted: 2, rejected: 4 });
    expect(messages).toEqual([
      'NO_KK "1703.0123.4567.8901" memuat titik di antara angkanya. Hapus titiknya: NO_KK ditulis 16 digit angka saja (1703012345678901); spasi di antara kelompok angka boleh, seperti pada NIK.',
      'NO_KK "17.03.01.23.4567.8901" memuat titik di antara angkanya. Hapus titiknya: NO_KK ditulis 16 digit angka saja (1703012345678901); spasi di antara kelompok angka boleh, seperti pada NIK.',
      'NO_KK "1703-0123-4567-8901" memuat tanda hubung di antara angkanya. Hapus tanda hubungnya: NO_KK ditulis 16 digit angka saja (1703012345678901); spasi di antara kelompok angka boleh, seperti pada NIK.',
      // not 16 digits either: said too
      'NO_KK "1703.0123.4567.890" memuat titik di antara angkanya. Hapus titiknya: NO_KK ditulis 16 digit angka saja; tanpa titik nilainya 15 digit (170301234567890), jadi periksa juga angkanya.',
    ]);
    const stored = await t.dataSource.query(`SELECT nik, no_kk FROM participant WHERE nik IN ('1703060101709001', '1703060101709003') ORDER BY nik`);
    expect(stored).toEqual([
      { nik: '1703060101709001', no_kk: '1703012345678901' },
      { nik: '1703060101709003', no_kk: '1703012345678901' },
    ]);
  });

  it('a NIK of the wrong length', async () => {
    const { found } = await findings('not-ok/nik-wrong-length.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'NIK', 'NIK_LENGTH'],
      [4, 'REJECT', 'NIK', 'NIK_LENGTH'],
    ]);
  });

  it('impossible birth dates in the NIK (day 32, month 13, 30 February, day 00, female day 72)', async () => {
    const { found, messages } = await findings('not-ok/nik-impossible-birth-date.csv');
    expect(found).toEqual([3, 4, 5, 6, 7].map((row) => [row, 'REJECT', 'NIK', 'NIK_BIRTH_DATE_IMPOSSIBLE']));
    // what to do next said (proofreading)
    for (const message of messages) expect(message).toMatch(/\(DDMMYY, tanggal \+40 untuk perempuan\)\. Periksa NIK pada KTP\/KK\.$/);
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

  it('a NIK equal to its own NO_KK (a family-card number typed as NIK, common for a newborn) is taken, warned; the same NO_KK beside another NIK is not', async () => {
    const { body, found, messages } = await findings('not-ok/nik-is-no-kk.csv');
    expect(body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, warnings: 1, created: 2 });
    expect(found).toEqual([[2, 'WARN', 'NIK', 'NIK_IS_NO_KK']]);
    expect(messages).toEqual([
      'NIK 1703061510200001 sama dengan NO_KK baris ini: nomor Kartu Keluarga tampaknya diketik sebagai NIK (sering pada bayi yang belum ber-NIK). ' +
        'Periksa NIK pada KK atau akta kelahirannya; bila salah, unggah barisnya dengan NIK yang benar, lalu batalkan pendaftaran NIK ini (Batalkan pendaftaran). Baris tetap diterima.',
    ]);
    const stored = await t.dataSource.query(`SELECT nik, no_kk FROM participant WHERE no_kk = '1703061510200001' ORDER BY nik`);
    expect(stored).toEqual([
      { nik: '1703061510200001', no_kk: '1703061510200001' },
      { nik: '1703061510200002', no_kk: '1703061510200001' },
    ]);
  });

  it('unknown or malformed village codes', async () => {
    const { found, messages } = await findings('not-ok/unknown-village-code.csv');
    expect(messages[0]).toMatch(/ tidak ada dalam daftar desa\/kelurahan Kabupaten Bengkulu Utara\. Pilih kode dari sheet Daftar Desa pada templat\.$/);
    expect(found).toEqual([
      [3, 'REJECT', 'KODE_DESA', 'VILLAGE_UNKNOWN'],
      [4, 'REJECT', 'KODE_DESA', 'VILLAGE_UNKNOWN'],
      [5, 'REJECT', 'KODE_DESA', 'VILLAGE_CODE_INVALID'],
    ]);
  });

  it('a village name where the code belongs is refused with its code; a name several villages share, with each and its kecamatan (QA: no code offered)', async () => {
    const { body, found, messages } = await findings('not-ok/village-name-not-code.csv');
    expect(body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(found).toEqual([
      [3, 'REJECT', 'KODE_DESA', 'VILLAGE_CODE_INVALID'],
      [4, 'REJECT', 'KODE_DESA', 'VILLAGE_CODE_INVALID'],
    ]);
    expect(messages).toEqual([
      'KODE_DESA "banjar  sari" bukan kode desa Kemendagri (contoh 17.03.06.2001 atau 1703062001). Isi kodenya: Banjar Sari = 17.03.01.2001.',
      'KODE_DESA "Suka Makmur" bukan kode desa Kemendagri (contoh 17.03.06.2001 atau 1703062001). ' +
        'Ada 2 desa bernama Suka Makmur; isi kode yang dimaksud: 17.03.08.2002 (Kecamatan Giri Mulya), 17.03.25.2002 (Kecamatan Marga Sakti Sebelat).',
    ]);
  });

  it('a drop-down value whose name is another village than its code is kept with the code, warned naming both (QA: taken silently)', async () => {
    const { body, found, messages } = await findings('not-ok/village-code-name-mismatch.csv');
    expect(body).toMatchObject({ accepted: 10, rejected: 0, warnings: 6 });
    // whatever stands between the code and the name: " - ", "–", "(…)", ",", "-" (QA: only " - " was compared)
    expect(found).toEqual([3, 5, 6, 7, 8, 9].map((row) => [row, 'WARN', 'KODE_DESA', 'VILLAGE_NAME_MISMATCH']));
    const meok = (cell: string) =>
      `KODE_DESA "${cell}": kode 17.03.01.2001 adalah desa Banjar Sari, tetapi sel menyebut "Meok". Kode yang dipakai (Banjar Sari). ` +
      'Bila yang dimaksud Meok, ganti kodenya menjadi 17.03.01.2002. Baris tetap diterima.';
    expect(messages).toEqual([
      meok('17.03.01.2001 - Meok'),
      'KODE_DESA "17.03.01.2002 - Desa Tak Dikenal": kode 17.03.01.2002 adalah desa Meok, tetapi sel menyebut "Desa Tak Dikenal". Kode yang dipakai (Meok). ' +
        'Periksa kode dan nama desanya. Baris tetap diterima.',
      meok('17.03.01.2001 – Meok'),
      meok('17.03.01.2001 (Meok)'),
      meok('17.03.01.2001, Meok'),
      meok('17.03.01.2001-Meok'),
    ]);
    const villages = await t.dataSource.query(`SELECT nik, village_code FROM participant WHERE nik LIKE '17030601017000%' ORDER BY nik`);
    expect(villages).toEqual([
      { nik: '1703060101700001', village_code: '17.03.01.2001' },
      { nik: '1703060101700002', village_code: '17.03.01.2001' },
      { nik: '1703060101700003', village_code: '17.03.01.2002' },
      ...[4, 5, 6, 7, 8, 9].map((n) => ({ nik: `170306010170000${n}`, village_code: '17.03.01.2001' })),
    ]);
  });

  it('a leading apostrophe or an invisible character among the digits is named, and refused, not stripped (QA: "karakter selain angka" named neither)', async () => {
    const { body, found, messages } = await findings('not-ok/stray-characters.csv');
    expect(body).toMatchObject({ accepted: 1, rejected: 5 });
    expect(found).toEqual([
      [3, 'REJECT', 'NIK', 'NIK_NOT_DIGITS'],
      [4, 'REJECT', 'NIK', 'NIK_NOT_DIGITS'],
      [5, 'REJECT', 'NO_KK', 'NO_KK_INVALID'],
      [6, 'REJECT', 'KODE_DESA', 'VILLAGE_CODE_INVALID'],
      [7, 'REJECT', 'NOKA', 'NOKA_INVALID'],
    ]);
    expect(messages).toEqual([
      `NIK "'1703060101700001" mengandung karakter selain angka; NIK harus 16 digit angka. Sel ini diawali tanda petik ('): hapus karakter itu.`,
      'NIK "1703060101\u200b700002" mengandung karakter selain angka; NIK harus 16 digit angka. Sel ini memuat karakter tak terlihat U+200B: hapus karakter itu.',
      `NO_KK "'1703060101200001" harus tepat 16 digit angka. Sel ini diawali tanda petik ('): hapus karakter itu.`,
      `KODE_DESA "'17.03.06.2001" bukan kode desa Kemendagri (contoh 17.03.06.2001 atau 1703062001). Sel ini diawali tanda petik ('): hapus karakter itu.`,
      `NOKA "'0001234567891" harus tepat 13 digit angka atau dikosongkan. Sel ini diawali tanda petik ('): hapus karakter itu.`,
    ]);
  });

  it('a signature block under the data is one message per row, still rejected (QA: six "wajib diisi" each)', async () => {
    const { body, found, messages } = await findings('not-ok/signature-block.csv');
    expect(body).toMatchObject({ accepted: 1, rejected: 3 });
    const notData = NOT_DATA;
    expect(found.slice(0, 2)).toEqual([
      [4, 'REJECT', null, 'NOT_PARTICIPANT_ROW'],
      [5, 'REJECT', null, 'NOT_PARTICIPANT_ROW'],
    ]);
    expect(messages.slice(0, 2)).toEqual([notData, notData]);
    // two cells filled: judged as a row, each empty required column named
    expect(found.slice(2).map((f) => f[3])).toEqual(['REQUIRED', 'REQUIRED', 'REQUIRED', 'REQUIRED', 'REQUIRED']);
  });

  it('a total row under the data ("JUMLAH" or "TOTAL PESERTA" where the NIK goes, and its count) is one message, still rejected (QA: seven)', async () => {
    const { body, found, messages } = await findings('not-ok/total-row.csv');
    expect(body).toMatchObject({ accepted: 1, rejected: 3 });
    expect(found.slice(0, 2)).toEqual([
      [3, 'REJECT', null, 'NOT_PARTICIPANT_ROW'],
      [4, 'REJECT', null, 'NOT_PARTICIPANT_ROW'],
    ]);
    expect(messages.slice(0, 2)).toEqual([NOT_DATA, NOT_DATA]);
    // a label with three cells filled is judged as a row: its NIK refused for what it is
    expect(found.slice(2).map((f) => [f[0], f[2], f[3]])).toContainEqual([5, 'NIK', expect.stringMatching(/^NIK_/)]);
  });

  it('TAT before TMT', async () => {
    const { found, messages } = await findings('not-ok/tat-before-tmt.csv');
    expect(found).toEqual([[3, 'REJECT', 'TAT', 'TAT_BEFORE_TMT']]);
    expect(messages[0]).toBe('TAT (31 Mei 2025) lebih awal dari TMT (1 Juni 2025).');
  });

  it('a birth date after TMT (covered before being born); a newborn covered from birth is fine', async () => {
    const { body, found, messages } = await findings('not-ok/birth-after-tmt.csv');
    expect(body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(found).toEqual([[4, 'REJECT', 'TANGGAL_LAHIR', 'BIRTH_AFTER_TMT']]);
    expect(messages[0]).toBe('TANGGAL_LAHIR (1 Maret 2026) sesudah TMT (1 Januari 2026): kepesertaan tidak dapat mulai sebelum peserta lahir.');
  });

  it('a birth date after today (WIB, the clock) is refused; born today is fine', async () => {
    // the test clock: 15 November 2026 10.00 WIB
    const { body, found, messages } = await findings('not-ok/birth-date-in-future.csv');
    expect(body).toMatchObject({ accepted: 2, rejected: 2 });
    expect(found).toEqual([
      [3, 'REJECT', 'TANGGAL_LAHIR', 'BIRTH_DATE_IN_FUTURE'],
      [5, 'REJECT', 'TANGGAL_LAHIR', 'BIRTH_DATE_IN_FUTURE'],
    ]);
    expect(messages[0]).toBe('TANGGAL_LAHIR 16 November 2026 sesudah hari ini (15 November 2026): tanggal lahir tidak mungkin di masa depan. Periksa tanggalnya, terutama tahunnya.');
    // half past midnight WIB on the 16th is still the 15th in UTC: the day is WIB's
    const before = t.clock.now();
    t.clock.set(new Date('2026-11-15T17:30:00Z'));
    try {
      // another name, so the file is not recognised as the one uploaded above (whose findings it would repeat)
      const content = fixture('not-ok/birth-date-in-future.csv').toString().replace('Lahir Besok', 'Lahir Besok Lagi');
      const res = await upload(t, { name: 'lahir-besok.csv', content: Buffer.from(content) });
      const later = { found: (await issues(t, res.body.id)).map((i) => [i.row_number]) };
      expect(later.found.map((f) => f[0])).toEqual([5]);
    } finally {
      t.clock.set(before);
    }
  });

  it('a TMT or TAT more than a month after today is taken with a warning (likely a typo of the year)', async () => {
    const { body, found, messages } = await findings('not-ok/coverage-far-ahead.csv');
    expect(body).toMatchObject({ accepted: 4, rejected: 0, warnings: 2 });
    expect(found).toEqual([
      [4, 'WARN', 'TMT', 'DATE_FAR_AHEAD'],
      [5, 'WARN', 'TAT', 'DATE_FAR_AHEAD'],
    ]);
    expect(messages).toEqual([
      'TMT 16 November 2027 lebih dari sebulan sesudah hari ini (15 November 2026): periksa tahunnya, mungkin salah ketik. Baris tetap diterima.',
      'TAT 31 Oktober 2027 lebih dari sebulan sesudah hari ini (15 November 2026): periksa tahunnya, mungkin salah ketik. Baris tetap diterima.',
    ]);
    const [{ tmt }] = await t.dataSource.query(`SELECT tmt FROM participant WHERE nik = '1703060101700003'`);
    expect(tmt).toBe('2027-11-16');
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

  it('a NIK with dots or dashes between its digit groups is refused saying to remove them, with the digits it makes (QA operator: "karakter selain angka" alone)', async () => {
    const { body, found, messages } = await findings('not-ok/nik-separators.csv');
    expect(body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3 });
    expect(found).toEqual([
      [3, 'REJECT', 'NIK', 'NIK_NOT_DIGITS'],
      [4, 'REJECT', 'NIK', 'NIK_NOT_DIGITS'],
      [5, 'REJECT', 'NIK', 'NIK_NOT_DIGITS'],
    ]);
    expect(messages).toEqual([
      'NIK "170306.010170.9022" memuat titik di antara angkanya. Hapus titiknya: NIK ditulis 16 digit angka saja (1703060101709022); spasi di antara kelompok angka boleh.',
      'NIK "1703-0601-0170-9023" memuat tanda hubung di antara angkanya. Hapus tanda hubungnya: NIK ditulis 16 digit angka saja (1703060101709023); spasi di antara kelompok angka boleh.',
      'NIK "170306.010170.902" memuat titik di antara angkanya. Hapus titiknya: NIK ditulis 16 digit angka saja; tanpa titik nilainya 15 digit (170306010170902), jadi periksa juga angkanya.',
    ]);
  });

  it('a NOKA written as text with its leading zeros lost says so, with the 13 digits it would be (QA operator: "harus tepat 13 digit" alone)', async () => {
    const { body, found, messages } = await findings('not-ok/noka-zeros-lost.csv');
    expect(body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2 });
    expect(found).toEqual([
      [3, 'REJECT', 'NOKA', 'NOKA_INVALID'],
      [4, 'REJECT', 'NOKA', 'NOKA_INVALID'],
    ]);
    expect(messages).toEqual([
      'NOKA "7700000205" harus tepat 13 digit angka atau dikosongkan. Nilai ini 10 digit: bila angka 0 di depan hilang, tulis lengkap 13 digit (0007700000205) dan format kolom sebagai Teks.',
      'NOKA "12345" harus tepat 13 digit angka atau dikosongkan.',
    ]);
  });

  it('ALASAN_BERAKHIR as puskesmas write it: "Meninggal Dunia" and "Wafat" are MENINGGAL, "Pindah Domisili" and "Pindah Keluar Daerah" PINDAH, in any case and spacing (QA: refused)', async () => {
    const { body, found } = await findings('ok/end-reason-phrasings.csv');
    expect(body).toMatchObject({ rowsRead: 6, accepted: 6, rejected: 0 });
    expect(found).toEqual([]);
    const stored = await t.dataSource.query(`SELECT nik, end_reason FROM participant WHERE nik LIKE '17030601017091%' ORDER BY nik`);
    expect(stored.map((p: { end_reason: string }) => p.end_reason)).toEqual(['MENINGGAL', 'PINDAH', 'PINDAH', 'MENINGGAL', 'MENINGGAL', 'PINDAH']);
  });

  it('ALASAN_BERAKHIR in any other words is still refused, naming the reasons and the phrasings taken', async () => {
    const { body, found, messages } = await findings('not-ok/end-reason-other-phrasings.csv');
    expect(body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2 });
    expect(found).toEqual([
      [3, 'REJECT', 'ALASAN_BERAKHIR', 'END_REASON_INVALID'],
      [4, 'REJECT', 'ALASAN_BERAKHIR', 'END_REASON_INVALID'],
    ]);
    expect(messages[0]).toBe('ALASAN_BERAKHIR "Pindah Kota" harus salah satu dari MENINGGAL, PINDAH, PBI_APBN, MAMPU, LAINNYA (juga "Meninggal Dunia", "Wafat", "Pindah Domisili" dan "Pindah Keluar Daerah").');
  });

  // One golden file per rule (named after its code): a good first row, the rule's bad rows, and a row at the rule's edge
  // that is taken; nothing else in the file fails, so the rule's findings are all there is.
  it.each([
    ['text-too-long.csv', { accepted: 2, rejected: 1, warnings: 0 }, [[3, 'REJECT', 'NAMA', 'TEXT_TOO_LONG']], 'NAMA terlalu panjang (201 karakter, paling banyak 200).'],
    ['death-date-in-future.csv', { accepted: 2, rejected: 1, warnings: 0 }, [[3, 'REJECT', 'TAT', 'DEATH_DATE_IN_FUTURE']], 'TAT 16 November 2026 sesudah hari ini (15 November 2026): dengan ALASAN_BERAKHIR MENINGGAL, TAT adalah tanggal meninggal, yang tidak mungkin di masa depan. Periksa tanggalnya, terutama tahunnya.'],
    ['end-reason-without-tat.csv', { accepted: 2, rejected: 1, warnings: 0 }, [[3, 'REJECT', 'TAT', 'END_REASON_WITHOUT_TAT']], 'ALASAN_BERAKHIR PINDAH diisi tetapi TAT kosong: isi TAT (untuk peserta meninggal: tanggal meninggal).'],
    ['nik-sex-mismatch.csv', { accepted: 4, rejected: 0, warnings: 2 }, [[3, 'WARN', 'JENIS_KELAMIN', 'NIK_SEX_MISMATCH'], [4, 'WARN', 'JENIS_KELAMIN', 'NIK_SEX_MISMATCH']], 'JENIS_KELAMIN L tidak sesuai dengan NIK (tanggal di NIK ditambah 40: perempuan).'],
    ['no-kk-invalid.csv', { accepted: 1, rejected: 3, warnings: 0 }, [3, 4, 5].map((row) => [row, 'REJECT', 'NO_KK', 'NO_KK_INVALID']), 'NO_KK "170306010120000" harus tepat 16 digit angka.'],
  ] as [string, object, Finding[], string][])('not-ok/%s fails its rule only, on its rows and column', async (file, counts, expected, message) => {
    const { body, found, messages } = await findings(`not-ok/${file}`);
    expect(body).toMatchObject({ status: 'DONE', ...counts });
    expect(found).toEqual(expected);
    expect(messages[0]).toBe(message);
  });

  it('a duplicate NIK in the file with other values: the later row is refused, saying the first row is stored and which columns differ', async () => {
    const { body, found, messages } = await findings('not-ok/duplicate-nik-in-file.csv');
    expect(body).toMatchObject({ rowsRead: 4, accepted: 3, rejected: 1, warnings: 0 });
    expect(found).toEqual([[5, 'REJECT', 'NIK', 'NIK_DUPLICATE_IN_FILE']]);
    expect(messages[0]).toBe(
      'NIK 1703060101700001 sudah ada di baris 3 berkas ini dengan data lain (berbeda: NAMA); nilai baris 3 yang disimpan, baris ini ditolak. ' +
        'Di laporan, NIK baris ini dikosongkan agar tidak menimpa baris 3 tanpa sengaja: bila nilai baris ini yang benar, isi kembali NIK-nya lalu unggah ulang (nilainya menggantikan nilai baris 3); bila tidak, hapus baris ini dari laporan.',
    );
  });

  it('an exact copy of an earlier row (equal once read: spaces, date forms, case, dots) is read once, warned, not refused (QA: "diabaikan" yet DITOLAK)', async () => {
    const { body, found, messages } = await findings('ok/duplicate-row-copy.csv');
    expect(body).toMatchObject({ rowsRead: 3, accepted: 3, rejected: 0, warnings: 1, created: 2, unchanged: 1 });
    expect(found).toEqual([[4, 'WARN', 'NIK', 'NIK_DUPLICATE_ROW']]);
    expect(messages[0]).toBe('NIK 1703060101709201: baris ini sama persis dengan baris 2 berkas ini, jadi dibaca sekali saja (dari baris 2).');
    expect(await t.dataSource.query(`SELECT name, noka FROM participant WHERE nik = '1703060101709201'`)).toEqual([{ name: 'Salinan Sama', noka: '0001000009101' }]);
  });

  it('an exact copy of a row refused once the file is read (its NOKA held by another participant) is refused with it', async () => {
    const header = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
    const line = (nik: string) => `${nik},1703060101200001,Pemegang ${nik.slice(-2)},1970-01-01,L,17.03.06.2001,0001000009401,2025-01-01,,`;
    const file = (...rows: string[]) => ({ name: 'salinan.csv', content: Buffer.from([header, ...rows].join('\n') + '\n') });
    await upload(t, file(line('1703060101709401')));
    const res = await upload(t, file(line('1703060101709402'), line('1703060101709402')));
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 0, rejected: 2, warnings: 0 });
    const list = await issues(t, res.body.id);
    expect(list.map((i) => [i.row_number, i.severity, i.code])).toEqual([
      [2, 'REJECT', 'NOKA_TAKEN'],
      [3, 'REJECT', 'NIK_DUPLICATE_IN_FILE'],
    ]);
    expect(list[1].message).toBe('NIK 1703060101709402: baris ini sama persis dengan baris 2 berkas ini, yang ditolak; baris ini ikut ditolak. Perbaiki baris 2 lalu unggah ulang; baris ini boleh dihapus.');
  });

  it('a dash (-, –, —) alone in an optional cell (NOKA, TAT, ALASAN_BERAKHIR) reads as empty; in a required one it is refused saying the column is required (QA: three errors)', async () => {
    const { body, found, messages } = await findings('not-ok/dash-for-none.csv');
    expect(body).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2, warnings: 0 });
    expect(found).toEqual([
      [4, 'REJECT', 'NO_KK', 'REQUIRED'],
      [5, 'REJECT', 'TAT', 'DATE_INVALID'],
    ]);
    expect(messages[0]).toBe('NO_KK wajib diisi: NO_KK adalah kolom wajib, jadi tanda "-" (tidak ada) tidak dapat dipakai. Isi NO_KK peserta ini.');
    expect(messages[1]).toMatch(/^TAT "x" bukan tanggal yang valid.* Bila tidak ada TAT, kosongkan selnya\.$/);
    const stored = await t.dataSource.query(`SELECT noka, tat, end_reason FROM participant WHERE nik IN ('1703060101709301', '1703060101709302') ORDER BY nik`);
    expect(stored).toEqual([
      { noka: null, tat: null, end_reason: null },
      { noka: null, tat: null, end_reason: null },
    ]);
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
    // (row 6's NIK was ended by end-reason.csv above: its row without TAT brings it back, with a REINSTATED warning)
    expect(found.filter(([, , , code]) => code !== 'REINSTATED')).toEqual([
      [3, 'REJECT', 'NAMA', 'NAME_FORMULA_TEXT'],
      [4, 'REJECT', 'NAMA', 'NAME_FORMULA_TEXT'],
    ]);
    expect(messages[0]).toBe('NAMA "=1/0" adalah teks rumus, bukan nama. Ketik nama peserta.');
  });

  it('NAMA has a letter: a number or a date there is a shifted column, not a name (QA: 12345 was registered)', async () => {
    const { found, messages } = await findings('not-ok/name-without-letters.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'NAMA', 'NAME_WITHOUT_LETTERS'],
      [4, 'REJECT', 'NAMA', 'NAME_WITHOUT_LETTERS'],
    ]);
    expect(messages[0]).toBe('NAMA "12345" tidak memuat huruf, jadi bukan nama. Periksa apakah kolom tergeser, lalu ketik nama peserta.');
  });

  it('NAMA is stored composed (NFC) and without characters that show nothing, warned naming the row; the search finds it (QA)', async () => {
    const csv = [
      'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR',
      '1703060101700021,1703060101200001,Bu\u200bdi Har\u00adto\ufeffno,1970-01-01,L,17.03.06.2001,,2025-01-01,,',
      '1703060101700022,1703060101200001,Nguye\u0302\u0303n Van An,1970-01-01,L,17.03.06.2001,,2025-01-01,,',
    ].join('\n');
    const res = await upload(t, { name: 'nama-tersembunyi.csv', content: Buffer.from(csv + '\n') });
    const { found, messages } = await findings2(res.body.id);
    expect(found).toEqual([[2, 'WARN', 'NAMA', 'NAME_HIDDEN_CHARACTERS']]);
    expect(messages[0]).toBe('NAMA memuat karakter tak terlihat (U+200B, U+00AD, U+FEFF) yang dihapus agar nama dapat dicari; disimpan sebagai "Budi Hartono". Baris tetap diterima.');
    const names = await t.dataSource.query(`SELECT nik, name FROM participant WHERE nik IN ('1703060101700021', '1703060101700022') ORDER BY nik`);
    expect(names).toEqual([{ nik: '1703060101700021', name: 'Budi Hartono' }, { nik: '1703060101700022', name: 'Nguy\u1ec5n Van An' }]);
    const search = async (name: string) => (await (await t.as(Role.AUDITOR)).get('/api/v1/participants').query({ name }).expect(200)).body.items.map((p: { nik: string }) => p.nik);
    expect(await search('budi har')).toEqual(['1703060101700021']);
    expect(await search('nguye\u0302\u0303n')).toEqual(['1703060101700022']); // typed decomposed, found composed
    expect(await search('bu\u200bdi')).toEqual(['1703060101700021']);
    // a name stored with them before uploads removed them is found too
    await t.dataSource.query(`UPDATE participant SET name = 'Bu\u200bdi Hartono' WHERE nik = '1703060101700021'`);
    expect(await search('budi')).toEqual(['1703060101700021']);
  });

  async function findings2(id: string): Promise<{ found: Finding[]; messages: string[] }> {
    const list = await issues(t, id);
    return { found: list.map((i) => [i.row_number, i.severity, i.column_name, i.code]), messages: list.map((i) => i.message) };
  }

  it('JENIS_KELAMIN is L or P', async () => {
    const { body, found } = await findings('not-ok/sex-invalid.csv');
    expect(found).toEqual([
      [3, 'REJECT', 'JENIS_KELAMIN', 'SEX_INVALID'],
      [4, 'REJECT', 'JENIS_KELAMIN', 'REQUIRED'],
    ]);
    // LK and PR, as puskesmas systems export them, are L and P (QA: refused), in any case
    expect(body).toMatchObject({ rowsRead: 6, accepted: 4 });
    const sexes = await t.dataSource.query(`SELECT nik, sex FROM participant WHERE nik IN ('1703060101700004', '1703064101700005') ORDER BY nik`);
    expect(sexes).toEqual([{ nik: '1703060101700004', sex: 'L' }, { nik: '1703064101700005', sex: 'P' }]);
  });

  it('a NUL or other control character, or U+FFFD, rejects its row naming the column; none reaches the database', async () => {
    const { body, found, messages } = await findings('not-ok/control-characters.csv');
    expect(body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 1, rejected: 3 });
    expect(found).toEqual([
      [3, 'REJECT', 'NAMA', 'INVALID_CHARACTER'],
      [4, 'REJECT', 'NOKA', 'INVALID_CHARACTER'],
      [5, 'REJECT', 'NAMA', 'INVALID_CHARACTER'],
    ]);
    expect(messages[0]).toBe('NAMA memuat karakter kendali NUL (U+0000) yang tidak terlihat dan tidak dapat disimpan (di sini ditandai �: "Ada�Nul"). Hapus karakter itu atau ketik ulang isian sel, lalu unggah kembali.');
    expect(messages[1]).toMatch(/^NOKA memuat karakter kendali U\+001F /);
    expect(messages[2]).toMatch(/^NAMA "Mu�oz" memuat karakter pengganti � \(U\+FFFD\): sebuah huruf sudah rusak/);
    // the report repeats the value with � for the control character: uploaded back untouched it is refused again
    const raws = await t.dataSource.query(`SELECT raw->>'NAMA' AS nama FROM upload_issue WHERE upload_id = $1 AND raw IS NOT NULL ORDER BY row_number`, [body.id]);
    expect(raws.map((r: { nama: string }) => r.nama)).toEqual(['Ada�Nul', 'Uji', 'Mu�oz']);
  });

  it('a bidirectional override or isolate rejects its row (it shows the name in another order than it holds); a right-to-left mark does not', async () => {
    const { body, found, messages } = await findings('not-ok/bidi-controls.csv');
    expect(body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 2, rejected: 2 });
    expect(found).toEqual([
      [3, 'REJECT', 'NAMA', 'INVALID_CHARACTER'],
      [4, 'REJECT', 'NAMA', 'INVALID_CHARACTER'],
    ]);
    expect(messages[0]).toBe(
      'NAMA memuat karakter pengatur arah teks U+202E yang tidak terlihat dan membuat teks tampil berbeda dari isinya, sehingga tidak diterima (di sini ditandai �: "Siti �ilA�"). Hapus karakter itu atau ketik ulang isian sel, lalu unggah kembali.',
    );
    expect(messages[1]).toMatch(/^NAMA memuat karakter pengatur arah teks U\+2067 /);
  });

  it('DEL and the C1 codes reject their row as the JSON API refuses them (one rule, text.ts CONTROL_CHARACTER); NEL is whitespace', async () => {
    const { body, found, messages } = await findings('not-ok/control-characters-del-and-c1.csv');
    expect(body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 2, rejected: 2 });
    expect(found).toEqual([
      [3, 'REJECT', 'NAMA', 'INVALID_CHARACTER'],
      [4, 'REJECT', 'NAMA', 'INVALID_CHARACTER'],
    ]);
    expect(messages).toEqual([
      'NAMA memuat karakter kendali U+007F yang tidak terlihat dan tidak dapat disimpan (di sini ditandai �: "Ada�Del"). Hapus karakter itu atau ketik ulang isian sel, lalu unggah kembali.',
      'NAMA memuat karakter kendali U+009B yang tidak terlihat dan tidak dapat disimpan (di sini ditandai �: "Andi�31m Saputra"). Hapus karakter itu atau ketik ulang isian sel, lalu unggah kembali.',
    ]);
    const [stored] = await t.dataSource.query(`SELECT name FROM participant WHERE nik = '1703060101700024'`);
    expect(stored).toEqual({ name: 'Budi' });
  });

  it('a NUL past the first 64 KB of a CSV rejects that row only: the 1,200 rows before it land (QA: the upload ended FAILED)', async () => {
    const nik = (i: number) => `17030601${String(1 + (i % 12)).padStart(2, '0')}80${String(1 + Math.floor(i / 12)).padStart(4, '0')}`;
    const line = (i: number, name: string) => `${nik(i)},1703060101200001,${name},1980-${String(1 + (i % 12)).padStart(2, '0')}-01,L,17.03.06.2003,,2026-01-01,,`;
    const rows = Array.from({ length: 1200 }, (_, i) => line(i, `Peserta ${i}`));
    const text = ['NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR', ...rows, line(1200, 'Ada\u0000Nul')].join('\n') + '\n';
    expect(text.indexOf('\u0000')).toBeGreaterThan(64 * 1024);
    const res = await upload(t, { name: 'nul-deep.csv', content: Buffer.from(text) });
    const done = res.body.status === 'DONE' ? res.body : await waitDone(res.body.id);
    expect(done).toMatchObject({ status: 'DONE', rowsRead: 1201, accepted: 1200, rejected: 1 });
    expect((await issues(t, done.id)).map((i) => [i.row_number, i.column_name, i.code])).toEqual([[1202, 'NAMA', 'INVALID_CHARACTER']]);
    await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${done.id}/report.xlsx`).expect(200);
  });

  it('an .xlsx cell written with the escape _x0000_ (NUL) rejects its row naming the column; the good rows land', async () => {
    // The escape decodes as Excel shows it (decodeXstring), so textCell sees the NUL and marks the row.
    const { body, found, messages } = await findings('not-ok/control-character-escape.xlsx');
    expect(body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 3, rejected: 1 });
    expect(found).toEqual([[5, 'REJECT', 'NAMA', 'INVALID_CHARACTER']]);
    expect(messages[0]).toMatch(/^NAMA memuat karakter kendali NUL \(U\+0000\)/);
  });

  it('a row with a cell hidden by a merged range is refused naming the range, required column or optional (QA: a merged TAT was dropped unsaid)', async () => {
    const { body, found, messages } = await findings('not-ok/merged-cells.xlsx');
    expect(body).toMatchObject({ status: 'DONE', rowsRead: 6, accepted: 3, rejected: 3 });
    expect([...found].sort((a, b) => a[0] - b[0] || String(a[2]).localeCompare(String(b[2])))).toEqual([
      [4, 'REJECT', 'KODE_DESA', 'MERGED_CELL'],
      [5, 'REJECT', 'KODE_DESA', 'MERGED_CELL'],
      [7, 'REJECT', 'ALASAN_BERAKHIR', 'MERGED_CELL'],
      [7, 'REJECT', 'TAT', 'MERGED_CELL'],
    ]);
    expect(messages[0]).toBe(
      'KODE_DESA ada di dalam sel gabungan F3:F5 (merge): Excel menyimpan isi sel gabungan hanya di sel pertamanya (F3), sehingga KODE_DESA baris ini terbaca kosong. ' +
        'Pisahkan gabungan sel (Merge & Center > Unmerge Cells (Gabungkan & Tengahkan > Pisahkan Sel)), isi KODE_DESA di setiap baris, lalu unggah kembali.',
    );
    expect(messages).toContainEqual(expect.stringMatching(/^TAT ada di dalam sel gabungan I6:I7 \(merge\)/));
    const [ended] = await t.dataSource.query(`SELECT tat::text, end_reason FROM participant WHERE nik = '1703060606760006'`);
    expect(ended).toEqual({ tat: '2026-01-31', end_reason: 'PINDAH' }); // the range's first row keeps its value
    expect(await t.dataSource.query(`SELECT nik FROM participant WHERE nik = '1703060707770007'`)).toEqual([]);
  });

  it('a NIK that Excel wrote into a CSV in scientific notation is said to be so, its digits lost; NO_KK and NOKA get the numeric-cell message', async () => {
    const { body, found, messages } = await findings('not-ok/nik-scientific-notation.csv');
    expect(body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3 });
    expect(found).toEqual([
      [3, 'REJECT', 'NIK', 'NIK_NUMERIC_CELL'],
      [4, 'REJECT', 'NO_KK', 'NO_KK_NUMERIC_CELL'],
      [5, 'REJECT', 'NOKA', 'NOKA_INVALID'],
    ]);
    // a text cell, not a number: not "terbaca sebagai angka" (until 2026-12), but how it is written and that its digits are gone
    expect(messages[0]).toBe(
      'NIK "1.70306E+15" ditulis dalam notasi ilmiah (angka berpangkat E+, cara Excel menampilkan angka yang panjang), sehingga digit NIK sudah hilang dan tidak dapat dipulihkan dari berkas ini. ' +
        'Ketik ulang keenam belas digit NIK sebagai teks. Format kolom sebagai Teks (klik kanan > Format Cells > Text (Format Sel > Teks)), ketik ulang nilainya, lalu unggah kembali.',
    );
    expect(messages[1]).toMatch(/^NO_KK: terbaca sebagai angka \(1\.70306E\+15\), bukan teks; digit terakhir sudah berubah di Excel\. Format kolom sebagai Teks/);
    expect(messages[2]).toMatch(/^NOKA "1\.00010E\+12" .* Nilai terbaca sebagai angka .* Format kolom sebagai Teks/);
  });

  /**
   * `="1703060101700031"`: what an export writes into a .csv so that Excel opens the NIK as text, and what Excel shows as
   * its 16 digits. Read as those digits, warned with the NIK read (the row report lists it); anything else between the
   * quotes is refused saying how the cell is written (until 2026-12: "mengandung karakter selain angka", naming neither).
   */
  it('a NIK written as Excel formula text ="…" is read as its 16 digits with a warning naming the NIK read; other text so written is refused', async () => {
    const { body, found, messages } = await findings('not-ok/nik-formula-text.csv');
    expect(body).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1, warnings: 2 });
    expect(found).toEqual([
      [2, 'WARN', 'NIK', 'NIK_FORMULA_TEXT'],
      [3, 'WARN', 'NIK', 'NIK_FORMULA_TEXT'],
      [4, 'REJECT', 'NIK', 'NIK_FORMULA_TEXT'],
    ]);
    expect(messages[0]).toBe(
      'NIK ditulis sebagai rumus teks ="…" (cara Excel menjaga angka panjang tetap teks di berkas CSV) dan dibaca sebagai NIK 1703060101700031. ' +
        'Baris diterima; sebaiknya tulis 16 digit NIK saja, tanpa = dan tanda petik.',
    );
    expect(messages[1]).toMatch(/dibaca sebagai NIK 1703060101700032\./);
    expect(messages[2]).toBe('NIK ditulis sebagai rumus teks ="17030601017" dan di antara tanda petiknya bukan 16 digit angka. Tulis 16 digit NIK saja, tanpa = dan tanda petik.');
    const stored = await t.dataSource.query(`SELECT nik, name FROM participant WHERE nik IN ('1703060101700031', '1703060101700032') ORDER BY nik`);
    expect(stored).toEqual([
      { nik: '1703060101700031', name: 'Rumus Teks' },
      { nik: '1703060101700032', name: 'Rumus Teks Berkutip' },
    ]);
  });

  it('a year typed alone in a date column is refused as a year, not read as the Excel serial of 1905 (QA: 1985 became 1905-06-07)', async () => {
    const { body, found, messages } = await findings('not-ok/date-year-only.xlsx');
    expect(body).toMatchObject({ rowsRead: 7, accepted: 1, rejected: 6, warnings: 0 }); // the good row's 25569 is 1970-01-01
    expect(found).toEqual([
      [3, 'REJECT', 'TANGGAL_LAHIR', 'DATE_YEAR_ONLY'],
      [4, 'REJECT', 'TANGGAL_LAHIR', 'DATE_YEAR_ONLY'],
      [5, 'REJECT', 'TMT', 'DATE_YEAR_ONLY'],
      // typed into a cell formatted as a date, which shows it as a day of 1905 (QA: a birth date of 1905-06-07 was taken)
      [6, 'REJECT', 'TANGGAL_LAHIR', 'DATE_YEAR_ONLY'],
      [7, 'REJECT', 'TMT', 'DATE_YEAR_ONLY'],
      [8, 'REJECT', 'TAT', 'DATE_YEAR_ONLY'],
    ]);
    expect(messages[0]).toBe('TANGGAL_LAHIR hanya berisi tahun (1985), bukan tanggal lengkap. Ketik tanggal lengkapnya sebagai YYYY-MM-DD atau DD/MM/YYYY (misalnya 17/08/1985).');
    expect(messages[2]).toMatch(/^TMT hanya berisi tahun \(2026\), bukan tanggal lengkap\./);
    expect(messages[3]).toBe(
      'TANGGAL_LAHIR hanya berisi tahun (1985), bukan tanggal lengkap: tahun itu tampaknya diketik ke sel berformat tanggal, sehingga terbaca sebagai tanggal 1905-06-07. ' +
        'Ketik tanggal lengkapnya sebagai YYYY-MM-DD atau DD/MM/YYYY (misalnya 17/08/1985).',
    );
    expect(messages[4]).toMatch(/^TMT hanya berisi tahun \(2025\), bukan tanggal lengkap: tahun itu tampaknya diketik ke sel berformat tanggal, sehingga terbaca sebagai tanggal 1905-07-17\./);
    expect(messages[5]).toMatch(/^TAT hanya berisi tahun \(2026\), bukan tanggal lengkap: .* tanggal 1905-07-18\./);
  });

  it('dates not in a §12 form are refused saying what is wrong with them (QA: one message for all)', async () => {
    const { found, messages } = await findings('not-ok/dates-explained.csv');
    expect(found).toEqual([...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((row) => [row, 'REJECT', 'TANGGAL_LAHIR', 'DATE_INVALID']), [11, 'REJECT', 'TMT', 'DATE_INVALID']]);
    const tail = '. Gunakan sel tanggal, YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY.';
    expect(messages).toEqual([
      `TANGGAL_LAHIR "31/02/1985" bukan tanggal yang valid: tanggal 31 tidak ada di bulan Februari 1985 (hanya 28 hari)${tail}`,
      `TANGGAL_LAHIR "15/05/85" bukan tanggal yang valid: tahunnya hanya 2 digit (85); tulis 4 digit, misalnya 15/05/1985${tail}`,
      `TANGGAL_LAHIR "15.05.1985" bukan tanggal yang valid: pemisahnya titik; gunakan garis miring atau tanda hubung: 15/05/1985${tail}`,
      `TANGGAL_LAHIR "1985/05/15" bukan tanggal yang valid: urutan tahun-bulan-tanggal ditulis dengan tanda hubung: 1985-05-15${tail}`,
      `TANGGAL_LAHIR "15 Mei 1985" bukan tanggal yang valid: nama bulan tidak dibaca; tulis bulannya sebagai angka, misalnya 15/05/1985${tail}`,
      `TANGGAL_LAHIR "31182" bukan tanggal yang valid: tampaknya nomor seri tanggal Excel (31182 = 15/05/1985), yang tidak dibaca dari teks; tulis tanggalnya${tail}`,
      `TANGGAL_LAHIR "05/13/1985" bukan tanggal yang valid: bulan 13 tidak ada; bila ditulis bulan/tanggal, tulis tanggal dulu: 13/05/1985${tail}`,
      `TANGGAL_LAHIR "15-Mei-1985" bukan tanggal yang valid: nama bulan tidak dibaca; tulis bulannya sebagai angka, misalnya 15/05/1985${tail}`,
      `TANGGAL_LAHIR "31182.0" bukan tanggal yang valid: tampaknya nomor seri tanggal Excel (31182 = 15/05/1985), yang tidak dibaca dari teks; tulis tanggalnya${tail}`,
      `TMT "01/09/26" bukan tanggal yang valid: tahunnya hanya 2 digit (26); tulis 4 digit, misalnya 01/09/2026${tail}`,
    ]);
  });

  it('dates: TMT required, only the §12 forms, real calendar days', async () => {
    const { found, messages } = await findings('not-ok/dates-invalid.csv');
    // row 8's two DATE_INVALID findings tie on (row, code), the order `issues` reads them in: either order (CI: PostgreSQL gave both)
    const inRowColumnOrder = (list: Finding[]) => [...list].sort((x, y) => x[0] - y[0] || String(x[2]).localeCompare(String(y[2])));
    expect(inRowColumnOrder(found)).toEqual(inRowColumnOrder([
      [3, 'REJECT', 'TMT', 'REQUIRED'],
      [4, 'REJECT', 'TMT', 'DATE_INVALID'],
      [5, 'REJECT', 'TANGGAL_LAHIR', 'DATE_INVALID'],
      [6, 'REJECT', 'TMT', 'DATE_INVALID'],
      [7, 'REJECT', 'TMT', 'DATE_INVALID'],
      [8, 'REJECT', 'TMT', 'DATE_INVALID'],
      [8, 'REJECT', 'TAT', 'DATE_INVALID'],
      [9, 'REJECT', 'TANGGAL_LAHIR', 'DATE_INVALID'],
    ]));
    expect(messages[4]).toBe('TMT 2199-01-01 di luar tahun 2000–2099: kepesertaan dihitung per bulan dalam tahun-tahun itu saja.');
    // a NIK's YY cannot tell year 1000 from 2000: the birth date is refused, not accepted without a warning
    expect(messages[7]).toBe('TANGGAL_LAHIR 1000-01-01 di luar tahun 1900–2099: NIK hanya dapat memuat tanggal lahir pada tahun 19xx atau 20xx.');
  });
});
