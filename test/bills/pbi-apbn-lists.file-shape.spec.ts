import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { readFileSync } from 'node:fs';

// Booting each describe's app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

/** A PBI-APBN list headed with an accepted alias (No KTP) hears its issues in that header, not NIK. */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
type Issue = { row: number; column: string | null; code: string; message: string };

describe('PBI-APBN lists: issues name the NIK column as the file wrote it', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, file: Buffer, name: string): Promise<Issue[]> =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', month).attach('file', file, name).expect(201)).body.issues;

  it('in a .csv: column and message say No KTP', async () => {
    const csv = ['No KTP,NAMA', '1703060101800001,Baik', '17030601018,Pendek', '1.70306E+15,Ilmiah'].join('\n');
    const issues = await upload('2026-08', Buffer.from(csv), 'pbi.csv');
    expect(issues.map((i) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, 'No KTP', 'NIK_FORMAT', 'No KTP "17030601018" harus 16 digit angka.'],
      [4, 'No KTP', 'NIK_NUMERIC_CELL', expect.stringMatching(/^No KTP "1\.70306E\+15" ditulis dalam notasi ilmiah /)],
    ]);
    const stored = await t.dataSource.query(`SELECT column_name FROM upload_issue WHERE upload_id = (SELECT id FROM pbi_apbn_list WHERE month = '2026-08') ORDER BY row_number`);
    expect(stored.map((r: { column_name: string }) => r.column_name)).toEqual(['No KTP', 'No KTP']);
  });

  it('in an .xlsx: a merged NIK cell is named by its header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PBI');
    ws.addRow(['NIK PESERTA', 'NAMA']);
    ws.addRow(['1703060101800001', 'Satu']);
    ws.addRow([null, 'Dua']);
    ws.mergeCells('A2:A3');
    const issues = await upload('2026-07', Buffer.from(await wb.xlsx.writeBuffer()), 'pbi.xlsx');
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[3, 'NIK PESERTA', 'MERGED_CELL']]);
    expect(issues[0].message).toMatch(/^NIK PESERTA ada di dalam sel gabungan A2:A3 /);
  });

  it('says the header read as NIK (NIK (16 digit) in column B, HEADERS_READ_AS); refuses NIK repeated, naming both letters (DUPLICATE_COLUMN)', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const csv = ['NO,NIK (16 digit),NAMA', '1,1703060101800001,Satu'].join('\n');
    const res = await keuangan.post('/api/v1/pbi-apbn-lists').field('month', '2026-06').attach('file', Buffer.from(csv), 'pbi.csv').expect(201);
    expect(res.body.sheetWarnings).toEqual([
      { code: 'COLUMNS_NOT_READ', headers: ['NO', 'NAMA'], message: 'Kolom berikut tidak dibaca: NO, NAMA.' },
      { code: 'HEADERS_READ_AS', headersReadAs: [{ header: 'NIK (16 digit)', column: 'NIK', columnLetter: 'B' }], message: 'Kolom "NIK (16 digit)" (kolom B) dibaca sebagai NIK.' },
    ]);
    expect((await keuangan.get(`/api/v1/pbi-apbn-lists/${res.body.id}`).expect(200)).body.sheetWarnings).toEqual(res.body.sheetWarnings);
    // golden file: test/fixtures/pbi-apbn/not-ok/nik-dua-kolom.csv (the second NIK was dropped unsaid)
    const file = readFileSync('test/fixtures/pbi-apbn/not-ok/nik-dua-kolom.csv');
    const refused = await keuangan.post('/api/v1/pbi-apbn-lists').field('month', '2026-05').attach('file', file, 'nik-dua-kolom.csv').expect(400);
    expect(refused.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'NIK', headers: ['NIK', 'NIK'], letters: ['B', 'D'] }] } });
    expect(refused.body.message).toMatch(/^Kolom "NIK" \(kolom B\) dan "NIK" \(kolom D\) sama-sama dibaca sebagai NIK, /);
    expect(await t.dataSource.query("SELECT id FROM pbi_apbn_list WHERE month = '2026-05'")).toEqual([]);
  });
});

/**
 * A .csv PBI-APBN row with more fields than its header is refused whole with one message (QA:
 * `NIK1,NIK2` under the header `NIK` kept the first NIK only). Golden file:
 * test/fixtures/pbi-apbn/not-ok/csv-too-many-fields.csv.
 */
