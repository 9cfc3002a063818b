/**
 * An enrollment sheet of the 1904 date system (old Excel for Mac), dates pasted as values into the
 * template's Text cells (golden file not-ok/date-1904-serials.xlsx): serials and date cells are read on the
 * days Excel shows, and the Perbaiki report is itself a 1904-system workbook repeating the numbers as
 * numbers, so uploaded back it reads the same values (QA: its numbers came back as text, so the dates were
 * refused on re-upload and a NIK in a number cell went in as text with its lost digits).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';
import { binary } from '../reports/support/xlsx.js';

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
      'TANGGAL_LAHIR 1989-05-14 tidak sesuai dengan tanggal lahir di NIK (130585). TANGGAL_LAHIR 31180 adalah nomor seri tanggal Excel, dan berkas ini memakai ' +
        'sistem tanggal 1904 (Excel untuk Mac versi lama), sehingga terbaca 1989-05-14; dalam sistem 1900 nomor yang sama adalah 1985-05-13. Bila tanggal ini ' +
        'disalin dari buku kerja lain, periksa tanggalnya dan ketik sebagai YYYY-MM-DD atau DD/MM/YYYY. Tanggal 1985-05-13 sesuai dengan NIK.',
    );
    expect(found[4].message).toMatch(/^TMT 3000 \(nomor seri tanggal Excel untuk 1912-03-19 dalam sistem tanggal 1904 berkas ini; dalam sistem 1900 nomor itu 1908-03-18\) di luar tahun 2000–2099/);
    expect(found[5].message).toMatch(/^TANGGAL_LAHIR hanya berisi tahun \(1985\)/);

    const { content, wb, sheet } = await report(first.body.id);
    expect(wb.properties.date1904).toBe(true); // a 1904-system workbook, as the upload

    // every number as the number uploaded; the typed date cells as the days they showed
    const rows = (sheet.getSheetValues().slice(2) as unknown[][]).map((r) => [r[11], r[1], r[4], r[5], r[8], r[9]]);
    expect(rows).toEqual([
      [3, '1703061305850002', 29718, 'L', 44561, 44864],
      [4, 1703061305850003, 29718, 'L', 44561, undefined],
      [5, '1703061305850004', '1985-05-13', 'X', '2026-01-01', '2026-10-31'],
      [6, '1703061305850005', 31180, 'L', 44561, undefined],
      [7, '1703061305850006', 29718, 'L', 3000, undefined],
      [8, '1703061305850007', 1985, 'L', 44561, undefined],
    ]);

    // uploaded back untouched: the same findings with the same messages (each row one higher in the report), the same register
    const again = await upload(t, { name: 'laporan-1904.xlsx', content });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 6, accepted: 1, unchanged: 1, rejected: 5, warnings: 1 });
    const back = await issues(t, again.body.id);
    expect(back.map((i) => [i.row_number, i.code, i.message])).toEqual(found.map((i) => [i.row_number - 1, i.code, i.message]));

    // fixed (the village, the sex, the TMT typed over), the rows go in on the days the first upload read
    sheet.getCell('F2').value = '17.03.06.2001';
    sheet.getCell('E4').value = 'L';
    sheet.getCell('H6').value = 44561;
    // ExcelJS saves it in the system it read (wb.properties.date1904), as Excel does
    const third = await upload(t, { name: 'laporan-1904-diperbaiki.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(third.body).toMatchObject({ status: 'DONE', accepted: 4, rejected: 2 });
    expect(await participants()).toEqual([
      { name: 'Seri 1904 Baik', birth_date: '1985-05-13', tmt: '2026-01-01', tat: null },
      { name: 'Seri 1904 Desa Salah', birth_date: '1985-05-13', tmt: '2026-01-01', tat: '2026-10-31' },
      { name: 'Sel Tanggal 1904', birth_date: '1985-05-13', tmt: '2026-01-01', tat: '2026-10-31' },
      { name: 'Seri Dari Buku 1900', birth_date: '1989-05-14', tmt: '2026-01-01', tat: null },
      { name: 'TMT Seri 1912', birth_date: '1985-05-13', tmt: '2026-01-01', tat: null },
    ]);
  });
});
