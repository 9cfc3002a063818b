/**
 * A .csv payment row with more fields than its header is refused whole, with one message naming the row
 * (QA: `…,SP2D/CSV/1,1,500,000` under five headers was recorded as Rp1, `500`,`000` dropped unsaid).
 * Golden file: test/fixtures/payments/not-ok/csv-too-many-fields.csv.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from './support/something-due.js';
import { binary } from '../reports/support/xlsx.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('payments: a .csv row with more fields than its header', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-12');
  });
  afterAll(() => t?.close());

  it('refuses the row with one message (no Rp1), keeps trailing empty fields, reads missing fields as empty, records the other rows', async () => {
    const file = readFileSync('test/fixtures/payments/not-ok/csv-too-many-fields.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 5, accepted: 3, rejected: 2, payments: 3, amount: 1_504_000 });
    const rejects = (res.body.issues as { row: number; column: string | null; severity: string; code: string; message: string }[]).filter((i) => i.severity === 'REJECT');
    expect(rejects.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, null, 'CSV_FIELD_COUNT'],
      [5, 'JUMLAH', 'AMOUNT_REQUIRED'], // 4 fields under 5 headers: JUMLAH read as empty
    ]);
    expect(rejects[0].message).toBe(
      'Baris 2 berisi 7 kolom, sedangkan judul 5 kolom: kemungkinan ada koma di dalam angka atau nama (mis. 1,500,000). ' +
        'Beri tanda kutip atau simpan ulang dari Excel sebagai CSV. Isi baris: APBD-2026,2026-10,2026-10-05,SP2D/CSV/1,1,500,000',
    );
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-10').expect(200)).body;
    expect(list.items.map((p: { amount: number; reference: string }) => [p.reference, p.amount]).sort()).toEqual([
      ['SP2D/CSV/2', 1500],
      ['SP2D/CSV/3', 2500], // `2500,,` as Excel pads a row: accepted
      ['SP2D/CSV/5', 1_500_000], // quoted: one field
    ]);

    // its row in the report repeats none of its (shifted) cells: uploaded back untouched, no Rp1 is recorded
    const report = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body as never);
    const rows = (wb.getWorksheet('Perbaiki')!.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(rows[1].slice(0, 8)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 2, 'DITOLAK']);
    expect(rows[1][8]).toBe(rejects[0].message);
  });

  it('a semicolon file names the semicolon; a file whose only row overflows records nothing', async () => {
    const file = Buffer.from(['KODE_KOMITMEN;BULAN;TANGGAL_BAYAR;REFERENSI;JUMLAH', 'APBD-2026;2026-11;2026-11-05;SP2D;X;1000'].join('\n'));
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(400);
    expect(res.body.details.issues).toEqual([
      expect.objectContaining({ row: 2, column: null, code: 'CSV_FIELD_COUNT', message: expect.stringMatching(/^Baris 2 berisi 6 kolom, sedangkan judul 5 kolom: kemungkinan ada titik koma di dalam/) }),
    ]);
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-11').expect(200)).body;
    expect(list.items).toEqual([]);
  });
});
