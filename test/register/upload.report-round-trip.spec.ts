/**
 * The Perbaiki sheet round-trips (QA): uploaded back untouched, every row reads as the first upload
 * read it. A date pasted as a value into the template's Text cells (31180) was accepted as 1985-05-13
 * and written back as the text "31180", which the re-upload refused in every date column; a NIK that
 * arrived as a number was left blank, so the operator had to find it again. (A NIK repeated from an
 * earlier row stays blank: uploaded back it would overwrite the participant that row registered.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { issues, upload } from './support.js';

const HEADERS = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'];
const KK = '1703060101200001';
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('the Perbaiki sheet uploaded back', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  async function report(uploadId: string): Promise<{ content: Buffer; rows: unknown[][] }> {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${uploadId}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    return { content: res.body, rows: wb.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][] };
  }

  it('reads dates pasted as numbers and numeric NIKs as the first upload did, every value but a repeated NIK repeated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Daftar Peserta');
    HEADERS.forEach((_, i) => (ws.getColumn(i + 1).numFmt = '@')); // the template: every column Text
    ws.addRow(HEADERS);
    // 31180 = 1985-05-13, 46023 = 2026-01-01, 46326 = 2026-10-31
    ws.addRow(['1801061305850001', KK, 'Warga Luar', 31180, 'L', '17.03.06.2001', '', 46023, '', '']); // accepted, warned (NIK of another regency)
    ws.addRow(['1703061305850002', KK, 'Desa Salah', 31180, 'L', '17.03.06.9999', '', 46023, 46326, 'PINDAH']); // refused for the village only
    ws.addRow([1703061305850003, KK, 'NIK Angka', 31180, 'L', '17.03.06.2001', '', 46023, '', '']); // refused: NIK a number
    ws.addRow(['1801061305850001', KK, 'Ganda', 31180, 'L', '17.03.06.2001', '', 46023, '', '']); // refused: NIK of row 2
    const first = await upload(t, { name: 'tempel-nilai.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 3, warnings: 1 });
    const [person] = await t.dataSource.query(`SELECT birth_date, tmt FROM participant WHERE nik = '1801061305850001'`);
    expect(person).toEqual({ birth_date: '1985-05-13', tmt: '2026-01-01' });

    const { content, rows } = await report(first.body.id);
    // every row carries its values as uploaded: the numbers as numbers, the numeric NIK of row 4 too; row 5's repeated NIK is left out
    expect(rows.map((r) => [r[11], r[1], r[4], r[8], r[9]])).toEqual([
      [2, '1801061305850001', 31180, 46023, undefined],
      [3, '1703061305850002', 31180, 46023, 46326],
      [4, 1703061305850003, 31180, 46023, undefined],
      [5, undefined, 31180, 46023, undefined],
    ]);

    const again = await upload(t, { name: 'laporan-diperbaiki.xlsx', content });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 1, unchanged: 1, rejected: 3, warnings: 1 });
    const found = (await issues(t, again.body.id)).map((i) => [i.row_number, i.column_name, i.code]);
    expect(found).toEqual([
      [2, 'NIK', 'NIK_REGION_OUTSIDE'],
      [3, 'KODE_DESA', 'VILLAGE_UNKNOWN'],
      [4, 'NIK', 'NIK_NUMERIC_CELL'],
      [5, 'NIK', 'REQUIRED'], // left out: someone types the right NIK or drops the row
    ]);
  });
});
