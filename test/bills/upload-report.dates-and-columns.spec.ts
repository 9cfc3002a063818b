import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { binary } from '../reports/support/xlsx.js';

jest.setTimeout(180_000);

/**
 * A bill and a PBI-APBN list saved in the 1904 date system (old Excel for Mac): their number cells are
 * read as in any workbook (no column of theirs is a date), and the Perbaiki report repeats them as
 * numbers, in a 1904-system workbook like the upload (QA: they came back as text, so a NIK that lost its
 * digits in a number cell was no longer refused for it when the report was uploaded back). Sent back, a bill's or list's
 * report is refused whole now (ROW_REPORT_UPLOADED): it is no whole bill.
 */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
async function workbook1904(name: string, rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet(name);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The report's Perbaiki rows (values from the first column on) and whether it is a 1904-system workbook. */
async function perbaiki(body: Buffer): Promise<{ date1904: boolean; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return { date1904: wb.properties.date1904 === true, rows: (wb.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1)) };
}

describe('bill and PBI-APBN list of a 1904-system workbook: the Perbaiki report', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const download = async (path: string) => (await (await t.as(Role.KEUANGAN)).get(path).buffer(true).parse(binary).expect(200)).body as Buffer;

  it('bill: repeats number cells as numbers, in a 1904-system workbook', async () => {
    const content = await workbook1904('Tagihan', [
      ['NOKA', 'NIK', 'NAMA', 'IURAN'],
      [1234567890, '1703060101800001', 'NOKA angka', 37800], // warned: the NOKA's leading zeros are restored
      ['0001234567891', 1703060101800002, 'NIK angka', 37800], // refused: a NIK in a number cell
      ['0001234567892', '1703060101800003', 'Baik', 37800],
    ]);
    const keuangan = await t.as(Role.KEUANGAN);
    const up = await keuangan.post('/api/v1/bills').field('month', '2026-09').field('invoiceTotal', '75600').attach('file', content, 'tagihan-mac.xlsx').expect(201);
    expect(up.body).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1, warnings: 1, linesTotal: 75600 });

    const report = await download(`/api/v1/bills/${up.body.id}/report.xlsx`);
    const { date1904, rows } = await perbaiki(report);
    expect(date1904).toBe(true);
    // the refused line only: the warned one was kept (it is on Peringatan, its NOKA the number uploaded)
    expect(rows.map((r) => r.slice(0, 6))).toEqual([['0001234567891', 1703060101800002, 'NIK angka', 37800, 3, 'DITOLAK']]);
    const warned = new ExcelJS.Workbook();
    await warned.xlsx.load(report as never);
    expect((warned.getWorksheet('Peringatan')!.getRow(3).values as unknown[]).slice(1, 6)).toEqual([2, 1234567890, '1703060101800001', 'NOKA angka', 'NOKA']);
    // the report itself is no bill: sent back, it is refused whole (ROW_REPORT_UPLOADED), not stored as the month's bill
    const again = await keuangan.post('/api/v1/bills').field('month', '2026-09').field('invoiceTotal', '37800').attach('file', report, 'laporan-tagihan-mac.xlsx').expect(400);
    expect(again.body).toMatchObject({ code: 'ROW_REPORT_UPLOADED', details: { month: '2026-09', replaces: { version: 1, count: 2 } } });
  });

  it('PBI-APBN list: a NIK in a number cell is repeated as that number, and refused again', async () => {
    const content = await workbook1904('PBI', [['NIK'], ['1703060101800001'], [1703060101800002]]);
    const keuangan = await t.as(Role.KEUANGAN);
    const up = await keuangan.post('/api/v1/pbi-apbn-lists').field('month', '2026-09').attach('file', content, 'pbi-mac.xlsx').expect(201);
    expect(up.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });

    const report = await download(`/api/v1/pbi-apbn-lists/${up.body.id}/report.xlsx`);
    const { date1904, rows } = await perbaiki(report);
    expect(date1904).toBe(true);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([[1703060101800002, 3, 'DITOLAK']]);
    // the report itself is no list: sent back, it is refused whole, before its rows are judged
    const again = await keuangan.post('/api/v1/pbi-apbn-lists').field('month', '2026-09').attach('file', report, 'laporan-pbi-mac.xlsx').expect(400);
    expect(again.body).toMatchObject({ code: 'ROW_REPORT_UPLOADED', details: { month: '2026-09', replaces: { version: 1, count: 1 }, count: 0 } });
  });
});

