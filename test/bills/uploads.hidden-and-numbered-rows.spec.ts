import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { type TestApp } from '../support/test-app.js';
import { download, readWorkbook } from '../reports/support/xlsx.js';
import { appWithSomethingDue } from '../payments/support/something-due.js';
import { upload as enroll } from '../register/support.js';
import { pledgeWorkbook } from '../funding/support/pledge-workbook.js';

jest.setTimeout(180_000);

/**
 * Finance uploads read the rows Excel hides (by hand, filtered out, in a collapsed group) and store
 * them like the others, and say so, naming them, in `sheetWarnings`: a BPJS bill (its answer, the
 * bill read back, the same file sent again, its row report's Ringkasan), a PBI-APBN list and a
 * payment sheet. A hidden sheet is still never read (bills.file-shape.spec.ts).
 */
/** One visible sheet: `rows` under `header`, the row numbers in `hide` hidden (an AutoFilter over them all when `filter`). */
async function workbook(header: string[], rows: (string | number)[][], hide: number[], filter = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tagihan');
  ws.columns = header.map(() => ({ style: { numFmt: '@' } }));
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  for (const n of hide) ws.getRow(n).hidden = true;
  if (filter) ws.autoFilter = { from: 'A1', to: { row: rows.length + 1, column: header.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const line = (i: number) => [`000100000000${i}`, `170306120370000${i}`, `Peserta ${i}`, 37800];
const message = (rows: string, count: number) =>
  `Baris ${rows} (${count} baris) tersembunyi di Excel (disembunyikan atau tersaring) dan tetap dibaca seperti baris lain. ` +
  'Jika hanya baris yang terlihat yang dimaksud, hapus baris tersembunyi itu dari berkas.';

describe('finance uploads: hidden rows are read and named', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithSomethingDue('2026-10'); // something due: no NOTHING_DUE warnings
  });
  afterAll(() => t?.close());

  it('reads a bill\'s hidden IURAN column as the file holds it and warns, naming it (HIDDEN_COLUMNS)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tagihan');
    ws.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
    ws.addRow(['0001000000000091', '1703061203700091', 'Peserta 91', 37800]);
    ws.getColumn(4).hidden = true;
    const keuangan = await t.as(Role.KEUANGAN);
    const res = await keuangan.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '37800').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'iuran-tersembunyi.xlsx').expect(201);
    expect(res.body).toMatchObject({ lines: 1, linesTotal: 37800, sheetWarnings: [{ code: 'HIDDEN_COLUMNS', columns: [{ name: 'IURAN', header: 'IURAN', letter: 'D' }] }] });
    expect(res.body.sheetWarnings[0].message).toMatch(/^Kolom IURAN \(kolom D\) tersembunyi di Excel dan tetap dibaca/);
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/bills/${res.body.id}`).expect(200)).body.sheetWarnings).toEqual(res.body.sheetWarnings);
  });

  it('stores a bill\'s filtered-out lines and warns, naming them: answer, read back, sent again, row report', async () => {
    const file = await workbook(['NOKA', 'NIK', 'NAMA', 'IURAN'], [1, 2, 3, 4, 5, 6].map(line), [3, 4, 5, 7], true);
    const keuangan = await t.as(Role.KEUANGAN);
    const post = () => keuangan.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', String(6 * 37800)).attach('file', file, 'tagihan.xlsx');
    const res = await post().expect(201);
    const warning = { code: 'HIDDEN_ROWS', message: message('3–5 dan 7', 4), rows: 4, ranges: [[3, 5], [7, 7]] };
    expect(res.body).toMatchObject({ lines: 6, linesTotal: 6 * 37800, rowsRead: 6, accepted: 6, warnings: 0, sheetWarnings: [warning] });
    const names = await t.dataSource.query('SELECT name FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id]);
    expect(names.map((r: { name: string }) => r.name)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `Peserta ${i}`));

    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get(`/api/v1/bills/${res.body.id}`).expect(200)).body.sheetWarnings).toEqual([warning]);
    expect((await post().expect(201)).body).toMatchObject({ id: res.body.id, recognised: true, sheetWarnings: [warning] });

    const report = await readWorkbook((await download(auditor.get(`/api/v1/bills/${res.body.id}/report.xlsx`))).body);
    const lines = (report.getWorksheet('Ringkasan')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]);
    expect(lines).toContainEqual(['Peringatan berkas', warning.message]);
  });

  it('stores a PBI-APBN list\'s hidden NIKs and warns', async () => {
    const file = await workbook(['NIK'], [1, 2, 3].map((i) => [`170306120370001${i}`]), [2, 3]);
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', file, 'pbi.xlsx').expect(201);
    expect(res.body).toMatchObject({ niks: 3, rowsRead: 3, accepted: 3, sheetWarnings: [{ code: 'HIDDEN_ROWS', rows: 2, message: message('2–3', 2) }] });
  });

  it('records a payment sheet\'s hidden payments and warns, in its answer, its listing and its row report', async () => {
    const rows = [8, 9, 10].map((d) => ['APBD-2026', '2026-10', 1000, `2026-10-${String(d).padStart(2, '0')}`, `SP2D TERSEMBUNYI ${d}`]);
    const file = await workbook(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI'], rows, [3]);
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.xlsx').expect(201);
    const warning = { code: 'HIDDEN_ROWS', message: message('3', 1).replace(' (1 baris)', ''), rows: 1, ranges: [[3, 3]] };
    expect(res.body).toMatchObject({ rowsRead: 3, accepted: 3, payments: 3, amount: 3000, sheetWarnings: [warning] });
    const stored = await t.dataSource.query(`SELECT reference FROM payment WHERE reference LIKE 'SP2D TERSEMBUNYI%' ORDER BY reference`);
    expect(stored.map((r: { reference: string }) => r.reference)).toEqual(['SP2D TERSEMBUNYI 10', 'SP2D TERSEMBUNYI 8', 'SP2D TERSEMBUNYI 9']);

    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get('/api/v1/payment-uploads?pageSize=1').expect(200)).body.items[0]).toMatchObject({ id: res.body.id, sheetWarnings: [warning] });
    const report = await readWorkbook((await download(auditor.get(`/api/v1/payment-uploads/${res.body.id}/report.xlsx`))).body);
    const lines = (report.getWorksheet('Ringkasan')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]]);
    expect(lines).toContainEqual(['Peringatan berkas', warning.message]);
  });
});

/**
 * A template's pre-numbered empty rows (`No` 1 … 500, nothing else) are skipped as empty by every upload: enrollment,
 * bill, PBI-APBN list, payment sheet and pledge sheet, said once in `sheetWarnings` (NUMBERED_ROWS), not one finding a
 * row (QA: NOT_PARTICIPANT_ROW / NOT_BILL_ROW for each). A numbered row with data but a missing key is refused as before.
 * Golden file: test/fixtures/enrollment/ok/numbered-empty-rows.csv.
 */
type Issue = { row: number; code: string };
const csv = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n');
const numbered = (from: number, to: number, blanks: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}${','.repeat(blanks)}`);
const warning = (first: number, last: number, header = 'No') => ({
  code: 'NUMBERED_ROWS',
  rows: last - first + 1,
  ranges: [[first, last]],
  message: `Baris ${first}–${last} (${last - first + 1} baris) hanya berisi nomor urut di kolom ${header}, tanpa data lain, dan dilewati sebagai baris kosong.`,
});
/** The `No` column is not read, and named so after the other warnings (COLUMNS_NOT_READ). */
const notRead = (header = 'No') => ({ code: 'COLUMNS_NOT_READ', headers: [header], message: 'Kolom berikut tidak dibaca: No.' });

