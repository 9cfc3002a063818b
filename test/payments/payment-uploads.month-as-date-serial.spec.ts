/** BULAN and PENYESUAIAN_BULAN held as a date number (an Excel serial, a date cell) are read as their month (QA: "46082" was no month). */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from './support/something-due.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

type Payment = { reference: string; month: string; adjustsMonth: string | null; amount: number };
type Issue = { row: number; column: string; code: string; message: string };

describe('payments sheet: a month held as a date number', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-12'); // something due each month: no NOTHING_DUE warnings beside the findings tested here
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const upload = async (file: Buffer, name: string, status: number) =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, name).expect(status)).body;
  const recorded = async () =>
    ((await (await t.as(Role.KEUANGAN)).get('/api/v1/payments?pledgeCode=APBD-2026').expect(200)).body.items as Payment[]).map((p) => [p.reference, p.month, p.adjustsMonth]);

  it('reads a serial in a General or Number cell, a date cell and a serial correction month (golden file)', async () => {
    const res = await upload(readFileSync('test/fixtures/payments/ok/bulan-nomor-seri-tanggal.xlsx'), 'bulan.xlsx', 201);
    expect(res).toMatchObject({ rowsRead: 4, accepted: 4, rejected: 0, issues: [] });
    expect(await recorded()).toEqual([
      ['SP2D SERI 1', '2026-03', null],
      ['SP2D SERI 2', '2026-04', null],
      ['SP2D SERI 3', '2026-05', null],
      ['SP2D SERI 4', '2026-10', '2026-09'],
    ]);
  });

  it('counts a serial in the workbook\'s date system: 44620 is March 2026 in a 1904 workbook (golden file)', async () => {
    const res = await upload(readFileSync('test/fixtures/payments/ok/bulan-nomor-seri-tanggal-1904.xlsx'), 'bulan-1904.xlsx', 201);
    expect(res).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await recorded()).toContainEqual(['SP2D SERI 1904', '2026-03', null]);
  });

  it('refuses a number that is no date of 2000–2099 as a number, and reads 44620 of a 1900 workbook as February 2022; a paid date of a year alone, as a number or typed into a date cell, is said so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI']);
    ws.addRow(['APBD-2026', 2026, 1000, '2026-03-10', 'SP2D ANGKA 1']); // 1905-07-18
    ws.addRow(['APBD-2026', 202603, 1000, '2026-03-10', 'SP2D ANGKA 2']);
    ws.addRow(['APBD-2026', 44620, 1000, '2026-03-10', 'SP2D ANGKA 3']);
    ws.addRow(['APBD-2026', '2026-03', 1000, 2026, 'SP2D ANGKA 4']); // a year typed alone, not the serial of 1905-07-18
    ws.addRow(['APBD-2026', '2026-03', 1000, 2026, 'SP2D ANGKA 5']).getCell(4).numFmt = 'dd/mm/yyyy'; // typed into a date cell: shown as 18/07/1905
    ws.addRow(['APBD-2026', 2026, 1000, '2026-03-10', 'SP2D ANGKA 6']).getCell(2).numFmt = 'mm/yyyy'; // BULAN: a year typed into a month-formatted cell (07/1905)
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'angka.xlsx', 400);
    expect(res.details.issues.map((i: Issue) => [i.row, i.column, i.code])).toEqual([
      [2, 'BULAN', 'MONTH_FORMAT'],
      [3, 'BULAN', 'MONTH_FORMAT'],
      [4, 'BULAN', 'OUTSIDE_FISCAL_YEAR'],
      [5, 'TANGGAL_BAYAR', 'DATE_FORMAT'],
      [6, 'TANGGAL_BAYAR', 'DATE_FORMAT'],
      [7, 'BULAN', 'MONTH_FORMAT'],
    ]);
    // not "Bulan Juli 1905 di luar tahun anggaran" (QA)
    expect(res.details.issues[5].message).toBe(
      'BULAN hanya berisi tahun (2026): tahun itu tampaknya diketik ke sel berformat tanggal, sehingga terbaca sebagai tanggal 1905-07-18: tulis YYYY-MM atau MM/YYYY (mis. 2026-10 atau 10/2026), atau isi dengan sel tanggal.',
    );
    expect(res.details.issues[3].message).toBe('TANGGAL_BAYAR hanya berisi tahun (2026), bukan tanggal lengkap. Ketik tanggal lengkapnya sebagai YYYY-MM-DD atau DD/MM/YYYY (misalnya 17/08/2026).');
    expect(res.details.issues[4].message).toBe(
      'TANGGAL_BAYAR hanya berisi tahun (2026), bukan tanggal lengkap: tahun itu tampaknya diketik ke sel berformat tanggal, sehingga terbaca sebagai tanggal 1905-07-18. ' +
        'Ketik tanggal lengkapnya sebagai YYYY-MM-DD atau DD/MM/YYYY (misalnya 17/08/2026).',
    );
    expect(res.details.issues[0].message).toBe('BULAN 2026 berupa angka, bukan bulan (bukan nomor seri tanggal Excel tahun 2000–2099): tulis YYYY-MM atau MM/YYYY (mis. 2026-10 atau 10/2026), atau isi dengan sel tanggal.');
    expect(res.details.issues[2].message).toMatch(/^Bulan Februari 2022 di luar tahun anggaran komitmen \(2026\)/);
  });
});
