/**
 * A pledge sheet's row report keeps the file's own layout on both sheets: Perbaiki lays the `Komitmen` columns
 * out in the order the file had them (headed as the file headed them, the columns it lacked after them, each
 * row's messages in that order), and its `Daftar` sheet the `Daftar` columns (`NILAI` before `KODE` stays so).
 * Both fixed, the workbook is uploaded back as it is. An upload stored before the order was kept
 * (`column_order`, `list_column_order` null) keeps the service's order.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { download, readWorkbook } from '../reports/support/xlsx.js';

const HEADER = ['PERSEN', 'NIK', 'CAKUPAN', 'TAHUN', 'PEMBERI', 'KODE', 'SUMBER'];
const LACKED = ['JENIS_DANA', 'BULAN_DARI', 'BULAN_SAMPAI', 'KODE_DESA', 'KUOTA', 'PAGU', 'PRIORITAS', 'DASAR_HUKUM'];
const NIK = (n: number) => `170306410190000${n}`;

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Komitmen');
  [
    HEADER,
    [100, NIK(1), 'RESIDENTS', 2026, 'PT A', 'TJSLP-A-2026', 'TJSLP'], // its Daftar row 3 is refused
    ['lima', null, 'ALL', 'dua ribu', 'Pemkab', 'APBD-U-2026', 'APBD'], // PERSEN and TAHUN refused
    [100, NIK(9), 'RESIDENTS', 2026, 'PT OK', 'TJSLP-OK-2026', 'TJSLP'],
  ].forEach((r) => sheet.addRow(r));
  const daftar = wb.addWorksheet('Daftar');
  [
    ['NILAI', 'KODE'],
    [NIK(2), 'TJSLP-A-2026'],
    ['12345', 'TJSLP-A-2026'],
    [NIK(8), 'TJSLP-OK-2026'],
  ].forEach((r) => daftar.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('pledge sheets: the row report keeps the uploaded file\'s column order', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t?.close());

  const upload = (file: Buffer, name: string) => keuangan.post('/api/v1/pledge-uploads').attach('file', file, name).expect(201);
  const report = async (id: string) => {
    const wb = await readWorkbook((await download(keuangan.get(`/api/v1/pledge-uploads/${id}/report.xlsx`))).body);
    return { wb, perbaiki: wb.getWorksheet('Perbaiki')!, daftar: wb.getWorksheet('Daftar')! };
  };

  let firstId: string;

  it('Perbaiki and Daftar are laid out as the file was, messages in that order; both fixed, the workbook uploads back', async () => {
    const first = await upload(await workbook(), 'komitmen-urut.xlsx');
    expect(first.body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2, listRowsRejected: 1 });
    firstId = first.body.id;

    const { wb, perbaiki, daftar } = await report(firstId);
    expect(values(perbaiki, 1)).toEqual([...HEADER, ...LACKED, 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(values(perbaiki, 2).slice(0, 7)).toEqual([100, NIK(1), 'RESIDENTS', 2026, 'PT A', 'TJSLP-A-2026', 'TJSLP']);
    expect(values(perbaiki, 3).slice(0, 7)).toEqual(['lima', undefined, 'ALL', 'dua ribu', 'Pemkab', 'APBD-U-2026', 'APBD']);
    expect(values(perbaiki, 3).slice(15, 17)).toEqual([3, 'DITOLAK']);
    const messages = String(values(perbaiki, 3)[17]).split('\n');
    expect(messages.map((m) => m.split(' ')[0])).toEqual(['PERSEN', 'TAHUN']); // PERSEN's first, as in the file

    expect(values(daftar, 1)).toEqual(['NILAI', 'KODE', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect([2, 3].map((n) => values(daftar, n).slice(0, 4))).toEqual([
      [NIK(2), 'TJSLP-A-2026', 2, undefined],
      ['12345', 'TJSLP-A-2026', 3, 'DITOLAK'],
    ]);

    perbaiki.getCell('A3').value = 100; // PERSEN, the file's first column
    perbaiki.getCell('D3').value = 2026; // TAHUN
    daftar.getCell('A3').value = NIK(3); // NILAI
    const again = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'laporan-komitmen-urut-diperbaiki.xlsx');
    expect(again.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, listRowsRejected: 0, issues: [] });
    const saved = (await keuangan.get('/api/v1/pledges/TJSLP-A-2026').expect(200)).body;
    expect([...saved.niks].sort()).toEqual([1, 2, 3].map(NIK));
    expect((await keuangan.get('/api/v1/pledges/APBD-U-2026').expect(200)).body).toMatchObject({ fiscalYear: 2026, sharePercent: 100, scope: 'ALL' });
  });

  it('an upload stored before the order was kept keeps the service\'s order on both sheets', async () => {
    await t.dataSource.query('UPDATE pledge_upload SET column_order = NULL, list_column_order = NULL WHERE id = $1', [firstId]);
    const { perbaiki, daftar } = await report(firstId);
    expect(values(perbaiki, 1).slice(0, 7)).toEqual(['KODE', 'SUMBER', 'JENIS_DANA', 'PEMBERI', 'TAHUN', 'BULAN_DARI', 'BULAN_SAMPAI']);
    expect(values(perbaiki, 2).slice(0, 5)).toEqual(['TJSLP-A-2026', 'TJSLP', undefined, 'PT A', 2026]);
    expect(values(daftar, 1)).toEqual(['KODE', 'NILAI', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(values(daftar, 3).slice(0, 3)).toEqual(['TJSLP-A-2026', '12345', 3]);
  });
});
