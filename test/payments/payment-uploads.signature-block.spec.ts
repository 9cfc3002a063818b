/**
 * A signature block under a payment sheet's rows is one message a row, as the register's NOT_PARTICIPANT_ROW (QA: five
 * messages each, among them "BULAN "" bukan bulan" and "TANGGAL_BAYAR "Bendahara," bukan tanggal"). A row with the
 * pledge code empty and two other cells filled is still judged column by column.
 * Golden file: test/fixtures/payments/not-ok/signature-block.csv.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { NOT_PAYMENT_ROW, notPaymentRowMerged } from '../../src/payments/payment-row.validator.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from './support/something-due.js';

jest.setTimeout(180_000);

describe('payments: a signature block under the rows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-10');
  });
  afterAll(() => t?.close());

  it('one message per signature row; the payment above is recorded', async () => {
    const file = readFileSync('test/fixtures/payments/not-ok/signature-block.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3, payments: 1, amount: 1500 });
    const rejects = (res.body.issues as { row: number; column: string | null; severity: string; code: string; message: string }[]).filter((i) => i.severity === 'REJECT');
    expect(rejects.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, null, 'NOT_PAYMENT_ROW'],
      [4, null, 'NOT_PAYMENT_ROW'],
      [5, 'KODE_KOMITMEN', expect.any(String)],
      [5, 'TANGGAL_BAYAR', expect.any(String)],
      [5, 'REFERENSI', expect.any(String)],
    ]);
    expect(rejects[0].message).toBe(NOT_PAYMENT_ROW);
  });

  it('a total row whose label is merged across columns is one NOT_PAYMENT_ROW; a pledge code merged down is still MERGED_CELL (QA)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI']);
    ws.addRow(['APBD-2026', '2026-10', 1000, '2026-10-06', 'SP2D/GAB/1']);
    ws.addRow([null, '2026-10', 1000, '2026-10-07', 'SP2D/GAB/2']); // its pledge code merged down from row 2: data, MERGED_CELL
    ws.addRow(['TOTAL PEMBAYARAN OKTOBER 2026', null, 2000, null, null]); // label over KODE_KOMITMEN and BULAN
    ws.addRow(['Jumlah dibayar', null, null, null, 2000]); // label over KODE_KOMITMEN … TANGGAL_BAYAR
    ws.mergeCells('A2:A3');
    ws.mergeCells('A4:B4');
    ws.mergeCells('A5:D5');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'pembayaran.xlsx').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3, payments: 1 });
    const rejects = (res.body.issues as { row: number; column: string | null; severity: string; code: string; message: string }[]).filter((i) => i.severity === 'REJECT');
    expect(rejects.map((i) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, 'KODE_KOMITMEN', 'MERGED_CELL', expect.stringMatching(/^KODE_KOMITMEN ada di dalam sel gabungan A2:A3/)],
      [4, null, 'NOT_PAYMENT_ROW', notPaymentRowMerged('A4:B4')],
      [5, null, 'NOT_PAYMENT_ROW', notPaymentRowMerged('A5:D5')],
    ]);
    expect(rejects[1].message).toBe('Baris ini tidak berisi data pembayaran (sel gabungan A4:B4, seperti label JUMLAH atau TOTAL, tanpa kode komitmen): hapus baris ini dari berkas.');
  });
});