describe('uploads: pre-numbered empty rows are skipped, said once', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWithSomethingDue('2026-10')));
  afterAll(() => t?.close());

  it('enrollment: the golden file, and a numbered row missing its NIK still refused', async () => {
    const ok = (await enroll(t, 'ok/numbered-empty-rows.csv')).body;
    expect(ok).toMatchObject({ status: 'DONE', rowsRead: 1, accepted: 1, rejected: 0, sheetWarnings: [warning(3, 5), notRead()] });
    const header = 'No,NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
    const file = csv(header, '1,1703060101709012,1703060101200001,Baris Dua,1970-01-01,L,17.03.06.2001,,2025-01-01,,', '2,,1703060101200001,Tanpa NIK,1970-01-01,L,17.03.06.2001,,2025-01-01,,', ...numbered(3, 40, 10));
    const res = (await enroll(t, { name: 'peserta.csv', content: file })).body;
    expect(res).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1, sheetWarnings: [warning(4, 41), notRead()] });
    const issues = (await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.id}/issues`).expect(200)).body.items;
    expect(issues.map((i: { rowNumber: number; column: string; code: string }) => [i.rowNumber, i.column, i.code])).toEqual([
      // a new registration whose TMT reaches this app's allocated months is said so (COVERAGE_CHANGED)
      [2, 'TMT', 'COVERAGE_CHANGED'],
      [3, 'NIK', 'REQUIRED'],
    ]);
  });

  it('bill and PBI-APBN list', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const bill = csv('No,NOKA,NIK,NAMA,IURAN', '1,0001000000001,1703060101800001,Ahmad,37800', '2,0001000000002,,Tanpa NIK,37800', ...numbered(3, 100, 4));
    const b = (await keuangan.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '37800').attach('file', bill, 'tagihan.csv').expect(201)).body;
    expect(b).toMatchObject({ lines: 1, rowsRead: 2, rejected: 1, sheetWarnings: [warning(4, 101), notRead()] });
    expect(b.issues.map((i: Issue) => [i.row, i.code])).toEqual([[3, 'NIK_REQUIRED']]);
    const list = csv('No,NIK,NAMA', '1,1703060101800001,Ahmad', '2,,Tanpa NIK', ...numbered(3, 9, 2));
    const p = (await keuangan.post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', list, 'pbi.csv').expect(201)).body;
    expect(p).toMatchObject({ niks: 1, rowsRead: 2, rejected: 1, sheetWarnings: [warning(4, 10), { ...notRead(), headers: ['No', 'NAMA'], message: 'Kolom berikut tidak dibaca: No, NAMA.' }] });
    expect(p.issues.map((i: Issue) => [i.row, i.code])).toEqual([[3, 'NIK_REQUIRED']]);
  });

  it('payment sheet and pledge sheet', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const sheet = csv('No,KODE_KOMITMEN,BULAN,JUMLAH,TANGGAL_BAYAR,REFERENSI', '1,APBD-2026,2026-10,1500,2026-10-05,SP2D/NO/1', ...numbered(2, 20, 5));
    const pay = (await keuangan.post('/api/v1/payment-uploads').attach('file', sheet, 'pembayaran.csv').expect(201)).body;
    expect(pay).toMatchObject({ payments: 1, rowsRead: 1, rejected: 0, sheetWarnings: [warning(3, 21), notRead()] });
    const workbook = await pledgeWorkbook(['No.', 'KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'PERSEN'], [[1, 'TJSLP-N-2026', 'TJSLP', 'PT N', 2026, 'ALL', 10], [2], [3]]);
    const pledges = (await keuangan.post('/api/v1/pledge-uploads').attach('file', workbook, 'komitmen.xlsx').expect(201)).body;
    expect(pledges).toMatchObject({ rowsRead: 1, accepted: 1, sheetWarnings: [{ ...warning(3, 4, 'No.'), sheet: 'Komitmen', message: 'Sheet Komitmen: baris 3–4 (2 baris) hanya berisi nomor urut di kolom No., tanpa data lain, dan dilewati sebagai baris kosong.' }, { ...notRead('No.'), sheet: 'Komitmen', message: 'Sheet Komitmen: kolom berikut tidak dibaca: No.' }] });
  });
});
