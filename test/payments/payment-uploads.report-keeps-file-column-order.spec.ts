/**
 * A payment sheet's Perbaiki keeps the file's own layout: its columns in the order the file had them, each
 * headed as the file headed it (QA: a sheet headed `…, JUMLAH, NO SP2D, TANGGAL_BAYAR, …` got a Perbaiki
 * headed `…, JUMLAH, TANGGAL_BAYAR, NO SP2D, …`). A column the file lacked comes after the file's; a
 * sheet uploaded before the order was kept (`column_order` null) keeps the service's order. Fixed, the
 * Perbaiki is uploaded back as it is.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from './support/something-due.js';
import { binary } from '../reports/support/xlsx.js';

jest.setTimeout(180_000);

describe('payments: the Perbaiki sheet keeps the uploaded file\'s column order', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-11');
  });
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

  it('a column the file lacked comes after its own; an upload stored before the order was kept keeps the service\'s', async () => {
    const csv = ['Tgl Bayar;REFERENSI;KODE_KOMITMEN;JUMLAH;BULAN', '2026-11-05;SP2D ACAK 0;APBD-2026;1000;2026-11', '2026-11-05;SP2D ACAK 1;APBD-2O26;1000;2026-11'].join('\n');
    const up = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(csv), 'pembayaran-acak.csv').expect(201);
    const { sheet } = await perbaiki(up.body.id);
    expect(row(sheet, 1)).toEqual(['Tgl Bayar', 'REFERENSI', 'KODE_KOMITMEN', 'JUMLAH', 'BULAN', 'PENYESUAIAN_BULAN', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(row(sheet, 2).slice(0, 5)).toEqual(['2026-11-05', 'SP2D ACAK 1', 'APBD-2O26', '1000', '2026-11']);

    await t.dataSource.query('UPDATE payment_upload SET column_order = NULL WHERE id = $1', [up.body.id]);
    const before = await perbaiki(up.body.id);
    expect(row(before.sheet, 1).slice(0, 6)).toEqual(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'Tgl Bayar', 'REFERENSI', 'PENYESUAIAN_BULAN']);
    expect(row(before.sheet, 2).slice(0, 5)).toEqual(['APBD-2O26', '2026-11', '1000', '2026-11-05', 'SP2D ACAK 1']);
  });
});
