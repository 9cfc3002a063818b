import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { type TestApp } from '../support/test-app.js';
import { appWithSomethingDue } from './support/something-due.js';
import { binary } from '../reports/support/xlsx.js';
import { closeMonth } from '../funding/support/register.js';

jest.setTimeout(180_000);

/**
 * A payment sheet's Perbaiki keeps the file's own layout: its columns in the order the file had them, each
 * headed as the file headed it (QA: a sheet headed `…, JUMLAH, NO SP2D, TANGGAL_BAYAR, …` got a Perbaiki
 * headed `…, JUMLAH, TANGGAL_BAYAR, NO SP2D, …`). A column the file lacked comes after the file's; a
 * sheet uploaded before the order was kept (`column_order` null) keeps the service's order. Fixed, the
 * Perbaiki is uploaded back as it is.
 */
describe('payments: the Perbaiki sheet keeps the uploaded file\'s column order', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWithSomethingDue('2026-11')));
  afterAll(() => t?.close());

  const perbaiki = async (id: string) => {
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(res.body as never);
    return { report, sheet: report.getWorksheet('Perbaiki')! };
  };
  const row = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

  it('NO SP2D before TANGGAL_BAYAR stays so, messages in that order too; fixed, it is uploaded back', async () => {
    const csv = [
      'KODE_KOMITMEN;BULAN;JUMLAH;NO SP2D;TANGGAL_BAYAR;PENYESUAIAN_BULAN',
      'APBD-2026;2026-11;1000;SP2D URUT 0;2026-11-03;',
      'APBD-2O26;2026-11;2000;SP2D URUT 1;2026-11-03;',
      'APBD-2026;2026-11;3000;;31/02/2026;',
    ].join('\n');
    const api = await t.as(Role.KEUANGAN);
    const up = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(csv), 'pembayaran-urut.csv').expect(201);
    expect(up.body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2 });

    const { report, sheet } = await perbaiki(up.body.id);
    expect(row(sheet, 1)).toEqual(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'NO SP2D', 'TANGGAL_BAYAR', 'PENYESUAIAN_BULAN', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(row(sheet, 2).slice(0, 8)).toEqual(['APBD-2O26', '2026-11', '2000', 'SP2D URUT 1', '2026-11-03', undefined, 3, 'DITOLAK']);
    expect(row(sheet, 3).slice(0, 8)).toEqual(['APBD-2026', '2026-11', '3000', undefined, '31/02/2026', undefined, 4, 'DITOLAK']);
    const messages = String(row(sheet, 3)[8]).split('\n');
    expect(messages.map((m) => m.split(' ')[0])).toEqual(['NO', 'TANGGAL_BAYAR']); // NO SP2D's first, as in the file

    sheet.getCell('A2').value = 'APBD-2026';
    sheet.getCell('D3').value = 'SP2D URUT 2';
    sheet.getCell('E3').value = '2026-11-04';
    const again = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(await report.xlsx.writeBuffer()), 'laporan-urut-diperbaiki.xlsx').expect(201);
    expect(again.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, payments: 2, amount: 5000 });
    const list = (await api.get('/api/v1/payments?month=2026-11').expect(200)).body.items as { reference: string; paidAt: string }[];
    expect(list.filter((p) => p.reference.startsWith('SP2D URUT')).map((p) => [p.reference, p.paidAt]).sort()).toEqual([
      ['SP2D URUT 0', '2026-11-03'],
      ['SP2D URUT 1', '2026-11-03'],
      ['SP2D URUT 2', '2026-11-04'],
    ]);
  });

  it('a payment recorded with a warning is only on Peringatan: the report, fixed and uploaded back whole, records the refused row alone', async () => {
    const csv = [
      'KODE_KOMITMEN;BULAN;JUMLAH;NO SP2D;TANGGAL_BAYAR',
      'APBD-2026;2026-11;99000000;SP2D LEBIH 1;2026-11-05', // recorded, warned: more than November still owes
      'APBD-2026;2026-11;1000;;2026-11-05', // refused: no reference
    ].join('\n');
    const api = await t.as(Role.KEUANGAN);
    const up = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(csv), 'pembayaran-peringatan.csv').expect(201);
    expect(up.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1, warnings: 1 });

    const { report, sheet } = await perbaiki(up.body.id);
    expect(sheet.rowCount).toBe(2);
    expect(row(sheet, 2).slice(0, 8)).toEqual(['APBD-2026', '2026-11', '1000', undefined, '2026-11-05', undefined, 3, 'DITOLAK']); // KOREKSI_UNTUK_BULAN, lacked, last
    const peringatan = report.getWorksheet('Peringatan')!;
    expect(String(peringatan.getCell('A1').value)).toMatch(/^Baris ini sudah tersimpan; tidak perlu diunggah ulang\./);
    expect(row(peringatan, 2)).toEqual(['BARIS', 'KODE_KOMITMEN', 'BULAN', 'NO SP2D', 'KOLOM', 'KETERANGAN']);
    expect(row(peringatan, 3).slice(0, 5)).toEqual([2, 'APBD-2026', '2026-11', 'SP2D LEBIH 1', 'JUMLAH']);
    expect(report.worksheets.map((w) => w.name)).toEqual(['Perbaiki', 'Peringatan', 'Ringkasan']);

    sheet.getCell('D2').value = 'SP2D LEBIH 2';
    const again = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(await report.xlsx.writeBuffer()), 'laporan-peringatan.xlsx').expect(201);
    expect(again.body).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, payments: 1, amount: 1000 });
    const list = (await api.get('/api/v1/payments?month=2026-11').expect(200)).body.items as { reference: string }[];
    expect(list.filter((p) => p.reference.startsWith('SP2D LEBIH')).map((p) => p.reference).sort()).toEqual(['SP2D LEBIH 1', 'SP2D LEBIH 2']);
  });

  it('a column the file lacked comes after its own; an upload stored before the order was kept keeps the service\'s', async () => {
    const csv = ['Tgl Bayar;REFERENSI;KODE_KOMITMEN;JUMLAH;BULAN', '2026-11-05;SP2D ACAK 0;APBD-2026;1000;2026-11', '2026-11-05;SP2D ACAK 1;APBD-2O26;1000;2026-11'].join('\n');
    const up = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(csv), 'pembayaran-acak.csv').expect(201);
    const { sheet } = await perbaiki(up.body.id);
    expect(row(sheet, 1)).toEqual(['Tgl Bayar', 'REFERENSI', 'KODE_KOMITMEN', 'JUMLAH', 'BULAN', 'KOREKSI_UNTUK_BULAN', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(row(sheet, 2).slice(0, 5)).toEqual(['2026-11-05', 'SP2D ACAK 1', 'APBD-2O26', '1000', '2026-11']);

    await t.dataSource.query('UPDATE payment_upload SET column_order = NULL WHERE id = $1', [up.body.id]);
    const before = await perbaiki(up.body.id);
    expect(row(before.sheet, 1).slice(0, 6)).toEqual(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'Tgl Bayar', 'REFERENSI', 'KOREKSI_UNTUK_BULAN']);
    expect(row(before.sheet, 2).slice(0, 5)).toEqual(['APBD-2O26', '2026-11', '1000', '2026-11-05', 'SP2D ACAK 1']);
  });
});

