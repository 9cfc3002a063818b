import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import ExcelJS from 'exceljs';

// Booting each describe's app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

/**
 * A .csv bill line with more fields than its header is refused whole with one message (QA:
 * `…,Budi,37,800` was stored as Rp37; `Santoso, Jr` shifted IURAN). Golden file:
 * test/fixtures/bills/not-ok/csv-too-many-fields.csv.
 */
describe('BPJS bill: a .csv row with more fields than its header', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('refuses those rows with one message each, keeps trailing empty fields, reads missing fields as empty', async () => {
    const file = readFileSync('test/fixtures/bills/not-ok/csv-too-many-fields.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '75600').attach('file', file, 'tagihan.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 5, accepted: 2, rejected: 3, lines: 2, linesTotal: 75600 });
    const issues = res.body.issues as { row: number; column: string | null; code: string; message: string }[];
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, null, 'CSV_FIELD_COUNT'],
      [3, null, 'CSV_FIELD_COUNT'], // one message, not NAMA/IURAN findings of the shifted cells
      [6, 'IURAN', 'AMOUNT_REQUIRED'],
    ]);
    expect(issues[0].message).toBe(
      'Baris 2 berisi 5 kolom, sedangkan judul 4 kolom: kemungkinan ada koma di dalam angka atau nama (mis. 1,500,000). ' +
        'Beri tanda kutip atau simpan ulang dari Excel sebagai CSV. Isi baris: 0001000000001,1703010207092185,Budi,37,800',
    );
    const lines = await t.dataSource.query('SELECT row_number, amount::int AS amount FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id]);
    expect(lines).toEqual([
      { row_number: 4, amount: 37800 },
      { row_number: 5, amount: 37800 }, // `37800,,`
    ]);
  });
});

/**
 * A bill headed `Iuran (Rp)` or `JUMLAH IURAN (Rp)` reads its IURAN column (QA: "Kolom wajib tidak ditemukan: IURAN"),
 * and the column-numbering row `1 2 3 4 5` under the header is skipped, not refused (QA: its NOKA "2" was restored to
 * 0000000000002). Golden files: test/fixtures/bills/ok/tagihan-judul-satuan.csv, tagihan-nomor-kolom.csv.
 */
