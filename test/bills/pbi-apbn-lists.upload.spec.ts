/** DOMAIN §7, §12: the PBI-APBN list upload (NIK only, other columns ignored), versioned per month. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { binary } from '../reports/support/xlsx.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('PBI-APBN lists: upload', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('stores distinct NIKs, reports unreadable ones, and versions the month (the latest file sent again is recognised)', async () => {
    const file = readFileSync('test/fixtures/pbi-apbn/ok/pbi-apbn-2026-10.csv');
    const api = await t.as(Role.KEUANGAN);
    const first = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', file, 'pbi.csv').expect(201);
    expect(first.body).toMatchObject({ month: '2026-10', version: 1, niks: 2, rowsRead: 4, accepted: 3, rejected: 1 });
    expect(first.body.issues).toEqual([expect.objectContaining({ row: 5, column: 'NIK', severity: 'REJECT' })]);
    // the list reads NIK only: its other columns are named, so the user sees what was not read
    expect(first.body.sheetWarnings).toEqual([{ code: 'COLUMNS_NOT_READ', headers: ['NAMA', 'KETERANGAN'], message: 'Kolom berikut tidak dibaca: NAMA, KETERANGAN.' }]);
    const again = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', file, 'pbi.csv').expect(201);
    expect(again.body).toMatchObject({ id: first.body.id, version: 1, recognised: true, niks: 2, rejected: 1 });
    const changed = Buffer.concat([file, Buffer.from('1703060101800099\n')]);
    const second = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', changed, 'pbi.csv').expect(201);
    expect(second.body).toMatchObject({ version: 2, niks: 3 });
    const lists = (await (await t.as(Role.AUDITOR)).get('/api/v1/pbi-apbn-lists?month=2026-10').expect(200)).body;
    expect(lists.map((l: { version: number }) => l.version)).toEqual([2, 1]);
    await (await t.as(Role.AUDITOR)).post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', file, 'pbi.csv').expect(403);
  });

  it('refuses the month\'s row report sent back, fixed, as a whole: it would replace a list of 6 NIKs by 1 (QA)', async () => {
    const api = await t.as(Role.KEUANGAN);
    const up = async (content: Buffer, name: string, status: number) => (await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-06').attach('file', content, name).expect(status)).body;
    expect(await up(readFileSync('test/fixtures/pbi-apbn/not-ok/pbi-2026-11-satu-nik-salah.csv'), 'pbi-juni.csv', 201)).toMatchObject({ version: 1, niks: 6, rejected: 1 });
    const [{ id }] = (await api.get('/api/v1/pbi-apbn-lists?month=2026-06').expect(200)).body;
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await api.get(`/api/v1/pbi-apbn-lists/${id}/report.xlsx`).buffer(true).parse(binary).expect(200)).body as never);
    report.getWorksheet('Perbaiki')!.getCell('A2').value = '1703060101800014'; // the NIK fixed

    const refused = await up(Buffer.from(await report.xlsx.writeBuffer()), 'laporan-pbi-apbn-2026-06-v1.xlsx', 400);
    expect(refused).toEqual({
      statusCode: 400,
      code: 'ROW_REPORT_UPLOADED',
      message:
        'Berkas ini adalah laporan unggahan, bukan daftar PBI APBN lengkap: mengunggahnya akan mengganti daftar PBI APBN Juni 2026 (versi 1, 6 NIK) dengan 1 NIK saja. ' +
        'Perbaiki baris yang ditolak di berkas daftar PBI APBN asli, lalu unggah seluruh berkas itu. Tidak ada yang disimpan.',
      details: { month: '2026-06', replaces: { version: 1, count: 6 }, count: 1 },
    });
    const lists = (await api.get('/api/v1/pbi-apbn-lists?month=2026-06').expect(200)).body;
    expect(lists.map((l: { version: number; niks: number }) => [l.version, l.niks])).toEqual([[1, 6]]);

    // the report of a list that refused nothing has a header and no row: a report all the same, not NO_DATA_ROWS (QA)
    expect(await up(Buffer.from('NIK\n1703060101800001\n1703060101800002\n'), 'pbi-juni-v2.csv', 201)).toMatchObject({ version: 2, niks: 2, rejected: 0 });
    const [latest] = (await api.get('/api/v1/pbi-apbn-lists?month=2026-06').expect(200)).body;
    const empty = (await api.get(`/api/v1/pbi-apbn-lists/${latest.id}/report.xlsx`).buffer(true).parse(binary).expect(200)).body as Buffer;
    expect(await up(empty, 'laporan-pbi-apbn-2026-06-v2.xlsx', 400)).toEqual({
      statusCode: 400,
      code: 'ROW_REPORT_UPLOADED',
      message:
        'Berkas ini adalah laporan unggahan tanpa baris (unggahannya tidak menolak apa pun), bukan daftar PBI APBN lengkap: daftar PBI APBN Juni 2026 (versi 2, 2 NIK) tetap berlaku. ' +
        'Bila ada yang perlu diubah, ubah di berkas daftar PBI APBN asli, lalu unggah seluruh berkas itu. Tidak ada yang disimpan.',
      details: { month: '2026-06', replaces: { version: 2, count: 2 }, count: 0 },
    });
    // a file of a header alone that is no report is still told it has no data
    expect(await up(Buffer.from('NIK\n'), 'kosong.csv', 400)).toMatchObject({ code: 'NO_DATA_ROWS' });
  });

  it('a NIK with a control character or in scientific notation rejects its row only, named (QA: a NUL broke storing the report: 500)', async () => {
    const file = readFileSync('test/fixtures/pbi-apbn/not-ok/control-character-and-scientific.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2026-09').attach('file', file, 'pbi.csv').expect(201);
    expect(res.body).toMatchObject({ niks: 1, rowsRead: 3, accepted: 1, rejected: 2 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [3, 'NIK', 'INVALID_CHARACTER'],
      [4, 'NIK', 'NIK_NUMERIC_CELL'],
    ]);
    expect(res.body.issues[1].message).toMatch(/^NIK "1\.70306E\+15" ditulis dalam notasi ilmiah .* digit NIK sudah hilang .* Ketik ulang keenam belas digit NIK sebagai teks\. Format kolom sebagai Teks/);
    const [{ raw }] = await t.dataSource.query(`SELECT raw::text AS raw FROM upload_issue WHERE upload_id = $1 AND row_number = 3`, [res.body.id]);
    expect(raw).toContain('17030601�8000002');
  });

  it('words without a digit where the NIK belongs are said to be no NIK, a signature to remove (QA: "harus 16 digit angka")', async () => {
    const file = readFileSync('test/fixtures/pbi-apbn/not-ok/signature-block.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2026-08').attach('file', file, 'pbi.csv').expect(201);
    expect(res.body).toMatchObject({ niks: 1, rowsRead: 4, accepted: 1, rejected: 3 });
    expect(res.body.issues.map((i: { row: number; code: string; message: string }) => [i.row, i.code, i.message])).toEqual([
      [3, 'NOT_LIST_ROW', 'No KTP "Mengetahui" bukan NIK: bila baris ini tanda tangan atau keterangan di bawah daftar, hapus baris ini dari berkas.'],
      [4, 'NOT_LIST_ROW', 'No KTP "Kepala Dinas Sosial" bukan NIK: bila baris ini tanda tangan atau keterangan di bawah daftar, hapus baris ini dari berkas.'],
      [5, 'NIK_FORMAT', 'No KTP "1703060101800x02" harus 16 digit angka.'],
    ]);
  });

  it('a NIK hidden by a merged range rejects its row, though NIK is the only column read (QA: the row was skipped as empty)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PBI');
    ws.addRow(['NO', 'NIK', 'NAMA']);
    ws.addRow([1, '1703060101800001', 'A']);
    ws.addRow([2, null, 'B']);
    ws.addRow([3, '1703060101800003', 'C']);
    ws.mergeCells('B2:B3');
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2026-08').attach('file', file, 'pbi.xlsx').expect(201);
    expect(res.body).toMatchObject({ niks: 2, rowsRead: 3, accepted: 2, rejected: 1 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([[3, 'NIK', 'MERGED_CELL']]);
  });

  it('a NIK formula without a saved value, and a row with a name but no NIK, are reported like on a bill (QA: rowsRead 1, issues [])', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PBI');
    ws.addRow(['NIK', 'NAMA']);
    ws.addRow(['1703060101800001', 'A']);
    ws.addRow([{ formula: '"1703"&"060101800002"' }, 'rumus belum dihitung']);
    ws.addRow(['', 'NIK kosong, ada nama']);
    ws.addRow([]);
    ws.addRow([null, null, 'catatan di kolom tanpa judul']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2026-07').attach('file', file, 'pbi.xlsx').expect(201);
    expect(res.body).toMatchObject({ niks: 1, rowsRead: 4, accepted: 1, rejected: 3 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string; message: string }) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, 'NIK', 'NIK_FORMULA', expect.stringMatching(/rumus/i)],
      [4, 'NIK', 'NIK_REQUIRED', 'NIK wajib diisi.'],
      [6, 'NIK', 'NIK_REQUIRED', 'NIK wajib diisi.'],
    ]);
  });

  it('refuses a form field it does not read, as every upload route does (QA: `mont=2026-12` was ignored), with a bad month in the same answer', async () => {
    const file = readFileSync('test/fixtures/pbi-apbn/ok/pbi-apbn-2026-10.csv');
    const api = await t.as(Role.KEUANGAN);
    const res = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-11').field('mont', '2026-12').attach('file', file, 'pbi.csv').expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'mont', messages: ['kolom mont tidak dikenal'] }] });
    const bad = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-13').field('catatan', 'halo').attach('file', file, 'pbi.csv').expect(400);
    expect(bad.body.details).toEqual([
      { field: 'catatan', messages: ['kolom catatan tidak dikenal'] },
      { field: 'month', messages: [expect.stringContaining('YYYY-MM')] },
    ]);
    const bill = await api.post('/api/v1/bills').field('month', '2026-11').field('invoiceTotal', '37800').field('catatan', 'halo')
      .attach('file', Buffer.from('NOKA,NIK,NAMA,IURAN\n0001234567890,1703060101800001,Ahmad,37800\n'), 'tagihan.csv').expect(400);
    expect(bill.body.details).toEqual([{ field: 'catatan', messages: ['kolom catatan tidak dikenal'] }]);
    expect((await api.get('/api/v1/pbi-apbn-lists?month=2026-11').expect(200)).body).toEqual([]);
    expect((await api.get('/api/v1/bills?month=2026-11').expect(200)).body).toEqual([]);
  });

  it('says a field left out is required, and only that (QA: a bill without invoiceTotal was told to write digits only)', async () => {
    const api = await t.as(Role.KEUANGAN);
    const sheet = Buffer.from('NOKA,NIK,NAMA,IURAN\n0001234567890,1703060101800001,Ahmad,37800\n');
    const noTotal = await api.post('/api/v1/bills').field('month', '2026-11').attach('file', sheet, 'tagihan.csv').expect(400);
    expect(noTotal.body.details).toEqual([{ field: 'invoiceTotal', messages: ['invoiceTotal wajib diisi'] }]);
    const empty = await api.post('/api/v1/bills').field('month', '').field('invoiceTotal', '').attach('file', sheet, 'tagihan.csv').expect(400);
    expect(empty.body.details).toEqual([
      { field: 'month', messages: ['month wajib diisi'] },
      { field: 'invoiceTotal', messages: ['invoiceTotal wajib diisi'] },
    ]);
    const pbi = await api.post('/api/v1/pbi-apbn-lists').attach('file', Buffer.from('NIK\n1703060101800001\n'), 'pbi.csv').expect(400);
    expect(pbi.body.details).toEqual([{ field: 'month', messages: ['month wajib diisi'] }]);
    // a total written wrong is still told how to write it
    const dotted = await api.post('/api/v1/bills').field('month', '2026-11').field('invoiceTotal', '37.800').attach('file', sheet, 'tagihan.csv').expect(400);
    expect(dotted.body.details).toEqual([{ field: 'invoiceTotal', messages: [expect.stringMatching(/^invoiceTotal harus bilangan bulat rupiah/)] }]);
  });

  it('JSON bodies still refuse fields they do not declare', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send({ pledgeCode: 'X', month: '2026-10', amount: 1, paidAt: '2026-10-01', reference: 'r', catatan: 'halo' }).expect(400);
    expect(JSON.stringify(res.body.details)).toContain('catatan');
  });
});
