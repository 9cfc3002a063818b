/**
 * The enrollment row report keeps the uploaded file's layout, as the payment sheet's does: Perbaiki lists
 * the columns in the order the file had them, headed as the file headed them, and the columns it lacked
 * after them (their own names); fixed there, it uploads again as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';
import { binary } from '../reports/support/xlsx.js';

describe('the enrollment upload report keeps the file\'s column order', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('Nama Peserta first and No KTP second stay so; TAT and ALASAN_BERAKHIR, absent, come last; the fixed sheet uploads again', async () => {
    const csv = [
      'Nama Peserta,No KTP,JK,Tgl Lahir,NO KK,Kode Desa,TMT,No Kartu',
      'Baris Baik,1703060101709001,L,1970-01-01,1703060101200001,17.03.06.2001,2025-01-01,',
      'Uji,1703060101700002,L,31-02-1970,1703060101200001,17.03.06.2001,2025-01-01,12345',
    ].join('\n');
    const first = await upload(t, { name: 'urut-kolom.csv', content: Buffer.from(csv) });
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 1 });
    const report = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${first.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const ws = wb.getWorksheet('Perbaiki')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Nama Peserta', 'No KTP', 'JK', 'Tgl Lahir', 'NO_KK', 'KODE_DESA', 'TMT', 'No Kartu', 'TAT', 'ALASAN_BERAKHIR', 'BARIS', 'STATUS', 'KETERANGAN',
    ]);
    expect((ws.getRow(2).values as unknown[]).slice(1, 9)).toEqual(['Uji', '1703060101700002', 'L', '31-02-1970', '1703060101200001', '17.03.06.2001', '2025-01-01', '12345']);
    // Tgl Lahir's message before No Kartu's, as in the file
    expect(String(ws.getRow(2).getCell(13).value).split('\n').map((m) => m.split(' ')[0])).toEqual(['Tgl', 'No']);

    ws.getRow(2).getCell(4).value = '1970-02-28';
    ws.getRow(2).getCell(8).value = null;
    const again = await upload(t, { name: 'urut-kolom-diperbaiki.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 1, rejected: 0, created: 1 });
  });
});
