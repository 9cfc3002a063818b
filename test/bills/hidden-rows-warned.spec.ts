/**
 * Finance uploads read the rows Excel hides (by hand, filtered out, in a collapsed group) and store
 * them like the others, and say so, naming them, in `sheetWarnings`: a BPJS bill (its answer, the
 * bill read back, the same file sent again, its row report's Ringkasan), a PBI-APBN list and a
 * payment sheet. A hidden sheet is still never read (bills.hidden-sheet-not-read.spec.ts).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { download, readWorkbook } from '../reports/support/xlsx.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from '../payments/support/something-due.js';

jest.setTimeout(180_000);

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
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-10'); // something due: no NOTHING_DUE warnings
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