describe('PBI-APBN list: a .csv row with more fields than its header', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('refuses two NIKs in one row, and a row whose only value is past the header, keeps `NIK,,`', async () => {
    const file = readFileSync('test/fixtures/pbi-apbn/not-ok/csv-too-many-fields.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', file, 'pbi.csv').expect(201);
    expect(res.body).toMatchObject({ niks: 2, rowsRead: 4, accepted: 2, rejected: 2 });
    const issues = res.body.issues as { row: number; column: string | null; code: string; message: string }[];
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, null, 'CSV_FIELD_COUNT'],
      [5, null, 'CSV_FIELD_COUNT'], // `,NIK`: its NIK cell is empty, yet the row is not skipped as empty
    ]);
    expect(issues[0].message).toMatch(/^Baris 2 berisi 2 kolom, sedangkan judul 1 kolom: .* Isi baris: 1703010207092185,1703010304462448$/);
    const niks = await t.dataSource.query('SELECT nik FROM pbi_apbn_entry WHERE list_id = $1 ORDER BY nik', [res.body.id]);
    expect(niks.map((r: { nik: string }) => r.nik)).toEqual(['1703060101800001', '1703060101800002']);
  });
});

/**
 * A PBI-APBN list's total row is said to be no participant's row, to delete (NOT_LIST_ROW), not *harus 16 digit angka*
 * (QA). The rule: the NIK column holds a count (at most 9 digits, `1.234`, `1234`, a number cell) and the row holds
 * nothing else but a `Jumlah`/`Total` label, or nothing at all when the count is the number of rows above it; or the NIK
 * column holds such a label with a number. A NIK typed wrong (15 or 17 digits, a letter), a short number beside a name
 * and a short number alone that counts nothing still hear the 16-digit message (QA: a 5-digit NIK after 7 rows was
 * told it was a total).
 */
const TOTAL = (value: string) => `No KTP "${value}" bukan NIK melainkan jumlah: baris jumlah (total) bukan baris peserta, hapus baris ini dari berkas.`;

describe('PBI-APBN lists: the total row', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, file: Buffer, name: string) =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', month).attach('file', file, name).expect(201)).body;

  it('a count beside Jumlah/Total is NOT_LIST_ROW; a NIK typed wrong or a count of nothing alone keeps the 16-digit message', async () => {
    const body = await upload('2026-06', readFileSync('test/fixtures/pbi-apbn/not-ok/total-row.csv'), 'pbi.csv');
    expect(body).toMatchObject({ niks: 1, rowsRead: 9, accepted: 1, rejected: 8 });
    expect(body.issues.map((i: Issue) => [i.row, i.code, i.message])).toEqual([
      [3, 'NIK_FORMAT', 'No KTP "170306010180001" harus 16 digit angka.'],
      [4, 'NIK_FORMAT', 'No KTP "17030601018000012" harus 16 digit angka.'],
      [5, 'NIK_FORMAT', 'No KTP "170306010180000A" harus 16 digit angka.'],
      [6, 'NIK_FORMAT', 'No KTP "1234" harus 16 digit angka.'], // beside a name: a participant's NIK typed short
      [7, 'NIK_FORMAT', 'No KTP "1.234" harus 16 digit angka.'], // alone, but 5 rows above it, not 1,234
      [8, 'NIK_FORMAT', 'No KTP "1234" harus 16 digit angka.'],
      [9, 'NOT_LIST_ROW', TOTAL('4')],
      [10, 'NOT_LIST_ROW', TOTAL('Total: 4')],
    ]);
  });

  it('a number alone is a total only when it counts the rows above it (QA: a 5-digit NIK after 7 rows was called a total)', async () => {
    const niks = Array.from({ length: 7 }, (_, i) => `170306010180000${i + 1}`);
    const body = await upload('2026-07', Buffer.from(['NIK', ...niks, '17030', '8'].join('\n') + '\n'), 'pbi.csv');
    expect(body.issues.map((i: Issue) => [i.row, i.code, i.message])).toEqual([
      [9, 'NIK_FORMAT', 'NIK "17030" harus 16 digit angka.'],
      [10, 'NOT_LIST_ROW', 'NIK "8" bukan NIK melainkan jumlah: baris jumlah (total) bukan baris peserta, hapus baris ini dari berkas.'],
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
