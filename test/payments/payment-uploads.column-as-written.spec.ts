/** A payment sheet headed with accepted aliases (NO SP2D, TGL BAYAR, …) hears its issues in those headers, not the canonical ones (QA). */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from './support/something-due.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

type Issue = { row: number; column: string | null; code: string; message: string };

describe('payments sheet: issues name the columns as the file wrote them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-12'); // something due each month: no NOTHING_DUE warnings beside the findings tested here
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const upload = async (file: Buffer, name: string) => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, name);
    return (res.status === 201 ? res.body.issues : res.body.details.issues) as Issue[];
  };

  it('in a .csv: column and message say Kode, Periode, Nilai, Tgl. Bayar, No SP2D, Koreksi Bulan', async () => {
    const csv = [
      'Kode;Periode;Nilai;Tgl. Bayar;No SP2D;Koreksi Bulan',
      'APBD-2026;2026-10;1000;2026-10-05;SP2D A1;',
      ';2026-10;1000;2026-10-05;SP2D A2;',
      'APBD-2026;10-2026x;1000;2026-10-05;SP2D A3;',
      'APBD-2026;2026-10;10,5;2026-10-05;SP2D A4;',
      'APBD-2026;2026-10;1000;31/02/2026;SP2D A5;',
      'APBD-2026;2026-10;1000;2026-10-05;;',
      'APBD-2026;2026-10;1000;2026-10-05;SP2D A7;2026-11',
      'APBD-2026;2026-09;1000;2026-10-05;SP2D A8;',
      'APBD-2026;2026-10;1000;2026-10-05;SP2D A1;',
    ].join('\n');
    const issues = await upload(Buffer.from(csv), 'alias.csv');
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'Kode', 'PLEDGE_REQUIRED'],
      [4, 'Periode', 'MONTH_FORMAT'],
      [5, 'Nilai', 'AMOUNT_FORMAT'],
      [6, 'Tgl. Bayar', 'DATE_FORMAT'],
      [7, 'No SP2D', 'REFERENCE_REQUIRED'],
      [8, 'Koreksi Bulan', 'INVALID_ADJUSTMENT'],
      [9, 'Periode', 'MONTH_CLOSED'],
      [10, 'No SP2D', 'PAYMENT_DUPLICATE'],
    ]);
    const messages = issues.map((i) => i.message);
    expect(messages[0]).toBe('Kode wajib diisi.');
    expect(messages[1]).toMatch(/^Periode "10-2026x" bukan bulan/);
    expect(messages[2]).toMatch(/^Nilai harus bilangan bulat rupiah/);
    expect(messages[3]).toMatch(/^Tgl\. Bayar "31\/02\/2026" bukan tanggal/);
    expect(messages[4]).toBe('No SP2D (mis. nomor SP2D) wajib diisi.');
    expect(messages[5]).toBe('Koreksi Bulan (November 2026) harus lebih awal dari Periode (Oktober 2026).');
    // what to change, both columns by their headers (QA: the form's refusal named the correction only)
    expect(messages[6]).toMatch(/^Bulan September 2026 sudah difinalisasi\. Catat pembayaran ini di bulan yang masih terbuka \(mis\. November 2026\): Periode = 2026-11 dan Koreksi Bulan = 2026-09\.$/);
    expect(messages.join(' ')).not.toMatch(/KODE_KOMITMEN|BULAN|JUMLAH|TANGGAL_BAYAR|REFERENSI|PENYESUAIAN_BULAN/);
  });

  it('in an .xlsx: a formula and a merged cell are named by their header too; an absent optional column keeps its name', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.addRow(['KOMITMEN', 'BULAN IURAN', 'JUMLAH BAYAR', 'TANGGAL SP2D', 'NOMOR SP2D']);
    ws.addRow(['APBD-2026', '2026-10', 1000, '2026-10-06', 'SP2D B1']);
    ws.addRow(['APBD-2026', '2026-10', { formula: '1/0', result: { error: '#DIV/0!' } }, '2026-10-06', 'SP2D B2']);
    ws.addRow(['APBD-2026', '2026-09', 1000, '2026-10-06', { formula: 'HYPERLINK("x")', result: undefined }]);
    ws.addRow(['APBD-2026', '2026-10', 1000, '2026-10-06', 'SP2D B4']);
    ws.addRow(['APBD-2026', null, 1000, '2026-10-06', 'SP2D B5']);
    ws.mergeCells('B5:B6');
    const issues = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'alias.xlsx');
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'JUMLAH BAYAR', expect.stringMatching(/^(AMOUNT_FORMULA|FORMULA_ERROR)$/)],
      [4, 'NOMOR SP2D', 'FORMULA_WITHOUT_VALUE'],
      [4, 'BULAN IURAN', 'MONTH_CLOSED'],
      [6, 'BULAN IURAN', 'MERGED_CELL'],
    ]);
    expect(issues[0].message).toMatch(/^JUMLAH BAYAR/);
    expect(issues[1].message).toMatch(/^NOMOR SP2D: rumus =HYPERLINK/);
    expect(issues[2].message).toMatch(/: BULAN IURAN = 2026-11 dan PENYESUAIAN_BULAN = 2026-09\.$/);
    expect(issues[3].message).toMatch(/^BULAN IURAN ada di dalam sel gabungan B5:B6 /);
  });
});
