/**
 * The row report of a file headed with accepted aliases (No Kartu, Tgl Lahir): its Perbaiki sheet is
 * headed as the file was, like the findings in KETERANGAN, and fixed there it uploads again as it is.
 */
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

describe('the upload report of a file headed with aliases', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('heads Perbaiki as the file (own names for the headers that were own names), and the fixed sheet uploads again', async () => {
    const first = await upload(t, 'not-ok/alias-headers.csv');
    expect(first.body).toMatchObject({ status: 'DONE', accepted: 1, rejected: 4 });
    const report = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${first.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body);
    const ws = wb.getWorksheet('Perbaiki')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'No KTP', 'NO_KK', 'Nama Peserta', 'Tgl Lahir', 'JK', 'KODE_DESA', 'No Kartu', 'Tanggal Mulai', 'Tgl Berakhir', 'Alasan', 'BARIS', 'STATUS', 'KETERANGAN',
    ]);
    const row = (baris: number) => ws.getRow([2, 3, 4, 5].find((r) => ws.getRow(r).getCell(11).value === baris)!);
    expect(row(3).getCell(13).value).toBe('No Kartu "12345" harus tepat 13 digit angka atau dikosongkan.');

    // fixed in the report, under its headers: the extra columns (BARIS, STATUS, KETERANGAN) are ignored
    row(3).getCell(7).value = null; // No Kartu
    row(4).getCell(4).value = '1970-02-28'; // Tgl Lahir
    row(5).getCell(9).value = null; // Tgl Berakhir
    row(5).getCell(10).value = null; // Alasan
    row(6).getCell(5).value = 'P'; // JK
    const again = await upload(t, { name: 'laporan-diperbaiki.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(again.body).toMatchObject({ status: 'DONE', rowsRead: 4, accepted: 4, rejected: 0, created: 4 });
  });
});
