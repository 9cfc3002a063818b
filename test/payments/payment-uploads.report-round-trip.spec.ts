/**
 * A payment sheet's Perbaiki, fixed and uploaded back, reads its dates and months as the first upload
 * did (QA, enrollment sheet: a date pasted as a value, 46329, was written back as the text "46329",
 * which no date column reads): a number cell is repeated as that number.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from './support/something-due.js';

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('payments: the Perbaiki sheet uploaded back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-11'); // something due in November: the good row is not warned NOTHING_DUE
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
});
