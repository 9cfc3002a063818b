/**
 * The issue list counts rows as well as messages (QA: "Baris ditolak dan peringatan (8)" over 7
 * rows), and a row's messages follow the sheet's columns, in the JSON and in the report's KETERANGAN
 * (they were listed by code, and by column name).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { consoleModule } from './support/console-module.js';

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('upload issues: rows counted, column order', () => {
  let t: TestApp;
  let uploadId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const sheet =
      'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,TMT\n' +
      '1703060101700001,1703060101200001,Baris Baik,1970-01-01,L,17.03.06.2001,2025-01-01\n' +
      // three findings on one row: NAMA, KODE_DESA, TMT (by code they were TMT, NAMA, KODE_DESA)
      '1703060101700002,1703060101200001,12345,1970-01-01,L,17.03.06.9999,2025-02-30\n' +
      '1701060101700003,1703060101200001,Dari Luar,1970-01-01,L,17.03.06.2001,2025-01-01\n';
    const res = await (await t.as(Role.OPERATOR_DINKES)).post('/api/v1/enrollment-uploads').attach('file', Buffer.from(sheet), 'peserta.csv').expect(201);
    uploadId = res.body.id;
  }, 400_000);
  afterAll(() => t.close());

  it('answers the messages (total) and the rows they are on (rows), a row in its columns order', async () => {
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${uploadId}/issues`).expect(200);
    expect(res.body).toMatchObject({ total: 4, rows: 2 });
    expect(res.body.items.map((i: any) => [i.rowNumber, i.column, i.code])).toEqual([
      [3, 'NAMA', 'NAME_WITHOUT_LETTERS'],
      [3, 'KODE_DESA', 'VILLAGE_UNKNOWN'],
      [3, 'TMT', 'DATE_INVALID'],
      [4, 'NIK', 'NIK_REGION_OUTSIDE'],
    ]);
    const warned = await (await t.as(Role.AUDITOR)).get(`/api/v1/enrollment-uploads/${uploadId}/issues?severity=WARN`).expect(200);
    expect(warned.body).toMatchObject({ total: 1, rows: 1 });
  });

  it('the report lists a row\'s messages in KETERANGAN in the same order', async () => {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${uploadId}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const messages = String(wb.getWorksheet('Perbaiki')!.getRow(2).getCell(13).value).split('\n');
    expect(messages.map((m) => m.split(/\s/)[0])).toEqual(['NAMA', 'KODE_DESA', 'TMT']);
  });

  it('the console heads the list by rows, and says how many messages when a row has several', async () => {
    const { issuesCaption } = await consoleModule('issues-table.js');
    const one = [{ rowNumber: 4 }];
    expect(issuesCaption(one)).toBe('Baris ditolak dan peringatan (1 baris)');
    expect(issuesCaption([{ row: 3 }, { row: 3 }, { row: 4 }])).toBe('Baris ditolak dan peringatan (3 pesan pada 2 baris)');
    expect(issuesCaption([], 8, 7)).toBe('Baris ditolak dan peringatan (8 pesan pada 7 baris)');
  });
});
