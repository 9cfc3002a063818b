/**
 * A PBI-APBN list's total row is said to be no participant's row, to delete (NOT_LIST_ROW), not *harus 16 digit angka*
 * (QA). The rule: the NIK column holds a count (at most 9 digits, `1.234`, `1234`, a number cell) and the row holds
 * nothing else but a `Jumlah`/`Total` label; or the NIK column holds such a label with a number. A NIK typed wrong
 * (15 or 17 digits, a letter) and a short number beside a name still hear the 16-digit message.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

type Issue = { row: number; code: string; message: string };
const TOTAL = (value: string) => `No KTP "${value}" bukan NIK melainkan jumlah: baris jumlah (total) bukan baris peserta, hapus baris ini dari berkas.`;

describe('PBI-APBN lists: the total row', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, file: Buffer, name: string) =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', month).attach('file', file, name).expect(201)).body;

  it('a count alone or beside Jumlah/Total is NOT_LIST_ROW; a NIK typed wrong keeps the 16-digit message', async () => {
    const body = await upload('2026-06', readFileSync('test/fixtures/pbi-apbn/not-ok/total-row.csv'), 'pbi.csv');
    expect(body).toMatchObject({ niks: 1, rowsRead: 9, accepted: 1, rejected: 8 });
    expect(body.issues.map((i: Issue) => [i.row, i.code, i.message])).toEqual([
      [3, 'NIK_FORMAT', 'No KTP "170306010180001" harus 16 digit angka.'],
      [4, 'NIK_FORMAT', 'No KTP "17030601018000012" harus 16 digit angka.'],
      [5, 'NIK_FORMAT', 'No KTP "170306010180000A" harus 16 digit angka.'],
      [6, 'NIK_FORMAT', 'No KTP "1234" harus 16 digit angka.'], // beside a name: a participant's NIK typed short
      [7, 'NOT_LIST_ROW', TOTAL('1.234')],
      [8, 'NOT_LIST_ROW', TOTAL('1234')],
      [9, 'NOT_LIST_ROW', TOTAL('4')],
      [10, 'NOT_LIST_ROW', TOTAL('Total: 4')],
    ]);
  });

  it('a count in a number cell (a COUNTA formula) under a TOTAL label is NOT_LIST_ROW; a NIK in a number cell is still NIK_NUMERIC_CELL', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PBI');
    ws.addRow(['NIK', 'NAMA']);
    ws.addRow(['1703060101800001', 'Ahmad Saputra']);
    ws.addRow([1703060101800002, 'Budi']);
    ws.addRow([{ formula: 'COUNTA(A2:A3)', result: 2 }, 'TOTAL']);
    const body = await upload('2026-05', Buffer.from(await wb.xlsx.writeBuffer()), 'pbi.xlsx');
    expect(body.issues.map((i: Issue) => [i.row, i.code])).toEqual([
      [3, 'NIK_NUMERIC_CELL'],
      [4, 'NOT_LIST_ROW'],
    ]);
    expect(body.issues[1].message).toBe('NIK "2" bukan NIK melainkan jumlah: baris jumlah (total) bukan baris peserta, hapus baris ini dari berkas.');
  });
});
