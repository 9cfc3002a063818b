import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOT_BILL_ROW, notBillRowMerged } from '../../src/reconciliation/bills/bill-row.validator.js';

jest.setTimeout(180_000);

/** A BPJS bill headed with accepted aliases (No Kartu, NIK Peserta, Tagihan) hears its issues in those headers, not NOKA, NIK, IURAN. */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
type Issue = { row: number; column: string | null; severity: string; code: string; message: string };

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
    expect(issues[0]).toMatchObject({ severity: 'WARN', message: 'No Kartu "12345" bukan 13 digit angka; baris tetap dihitung dan dicocokkan lewat NIK. Jika peserta sudah punya NOKA lain, dilaporkan sebagai temuan NOKA berbeda; jika belum punya NOKA, NOKA ini tidak dilaporkan lagi.' });
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

/**
 * A signature block under a bill's lines is one message a row, as the register's NOT_PARTICIPANT_ROW (QA: each such
 * row was refused with "NIK wajib diisi. / IURAN wajib diisi.", and one in merged cells with "isi IURAN di setiap
 * baris"). A row with a NIK empty and two other cells filled is still judged column by column.
 */

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

/**
 * A bill file byte-identical to a bill stored for another month (its checksum) is taken, but said, naming each such
 * month and version (QA: October's file uploaded as November's bill was taken silently).
 */
const file = (amount: number) => Buffer.from(`NOKA,NIK,NAMA,IURAN\n0000000000001,1703060101800001,A,${amount}\n`);

describe('bills: the same file as another month\'s bill is warned about', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, content: Buffer, invoiceTotal = '37800') =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', month).field('invoiceTotal', invoiceTotal).attach('file', content, 'tagihan.csv').expect(201)).body;

  it('names the other months and versions holding the same bytes; a different file, or the same month, is not warned', async () => {
    expect((await upload('2026-08', file(37800))).fileWarnings).toEqual([]);
    expect((await upload('2026-09', file(37801))).fileWarnings).toEqual([]);
    expect((await upload('2026-09', file(37800))).fileWarnings).toEqual([
      {
        code: 'SAME_FILE_OTHER_MONTH',
        bills: [{ month: '2026-08', version: 1 }],
        message: 'Berkas ini sama persis dengan tagihan Agustus 2026 (versi 1) yang sudah tersimpan: periksa bulannya.',
      },
    ]);
    const october = await upload('2026-10', file(37800));
    expect(october).toMatchObject({ month: '2026-10', version: 1, lines: 1 }); // taken all the same
    expect(october.fileWarnings).toEqual([
      {
        code: 'SAME_FILE_OTHER_MONTH',
        bills: [{ month: '2026-08', version: 1 }, { month: '2026-09', version: 2 }],
        message: 'Berkas ini sama persis dengan tagihan Agustus 2026 (versi 1) dan September 2026 (versi 2) yang sudah tersimpan: periksa bulannya.',
      },
    ]);
    // kept with the bill: the month's versions, read back, say what their upload said
    const finance = await t.as(Role.KEUANGAN);
    const stored = (await finance.get('/api/v1/bills?month=2026-10').expect(200)).body;
    expect(stored.map((b: { version: number; fileWarnings: unknown }) => [b.version, b.fileWarnings])).toEqual([[1, october.fileWarnings]]);
    expect((await finance.get(`/api/v1/bills/${october.id}`).expect(200)).body.fileWarnings).toEqual(october.fileWarnings);
    expect((await finance.get('/api/v1/bills?month=2026-08').expect(200)).body[0].fileWarnings).toEqual([]);
    // the same month's latest again: recognised, and still told of the others
    const again = await upload('2026-10', file(37800));
    expect(again).toMatchObject({ recognised: true, version: 1 });
    expect(again.fileWarnings.map((w: { bills: unknown }) => w.bills)).toEqual([[{ month: '2026-08', version: 1 }, { month: '2026-09', version: 2 }]]);
  });
});
