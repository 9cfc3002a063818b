/**
 * A date pasted as a value into a date column of the template (formatted as Text) arrives as a
 * number, its Excel serial: it is read as that date, in the workbook's date system (QA: TAT 46326
 * was refused as `TAT "46326" bukan tanggal yang valid`). A number that is no serial of 1900–2100,
 * or whose date is outside the column's years, is refused saying it is a number; a whole number of
 * 1900–2100 is a year typed alone, refused as such (DATE_YEAR_ONLY), not read as a day of 1905; so
 * is a year typed into a cell formatted as a date, which Excel stores as that serial and shows as the day.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

const HEADERS = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'];
const KK = '1703060101200001';

/** A workbook like the template: every column formatted as Text, the date columns holding what was pasted. */
async function workbook(rows: unknown[][], date1904 = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('Daftar Peserta');
  HEADERS.forEach((_, i) => (ws.getColumn(i + 1).numFmt = '@'));
  ws.addRow(HEADERS);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel date serials in date columns', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const participant = async (nik: string) =>
    (await t.dataSource.query('SELECT birth_date, tmt, tat, end_reason FROM participant WHERE nik = $1', [nik]))[0];

  it('reads TANGGAL_LAHIR, TMT and TAT pasted as numbers as the dates they are, and refuses numbers that are no such date', async () => {
    const content = await workbook([
      // 25569 = 1970-01-01, 46023 = 2026-01-01, 46326 = 2026-10-31
      ['1703060101700001', KK, 'Serial Tanggal', 25569, 'L', '17.03.06.2001', '', 46023, 46326, 'PINDAH'],
      // a year typed as a number (serial 2026 would be 1905-07-18): refused as a year
      ['1703060101700002', KK, 'Tahun Saja', '1970-01-01', 'L', '17.03.06.2001', '', 2026, '', ''],
      // neither a serial of 1900–2100 nor a date
      ['1703060101700003', KK, 'Angka Kecil', '1970-01-01', 'L', '17.03.06.2001', '', '2026-01-01', 5, 'PINDAH'],
      // a serial of 1900–2100 whose day is outside the column's years
      ['1703060101700005', KK, 'Serial Lama', '1970-01-01', 'L', '17.03.06.2001', '', 3000, '', ''],
    ]);
    const res = await upload(t, { name: 'serial.xlsx', content });
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 3 });
    expect(await participant('1703060101700001')).toEqual({ birth_date: '1970-01-01', tmt: '2026-01-01', tat: '2026-10-31', end_reason: 'PINDAH' });
    const found = (await issues(t, res.body.id)).filter((i) => i.severity === 'REJECT');
    expect(found.map((i) => [i.row_number, i.column_name, i.code])).toEqual([
      [3, 'TMT', 'DATE_YEAR_ONLY'],
      [4, 'TAT', 'DATE_INVALID'],
      [5, 'TMT', 'DATE_INVALID'],
    ]);
    expect(found[0].message).toMatch(/^TMT hanya berisi tahun \(2026\), bukan tanggal lengkap\./);
    expect(found[1].message).toMatch(/^TAT 5 berupa angka, bukan tanggal: .*nomor seri tanggal Excel \(46326 = 31\/10\/2026\).* Ketik tanggalnya sebagai YYYY-MM-DD atau DD\/MM\/YYYY/);
    expect(found[2].message).toBe('TMT 3000 (nomor seri tanggal Excel untuk 1908-03-18) di luar tahun 2000–2099: kepesertaan dihitung per bulan dalam tahun-tahun itu saja.');
  });

  it('refuses a year typed into a date-formatted cell (1985 shown as 1905-06-07) as a year, in every date column and both date systems', async () => {
    /** Rows whose [column, value] cells are formatted as dates; the rest as Text. */
    const dated = async (rows: [unknown[], number[]][], date1904 = false) => {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('Daftar Peserta');
      ws.addRow(HEADERS);
      for (const [values, dateColumns] of rows) {
        const row = ws.addRow(values);
        for (const c of [1, 2, 7]) row.getCell(c).numFmt = '@';
        for (const c of dateColumns) row.getCell(c).numFmt = 'dd/mm/yyyy';
      }
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const born1985 = '1703061708850006';
    const content = await dated([
      [[born1985, KK, 'Lahir Tahun Saja', 1985, 'L', '17.03.06.2001', '', 46023, '', ''], [4, 8]],
      [['1703060101700007', KK, 'TMT Tahun Saja', 25569, 'L', '17.03.06.2001', '', 2026, '', ''], [4, 8]],
      [['1703060101700008', KK, 'TAT Tahun Saja', 25569, 'L', '17.03.06.2001', '', 46023, 2026, 'PINDAH'], [4, 8, 9]],
      // a formula's result in a date cell: the same serial
      [['1703060101700009', KK, 'Rumus Tahun', { formula: '1980+5', result: 1985 }, 'L', '17.03.06.2001', '', 46023, '', ''], [4, 8]],
      // a real date cell, and a time of day on serial 1985, are days
      [['1703060101700010', KK, 'Tanggal Asli', 25569, 'L', '17.03.06.2001', '', 46023, '', ''], [4, 8]],
      [['1703060706050011', KK, 'Jam Pada 1905', 1985.5, 'L', '17.03.06.2001', '', 46023, '', ''], [4, 8]],
    ]);
    const res = await upload(t, { name: 'tahun-di-sel-tanggal.xlsx', content });
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, rejected: 4 });
    expect(await participant('1703060101700010')).toMatchObject({ birth_date: '1970-01-01', tmt: '2026-01-01' });
    expect(await participant('1703060706050011')).toMatchObject({ birth_date: '1905-06-07' });
    const found = (await issues(t, res.body.id)).filter((i) => i.severity === 'REJECT');
    expect(found.map((i) => [i.row_number, i.column_name, i.code])).toEqual([
      [2, 'TANGGAL_LAHIR', 'DATE_YEAR_ONLY'],
      [3, 'TMT', 'DATE_YEAR_ONLY'],
      [4, 'TAT', 'DATE_YEAR_ONLY'],
      [5, 'TANGGAL_LAHIR', 'DATE_YEAR_ONLY'],
    ]);
    expect(found[0].message).toBe(
      'TANGGAL_LAHIR hanya berisi tahun (1985), bukan tanggal lengkap: tahun itu tampaknya diketik ke sel berformat tanggal, sehingga terbaca sebagai tanggal 1905-06-07. ' +
        'Ketik tanggal lengkapnya sebagai YYYY-MM-DD atau DD/MM/YYYY (misalnya 17/08/1985).',
    );
    expect(found[3].message).toBe(found[0].message);
    // the row report repeats the year as typed, not the day of 1905: uploaded back untouched, the row is refused again
    const raw = await t.dataSource.query(`SELECT row_number, raw->>'TANGGAL_LAHIR' AS born, raw->>'TAT' AS tat FROM upload_issue WHERE upload_id = $1 AND raw IS NOT NULL ORDER BY row_number`, [res.body.id]);
    expect(raw.map((r: { born: string; tat: string | null }) => [r.born, r.tat])).toEqual([
      ['1985', null],
      ['1970-01-01', null],
      ['1970-01-01', '2026'],
      ['1985', null],
    ]);

    // the 1904 date system shows 1985 as 1909-06-08: the same year, the day as that workbook shows it
    const mac = await dated(
      [
        [['1703060101700012', KK, 'Baris Baik 1904', 24107, 'L', '17.03.06.2001', '', 44561, '', ''], [4, 8]],
        [[born1985, KK, 'Lahir Tahun 1904', 1985, 'L', '17.03.06.2001', '', 44561, '', ''], [4, 8]],
      ],
      true,
    );
    const res1904 = await upload(t, { name: 'tahun-1904.xlsx', content: mac });
    expect(res1904.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 1 });
    expect(await participant('1703060101700012')).toMatchObject({ birth_date: '1970-01-01', tmt: '2026-01-01' });
    const [year1904] = await issues(t, res1904.body.id);
    expect([year1904.column_name, year1904.code]).toEqual(['TANGGAL_LAHIR', 'DATE_YEAR_ONLY']);
    expect(year1904.message).toMatch(/^TANGGAL_LAHIR hanya berisi tahun \(1985\), .* sebagai tanggal 1909-06-08\./);
  });

  it('counts a serial from 1904-01-01 in a workbook of the 1904 date system', async () => {
    // 24107 = 1970-01-01, 44561 = 2026-01-01 in the 1904 system
    const content = await workbook([['1703060101700004', KK, 'Serial 1904', 24107, 'L', '17.03.06.2001', '', 44561, '', '']], true);
    const res = await upload(t, { name: 'serial-1904.xlsx', content });
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 0 });
    expect(await participant('1703060101700004')).toEqual({ birth_date: '1970-01-01', tmt: '2026-01-01', tat: null, end_reason: null });
  });
});
