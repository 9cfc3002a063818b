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
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const ws = wb.getWorksheet('Perbaiki')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '1703060101700001', '1703060101200001', 'Ganda', '1970-01-01', 'L', '17.03.06.2001', undefined, '2025-01-01', undefined, undefined, 5, 'DITOLAK',
      'NIK 1703060101700001 sudah ada di baris 3 berkas ini; baris ini diabaikan.',
    ]);
    expect(ws.getColumn(1).numFmt).toBe('@');
    expect(wb.getWorksheet('Ringkasan')!.getCell('B8').value).toBe(1);

    const warned = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(warned.body);
    const rows = wb2.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[11], r[12]])).toEqual([[4, 'PERINGATAN'], [5, 'PERINGATAN'], [6, 'PERINGATAN']]);

    // The report itself is an acceptable upload: fixed rows go in, the extra columns are ignored.
    const again = await upload(t, { name: 'laporan-diperbaiki.xlsx', content: warned.body });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 3, accepted: 3, unchanged: 3, warnings: 3 });
  });
});
