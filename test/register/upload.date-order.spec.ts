/**
 * A file's slashed dates read as the file writes them (date-order.ts). QA: a sheet saved by an Excel set to US English
 * (month/day) had its `10/15/2026` refused, and its `10/1/2026` registered silently as 10 January: a TMT nine months
 * early, owing premiums for months the person was not covered. A date either way round now waits until the file shows
 * its order: day first, it is read so (§12); month first, it is refused, naming both readings and the row that showed it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const HEADER = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
/** Someone born on the `day`th of January 1980 (the NIK's digits 7–12 say so), n = day·10,000 + serial. */
const day = (n: number) => String(1 + Math.floor(n / 10_000)).padStart(2, '0');
const nik = (n: number) => `170306${day(n)}0180${String(n % 10_000).padStart(4, '0')}`;
const line = (n: number, tmt: string) => `${nik(n)},1703060101200001,Peserta ${n},1980-01-${day(n)},L,17.03.06.2001,,${tmt},,`;

describe('enrollment: dates read in the order the file writes them', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const tmtOf = async (niks: string[]) =>
    Object.fromEntries((await t.dataSource.query(`SELECT nik, to_char(tmt, 'YYYY-MM-DD') AS tmt FROM participant WHERE nik = ANY($1) ORDER BY nik`, [niks])).map((p: { nik: string; tmt: string }) => [p.nik, p.tmt]));

  it('month first: a date either way round is refused, before and after the row that showed the order; one the same both ways is taken', async () => {
    const res = await upload(t, 'not-ok/dates-month-first.csv');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 5, accepted: 2, rejected: 3 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.severity, i.column_name, i.code])).toEqual([
      [3, 'REJECT', 'TMT', 'DATE_ORDER_AMBIGUOUS'],
      [4, 'REJECT', 'TMT', 'DATE_INVALID'],
      [5, 'REJECT', 'TMT', 'DATE_ORDER_AMBIGUOUS'],
    ]);
    expect(found[0].message).toBe(
      'TMT "3/1/2026" dapat berarti 3 Januari 2026 atau 1 Maret 2026, dan berkas ini menulis tanggal sebagai bulan/tanggal/tahun (baris 4: TMT 3/15/2026). ' +
        'Tulis tanggalnya sebagai tanggal/bulan/tahun (1/3/2026 untuk 1 Maret 2026) atau YYYY-MM-DD (2026-03-01).',
    );
    expect(found[1].message).toContain('bulan 15 tidak ada; bila ditulis bulan/tanggal, tulis tanggal dulu: 15/3/2026');
    expect(found[2].message).toContain('TMT "4/2/2026" dapat berarti 4 Februari 2026 atau 2 April 2026');
    expect(await tmtOf(['1703060101800001', '1703060101800002', '1703060101800004', '1703060101800005'])).toEqual({ '1703060101800001': '2026-03-01', '1703060101800005': '2026-01-01' });
  });

  it('month first: every date either way round of a refused row is refused too, the row that showed the order included (golden file)', async () => {
    // QA: row 4's TMT 12/1/2026 went unmentioned beside its refused birth date 1/20/1980; once the birth date was fixed,
    // the file no longer showed its order and the TMT was registered as 12 January 2026, not 1 December
    const res = await upload(t, 'not-ok/dates-month-first-proving-row.csv');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 5, accepted: 1, rejected: 4 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.severity, i.column_name, i.code])).toEqual([
      [3, 'REJECT', 'TMT', 'DATE_ORDER_AMBIGUOUS'],
      [3, 'REJECT', 'JENIS_KELAMIN', 'SEX_INVALID'],
      [4, 'REJECT', 'TANGGAL_LAHIR', 'DATE_INVALID'],
      [4, 'REJECT', 'TMT', 'DATE_ORDER_AMBIGUOUS'],
      [5, 'REJECT', 'TMT', 'DATE_ORDER_AMBIGUOUS'],
      [6, 'REJECT', 'TAT', 'DATE_ORDER_AMBIGUOUS'],
      [6, 'REJECT', 'ALASAN_BERAKHIR', 'END_REASON_REQUIRED'],
    ]);
    expect(found[3].message).toBe(
      'TMT "12/1/2026" dapat berarti 12 Januari 2026 atau 1 Desember 2026, dan berkas ini menulis tanggal sebagai bulan/tanggal/tahun ' +
        '(baris 4: TANGGAL_LAHIR 1/20/1980). Tulis tanggalnya sebagai tanggal/bulan/tahun (1/12/2026 untuk 1 Desember 2026) atau YYYY-MM-DD (2026-12-01).',
    );
    expect(found[5].message).toContain('TAT "12/3/2026" dapat berarti 12 Maret 2026 atau 3 Desember 2026');
    expect(await tmtOf(['1703060101800031', '1703060101800032', '1703062001800161', '1703060201800162', '1703060101800033'])).toEqual({ '1703060101800031': '2026-03-01' });

    // the row report names it too: fixing what it says leaves no date to be misread
    const report = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const proving = (wb.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][]).find((r) => r[11] === 4)!;
    expect(proving[13]).toContain('TANGGAL_LAHIR "1/20/1980" bukan tanggal yang valid');
    expect(proving[13]).toContain('TMT "12/1/2026" dapat berarti 12 Januari 2026 atau 1 Desember 2026');
  });

  it("month first: a row held for a NOKA another row of the file claims has its dates judged too (it skipped the check: the holder's TMT 12/1/2026 was registered as 12 January)", async () => {
    const withNoka = (n: number, noka: string, tmt: string) => `${nik(n)},1703060101200001,Peserta ${n},1980-01-${day(n)},L,17.03.06.2001,${noka},${tmt},,`;
    const noka = '0009876543210';
    expect((await upload(t, { name: 'pemegang-kartu.csv', content: Buffer.from([HEADER, withNoka(41, noka, '2026-01-01')].join('\n')) })).body).toMatchObject({ accepted: 1 });
    // row 2 claims the card first; row 3 is its holder's own row (held until the file is read), its TMT either way round;
    // row 4 shows the file writes month first
    const res = await upload(t, { name: 'kartu-diperebutkan.csv', content: Buffer.from([HEADER, withNoka(42, noka, '2026-02-01'), withNoka(41, noka, '12/1/2026'), line(43, '3/15/2026')].join('\n')) });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.column_name, i.code])).toEqual([
      [2, 'NOKA', 'NOKA_TAKEN'],
      [3, 'TMT', 'DATE_ORDER_AMBIGUOUS'],
      [4, 'TMT', 'DATE_INVALID'],
    ]);
    expect(found[1].message).toContain('TMT "12/1/2026" dapat berarti 12 Januari 2026 atau 1 Desember 2026, dan berkas ini menulis tanggal sebagai bulan/tanggal/tahun (baris 4: TMT 3/15/2026)');
    expect(await tmtOf([nik(41), nik(42)])).toEqual({ [nik(41)]: '2026-01-01' });

    // the same rows day first: the holder's row is registered, its TMT read day first (§12), and the claimant refused
    const dayFirst = await upload(t, { name: 'kartu-diperebutkan-2.csv', content: Buffer.from([HEADER, withNoka(42, noka, '2026-02-01'), withNoka(41, noka, '12/1/2026'), line(43, '15/3/2026')].join('\n')) });
    expect((await issues(t, dayFirst.body.id)).map((i) => [i.row_number, i.code])).toEqual([[2, 'NOKA_DUPLICATE_IN_FILE']]);
    expect(await tmtOf([nik(41), nik(42), nik(43)])).toEqual({ [nik(41)]: '2026-01-12', [nik(43)]: '2026-03-15' });
  });

  const datesOf = async (niks: string[]) =>
    Object.fromEntries(
      (await t.dataSource.query(`SELECT nik, to_char(tmt, 'YYYY-MM-DD') AS tmt, to_char(tat, 'YYYY-MM-DD') AS tat FROM participant WHERE nik = ANY($1)`, [niks])).map(
        (p: { nik: string; tmt: string; tat: string | null }) => [p.nik, [p.tmt, p.tat]],
      ),
    );

  it('both orders shown (golden file): the file is read day first (§12), and only the typo that reads month first alone is refused, naming the row that showed day first and no value to copy', async () => {
    // QA (a hand-filled template): row 18's TANGGAL_LAHIR 5/13/1990, a typo, made the file month-first though row 23's
    // TAT 15/12/2025 reads only day first: 5/1/2026, 05-01-2026 and TAT 05/01/2026, meant 5 January, were refused,
    // each offering 1/5/2026 "untuk 1 Mei 2026" to copy
    const res = await upload(t, 'not-ok/dates-mixed-order-typo.csv');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 22, accepted: 21, rejected: 1 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.severity, i.column_name, i.code, i.message])).toEqual([
      [
        18,
        'REJECT',
        'TANGGAL_LAHIR',
        'DATE_INVALID',
        'TANGGAL_LAHIR "5/13/1990" bukan tanggal yang valid: dibaca tanggal/bulan/tahun, seperti tanggal lain di berkas ini (baris 23: TAT 15/12/2025), ' +
          'bulan 13 tidak ada; dibaca bulan/tanggal/tahun, artinya 13 Mei 1990. Periksa tanggal yang dimaksud dan tulis sebagai YYYY-MM-DD.',
      ],
    ]);
    expect(await datesOf(['1703064103859102', '1703060203859103', '1703060303859104', '1703060903859110', '1703066203859123'])).toEqual({
      '1703064103859102': ['2026-01-05', null],
      '1703060203859103': ['2026-01-05', null],
      '1703060303859104': ['2025-01-01', '2026-01-05'],
      '1703060903859110': ['2026-02-03', null],
      '1703066203859123': ['2025-01-01', '2025-12-15'],
    });

    // the day-first row before the typo: refused at once, saying the same
    const before = await upload(t, { name: 'tanggal-dulu-lalu-salah-ketik.csv', content: Buffer.from([HEADER, line(61, '15/3/2026'), line(62, '4/2/2026'), line(63, '3/16/2026')].join('\n')) });
    expect((await issues(t, before.body.id)).map((i) => [i.row_number, i.code, i.message])).toEqual([
      [
        4,
        'DATE_INVALID',
        'TMT "3/16/2026" bukan tanggal yang valid: dibaca tanggal/bulan/tahun, seperti tanggal lain di berkas ini (baris 2: TMT 15/3/2026), ' +
          'bulan 16 tidak ada; dibaca bulan/tanggal/tahun, artinya 16 Maret 2026. Periksa tanggal yang dimaksud dan tulis sebagai YYYY-MM-DD.',
      ],
    ]);
    expect(await tmtOf([nik(61), nik(62), nik(63)])).toEqual({ [nik(61)]: '2026-03-15', [nik(62)]: '2026-02-04' });
  });

  it('dashes (golden file): DD-MM-YYYY is day first whatever the file (§12), never a sign of the order; one only month first can be is refused without a value to copy', async () => {
    // 1-20-1980 made the file month-first, and 05-01-2026 and 3/1/2026 were refused as either way round
    const res = await upload(t, 'not-ok/dates-dashes-day-first.csv');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 3, rejected: 1 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.column_name, i.code, i.message])).toEqual([
      [
        3,
        'TANGGAL_LAHIR',
        'DATE_INVALID',
        'TANGGAL_LAHIR "1-20-1980" bukan tanggal yang valid: bulan 20 tidak ada (dengan tanda hubung tanggal ditulis dulu: DD-MM-YYYY); bila maksudnya 20 Januari 1980, ' +
          'tulis sebagai YYYY-MM-DD. Gunakan sel tanggal, YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY.',
      ],
    ]);
    expect(await datesOf(['1703060101800051', '1703060101800053', '1703060101800054'])).toEqual({
      '1703060101800051': ['2026-01-05', null],
      '1703060101800053': ['2026-01-03', null],
      '1703060101800054': ['2026-01-01', '2026-02-04'],
    });

    // in a file whose slashes show month first, a dash date is still day first; its slashed dates either way round are refused
    const monthFirst = await upload(t, { name: 'bulan-dulu-dan-hubung.csv', content: Buffer.from([HEADER, line(71, '03-01-2026'), line(72, '3/15/2026'), line(73, '3/1/2026')].join('\n')) });
    expect((await issues(t, monthFirst.body.id)).map((i) => [i.row_number, i.code])).toEqual([
      [3, 'DATE_INVALID'],
      [4, 'DATE_ORDER_AMBIGUOUS'],
    ]);
    expect(await tmtOf([nik(71), nik(72), nik(73)])).toEqual({ [nik(71)]: '2026-01-03' });
  });

  it('day first: the row that waited is read day first once a later row shows the order', async () => {
    const res = await upload(t, 'ok/dates-day-first-shown-later.csv');
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 3, accepted: 3, rejected: 0, warnings: 0 });
    expect(await tmtOf(['1703060101800011', '1703060101800012', '1703060101800013'])).toEqual({ '1703060101800011': '2026-01-03', '1703060101800012': '2026-03-15', '1703060101800013': '2026-02-04' });
  });

  it('a file that never shows its order is read day first (§12)', async () => {
    const res = await upload(t, { name: 'tanpa-petunjuk.csv', content: Buffer.from([HEADER, line(21, '3/1/2026'), line(22, '2026-05-01')].join('\n')) });
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, rejected: 0 });
    expect(await tmtOf([nik(21)])).toEqual({ [nik(21)]: '2026-01-03' });
  });

  it('past a staged batch: the row that waited is registered, or refused, with the later batch (PostgreSQL registers rows batch by batch)', async () => {
    // 6,000 rows: the order is shown at row 6,000, after the first 5,000 rows were staged
    const rows = (first: number, shown: string) => [HEADER, line(first, '3/1/2026'), ...Array.from({ length: 5997 }, (_, i) => line(first + 1 + i, '2026-02-01')), line(first + 5998, shown)];
    // a file this size is processed after the answer (PROCESSING): read it once done
    const done = async (name: string, content: string[]) => {
      const { body } = await upload(t, { name, content: Buffer.from(content.join('\n')) });
      await t.app.get(ImportEnrollmentSheet).idle();
      return (await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${body.id}`).expect(200)).body;
    };
    const dayFirst = await done('besar-tanggal-dulu.csv', rows(100, '15/3/2026'));
    expect(dayFirst).toMatchObject({ status: 'DONE', rowsRead: 5999, accepted: 5999, rejected: 0 });
    expect(await tmtOf([nik(100), nik(6098)])).toEqual({ [nik(100)]: '2026-01-03', [nik(6098)]: '2026-03-15' });

    const monthFirst = await done('besar-bulan-dulu.csv', rows(10_100, '3/15/2026'));
    expect(monthFirst).toMatchObject({ status: 'DONE', rowsRead: 5999, accepted: 5997, rejected: 2 });
    expect((await issues(t, monthFirst.id)).map((i) => [i.row_number, i.code])).toEqual([[2, 'DATE_ORDER_AMBIGUOUS'], [6000, 'DATE_INVALID']]);
    expect(await tmtOf([nik(10_100), nik(10_101)])).toEqual({ [nik(10_101)]: '2026-02-01' });
  });

  it('past 5,000 waiting rows a file that showed month first is read so; a date showing day first after that puts the order in doubt: no value is offered to copy', async () => {
    // row 2 shows month first, rows 3–5,001 wait (5,000 with row 2) and are refused; row 5,002 shows day first
    const rows = [HEADER, line(20_000, '3/15/2026'), ...Array.from({ length: 4999 }, (_, i) => line(20_001 + i, '3/1/2026')), line(25_000, '15/3/2026'), line(25_001, '4/2/2026'), line(25_002, '3/17/2026')];
    const { body } = await upload(t, { name: 'lama-menunggu.csv', content: Buffer.from(rows.join('\n')) });
    await t.app.get(ImportEnrollmentSheet).idle();
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${body.id}`).expect(200)).body).toMatchObject({ status: 'DONE', rowsRead: 5003, accepted: 1, rejected: 5002 });
    const found = await issues(t, body.id);
    expect(found.slice(-3).map((i) => [i.row_number, i.code, i.message])).toEqual([
      [5001, 'DATE_ORDER_AMBIGUOUS', expect.stringContaining('berkas ini menulis tanggal sebagai bulan/tanggal/tahun (baris 2: TMT 3/15/2026). Tulis tanggalnya sebagai tanggal/bulan/tahun (1/3/2026')],
      [
        5003,
        'DATE_ORDER_AMBIGUOUS',
        'TMT "4/2/2026" dapat berarti 4 Februari 2026 atau 2 April 2026, dan berkas ini menulis tanggal dengan kedua urutan: bulan/tanggal/tahun (baris 2: TMT 3/15/2026) ' +
          'dan tanggal/bulan/tahun (baris 5002: TMT 15/3/2026). Periksa tanggal yang dimaksud dan tulis sebagai YYYY-MM-DD.',
      ],
      [5004, 'DATE_INVALID', expect.stringContaining('seperti tanggal lain di berkas ini (baris 5002: TMT 15/3/2026), bulan 17 tidak ada; dibaca bulan/tanggal/tahun, artinya 17 Maret 2026.')],
    ]);
    expect(await tmtOf([nik(25_000)])).toEqual({ [nik(25_000)]: '2026-03-15' });
  });
});
