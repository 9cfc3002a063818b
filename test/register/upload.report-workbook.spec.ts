import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('the upload report workbook', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('repeats rejected and warned rows as uploaded with the messages, ready to fix and re-upload', async () => {
    const res = await upload(t, 'not-ok/nik-female-day-plus-40.csv');
    const bad = await upload(t, 'not-ok/duplicate-nik-in-file.csv');
    const report = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${bad.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    expect(report.headers['content-type']).toMatch(/spreadsheetml/);
    // which file it reports on, the day and the upload (QA: laporan-unggahan-<id>.xlsx said nothing of the file)
    expect(report.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="laporan-unggahan-peserta-duplicate-nik-in-file-\\d{4}-\\d{2}-\\d{2}-${bad.body.id.slice(0, 8)}\\.xlsx"$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const ws = wb.getWorksheet('Perbaiki')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      undefined, '1703060101200001', 'Ganda', '1970-01-01', 'L', '17.03.06.2001', undefined, '2025-01-01', undefined, undefined, 5, 'DITOLAK',
      'NIK 1703060101700001 sudah ada di baris 3 berkas ini; baris ini diabaikan.',
    ]);
    expect(ws.getColumn(1).numFmt).toBe('@');
    expect(wb.getWorksheet('Ringkasan')!.getCell('B8').value).toBe(1);
    expect(wb.getWorksheet('Ringkasan')!.getCell('B4').value).toBe('15/11/2026 10:00 WIB'); // uploaded at the test clock's 03:00 UTC

    const warned = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(warned.body);
    const rows = wb2.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[11], r[12]])).toEqual([[4, 'PERINGATAN'], [5, 'PERINGATAN'], [6, 'PERINGATAN']]);

    // The report itself is an acceptable upload: fixed rows go in, the extra columns are ignored.
    const again = await upload(t, { name: 'laporan-diperbaiki.xlsx', content: warned.body });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 3, accepted: 3, unchanged: 3, warnings: 3 });
  });

  /** The "Perbaiki" sheet of an upload's report, as rows of cell values (1-based like ExcelJS). */
  async function reportOf(uploadId: string): Promise<{ content: Buffer; rows: unknown[][] }> {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${uploadId}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return { content: res.body, rows: wb.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][] };
  }

  it('repeats a NIK or KK number that arrived as a number as that number: uploaded back unchanged it is refused again, not registered with lost digits', async () => {
    const first = await upload(t, 'not-ok/nik-numeric-cell.xlsx');
    const { content, rows } = await reportOf(first.body.id);
    const numeric = rows.filter((r) => /terbaca sebagai angka/.test(String(r[13])));
    expect(numeric.map((r) => [r[11], typeof r[1], typeof r[2]])).toEqual([[3, 'number', 'string'], [4, 'string', 'number']]);
    const before = await t.dataSource.query('SELECT nik FROM participant ORDER BY nik');
    const again = await upload(t, { name: 'laporan.xlsx', content });
    const refused = await t.dataSource.query(`SELECT row_number, column_name, code FROM upload_issue WHERE upload_id = $1 AND severity = 'REJECT' ORDER BY row_number`, [again.body.id]);
    expect(refused).toEqual(expect.arrayContaining([
      { row_number: 2, column_name: 'NIK', code: 'NIK_NUMERIC_CELL' },
      { row_number: 3, column_name: 'NO_KK', code: 'NO_KK_NUMERIC_CELL' },
    ]));
    expect(await t.dataSource.query('SELECT nik FROM participant ORDER BY nik')).toEqual(before);
  });

  it('repeats a formula saved without its result as its formula, written as text (not a blank cell)', async () => {
    const first = await upload(t, 'not-ok/formula-failures.xlsx');
    const { rows } = await reportOf(first.body.id);
    const byRow = new Map(rows.map((r) => [r[11], r]));
    expect(byRow.get(3)![6]).toBe('#N/A'); // KODE_DESA: the error value as shown in Excel
    expect(byRow.get(4)![4]).toBe('=DATE(1975,5,5)/0'); // TANGGAL_LAHIR
    expect(byRow.get(5)![8]).toBe('=DATE(2025,1,1)'); // TMT
    expect(byRow.get(5)![3]).toBe('TMT Belum Dihitung'); // the row's other cells as uploaded
  });

  it('leaves out the NIK of a duplicate row (its message names it): uploaded back unchanged it cannot overwrite the row that registered it', async () => {
    const first = await upload(t, { name: 'ganda-2.csv', content: Buffer.from(
      'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT\n' +
      '1703060202700001,1703060101200001,Yang Benar,1970-02-02,L,17.03.06.2001,2025-01-01\n' +
      '1703060202700001,1703060101200001,Salah Ketik,1970-02-02,L,17.03.06.2001,2025-01-01\n') });
    const { content, rows } = await reportOf(first.body.id);
    expect(rows.map((r) => [r[11], r[1], r[3]])).toEqual([[3, undefined, 'Salah Ketik']]);
    expect(String(rows[0][13])).toContain('NIK 1703060202700001 sudah ada di baris 2');
    const again = await upload(t, { name: 'laporan-ganda.xlsx', content });
    expect(again.body).toMatchObject({ accepted: 0, rejected: 1 });
    const [person] = await t.dataSource.query(`SELECT name FROM participant WHERE nik = '1703060202700001'`);
    expect(person.name).toBe('Yang Benar');
  });
});
