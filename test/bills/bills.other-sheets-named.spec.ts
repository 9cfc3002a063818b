/**
 * A bill whose lines are split over two visible sheets: the first sheet with the header is read, and
 * the answer names the other (SHEETS_NOT_READ), read back too (QA: "Segmen 1" and "Segmen 2" stored
 * 3 of 8 lines without a word, and a bill version replaces the month's whole list).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(120_000);

describe('bills: lines on a sheet not read are named', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('stores the first sheet\'s lines and warns naming the other sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const line = (i: number) => [`000100000000${i}`, `170306120370000${i}`, `Peserta ${i}`, 37800];
    const first = wb.addWorksheet('Segmen 1');
    first.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
    [1, 2, 3].forEach((i) => first.addRow(line(i)));
    const second = wb.addWorksheet('Segmen 2');
    second.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
    [4, 5].forEach((i) => second.addRow(line(i)));
    const keuangan = await t.as(Role.KEUANGAN);
    const res = await keuangan.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', String(5 * 37800)).attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'tagihan-dua-sheet.xlsx').expect(201);
    expect(res.body).toMatchObject({ lines: 3, linesTotal: 3 * 37800, sheetWarnings: [{ code: 'SHEETS_NOT_READ', sheets: ['Segmen 2'], read: 'Segmen 1' }] });
    expect(res.body.sheetWarnings[0].message).toMatch(/^Sheet "Segmen 2" juga berisi judul kolom dan baris data, tetapi tidak dibaca/);
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/bills/${res.body.id}`).expect(200)).body.sheetWarnings).toEqual(res.body.sheetWarnings);
  });
});
