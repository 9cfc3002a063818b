/**
 * A signature block under a bill's lines is one message a row, as the register's NOT_PARTICIPANT_ROW (QA: each such
 * row was refused with "NIK wajib diisi. / IURAN wajib diisi.", and one in merged cells with "isi IURAN di setiap
 * baris"). A row with a NIK empty and two other cells filled is still judged column by column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { NOT_BILL_ROW, notBillRowMerged } from '../../src/reconciliation/bills/bill-row.validator.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

type Issue = { row: number; column: string | null; severity: string; code: string; message: string };

describe('bills: a signature block under the lines', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, file: Buffer, name: string) =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', month).field('invoiceTotal', '37800').attach('file', file, name).expect(201)).body;

  it('one message per signature row; a row with two cells filled is judged column by column', async () => {
    const body = await upload('2026-10', readFileSync(join(process.cwd(), 'test/fixtures/bills/not-ok/signature-block.csv')), 'tagihan.csv');
    expect(body).toMatchObject({ lines: 1, rowsRead: 4, accepted: 1, rejected: 3 });
    expect(body.issues.map((i: Issue) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, null, 'NOT_BILL_ROW', NOT_BILL_ROW],
      [4, null, 'NOT_BILL_ROW', NOT_BILL_ROW],
      [5, 'NIK', 'NIK_REQUIRED', 'NIK wajib diisi.'],
    ]);
  });

  it('in merged cells too: no "isi … di setiap baris"', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tagihan');
    ws.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
    ws.addRow(['0001000000001', '1703060101800001', 'Ahmad Saputra', 37800]);
    ws.addRow([null, null, 'Kepala Cabang', null]);
    ws.mergeCells('C3:D3');
    const body = await upload('2026-09', Buffer.from(await wb.xlsx.writeBuffer()), 'tagihan.xlsx');
    expect(body.issues.map((i: Issue) => [i.row, i.code])).toEqual([[3, 'NOT_BILL_ROW']]);
  });

  it('a total row whose label is merged across columns is one NOT_BILL_ROW; a value merged down a column is still MERGED_CELL (QA)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tagihan');
    ws.addRow(['No', 'NOKA', 'NIK', 'NAMA', 'IURAN']);
    ws.addRow([1, '0001000000001', '1703060101800001', 'Ahmad Saputra', 37800]);
    ws.addRow([2, '0001000000002', '1703060101800002', 'Budi', 37800]);
    ws.addRow([3, '0001000000003', null, 'Citra', 37800]); // its NIK merged down from row 3: data, MERGED_CELL
    ws.addRow(['JUMLAH', null, null, '3 peserta', 113400]); // label over No, NOKA, NIK
    ws.addRow(['TOTAL IURAN BULAN OKTOBER 2026', null, null, null, 113400]); // label over No … NAMA: a note row already (one value read)
    ws.addRow([null, 'TOTAL TAGIHAN BPJS OKTOBER 2026', null, null, 113400]); // label over NOKA … NAMA
    ws.mergeCells('C3:C4');
    ws.mergeCells('A5:C5');
    ws.mergeCells('A6:D6');
    ws.mergeCells('B7:D7');
    const body = await upload('2026-08', Buffer.from(await wb.xlsx.writeBuffer()), 'tagihan.xlsx');
    expect(body).toMatchObject({ lines: 2, rowsRead: 6, accepted: 2, rejected: 4 });
    expect(body.issues.map((i: Issue) => [i.row, i.column, i.code, i.message])).toEqual([
      [4, 'NIK', 'MERGED_CELL', expect.stringMatching(/^NIK ada di dalam sel gabungan C3:C4/)],
      [5, null, 'NOT_BILL_ROW', notBillRowMerged('A5:C5')],
      [6, null, 'NOT_BILL_ROW', NOT_BILL_ROW],
      [7, null, 'NOT_BILL_ROW', notBillRowMerged('B7:D7')],
    ]);
    expect(body.issues[1].message).toBe('Baris ini tidak berisi data tagihan (sel gabungan A5:C5, seperti label JUMLAH atau TOTAL, tanpa NIK): hapus baris ini dari berkas.');
  });
});