describe('BPJS bill: header hints and the column-numbering row', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, fixture: string) =>
    (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', month).field('invoiceTotal', '75600').attach('file', readFileSync(`test/fixtures/bills/ok/${fixture}`), fixture).expect(201);

  it('reads JUMLAH IURAN (Rp) as IURAN', async () => {
    const res = await upload('2026-08', 'tagihan-judul-satuan.csv');
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, lines: 2, linesTotal: 75600, issues: [] });
  });

  it('reads NOKA (13 digit), NIK (16 digit) and Jumlah [Rp] as NOKA, NIK and IURAN; refuses IURAN beside TAGIHAN (Rp), naming both (DUPLICATE_COLUMN)', async () => {
    const rows = ['0001234567890;1703060101800001;Ahmad Saputra;37800', '0001234567891;1703060101800002;Siti Lubis;37800'];
    const bill = async (month: string, header: string) =>
      (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', month).field('invoiceTotal', '75600').attach('file', Buffer.from([header, ...rows].join('\n')), 'tagihan.csv');
    const res = await bill('2026-10', 'NOKA (13 digit);NIK (16 digit);NAMA *;Jumlah [Rp]');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, lines: 2, linesTotal: 75600, issues: [] });
    // said which header was read as which column, with its letter; kept with the bill
    expect(res.body.sheetWarnings).toEqual([
      {
        code: 'HEADERS_READ_AS',
        message: 'Kolom "NOKA (13 digit)" (kolom A) dibaca sebagai NOKA, "NIK (16 digit)" (kolom B) sebagai NIK, "NAMA *" (kolom C) sebagai NAMA, "Jumlah [Rp]" (kolom D) sebagai IURAN.',
        headersReadAs: [
          { header: 'NOKA (13 digit)', column: 'NOKA', columnLetter: 'A' },
          { header: 'NIK (16 digit)', column: 'NIK', columnLetter: 'B' },
          { header: 'NAMA *', column: 'NAMA', columnLetter: 'C' },
          { header: 'Jumlah [Rp]', column: 'IURAN', columnLetter: 'D' },
        ],
      },
    ]);
    expect((await (await t.as(Role.KEUANGAN)).get(`/api/v1/bills/${res.body.id}`).expect(200)).body.sheetWarnings).toEqual(res.body.sheetWarnings);
    const refused = await bill('2026-11', 'NOKA;NIK;IURAN;TAGIHAN (Rp)');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'IURAN', headers: ['IURAN', 'TAGIHAN (Rp)'], letters: ['C', 'D'] }] } });
    expect(refused.body.message).toMatch(/^Kolom "IURAN" \(kolom C\) dan "TAGIHAN \(Rp\)" \(kolom D\) sama-sama dibaca sebagai IURAN, /);
    expect(await t.dataSource.query("SELECT id FROM bill WHERE month = '2026-11'")).toEqual([]);
  });

  it('refuses a header repeated (NIK in columns B and E: the second was dropped unsaid), naming both letters, storing nothing (DUPLICATE_COLUMN)', async () => {
    // golden file: test/fixtures/bills/not-ok/nik-dua-kolom.csv
    const refused = await (await t.as(Role.KEUANGAN))
      .post('/api/v1/bills')
      .field('month', '2026-12')
      .field('invoiceTotal', '75600')
      .attach('file', readFileSync('test/fixtures/bills/not-ok/nik-dua-kolom.csv'), 'nik-dua-kolom.csv')
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'NIK', headers: ['NIK', 'NIK'], letters: ['B', 'E'] }] } });
    expect(refused.body.message).toBe(
      'Kolom "NIK" (kolom B) dan "NIK" (kolom E) sama-sama dibaca sebagai NIK, sehingga tidak jelas kolom mana yang dipakai. Hapus salah satunya atau ganti judulnya, lalu unggah ulang. Tidak ada baris yang disimpan dari berkas ini.',
    );
    expect(await t.dataSource.query("SELECT id FROM bill WHERE month = '2026-12'")).toEqual([]);
  });

  it('skips the numbering row and reads Iuran (Rp)', async () => {
    const res = await upload('2026-09', 'tagihan-nomor-kolom.csv');
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, lines: 2, linesTotal: 75600, issues: [] });
    expect(res.body.sheetWarnings).toEqual([
      { code: 'COLUMNS_NOT_READ', headers: ['NO'], message: 'Kolom berikut tidak dibaca: NO.' },
      { code: 'HEADERS_READ_AS', headersReadAs: [{ header: 'Iuran (Rp)', column: 'IURAN', columnLetter: 'E' }], message: 'Kolom "Iuran (Rp)" (kolom E) dibaca sebagai IURAN.' },
    ]);
    const lines = await t.dataSource.query('SELECT row_number, noka FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id]);
    expect(lines).toEqual([
      { row_number: 3, noka: '0001234567890' },
      { row_number: 4, noka: '0001234567891' },
    ]);
  });
});

/**
 * A header the bill does not know that looks like its optional NAMA column refuses the file, naming it, and stores
 * nothing (QA: such columns were ignored unsaid). Golden file: test/fixtures/bills/not-ok/nama-lengkap-peserta.csv.
 */
describe('BPJS bill: a header looking like a column it lacks', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('refuses Nama Lengkap Peserta as UNKNOWN_COLUMN, suggesting NAMA', async () => {
    const file = readFileSync('test/fixtures/bills/not-ok/nama-lengkap-peserta.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-08').field('invoiceTotal', '75600').attach('file', file, 'tagihan.csv').expect(400);
    expect(res.body).toMatchObject({ code: 'UNKNOWN_COLUMN', details: { columns: [{ header: 'Nama Lengkap Peserta', meant: ['NAMA'] }] } });
    expect(res.body.message).toMatch(/^Kolom "Nama Lengkap Peserta" tidak dikenal\. Mungkin maksudnya NAMA\?/);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM bill')).toEqual([{ n: 0 }]);
  });
});

/**
 * A bill whose lines are split over two visible sheets: the first sheet with the header is read, and
 * the answer names the other (SHEETS_NOT_READ), read back too (QA: "Segmen 1" and "Segmen 2" stored
 * 3 of 8 lines without a word, and a bill version replaces the month's whole list).
 */
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

/**
 * A bill's hidden sheet is never read (QA: last month's lines on a hidden "Lama" before the visible
 * "Tagihan" were stored as the bill, silently); a bill whose lines are only on a hidden sheet is
 * refused naming the sheet. Every upload reads sheets through the same SheetReader.
 */
const HEADER = ['NOKA', 'NIK', 'NAMA', 'IURAN'];

