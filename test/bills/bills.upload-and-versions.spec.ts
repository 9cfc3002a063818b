/** DOMAIN §7, §12: BPJS bill upload, row report, versions. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PassThrough } from 'node:stream';
import { binary, cachedValueMissing, download, formula, readWorkbook, rowOf } from '../reports/support/xlsx.js';
import { insertParticipants, nik } from '../reconciliation/support/seed.js';
import { reconcile } from '../reconciliation/support/run.js';
import { ExportBillLines } from '../../src/reconciliation/bills/export-bill-lines.use-case.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

const fixture = (path: string) => readFileSync(`test/fixtures/bills/${path}`);

async function numericNikWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tagihan');
  ws.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
  ws.addRow(['0001234567890', '1703060101800001', 'Teks', 37800]);
  ws.addRow(['0001234567891', 1703060101800002, 'Angka', 37800]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A NOKA and a NIK given by formulas saved without their results (openpyxl writes them so), and one NOKA with its result. */
async function formulaWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tagihan');
  ws.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
  ws.addRow([{ formula: '"0001234567890"' }, '1703060101800001', 'NOKA rumus tanpa hasil', 37800]);
  ws.addRow(['0001234567891', { formula: 'CONCAT("1703060101","800002")' }, 'NIK rumus tanpa hasil', 37800]);
  ws.addRow([{ formula: '"0001234567893"', result: '0001234567893' }, '1703060101800003', 'NOKA rumus dengan hasil', 37800]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('bills: upload, row report and versions', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, invoiceTotal: string, content: Buffer, name: string, status: number, role = Role.KEUANGAN) => {
    const api = await t.as(role);
    return api.post('/api/v1/bills').field('month', month).field('invoiceTotal', invoiceTotal).attach('file', content, name).expect(status);
  };

  it('a NUL in NAMA, and a NIK or NOKA that Excel wrote in scientific notation, reject their rows only (QA: a NUL answered 500)', async () => {
    const res = await upload('2026-08', '37800', fixture('not-ok/control-character-and-scientific.csv'), 'tagihan.csv', 201);
    expect(res.body).toMatchObject({ lines: 1, rowsRead: 4, accepted: 1, rejected: 3 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [3, 'NAMA', 'INVALID_CHARACTER'],
      [4, 'NIK', 'NIK_NUMERIC_CELL'],
      [5, 'NOKA', 'NOKA_FORMAT'],
    ]);
    expect(res.body.issues[0].message).toMatch(/^NAMA memuat karakter kendali NUL \(U\+0000\) .*"Ada�Nul"/);
    expect(res.body.issues[1].message).toMatch(/^NIK "1\.70306E\+15" ditulis dalam notasi ilmiah .* digit NIK sudah hilang .* Ketik ulang keenam belas digit NIK sebagai teks\./);
    expect(res.body.issues[2].message).toMatch(/^NOKA terbaca sebagai angka \(1\.23457E\+12\) sehingga digitnya sudah berubah di Excel\. Format kolom sebagai Teks/);
  });

  it('a NIK written as Excel formula text ="…" is read as its 16 digits, warned naming the NIK read; other text so written is refused saying so', async () => {
    const res = await upload('2026-07', '37800', fixture('not-ok/nik-rumus-teks.csv'), 'tagihan-rumus.csv', 201);
    expect(res.body).toMatchObject({ lines: 1, rowsRead: 2, accepted: 1, rejected: 1, warnings: 1 });
    expect(res.body.issues.map((i: { row: number; column: string; severity: string; code: string; message: string }) => [i.row, i.column, i.severity, i.code, i.message])).toEqual([
      [2, 'NIK', 'WARN', 'NIK_FORMULA_TEXT', 'NIK ditulis sebagai rumus teks ="…" (cara Excel menjaga angka panjang tetap teks di berkas CSV) dan dibaca sebagai NIK 1703060101800011. Baris diterima; sebaiknya tulis 16 digit NIK saja, tanpa = dan tanda petik.'],
      [3, 'NIK', 'REJECT', 'NIK_FORMULA_TEXT', 'NIK ditulis sebagai rumus teks ="1703-0601" dan di antara tanda petiknya bukan 16 digit angka. Tulis 16 digit NIK saja, tanpa = dan tanda petik.'],
    ]);
    const lines = await t.dataSource.query(`SELECT l.nik FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.month = '2026-07'`);
    expect(lines).toEqual([{ nik: '1703060101800011' }]);
  });

  it('an IURAN merged over several lines is refused on the lines it hides, naming the range (the first line keeps its amount)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tagihan');
    ws.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
    ws.addRow(['0001000000001', '1703060101800001', 'Satu', 37800]);
    ws.addRow(['0001000000002', '1703060101800002', 'Dua', null]);
    ws.addRow(['0001000000003', '1703060101800003', 'Tiga', null]);
    ws.mergeCells('D2:D4');
    // a signature block merged over two columns and rows: one NOT_BILL_ROW (QA: it was told to fill NIK and IURAN)
    ws.addRow([null, null, 'Kepala BPJS Cabang']);
    ws.addRow([]);
    ws.mergeCells('C5:D6');
    const res = await upload('2026-07', '37800', Buffer.from(await wb.xlsx.writeBuffer()), 'tagihan.xlsx', 201);
    expect(res.body).toMatchObject({ lines: 1, linesTotal: 37800, rowsRead: 4, accepted: 1, rejected: 3 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [3, 'IURAN', 'MERGED_CELL'],
      [4, 'IURAN', 'MERGED_CELL'],
      [5, null, 'NOT_BILL_ROW'],
    ]);
    expect(res.body.issues[0].message).toMatch(/^IURAN ada di dalam sel gabungan D2:D4 \(merge\)/);
  });

  it('a value with a line break is quoted on one line in its message (QA: a raw carriage return reached the answer)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tagihan');
    ws.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
    ws.addRow(['0001000000001', '1703060101800001', 'Satu', 37800]);
    ws.addRow(['77000000_x000D_01', '1703060101800002', 'Dua', 37800]);
    const res = await upload('2026-06', '37800', Buffer.from(await wb.xlsx.writeBuffer()), 'tagihan.xlsx', 201);
    expect(res.body.issues).toHaveLength(1);
    expect(res.body.issues[0]).toMatchObject({ row: 3, column: 'NOKA' });
    expect(res.body.issues[0].message).toContain('77000000 01');
    expect(res.body.issues[0].message).not.toMatch(/[\r\n]/);
  });

  it('reads a semicolon CSV with title rows, header aliases and Indonesian amounts', async () => {
    const res = await upload('2026-10', '155400', fixture('ok/tagihan-2026-10.csv'), 'tagihan.csv', 201);
    expect(res.body).toMatchObject({ month: '2026-10', version: 1, invoiceTotal: 155400, lines: 4, linesTotal: 155400, rowsRead: 4, accepted: 4, rejected: 0, replaces: null });
    expect(res.body.notice).toBeUndefined();
    const lines = await t.dataSource.query('SELECT row_number, noka, nik, name, amount::int FROM bill_line WHERE bill_id = $1 ORDER BY row_number', [res.body.id]);
    expect(lines[2]).toEqual({ row_number: 6, noka: '', nik: '1703060101800003', name: 'Budi Wijaya', amount: 37800 });
  });

  it('keeps the good rows and reports each bad one with row, column and message (a NOKA of 5 digits is kept, warned)', async () => {
    const res = await upload('2026-10', '75600', fixture('not-ok/bad-rows.csv'), 'tagihan-salah.csv', 201);
    expect(res.body).toMatchObject({ version: 2, lines: 3, linesTotal: 113400, rowsRead: 7, accepted: 3, rejected: 4, warnings: 1 });
    expect(res.body.issues.map((i: { row: number; column: string; severity: string }) => [i.row, i.column, i.severity])).toEqual([
      [3, 'NIK', 'REJECT'],
      [4, 'IURAN', 'REJECT'],
      [5, 'IURAN', 'REJECT'],
      [6, 'NOKA', 'WARN'],
      [7, 'IURAN', 'REJECT'],
    ]);
    expect(res.body.issues[1].message).toMatch(/bilangan bulat rupiah/);
    expect(res.body.issues[3].message).toBe('NOKA "12345" bukan 13 digit angka; baris tetap dihitung dan dicocokkan lewat NIK. Jika peserta sudah punya NOKA lain, dilaporkan sebagai temuan NOKA berbeda; jika belum punya NOKA, NOKA ini tidak dilaporkan lagi.');
    // it replaces version 1 with fewer lines, but more than half of them: not taken for a few fixed rows (replaced-version.ts)
    expect(res.body.replaces).toEqual({ version: 1, count: 4 });
    expect(res.body.notice).toBeUndefined();
    const stored = (await (await t.as(Role.AUDITOR)).get(`/api/v1/bills/${res.body.id}`).expect(200)).body;
    expect(stored.issues).toHaveLength(5);
  });

  it('says a new version holding at most half of the lines it replaces drops the others (QA), not a corrected bill a few lines shorter (QA: 2823 replacing 2826)', async () => {
    const csv = (from: number, to: number) =>
      Buffer.from(['NOKA,NIK,NAMA,IURAN', ...Array.from({ length: to - from + 1 }, (_, i) => `000100000000${from + i},170306010180000${from + i},Peserta ${from + i},37800`)].join('\n'));
    expect((await upload('2026-04', String(6 * 37800), csv(1, 6), 'tagihan.csv', 201)).body).toMatchObject({ version: 1, lines: 6, replaces: null });
    // BPJS removed two lines: 4 of 6, no notice
    const corrected = (await upload('2026-04', String(4 * 37800), csv(1, 4), 'tagihan-koreksi.csv', 201)).body;
    expect(corrected).toMatchObject({ version: 2, lines: 4, replaces: { version: 1, count: 6 } });
    expect(corrected.notice).toBeUndefined();
    // only the two rows fixed: half of 4, said
    const fixed = (await upload('2026-04', String(2 * 37800), csv(1, 2), 'tagihan-perbaikan.csv', 201)).body;
    expect(fixed).toMatchObject({ version: 3, lines: 2, replaces: { version: 2, count: 4 } });
    expect(fixed.notice).toBe(
      'Versi baru ini memuat 2 baris tagihan, sedangkan versi 2 yang digantikannya memuat 4. Unggahan menggantikan seluruh daftar bulan ini, tidak menambahkannya: ' +
        'jika maksudnya hanya memperbaiki beberapa baris, perbaiki baris itu di berkas lengkap lalu unggah berkas lengkap tersebut.',
    );
  });

  it('refuses a NIK typed into a numeric cell, telling how to fix it', async () => {
    const res = await upload('2026-11', '75600', await numericNikWorkbook(), 'tagihan.xlsx', 201);
    expect(res.body).toMatchObject({ lines: 1, rejected: 1 });
    expect(res.body.issues[0]).toMatchObject({ row: 3, column: 'NIK', severity: 'REJECT', message: expect.stringContaining('Teks') });
  });

  it('refuses a NOKA or NIK formula saved without its result, naming the formula (the NOKA is not read as empty)', async () => {
    const res = await upload('2026-08', '37800', await formulaWorkbook(), 'tagihan.xlsx', 201);
    expect(res.body).toMatchObject({ lines: 1, accepted: 1, rejected: 2 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [2, 'NOKA', 'NOKA_FORMULA'],
      [3, 'NIK', 'NIK_FORMULA'],
    ]);
    expect(res.body.issues[0].message).toMatch(/^NOKA: rumus ="0001234567890" tidak menghasilkan nilai/);
    const [line] = await t.dataSource.query('SELECT noka FROM bill_line WHERE bill_id = $1', [res.body.id]);
    expect(line.noka).toBe('0001234567893');
  });

  it('leaves a footer TOTAL row (and SUB TOTAL rows) out of the lines, silently when it states the lines\' total', async () => {
    const res = await upload('2026-09', '113400', fixture('ok/tagihan-dengan-baris-total.csv'), 'tagihan.csv', 201);
    expect(res.body).toMatchObject({ lines: 3, linesTotal: 113400, rowsRead: 3, accepted: 3, rejected: 0, warnings: 0, issues: [] });
  });

  it('warns when the footer total differs from the accepted lines (here a rejected row), naming its row', async () => {
    const res = await upload('2026-09', '113400', fixture('not-ok/baris-total-berbeda.csv'), 'tagihan.csv', 201);
    expect(res.body).toMatchObject({ lines: 2, linesTotal: 75600, rowsRead: 3, accepted: 2, rejected: 1, warnings: 1 });
    expect(res.body.issues[1]).toEqual({
      row: 5,
      column: 'IURAN',
      severity: 'WARN',
      code: 'TOTAL_ROW_MISMATCH',
      message: 'Baris jumlah di akhir berkas menyebut Rp113.400, sedangkan jumlah baris yang diterima Rp75.600. Baris jumlah tidak disimpan; periksa baris yang ditolak atau yang terlewat.',
    });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM bill_line WHERE bill_id = $1', [res.body.id])).toEqual([{ n: 2 }]);
  });

  it('recognises the month\'s latest bill sent again (same file, same invoice total): no new version', async () => {
    const again = await upload('2026-09', '113400', fixture('not-ok/baris-total-berbeda.csv'), 'tagihan-lagi.csv', 201);
    expect(again.body).toMatchObject({ version: 2, recognised: true, lines: 2, linesTotal: 75600, warnings: 1 });
    expect(again.body.issues.map((i: { code: string }) => i.code)).toEqual(['NIK_FORMAT', 'TOTAL_ROW_MISMATCH']);
    // …the earlier file is the latest again; the same file with another invoice total is a new version
    const first = await upload('2026-09', '113400', fixture('ok/tagihan-dengan-baris-total.csv'), 'tagihan.csv', 201);
    expect(first.body).toMatchObject({ version: 3, lines: 3 });
    expect(first.body.recognised).toBeUndefined();
    expect((await upload('2026-09', '113400', fixture('ok/tagihan-dengan-baris-total.csv'), 'tagihan.csv', 201)).body).toMatchObject({ version: 3, recognised: true });
    expect((await upload('2026-09', '113401', fixture('ok/tagihan-dengan-baris-total.csv'), 'tagihan.csv', 201)).body).toMatchObject({ version: 4 });
    const pbi = async () => (await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2026-09').attach('file', Buffer.from('NIK\n1703060101800001\n'), 'pbi.csv').expect(201)).body;
    expect(await pbi()).toMatchObject({ version: 1, niks: 1 });
    expect(await pbi()).toMatchObject({ version: 1, niks: 1, recognised: true });
  });

  it('refuses a file without a required column as a whole, and a file with no good row', async () => {
    const missing = await upload('2026-12', '37800', fixture('not-ok/missing-iuran-column.csv'), 'tanpa-iuran.csv', 400);
    expect(missing.body.message).toMatch(/IURAN/);
    const none = await upload('2026-12', '37800', Buffer.from('NOKA,NIK,NAMA,IURAN\n1,2,Rusak,4\n'), 'rusak.csv', 400);
    expect(none.body.code).toBe('NO_ACCEPTED_ROWS');
    expect(none.body.message).toMatch(/Perbaiki baris yang ditolak \(alasannya di laporan baris bermasalah\) lalu unggah ulang\.$/);
    // `1,2,3,4` right under the header is the sheet's column-numbering row, skipped: no data row at all
    const numbers = await upload('2026-12', '37800', Buffer.from('NOKA,NIK,NAMA,IURAN\n1,2,3,4\n'), 'nomor.csv', 400);
    expect(numbers.body.code).toBe('NO_DATA_ROWS');
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM bill WHERE month = '2026-12'`)).toEqual([{ n: 0 }]);
  });

  it('refuses a month past next month (today is 15 November 2026 here): a bill or PBI-APBN list for 2099-12 is a typo', async () => {
    const sheet = Buffer.from('NOKA,NIK,NAMA,IURAN\n0001234567890,1703060101800001,A,37800\n');
    const res = await upload('2027-01', '37800', sheet, 'tagihan.csv', 400);
    expect(res.body).toMatchObject({ code: 'MONTH_IN_FUTURE', message: 'Bulan Januari 2027 belum tiba: tagihan dan daftar PBI APBN paling jauh untuk bulan Desember 2026.' });
    const pbi = await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2099-12').attach('file', Buffer.from('NIK\n1703060101800001\n'), 'pbi.csv').expect(400);
    expect(pbi.body.code).toBe('MONTH_IN_FUTURE');
  });

  it('refuses the month\'s row report sent back, fixed, as a whole: it would replace a bill of 6 lines by 1 (QA: 6 people NOT_BILLED)', async () => {
    const api = await t.as(Role.KEUANGAN);
    await upload('2026-05', '155400', fixture('ok/tagihan-2026-10.csv'), 'tagihan-mei.csv', 201);
    const v2 = await upload('2026-05', '264600', fixture('not-ok/tagihan-2026-11-satu-nik-salah.csv'), 'tagihan-mei-v2.csv', 201);
    expect(v2.body).toMatchObject({ version: 2, lines: 6, rejected: 1 });
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await api.get(`/api/v1/bills/${v2.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200)).body as never);
    const perbaiki = report.getWorksheet('Perbaiki')!;
    expect(perbaiki.getCell('B2').value).toBe('170306010180001');
    perbaiki.getCell('B2').value = '1703060101800014'; // the NIK fixed, as the tester did

    const message =
      'Berkas ini adalah laporan unggahan, bukan tagihan lengkap: mengunggahnya akan mengganti tagihan Mei 2026 (versi 2, 6 baris) dengan 1 baris saja. ' +
      'Perbaiki baris yang ditolak di berkas tagihan asli, lalu unggah seluruh berkas itu. Tidak ada yang disimpan.';
    const fixed = await upload('2026-05', '37800', Buffer.from(await report.xlsx.writeBuffer()), 'laporan-tagihan-2026-05-v2.xlsx', 400);
    expect(fixed.body).toMatchObject({ code: 'ROW_REPORT_UPLOADED', message, details: { month: '2026-05', replaces: { version: 2, count: 6 }, count: 1 } });
    // Perbaiki saved alone as a .csv (its BARIS, STATUS, KETERANGAN columns tell it), and the report without those columns (its Ringkasan tells it)
    const csv = perbaiki.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '').replace(/\n/g, ' ')).join(';')).join('\n');
    expect((await upload('2026-05', '37800', Buffer.from(csv), 'perbaiki.csv', 400)).body).toMatchObject({ code: 'ROW_REPORT_UPLOADED', message });
    perbaiki.spliceColumns(5, 3);
    expect((await upload('2026-05', '37800', Buffer.from(await report.xlsx.writeBuffer()), 'diperbaiki.xlsx', 400)).body).toMatchObject({ code: 'ROW_REPORT_UPLOADED', message });
    const versions = (await api.get('/api/v1/bills?month=2026-05').expect(200)).body;
    expect(versions.map((b: { version: number; lines: number }) => [b.version, b.lines])).toEqual([[2, 6], [1, 4]]);
    // the report of version 1, which refused nothing, has a header and no row: a report all the same, not NO_DATA_ROWS (QA)
    const v1 = versions.find((b: { version: number }) => b.version === 1);
    const empty = (await api.get(`/api/v1/bills/${v1.id}/report.xlsx`).buffer(true).parse(binary).expect(200)).body as Buffer;
    expect((await upload('2026-05', '37800', empty, 'laporan-tagihan-2026-05-v1.xlsx', 400)).body).toMatchObject({
      code: 'ROW_REPORT_UPLOADED',
      message: expect.stringMatching(/^Berkas ini adalah laporan unggahan tanpa baris \(unggahannya tidak menolak apa pun\), bukan tagihan lengkap: tagihan Mei 2026 \(versi 2, 6 baris\) tetap berlaku\. /),
      details: { month: '2026-05', replaces: { version: 2, count: 6 }, count: 0 },
    });

    // a bill with STATUS and KETERANGAN columns of its own, or a summary sheet named Ringkasan, is no report
    const own = 'NOKA;NIK;NAMA;IURAN;STATUS;KETERANGAN\n0001234567801;1703060101800011;Ahmad;37800;AKTIF;-\n';
    expect((await upload('2026-05', '37800', Buffer.from(own), 'tagihan-status.csv', 201)).body).toMatchObject({ version: 3, lines: 1 });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tagihan').addRows([['NOKA', 'NIK', 'NAMA', 'IURAN'], ['0001234567801', '1703060101800011', 'Ahmad', 37800]]);
    wb.addWorksheet('Ringkasan').addRows([['Ringkasan tagihan Mei 2026'], ['Jumlah', 37800]]);
    expect((await upload('2026-05', '37801', Buffer.from(await wb.xlsx.writeBuffer()), 'tagihan-ringkasan.xlsx', 201)).body).toMatchObject({ version: 4, lines: 1 });
  });

  it('lists every version with the latest marked; only finance officers and admins upload', async () => {
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/bills?month=2026-10').expect(200)).body;
    expect(list.map((b: { version: number; latest: boolean }) => [b.version, b.latest])).toEqual([
      [2, true],
      [1, false],
    ]);
    await upload('2026-10', '1', fixture('ok/tagihan-2026-10.csv'), 't.csv', 403, Role.AUDITOR);
    await upload('2026-10', '1', fixture('ok/tagihan-2026-10.csv'), 't.csv', 403, Role.OPERATOR_DINKES);
    await upload('2026-10', '12.5', fixture('ok/tagihan-2026-10.csv'), 't.csv', 400);
    await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '1').expect(400);
  });
});

