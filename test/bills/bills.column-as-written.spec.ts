/** A BPJS bill headed with accepted aliases (No Kartu, NIK Peserta, Tagihan) hears its issues in those headers, not NOKA, NIK, IURAN. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

type Issue = { row: number; column: string | null; code: string; message: string };

describe('bills: issues name the columns as the file wrote them', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, file: Buffer, name: string): Promise<Issue[]> => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', month).field('invoiceTotal', '75600').attach('file', file, name).expect(201);
    return res.body.issues;
  };

  it('in a .csv: column and message say No Kartu, NIK Peserta, Tagihan; NAMA, its own name, stays NAMA', async () => {
    const csv = [
      'No Kartu;NIK Peserta;NAMA;Tagihan',
      '0001234567890;1703060101800001;Baik;37800',
      '12345;1703060101800002;NOKA salah;37800',
      '0001234567892;17030601018;NIK pendek;37800',
      '0001234567893;1703060101800004;Iuran nol;0',
      '0001234567894;1703060101800005;Ada\u0000Nul;37800',
      '0001234567895;1703060101800006;Baik juga;37800',
      ';;TOTAL;999',
    ].join('\n');
    const issues = await upload('2026-08', Buffer.from(csv), 'tagihan.csv');
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'No Kartu', 'NOKA_FORMAT'],
      [4, 'NIK Peserta', 'NIK_FORMAT'],
      [5, 'Tagihan', 'AMOUNT_FORMAT'],
      [6, 'NAMA', 'INVALID_CHARACTER'],
      [8, 'Tagihan', 'TOTAL_ROW_MISMATCH'],
    ]);
    // a NOKA that is not 13 digits is BPJS's: the line is kept, warned (DOMAIN §7)
    expect(issues[0]).toMatchObject({ severity: 'WARN', message: 'No Kartu "12345" bukan 13 digit angka; baris tetap dihitung dan dicocokkan lewat NIK. Jika peserta sudah punya NOKA lain, dilaporkan sebagai NOKA_MISMATCH; jika belum punya NOKA, NOKA ini tidak dilaporkan lagi.' });
    expect(issues[1].message).toBe('NIK Peserta "17030601018" harus 16 digit angka.');
    expect(issues[2].message).toMatch(/^Tagihan harus bilangan bulat rupiah/);
    expect(issues[3].message).toMatch(/^NAMA memuat karakter kendali/);
    // stored as answered: the row report's KETERANGAN and upload_issue.column_name say the same
    const stored = await t.dataSource.query(`SELECT column_name FROM upload_issue WHERE upload_id = (SELECT id FROM bill WHERE month = '2026-08') ORDER BY row_number`);
    expect(stored.map((r: { column_name: string }) => r.column_name)).toEqual(['No Kartu', 'NIK Peserta', 'Tagihan', 'NAMA', 'Tagihan']);
  });

  it('in an .xlsx: a NOKA from a number cell and a merged cell are named by their header too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tagihan');
    ws.addRow(['NOMOR KARTU', 'NO KTP', 'Nama Peserta', 'JUMLAH IURAN']);
    ws.addRow([1234567890, '1703060101800001', 'Nol hilang', 37800]);
    ws.addRow(['0001234567891', '1703060101800002', 'Dua', 37800]);
    ws.addRow(['0001234567892', '1703060101800003', 'Tiga', null]);
    ws.mergeCells('D3:D4');
    const issues = await upload('2026-07', Buffer.from(await wb.xlsx.writeBuffer()), 'tagihan.xlsx');
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'NOMOR KARTU', 'NOKA_NUMERIC_CELL'],
      [4, 'JUMLAH IURAN', 'MERGED_CELL'],
    ]);
    expect(issues[0].message).toMatch(/^NOMOR KARTU terbaca sebagai angka; nol di depan dipulihkan menjadi 0001234567890\./);
    expect(issues[1].message).toMatch(/^JUMLAH IURAN ada di dalam sel gabungan D3:D4 /);
  });
});