/**
 * A payment sheet's Perbaiki, fixed and uploaded back, reads its dates and months as the first upload
 * did (QA, enrollment sheet: a date pasted as a value, 46329, was written back as the text "46329",
 * which no date column reads): a number cell is repeated as that number. So in a 1904-date-system
 * workbook (old Excel for Mac), whose report is written in that system (its numbers came back as text).
 */
describe('payments: the Perbaiki sheet uploaded back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithSomethingDue('2026-11'); // something due in November: the good row is not warned NOTHING_DUE
  }, 400_000);
  afterAll(() => t?.close());

  it('reads BULAN and TANGGAL_BAYAR pasted as numbers (Excel serials) as the first upload did', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    [2, 4].forEach((c) => (ws.getColumn(c).numFmt = '@'));
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI']);
    ws.addRow(['APBD-2026', 46327, 500, 46329, 'SP2D TEMPEL 0']); // a sheet with no good row is refused whole, without a report
    ws.addRow(['APBD-2O26', 46327, 1000, 46329, 'SP2D TEMPEL 1']); // 46327 = 2026-11-01, 46329 = 2026-11-03; the code mistyped
    const api = await t.as(Role.KEUANGAN);
    const up = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'pembayaran-tempel.xlsx').expect(201);
    expect(up.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(up.body.issues.map((i: { column: string }) => i.column)).toEqual(['KODE_KOMITMEN']);

    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${up.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(res.body as never);
    const sheet = report.getWorksheet('Perbaiki')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['APBD-2O26', 46327, 1000, 46329, 'SP2D TEMPEL 1']);
    sheet.getCell('A2').value = 'APBD-2026'; // the one fix
    const again = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(await report.xlsx.writeBuffer()), 'laporan-diperbaiki.xlsx').expect(201);
    expect(again.body).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, payments: 1, amount: 1000 });
    const list = (await api.get('/api/v1/payments?month=2026-11').expect(200)).body.items as { reference: string; paidAt: string }[];
    expect(list.map((p) => [p.reference, p.paidAt]).sort()).toEqual([['SP2D TEMPEL 0', '2026-11-03'], ['SP2D TEMPEL 1', '2026-11-03']]);
  });

  it('reads BULAN and PENYESUAIAN_BULAN written as date cells, which the report writes back as YYYY-MM-DD text (QA: refused MONTH_FORMAT)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI', 'PENYESUAIAN_BULAN']);
    const day = (m: number, d: number) => new Date(Date.UTC(2026, m - 1, d));
    ws.addRow(['APBD-2026', day(11, 1), 600, day(11, 3), 'SP2D TANGGAL 0']);
    ws.addRow(['APBD-2026', day(11, 1), 900, day(11, 3), '', day(10, 1)]); // REFERENSI missing: refused; a correction of finalized October
    for (const c of ['B2', 'B3', 'D2', 'D3', 'F3']) ws.getCell(c).numFmt = 'mmm yyyy';
    await closeMonth(t.dataSource, '2026-10'); // a correction adjusts a finalized month (§9)
    const api = await t.as(Role.KEUANGAN);
    const up = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'pembayaran-tanggal.xlsx').expect(201);
    expect(up.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(up.body.issues.filter((i: { severity: string }) => i.severity === 'REJECT').map((i: { column: string }) => i.column)).toEqual(['REFERENSI']);

    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${up.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(res.body as never);
    const sheet = report.getWorksheet('Perbaiki')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 7)).toEqual(['APBD-2026', '2026-11-01', 900, '2026-11-03', null, '2026-10-01'].map((v) => v ?? undefined));
    sheet.getCell('E2').value = 'SP2D TANGGAL 1'; // the one fix
    const again = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(await report.xlsx.writeBuffer()), 'laporan-tanggal-diperbaiki.xlsx').expect(201);
    expect(again.body).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, payments: 1, amount: 900 });
    const list = (await api.get('/api/v1/payments?month=2026-11').expect(200)).body.items as { reference: string; adjustsMonth: string | null }[];
    expect(list.filter((p) => p.reference.startsWith('SP2D TANGGAL')).map((p) => [p.reference, p.adjustsMonth]).sort()).toEqual([
      ['SP2D TANGGAL 0', null],
      ['SP2D TANGGAL 1', '2026-10'],
    ]);
  });

  it('a 1904-date-system sheet (old Excel for Mac): its Perbaiki is one too, repeating the numbers, and reads back the same days', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Pembayaran');
    [2, 4].forEach((c) => (ws.getColumn(c).numFmt = '@'));
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI', 'PENYESUAIAN_BULAN']);
    // 1904 system: 44865 = 2026-11-01, 44867 = 2026-11-03 (1,462 less than in the 1900 system)
    ws.addRow(['APBD-2026', 44865, 700, 44867, 'SP2D MAC 0']);
    ws.addRow(['APBD-2O26', 44865, 1500, 44867, 'SP2D MAC 1']); // the code mistyped
    ws.addRow(['APBD-2026', 44865, 800, new Date(Date.UTC(2026, 10, 4)), 'SP2D MAC 2', 'bukan bulan']).getCell(4).numFmt = 'dd/mm/yyyy'; // a typed date; the correction month refused
    const api = await t.as(Role.KEUANGAN);
    const up = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'pembayaran-mac.xlsx').expect(201);
    expect(up.body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2 });
    expect(up.body.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([[3, 'KODE_KOMITMEN'], [4, 'PENYESUAIAN_BULAN']]);

    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${up.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(res.body as never);
    expect(report.properties.date1904).toBe(true);
    const sheet = report.getWorksheet('Perbaiki')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual(['APBD-2O26', 44865, 1500, 44867, 'SP2D MAC 1']);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 7)).toEqual(['APBD-2026', 44865, 800, '2026-11-04', 'SP2D MAC 2', 'bukan bulan']);
    sheet.getCell('A2').value = 'APBD-2026';
    sheet.getCell('F3').value = null;
    const again = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(await report.xlsx.writeBuffer()), 'laporan-mac-diperbaiki.xlsx').expect(201);
    expect(again.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, payments: 2, amount: 2300 });
    const list = (await api.get('/api/v1/payments?month=2026-11').expect(200)).body.items as { reference: string; paidAt: string; amount: unknown }[];
    expect(list.filter((p) => p.reference.startsWith('SP2D MAC')).map((p) => [p.reference, p.paidAt]).sort()).toEqual([
      ['SP2D MAC 0', '2026-11-03'],
      ['SP2D MAC 1', '2026-11-03'],
      ['SP2D MAC 2', '2026-11-04'],
    ]);
  });
});