/**
 * GET /bills/:id/lines.xlsx (QA: an auditor could not get the bill lines that were reconciled: GET /bills/:id gave
 * counts and totals, the row report the refused and warned rows, the reconciliation workbook its findings): every stored
 * line of the version in file order, NIK and NOKA as text, a JUMLAH SUM with its value, and what the month's latest run
 * that used the version found on each line.
 */
describe('bills: every stored line of a version as a workbook', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: nik(1), noka: '0000000000001' },
      { nik: nik(2), noka: '0000000000002' },
    ]);
  });
  afterAll(() => t?.close());

  const CSV = ['NOKA;NIK;NAMA;IURAN', `0000000000001;${nik(1)};Sesuai Tagihan;37800`, '0000000000009;1703069999999999;Tidak Dikenal;37800', 'x;17030601;NIK pendek;37800', `0000000000002;${nik(2)};Ditagih Lebih;42000`].join('\n');
  const TOTAL = 37800 + 37800 + 42000;
  let v1: { id: string };
  const sheetOf = async (id: string, role = Role.AUDITOR) => {
    const res = await download((await t.as(role)).get(`/api/v1/bills/${id}/lines.xlsx`));
    return { res, ws: (await readWorkbook(res.body)).getWorksheet('Baris Tagihan')! };
  };
  const table = (ws: ExcelJS.Worksheet) => {
    const header = rowOf(ws, 'Baris Berkas').number;
    const rows: unknown[][] = [];
    for (let r = header + 1; ws.getRow(r).getCell(1).value !== 'JUMLAH'; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
    return { header: (ws.getRow(header).values as unknown[]).slice(1), rows, totals: rowOf(ws, 'JUMLAH') };
  };

  it('before any run: the lines stored, in file order, NIK and NOKA as text, summed; no findings column', async () => {
    v1 = (await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', String(TOTAL)).attach('file', Buffer.from(CSV), 'tagihan.csv').expect(201)).body;
    const { res, ws } = await sheetOf(v1.id);
    expect(res.headers['content-disposition']).toBe('attachment; filename="baris-tagihan-2026-10-v1.xlsx"');
    const { header, rows, totals } = table(ws);
    expect(header).toEqual(['Baris Berkas', 'NIK', 'NOKA', 'Nama', 'Iuran Ditagih (Rp)']);
    // the refused row 4 (a short NIK) was never stored
    expect(rows).toEqual([
      [2, nik(1), '0000000000001', 'Sesuai Tagihan', 37800],
      [3, '1703069999999999', '0000000000009', 'Tidak Dikenal', 37800],
      [5, nik(2), '0000000000002', 'Ditagih Lebih', 42000],
    ]);
    expect(ws.getCell(`B${totals.number - 1}`).type).toBe(ExcelJS.ValueType.String);
    expect(formula(totals.getCell(5))).toEqual({ formula: `SUM(E${totals.number - 3}:E${totals.number - 1})`, result: TOTAL });
    expect(await cachedValueMissing(res.body)).toEqual([]);
    expect(ws.getCell('A3').value).toMatch(/^Belum ada rekonsiliasi yang memakai versi tagihan ini/);
  });

  it("after a run: each line's finding by name, Sesuai where it found nothing; a later version has none of them", async () => {
    const { run } = await reconcile(t, '2026-10');
    const { ws } = await sheetOf(v1.id);
    const { header, rows } = table(ws);
    expect(header[5]).toBe('Temuan Rekonsiliasi');
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      [2, 'Sesuai'],
      [3, 'Tidak terdaftar'],
      [5, 'Selisih nominal iuran'],
    ]);
    expect(ws.getCell('A3').value).toMatch(new RegExp(`^Temuan: rekonsiliasi versi ${run.version} \\(Selesai \\(draf\\)`));

    const v2 = (await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '37800').attach('file', Buffer.from(CSV.split('\n').slice(0, 2).join('\n')), 'tagihan-2.csv').expect(201)).body;
    const later = table((await sheetOf(v2.id)).ws);
    expect(later.rows).toEqual([[2, nik(1), '0000000000001', 'Sesuai Tagihan', 37800]]);
    expect(later.header).toHaveLength(5);
    expect(table((await sheetOf(v1.id, Role.KEUANGAN)).ws).rows).toHaveLength(3); // the earlier version keeps its run's findings
  });

  it('is read a page at a time (a last page exactly full included)', async () => {
    const wb = await t.app.get(ExportBillLines).prepare(v1.id, 'uji-auditor', { pageSize: 1 });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await wb.write(out);
    const { rows } = table((await readWorkbook(Buffer.concat(chunks))).getWorksheet('Baris Tagihan')!);
    expect(rows.map((r) => r[0])).toEqual([2, 3, 5]);
  });

  it('each download is in the audit trail, under the bill (it holds personal data)', async () => {
    const events = (await (await t.as(Role.AUDITOR)).get(`/api/v1/audit-events?entity=bill&entityId=${v1.id}`).expect(200)).body.items;
    const exports = events.filter((e: { action: string }) => e.action === 'bill.export');
    expect(exports).toHaveLength(4); // three downloads by HTTP, one page by page
    expect(exports[exports.length - 1]).toMatchObject({ actor: 'uji-auditor' });
    expect(JSON.parse(exports[0].summary)).toEqual({ month: '2026-10', version: 1, rows: 3 });
  });

  it('an unknown bill is 404, an operator is refused', async () => {
    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get('/api/v1/bills/00000000-0000-4000-8000-000000000000/lines.xlsx').expect(404)).body.code).toBe('BILL_NOT_FOUND');
    await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/bills/${v1.id}/lines.xlsx`).expect(403);
  });
});
