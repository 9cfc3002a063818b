/**
 * A template's pre-numbered empty rows (`No` 1 … 500, nothing else) are skipped as empty by every upload: enrollment,
 * bill, PBI-APBN list, payment sheet and pledge sheet, said once in `sheetWarnings` (NUMBERED_ROWS), not one finding a
 * row (QA: NOT_PARTICIPANT_ROW / NOT_BILL_ROW for each). A numbered row with data but a missing key is refused as before.
 * Golden file: test/fixtures/enrollment/ok/numbered-empty-rows.csv.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload as enroll } from '../register/support.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from '../payments/support/something-due.js';
import { pledgeWorkbook } from '../funding/support/pledge-workbook.js';

jest.setTimeout(180_000);

type Issue = { row: number; code: string };
const csv = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n');
const numbered = (from: number, to: number, blanks: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}${','.repeat(blanks)}`);
const warning = (first: number, last: number, header = 'No') => ({
  code: 'NUMBERED_ROWS',
  rows: last - first + 1,
  ranges: [[first, last]],
  message: `Baris ${first}–${last} (${last - first + 1} baris) hanya berisi nomor urut di kolom ${header}, tanpa data lain, dan dilewati sebagai baris kosong.`,
});

describe('uploads: pre-numbered empty rows are skipped, said once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-10');
  });
  afterAll(() => t?.close());

  it('enrollment: the golden file, and a numbered row missing its NIK still refused', async () => {
    const ok = (await enroll(t, 'ok/numbered-empty-rows.csv')).body;
    expect(ok).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 1, rejected: 0, sheetWarnings: [warning(3, 5)] });
    const header = 'No,NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
    const file = csv(header, '1,1703060101709012,1703060101200001,Baris Dua,1970-01-01,L,17.03.06.2001,,2025-01-01,,', '2,,1703060101200001,Tanpa NIK,1970-01-01,L,17.03.06.2001,,2025-01-01,,', ...numbered(3, 40, 10));
    const res = (await enroll(t, { name: 'peserta.csv', content: file })).body;
    expect(res).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1, sheetWarnings: [warning(4, 41)] });
    const issues = (await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.id}/issues`).expect(200)).body.items;
    expect(issues.map((i: { rowNumber: number; column: string; code: string }) => [i.rowNumber, i.column, i.code])).toEqual([[3, 'NIK', 'REQUIRED']]);
  });

  it('bill and PBI-APBN list', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const bill = csv('No,NOKA,NIK,NAMA,IURAN', '1,0001000000001,1703060101800001,Ahmad,37800', '2,0001000000002,,Tanpa NIK,37800', ...numbered(3, 100, 4));
    const b = (await keuangan.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '37800').attach('file', bill, 'tagihan.csv').expect(201)).body;
    expect(b).toMatchObject({ lines: 1, rowsRead: 2, rejected: 1, sheetWarnings: [warning(4, 101)] });
    expect(b.issues.map((i: Issue) => [i.row, i.code])).toEqual([[3, 'NIK_REQUIRED']]);
    const list = csv('No,NIK,NAMA', '1,1703060101800001,Ahmad', '2,,Tanpa NIK', ...numbered(3, 9, 2));
    const p = (await keuangan.post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', list, 'pbi.csv').expect(201)).body;
    expect(p).toMatchObject({ niks: 1, rowsRead: 2, rejected: 1, sheetWarnings: [warning(4, 10)] });
    expect(p.issues.map((i: Issue) => [i.row, i.code])).toEqual([[3, 'NIK_REQUIRED']]);
  });

  it('payment sheet and pledge sheet', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const sheet = csv('No,KODE_KOMITMEN,BULAN,JUMLAH,TANGGAL_BAYAR,REFERENSI', '1,APBD-2026,2026-10,1500,2026-10-05,SP2D/NO/1', ...numbered(2, 20, 5));
    const pay = (await keuangan.post('/api/v1/payment-uploads').attach('file', sheet, 'pembayaran.csv').expect(201)).body;
    expect(pay).toMatchObject({ payments: 1, rowsRead: 1, rejected: 0, sheetWarnings: [warning(3, 21)] });
    const workbook = await pledgeWorkbook(['No.', 'KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'PERSEN'], [[1, 'TJSLP-N-2026', 'TJSLP', 'PT N', 2026, 'ALL', 10], [2], [3]]);
    const pledges = (await keuangan.post('/api/v1/pledge-uploads').attach('file', workbook, 'komitmen.xlsx').expect(201)).body;
    expect(pledges).toMatchObject({ rowsRead: 1, accepted: 1, sheetWarnings: [{ ...warning(3, 4, 'No.'), sheet: 'Komitmen', message: 'Sheet Komitmen: baris 3–4 (2 baris) hanya berisi nomor urut di kolom No., tanpa data lain, dan dilewati sebagai baris kosong.' }] });
  });
});