/**
 * The row reports of BPJS bills and PBI-APBN lists keep the uploaded file's layout, as the payment sheet's
 * does: Perbaiki lists the columns in the order the file had them (a bill written `NAMA, IURAN, NIK, No Kartu`
 * is repeated so, not as `NOKA, NIK, NAMA, IURAN`), each headed as the file headed it, and its messages in
 * that order. Fixed, it is not uploaded back: a bill or list upload replaces the month's whole list (ROW_REPORT_UPLOADED). A list has one column (`NIK`): a column the service
 * ignores before it is not repeated, and it stays first.
 */
describe('bill and PBI-APBN list reports: Perbaiki keeps the file\'s column order', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const perbaiki = async (path: string) => {
    const res = await (await t.as(Role.AUDITOR)).get(path).buffer(true).parse(binary).expect(200);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(res.body as never);
    const sheet = report.getWorksheet('Perbaiki')!;
    return { report, sheet, rows: (sheet.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1)) };
  };

  it('bill: NAMA, IURAN, NIK, No Kartu stay in that order (fixed and sent back, the report is refused: it is no whole bill)', async () => {
    const csv = ['NAMA;IURAN;NIK;No Kartu', 'Baik;37800;1703060101800001;0001234567891', 'Dua salah;37800,5;170306010180000;0001234567892'].join('\n');
    const api = await t.as(Role.KEUANGAN);
    const up = await api.post('/api/v1/bills').field('month', '2026-09').field('invoiceTotal', '75600').attach('file', Buffer.from(csv), 'tagihan-urut.csv').expect(201);
    expect(up.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    const { report, sheet, rows } = await perbaiki(`/api/v1/bills/${up.body.id}/report.xlsx`);
    expect(rows[0]).toEqual(['NAMA', 'IURAN', 'NIK', 'No Kartu', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(rows[1].slice(0, 6)).toEqual(['Dua salah', '37800,5', '170306010180000', '0001234567892', 3, 'DITOLAK']);
    // IURAN's message before NIK's, as in the file
    expect(String(rows[1][6]).split('\n').map((m) => m.split(' ')[0])).toEqual(['IURAN', 'NIK']);

    sheet.getCell('B2').value = '37800';
    sheet.getCell('C2').value = '1703060101800002';
    const again = await api.post('/api/v1/bills').field('month', '2026-09').field('invoiceTotal', '37800').attach('file', Buffer.from(await report.xlsx.writeBuffer()), 'tagihan-diperbaiki.xlsx').expect(400);
    expect(again.body).toMatchObject({ code: 'ROW_REPORT_UPLOADED', details: { replaces: { version: up.body.version, count: 1 }, count: 1 } });
  });

  it('PBI-APBN list: its NIK column headed No KTP, after a column it ignores, is repeated alone, as headed', async () => {
    const csv = ['Nama;No KTP', 'Baik;1703060101800001', 'Salah;17030601018'].join('\n');
    const api = await t.as(Role.KEUANGAN);
    const up = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-09').attach('file', Buffer.from(csv), 'pbi-urut.csv').expect(201);
    const { report, sheet, rows } = await perbaiki(`/api/v1/pbi-apbn-lists/${up.body.id}/report.xlsx`);
    expect(rows[0]).toEqual(['No KTP', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(rows[1].slice(0, 3)).toEqual(['17030601018', 3, 'DITOLAK']);
    expect((await t.dataSource.query('SELECT column_order FROM pbi_apbn_list WHERE id = $1', [up.body.id]))[0].column_order).toEqual(['NIK']);
    sheet.getCell('A2').value = '1703060101800003';
    const again = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-09').attach('file', Buffer.from(await report.xlsx.writeBuffer()), 'pbi-diperbaiki.xlsx').expect(400);
    expect(again.body).toMatchObject({ code: 'ROW_REPORT_UPLOADED', details: { replaces: { version: up.body.version, count: 1 }, count: 1 } });
  });
});
