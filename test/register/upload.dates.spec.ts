import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SheetReader } from '../../src/common/spreadsheet/sheet-reader.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { zip } from '../support/zip.js';
import { issues, upload } from './support.js';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { binary } from '../reports/support/xlsx.js';

/**
 * A workbook in the 1904 date system (old Excel for Mac) counts serials from 1904-01-01: formula
 * results are read in it as date cells are (QA: TMT =DATE(2026,1,1), cached 44561, was stored as
 * 2021-12-31, four years early; the plain date cell beside it was right).
 */
describe('dates of a 1904-system workbook', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('stores date cells and date formulas on the days they show', async () => {
    const res = await upload(t, 'ok/date-1904.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, rejected: 0, warnings: 0 });
    const rows = await t.dataSource.query('SELECT name, birth_date, tmt FROM participant ORDER BY nik');
    expect(rows).toEqual([
      { name: 'Tanggal 1904', birth_date: '1970-03-15', tmt: '2026-01-01' },
      { name: 'Rumus 1904', birth_date: '1970-03-16', tmt: '2026-01-01' },
    ]);
  });
});

/** `date1904="true"` (as valid as "1", which is all ExcelJS reads): a DATE() formula and a plain date cell. */
describe('the 1904 system written as "true"', () => {
  it('reads both on the day they show', async () => {
    const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${text('A1', 'NIK')}${text('B1', 'TMT')}${text('C1', 'TAT')}</row>` +
      `<row r="2">${text('A2', '1703061603701603')}<c r="B2" s="1"><f>DATE(2026,1,1)</f><v>44561</v></c><c r="C2" s="1"><v>44591</v></c></row></sheetData></worksheet>`;
    const path = join(mkdtempSync(join(tmpdir(), 'd1904-')), 'true.xlsx');
    await writeFile(path, zip([
      { name: 'xl/workbook.xml', data: Buffer.from(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="true"/><sheets><sheet name="Daftar Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
      { name: 'xl/styles.xml', data: Buffer.from(`<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`) },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet) },
    ]));
    const reader = new SheetReader(path, { filename: 'true.xlsx', columns: [{ name: 'NIK', required: true }, { name: 'TMT' }, { name: 'TAT' }] });
    const cells = [];
    for await (const batch of reader.batches()) cells.push(...batch.flatMap((r) => r.cells.slice(1).map((c) => [c.kind, c.text])));
    expect(cells).toEqual([['date', '2026-01-01'], ['date', '2026-01-31']]);
  });
});

/**
 * An enrollment sheet of the 1904 date system (old Excel for Mac), dates pasted as values into the
 * template's Text cells (golden file not-ok/date-1904-serials.xlsx): serials and date cells are read on the
 * days Excel shows, and the Perbaiki report is itself a 1904-system workbook repeating the numbers as
 * numbers, so uploaded back it reads the same values (QA: its numbers came back as text, so the dates were
 * refused on re-upload and a NIK in a number cell went in as text with its lost digits).
 */
describe('an enrollment sheet of the 1904 date system, and its Perbaiki uploaded back', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  async function report(uploadId: string): Promise<{ content: Buffer; wb: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${uploadId}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return { content: res.body, wb, sheet: wb.getWorksheet('Perbaiki')! };
  }
  const participants = () => t.dataSource.query('SELECT name, birth_date, tmt, tat FROM participant ORDER BY nik');

  it('reads serials and date cells on the days shown, says when a serial is ambiguous, and round-trips the report', async () => {
    const first = await upload(t, 'not-ok/date-1904-serials.xlsx');
    expect(first.body).toMatchObject({ status: 'DONE', rowsRead: 7, accepted: 2, rejected: 5, warnings: 1 });
    expect(await participants()).toEqual([
      { name: 'Seri 1904 Baik', birth_date: '1985-05-13', tmt: '2026-01-01', tat: null },
      // pasted from a 1900-system workbook: read in this workbook's system, as Excel shows it, and warned (below)
      { name: 'Seri Dari Buku 1900', birth_date: '1989-05-14', tmt: '2026-01-01', tat: null },
    ]);
    const found = await issues(t, first.body.id);
    expect(found.map((i) => [i.row_number, i.column_name, i.code])).toEqual([
      [3, 'KODE_DESA', 'VILLAGE_UNKNOWN'],
      [4, 'NIK', 'NIK_NUMERIC_CELL'],
      [5, 'JENIS_KELAMIN', 'SEX_INVALID'],
      [6, 'TANGGAL_LAHIR', 'NIK_BIRTH_DATE_MISMATCH'],
      [7, 'TMT', 'DATE_INVALID'],
      [8, 'TANGGAL_LAHIR', 'DATE_YEAR_ONLY'],
    ]);
    expect(found[3].message).toBe(
      'TANGGAL_LAHIR 14 Mei 1989 tidak sesuai dengan tanggal lahir di NIK (130585: 13 Mei, tahun berakhiran 85). TANGGAL_LAHIR 31180 adalah nomor seri tanggal ' +
        'Excel, dan berkas ini memakai sistem tanggal 1904 (Excel untuk Mac versi lama), sehingga terbaca 14 Mei 1989; dalam sistem 1900 nomor yang sama adalah ' +
        '13 Mei 1985. Bila tanggal ini disalin dari buku kerja lain, periksa tanggalnya dan ketik sebagai YYYY-MM-DD atau DD/MM/YYYY. Tanggal 13 Mei 1985 sesuai ' +
        'dengan NIK.',
    );
    expect(found[4].message).toMatch(/^TMT 3000 \(nomor seri tanggal Excel untuk 1912-03-19 dalam sistem tanggal 1904 berkas ini; dalam sistem 1900 nomor itu 1908-03-18\) di luar tahun 2000–2099/);
    expect(found[5].message).toMatch(/^TANGGAL_LAHIR hanya berisi tahun \(1985\)/);

    const { content, wb, sheet } = await report(first.body.id);
    expect(wb.properties.date1904).toBe(true); // a 1904-system workbook, as the upload

    // every number as the number uploaded, but the dates: serials and date cells as the days this workbook shows, day first
    // as the template's (DD/MM/YYYY text); a year alone as the year
    const rows = (sheet.getSheetValues().slice(2) as unknown[][]).map((r) => [r[11], r[1], r[4], r[5], r[8], r[9]]);
    expect(rows).toEqual([
      [3, '1703061305850002', '13/05/1985', 'L', '01/01/2026', '31/10/2026'],
      [4, 1703061305850003, '13/05/1985', 'L', '01/01/2026', undefined],
      [5, '1703061305850004', '13/05/1985', 'X', '01/01/2026', '31/10/2026'],
      // row 6, accepted with a warning, is not repeated (it is on Peringatan): uploaded again it would overwrite later changes
      [7, '1703061305850006', '13/05/1985', 'L', '19/03/1912', undefined],
      [8, '1703061305850007', 1985, 'L', '01/01/2026', undefined],
    ]);

    // uploaded back untouched: the same refusals (each row at its place in the report), with the same messages but the
    // TMT of 1912, now the day rather than its serial; the same register
    const again = await upload(t, { name: 'laporan-1904.xlsx', content });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 5, accepted: 0, rejected: 5, warnings: 0 });
    const back = await issues(t, again.body.id);
    const refused = found.filter((i) => i.severity === 'REJECT');
    expect(back.map((i) => [i.row_number, i.code, i.code === 'DATE_INVALID' ? '' : i.message])).toEqual(refused.map((i, at) => [at + 2, i.code, i.code === 'DATE_INVALID' ? '' : i.message]));
    expect(back.find((i) => i.code === 'DATE_INVALID')!.message).toMatch(/^TMT 1912-03-19 di luar tahun 2000–2099/);

    // fixed (the village, the sex, the TMT typed over), the rows go in on the days the first upload read
    sheet.getCell('F2').value = '17.03.06.2001';
    sheet.getCell('E4').value = 'L';
    sheet.getCell('H5').value = 44561;
    // ExcelJS saves it in the system it read (wb.properties.date1904), as Excel does
    const third = await upload(t, { name: 'laporan-1904-diperbaiki.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(third.body).toMatchObject({ status: 'DONE', accepted: 3, rejected: 2 });
    expect(await participants()).toEqual([
      { name: 'Seri 1904 Baik', birth_date: '1985-05-13', tmt: '2026-01-01', tat: null },
      { name: 'Seri 1904 Desa Salah', birth_date: '1985-05-13', tmt: '2026-01-01', tat: '2026-10-31' },
      { name: 'Sel Tanggal 1904', birth_date: '1985-05-13', tmt: '2026-01-01', tat: '2026-10-31' },
      { name: 'Seri Dari Buku 1900', birth_date: '1989-05-14', tmt: '2026-01-01', tat: null },
      { name: 'TMT Seri 1912', birth_date: '1985-05-13', tmt: '2026-01-01', tat: null },
    ]);
  });
});

/**
 * A date pasted as a value into a date column of the template (formatted as Text) arrives as a
 * number, its Excel serial: it is read as that date, in the workbook's date system (QA: TAT 46326
 * was refused as `TAT "46326" bukan tanggal yang valid`). A number that is no serial of 1900–2100,
 * or whose date is outside the column's years, is refused saying it is a number; a whole number of
 * 1900–2100 is a year typed alone, refused as such (DATE_YEAR_ONLY), not read as a day of 1905; so
 * is a year typed into a cell formatted as a date, which Excel stores as that serial and shows as the day.
 */
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
      // a day typed as a number without separators, year first or day first
      ['1703060101700006', KK, 'Tanpa Pemisah', '1970-01-01', 'L', '17.03.06.2001', '', 20261201, 31122026, 'PINDAH'],
      // 03122026 typed into a General cell: the number 3122026, its day's leading zero lost
      ['1703060101700007', KK, 'Nol Hilang', '1970-01-01', 'L', '17.03.06.2001', '', 3122026, '', ''],
    ]);
    const res = await upload(t, { name: 'serial.xlsx', content });
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 5 });
    expect(await participant('1703060101700001')).toEqual({ birth_date: '1970-01-01', tmt: '2026-01-01', tat: '2026-10-31', end_reason: 'PINDAH' });
    const found = (await issues(t, res.body.id)).filter((i) => i.severity === 'REJECT');
    expect(found.map((i) => [i.row_number, i.column_name, i.code])).toEqual([
      [3, 'TMT', 'DATE_YEAR_ONLY'],
      [4, 'TAT', 'DATE_INVALID'],
      [5, 'TMT', 'DATE_INVALID'],
      [6, 'TMT', 'DATE_INVALID'],
      [6, 'TAT', 'DATE_INVALID'],
      [7, 'TMT', 'DATE_INVALID'],
    ]);
    expect(found[0].message).toMatch(/^TMT hanya berisi tahun \(2026\), bukan tanggal lengkap\./);
    expect(found[1].message).toMatch(/^TAT 5 berupa angka, bukan tanggal: .*nomor seri tanggal Excel \(46326 = 31\/10\/2026\).* Ketik tanggalnya sebagai YYYY-MM-DD atau DD\/MM\/YYYY/);
    expect(found[2].message).toBe('TMT 3000 (nomor seri tanggal Excel untuk 1908-03-18) di luar tahun 2000–2099: kepesertaan dihitung per bulan dalam tahun-tahun itu saja.');
    // the day meant, not the serial example (QA: TMT 20261201 was told "46326 = 31/10/2026")
    expect(found[3].message).toBe('TMT 20261201 berupa angka tanpa pemisah, bukan tanggal. Bila maksudnya 1 Desember 2026, ketik 2026-12-01 atau 01/12/2026 di sel berformat Teks.');
    expect(found[4].message).toBe('TAT 31122026 berupa angka tanpa pemisah, bukan tanggal. Bila maksudnya 31 Desember 2026, ketik 2026-12-31 atau 31/12/2026 di sel berformat Teks. Bila tidak ada TAT, kosongkan selnya.');
    expect(found[5].message).toBe('TMT 3122026 berupa angka tanpa pemisah, bukan tanggal. Bila maksudnya 3 Desember 2026, ketik 2026-12-03 atau 03/12/2026 di sel berformat Teks.');
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

/**
 * QA: a TAT after today with ALASAN_BERAKHIR MENINGGAL (a death still to come) was taken silently.
 * A death sets TAT to its day (DOMAIN §4), so the row is refused naming TAT and today (the Clock's,
 * in WIB); a death today is fine, and a later TAT with another reason (PINDAH) is still taken.
 */
const HEADER = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
const row = (n: number, name: string, tat: string, reason: string) => `17030601017000${String(n).padStart(2, '0')},1703060101200001,${name},1970-01-01,L,17.03.06.2001,,2025-01-01,${tat},${reason}`;

describe('a death after today is refused', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('TAT after today with MENINGGAL is rejected (DEATH_DATE_IN_FUTURE); today, or later with PINDAH, is taken', async () => {
    t.clock.set(new Date('2026-11-15T03:00:00Z')); // 10:00 WIB
    const content = [
      HEADER,
      row(11, 'Meninggal Hari Ini', '2026-11-15', 'MENINGGAL'),
      row(12, 'Meninggal Besok', '16/11/2026', 'MENINGGAL'),
      row(13, 'Meninggal Tahun Depan', '2027-12-31', 'meninggal'),
      row(14, 'Pindah Bulan Depan', '2026-12-15', 'PINDAH'),
    ].join('\n');
    const res = await upload(t, { name: 'meninggal.csv', content: Buffer.from(`${content}\n`) });
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2, warnings: 0 });
    const found = await issues(t, res.body.id);
    expect(found.map((i) => [i.row_number, i.severity, i.column_name, i.code])).toEqual([
      [3, 'REJECT', 'TAT', 'DEATH_DATE_IN_FUTURE'],
      [4, 'REJECT', 'TAT', 'DEATH_DATE_IN_FUTURE'], // not also warned that the year looks mistyped
    ]);
    expect(found[0].message).toBe('TAT 16 November 2026 sesudah hari ini (15 November 2026): dengan ALASAN_BERAKHIR MENINGGAL, TAT adalah tanggal meninggal, yang tidak mungkin di masa depan. Periksa tanggalnya, terutama tahunnya.');
    const stored = await t.dataSource.query(`SELECT nik, tat, end_reason FROM participant WHERE nik LIKE '17030601017000%' ORDER BY nik`);
    expect(stored).toEqual([
      { nik: '1703060101700011', tat: '2026-11-15', end_reason: 'MENINGGAL' },
      { nik: '1703060101700014', tat: '2026-12-15', end_reason: 'PINDAH' },
    ]);
  });
});