/** Sheets in tab order: [name, state, lines]. */
async function workbook(sheets: [string, ExcelJS.WorksheetState, (string | number)[][]][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, state, lines] of sheets) {
    const ws = wb.addWorksheet(name, { state });
    ws.getColumn(1).numFmt = ws.getColumn(2).numFmt = '@';
    for (const line of lines) ws.addRow(line);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('bills: hidden sheets are not read', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (content: Buffer, status: number) =>
    (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '75600').attach('file', content, 'tagihan.xlsx').expect(status);

  it('reads the visible sheet after a hidden one', async () => {
    const file = await workbook([
      ['Lama', 'hidden', [HEADER, ['0001000000001', '1703061203700001', 'BARIS SHEET TERSEMBUNYI', 42000]]],
      ['Tagihan', 'visible', [HEADER, ['0001000000002', '1703061203700002', 'Baris terlihat 1', 37800], ['0001000000003', '1703061203700003', 'Baris terlihat 2', 37800]]],
    ]);
    const res = await upload(file, 201);
    expect(res.body).toMatchObject({ lines: 2, linesTotal: 75600, rowsRead: 2, accepted: 2 });
    const lines = await t.dataSource.query('SELECT name FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id]);
    expect(lines).toEqual([{ name: 'Baris terlihat 1' }, { name: 'Baris terlihat 2' }]);
  });

  it('refuses a bill whose lines are only on a hidden sheet, naming it', async () => {
    const file = await workbook([
      ['Catatan', 'visible', [['Tagihan Oktober 2026, lihat sheet berikut']]],
      ['Tagihan Okt', 'veryHidden', [HEADER, ['0001000000002', '1703061203700002', 'Baris', 37800]]],
    ]);
    const res = await upload(file, 400);
    expect(res.body).toMatchObject({ code: 'HIDDEN_SHEET', details: { sheet: 'Tagihan Okt' } });
    expect(res.body.message).toMatch(/^Data berkas "tagihan\.xlsx" ada di sheet tersembunyi "Tagihan Okt"/);
  });

  it('refuses a bill whose visible sheet has the header only and whose lines are on a hidden sheet, naming it (QA: NO_DATA_ROWS)', async () => {
    const file = await workbook([
      ['Tagihan', 'visible', [HEADER]],
      ['Catatan', 'hidden', [['Catatan saja']]],
      ['Tagihan Okt', 'hidden', [['Tagihan Oktober 2026'], HEADER, ['0001000000002', '1703061203700002', 'Baris', 37800]]],
    ]);
    const res = await upload(file, 400);
    expect(res.body).toMatchObject({ code: 'HIDDEN_SHEET', details: { sheet: 'Tagihan Okt' } });
    expect(res.body.message).toMatch(/^Data berkas "tagihan\.xlsx" ada di sheet tersembunyi "Tagihan Okt"/);
    // a hidden sheet with the header only is no data: the visible sheet's NO_DATA_ROWS stands
    const empty = await workbook([['Tagihan', 'visible', [HEADER]], ['Lama', 'hidden', [HEADER]]]);
    expect((await upload(empty, 400)).body).toMatchObject({ code: 'NO_DATA_ROWS', details: { sheet: 'Tagihan' } });
  });
});

/**
 * DOMAIN §12: a bill line's NAMA is BPJS's and identifies no one here (NIK and NOKA do), so one longer than 200
 * characters keeps its line, cut after its 200th character, never inside one, with a warning (QA: cut at 200
 * UTF-16 units, half of 🎉 was stored as U+FFFD, silently).
 */
describe('bills: a NAMA over 200 characters', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('keeps the line, its NAMA cut after the 200th character (🎉 whole), and warns; a name of 200 characters is kept as is', async () => {
    const long = `${'N'.repeat(199)}🎉tail`; // 204 characters
    const fits = `${'M'.repeat(199)}🎉`; // 200 characters, 201 UTF-16 units
    const csv = ['No Kartu;NIK;Nama Peserta;IURAN', `0001000000001;1703060101800001;${long};37800`, `0001000000002;1703060101800002;${fits};37800`].join('\n');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-08').field('invoiceTotal', '75600').attach('file', Buffer.from(csv), 'tagihan.csv').expect(201);
    expect(res.body).toMatchObject({ lines: 2, linesTotal: 75600, accepted: 2, rejected: 0, warnings: 1 });
    expect(res.body.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Nama Peserta', // as the file heads it, like every finding
        severity: 'WARN',
        code: 'NAME_TOO_LONG',
        message: 'Nama Peserta lebih dari 200 karakter (204); disimpan 200 karakter pertamanya.',
      }),
    ]);
    const names = (await t.dataSource.query('SELECT name FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id])).map((r: { name: string }) => r.name);
    expect(names).toEqual([`${'N'.repeat(199)}🎉`, fits]);
    expect(names.join('')).not.toContain('\uFFFD');
  });
});
