/** DOMAIN §12: the row report workbook of BPJS bill and PBI-APBN list uploads (rows as uploaded, status, messages, counts). */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { wrappedLines } from '../../src/common/spreadsheet/workbook-style.js';
import { BILL_COLUMNS } from '../../src/reconciliation/bills/bill-row.validator.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** A bill typed in Excel: a NOKA in a numeric cell (leading zeros lost: warned), a NIK in a numeric cell (refused), a good row. */
async function numericCellsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tagihan');
  ws.addRow(['NOKA', 'NIK', 'NAMA', 'IURAN']);
  ws.addRow([1234567890, '1703060101800001', 'NOKA angka', 37800]);
  ws.addRow(['0001234567891', 1703060101800002, 'NIK angka', 37800]);
  ws.addRow(['0001234567892', '1703060101800003', 'Baik', 37800]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readReport(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const perbaiki = wb.getWorksheet('Perbaiki')!;
  const rows = (perbaiki.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
  const summary = new Map<string, unknown>();
  wb.getWorksheet('Ringkasan')!.eachRow((row, n) => n > 1 && summary.set(String(row.getCell(1).value), row.getCell(2).value));
  // the warnings of accepted rows, a line each under the sheet's note and header (none: no sheet)
  const [, warnedHeader, ...warned] = ((wb.getWorksheet('Peringatan')?.getSheetValues() ?? []) as unknown[][]).slice(1).map((r) => r.slice(1));
  return { perbaiki, ringkasan: wb.getWorksheet('Ringkasan')!, header: rows[0], rows: rows.slice(1), warnedHeader, warned, summary, title: wb.getWorksheet('Ringkasan')!.getCell('A1').value };
}

describe('row report workbook of bill and PBI-APBN list uploads', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const download = async (path: string, role = Role.AUDITOR) => (await t.as(role)).get(path).buffer(true).parse(binary).expect(200);

  it('bill: repeats refused and warned rows as uploaded, as text, with status and messages', async () => {
    const csv = readFileSync('test/fixtures/bills/not-ok/report-rows.csv');
    const up = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-09').field('invoiceTotal', '75600').attach('file', csv, 'tagihan-sept.csv').expect(201);
    expect(up.body).toMatchObject({ version: 1, rowsRead: 4, accepted: 1, rejected: 3, warnings: 0 });
    // The row as uploaded is stored for the workbook only, not sent back with the issues.
    expect(Object.keys(up.body.issues[0]).sort()).toEqual(['code', 'column', 'message', 'row', 'severity']);

    const res = await download(`/api/v1/bills/${up.body.id}/report.xlsx`);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="laporan-tagihan-2026-09-v1.xlsx"');
    expect(res.headers['cache-control']).toBe('no-store'); // downloads are API answers too (configure-app.ts)
    const report = await readReport(res.body);
    expect(report.header).toEqual(['NOKA', 'NIK', 'NAMA', 'IURAN', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(report.rows).toEqual([
      ['0001234567891', '17030601018OOO02', 'NIK berhuruf', '37800', 3, 'DITOLAK', 'NIK "17030601018OOO02" harus 16 digit angka.'],
      ['0001234567892', '1703060101800003', 'Iuran rumus', '=1+1', 4, 'DITOLAK', 'IURAN harus bilangan bulat rupiah lebih dari 0 dan paling besar Rp10.000.000.000.000 (mis. 37800), bukan "=1+1".'],
      ['0001234567893', '1703060101800004', 'Iuran pecahan', '37800.5', 5, 'DITOLAK', 'IURAN harus bilangan bulat rupiah lebih dari 0 dan paling besar Rp10.000.000.000.000 (mis. 37800), bukan "37800.5".'],
    ]);
    // Identifiers stay text (Text format), and the formula-looking cell is text, not a formula.
    expect(report.perbaiki.getColumn(2).numFmt).toBe('@');
    const formulaLike = report.perbaiki.getCell('D3');
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.formula).toBeUndefined();
    expect(formulaLike.numFmt).toBe('@');
    // Printed like every workbook (A4 landscape, one page wide, header repeated); a long message wraps on a row high enough (QA)
    expect(report.perbaiki.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
    expect(report.perbaiki.getRow(2).height).toBeUndefined();
    expect(report.perbaiki.getRow(3).height).toBe(2 * 15);
    expect(report.perbaiki.getCell('G3').alignment?.wrapText).toBe(true);
    const notes = report.ringkasan.getRow(report.ringkasan.rowCount);
    expect(notes.getCell(1).value).toBe('Catatan');
    expect(notes.getCell(2).alignment?.wrapText).toBe(true);
    expect(notes.height).toBeGreaterThanOrEqual(3 * 15);

    expect(report.title).toBe('Laporan unggahan tagihan BPJS');
    expect(Object.fromEntries(report.summary)).toMatchObject({
      Berkas: 'tagihan-sept.csv',
      Bulan: 'September 2026',
      Versi: 1,
      'Diunggah oleh': expect.any(String),
      'Waktu unggah': '15 November 2026 10.00 WIB', // the test clock's 03:00 UTC
      'Baris dibaca': 4,
      Diterima: 1,
      Ditolak: 3,
      'Dengan peringatan': 0,
      'Total invoice': 75600,
      'Jumlah baris tagihan': 37800,
      // an upload replaces the month's whole bill: the rows are fixed in the original file, the report itself is refused (QA)
      Catatan: expect.stringContaining('laporan ini tidak dapat diunggah kembali (unggahannya ditolak). Perbaiki baris yang tercantum di sheet Perbaiki (kolom BARIS: nomor barisnya) di berkas asli yang lengkap, lalu unggah seluruh berkas itu.'),
    });
  });

  it('bill: an uploaded value longer than its column wraps on a row as high as it needs, printed whole (QA)', async () => {
    const name = 'Nama Peserta Yang Sangat Panjang Sekali Sampai Melewati Lebar Kolom Nama Di Laporan';
    const amount = 'tiga puluh tujuh ribu delapan ratus rupiah';
    const csv = ['NOKA,NIK,NAMA,IURAN', '0001234567890,1703060101800001,Baik,37800', `0001234567891,1703060101800002,${name},${amount}`].join('\n');
    const up = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-08').field('invoiceTotal', '37800').attach('file', Buffer.from(csv), 'tagihan-agustus.csv').expect(201);
    const report = await readReport((await download(`/api/v1/bills/${up.body.id}/report.xlsx`)).body);
    const row = report.perbaiki.getRow(2);
    expect([row.getCell(3).value, row.getCell(4).value]).toEqual([name, amount]);
    expect([row.getCell(3).alignment?.wrapText, row.getCell(4).alignment?.wrapText]).toEqual([true, true]);
    expect(row.getCell(2).alignment?.wrapText).toBeFalsy(); // a NIK fits
    const widths = Object.fromEntries(BILL_COLUMNS.map((c) => [c.name, c.width!]));
    expect(row.height).toBe(Math.max(wrappedLines(name, widths.NAMA), wrappedLines(amount, widths.IURAN)) * 15);
  });

  it('bill: a warned row (NOKA in a numeric cell) and a NIK in a numeric cell from an .xlsx', async () => {
    const up = await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-09').field('invoiceTotal', '75600').attach('file', await numericCellsWorkbook(), 'tagihan.xlsx').expect(201);
    expect(up.body).toMatchObject({ version: 2, rowsRead: 3, accepted: 2, rejected: 1, warnings: 1 });
    const report = await readReport((await download(`/api/v1/bills/${up.body.id}/report.xlsx`, Role.KEUANGAN)).body);
    expect(report.rows.map((r) => r.slice(0, 6))).toEqual([
      // the NIK that lost its digits is repeated as the number it is: uploaded back, it is refused again for it
      ['0001234567891', 1703060101800002, 'NIK angka', 37800, 3, 'DITOLAK'],
    ]);
    expect(report.rows[0][6]).toMatch(/^NIK terbaca sebagai angka \(1703060101800002\)/);
    // the warned row was kept: only on Peringatan, named by NOKA (the number uploaded), NIK and NAMA
    expect(report.warnedHeader).toEqual(['BARIS', 'NOKA', 'NIK', 'NAMA', 'KOLOM', 'KETERANGAN']);
    expect(report.warned.map((r) => r.slice(0, 5))).toEqual([[2, 1234567890, '1703060101800001', 'NOKA angka', 'NOKA']]);
    expect(report.warned[0][5]).toMatch(/^NOKA terbaca sebagai angka; nol di depan dipulihkan menjadi 0001234567890\./);
    expect(report.summary.get('Dengan peringatan')).toBe(1);
    // The stored bill shows the same counts.
    expect((await (await t.as(Role.AUDITOR)).get(`/api/v1/bills/${up.body.id}`).expect(200)).body).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1, warnings: 1 });
  });

  it('PBI-APBN list: refused NIKs as uploaded, the formula-looking one as text', async () => {
    const csv = readFileSync('test/fixtures/pbi-apbn/not-ok/report-rows.csv');
    const up = await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', '2026-09').attach('file', csv, 'pbi-sept.csv').expect(201);
    expect(up.body).toMatchObject({ version: 1, niks: 1, rowsRead: 4, accepted: 1, rejected: 3 });

    const res = await download(`/api/v1/pbi-apbn-lists/${up.body.id}/report.xlsx`);
    expect(res.headers['content-disposition']).toBe('attachment; filename="laporan-pbi-apbn-2026-09-v1.xlsx"');
    const report = await readReport(res.body);
    expect(report.header).toEqual(['NIK', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(report.rows).toEqual([
      ['1703-0601-0180-0002', 3, 'DITOLAK', 'NIK "1703-0601-0180-0002" harus 16 digit angka.'],
      ['=1+1', 4, 'DITOLAK', 'NIK "=1+1" harus 16 digit angka.'],
      ['17030601018', 5, 'DITOLAK', 'NIK "17030601018" harus 16 digit angka.'],
    ]);
    const formulaLike = report.perbaiki.getCell('A3');
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.formula).toBeUndefined();
    expect(report.title).toBe('Laporan unggahan daftar PBI APBN');
    expect(Object.fromEntries(report.summary)).toMatchObject({
      Berkas: 'pbi-sept.csv',
      Bulan: 'September 2026',
      Versi: 1,
      'Baris dibaca': 4,
      Diterima: 1,
      Ditolak: 3,
      'Dengan peringatan': 0,
      'NIK tersimpan (unik)': 1,
    });
  });

  /** The report's workbook with a cell of its Perbaiki sheet changed, as a file to upload again. */
  async function fixed(body: Buffer, fix: (perbaiki: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    fix(wb.getWorksheet('Perbaiki')!);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('bill headed with aliases: Perbaiki and Peringatan are headed as the file was (own names where the file used them), fixed and sent back, it is refused', async () => {
    const csv = ['No Kartu;NIK Peserta;NAMA;Tagihan', '0001234567890;1703060101800001;Baik;37800', '12345;1703060101800002;Kartu pendek;37800', '0001234567891;17030601018;NIK pendek;37800'].join('\n');
    const keuangan = await t.as(Role.KEUANGAN);
    const up = await keuangan.post('/api/v1/bills').field('month', '2026-07').field('invoiceTotal', '75600').attach('file', Buffer.from(csv), 'tagihan-juli.csv').expect(201);
    // a short NOKA is BPJS's: the line is kept, and warned here (DOMAIN §7)
    expect(up.body).toMatchObject({ version: 1, accepted: 2, rejected: 1, warnings: 1 });
    const res = await download(`/api/v1/bills/${up.body.id}/report.xlsx`);
    const report = await readReport(res.body);
    expect(report.header).toEqual(['No Kartu', 'NIK Peserta', 'NAMA', 'Tagihan', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(report.rows.map((r) => r.slice(0, 6))).toEqual([['0001234567891', '17030601018', 'NIK pendek', '37800', 4, 'DITOLAK']]); // the refused line only
    expect(report.warnedHeader).toEqual(['BARIS', 'No Kartu', 'NIK Peserta', 'NAMA', 'KOLOM', 'KETERANGAN']);
    expect(report.warned).toEqual([
      [3, '12345', '1703060101800002', 'Kartu pendek', 'No Kartu', 'No Kartu "12345" bukan 13 digit angka; baris tetap dihitung dan dicocokkan lewat NIK. Jika peserta sudah punya NOKA lain, dilaporkan sebagai temuan NOKA berbeda; jika belum punya NOKA, NOKA ini tidak dilaporkan lagi.'],
    ]);

    // fixed under its headers, it is still the report, no whole bill: refused, nothing stored (ROW_REPORT_UPLOADED)
    const again = await fixed(res.body, (ws) => (ws.getCell('B2').value = '1703060101800003'));
    const second = await keuangan.post('/api/v1/bills').field('month', '2026-07').field('invoiceTotal', '37800').attach('file', again, 'laporan-diperbaiki.xlsx').expect(400);
    expect(second.body).toMatchObject({ code: 'ROW_REPORT_UPLOADED', details: { replaces: { version: 1, count: 2 }, count: 1 } });

    // a bill stored before the headers were kept (column_labels null) is headed by the columns' own names
    await t.dataSource.query('UPDATE bill SET column_labels = NULL WHERE id = $1', [up.body.id]);
    expect((await readReport((await download(`/api/v1/bills/${up.body.id}/report.xlsx`)).body)).header).toEqual(['NOKA', 'NIK', 'NAMA', 'IURAN', 'BARIS', 'STATUS', 'KETERANGAN']);
  });

  it('PBI-APBN list headed No KTP: Perbaiki is headed No KTP; fixed and sent back, it is refused', async () => {
    const csv = ['No KTP,NAMA', '1703060101800001,Ahmad', '17030601018,Budi'].join('\n');
    const keuangan = await t.as(Role.KEUANGAN);
    const up = await keuangan.post('/api/v1/pbi-apbn-lists').field('month', '2026-07').attach('file', Buffer.from(csv), 'pbi-juli.csv').expect(201);
    expect(up.body).toMatchObject({ version: 1, accepted: 1, rejected: 1 });
    const res = await download(`/api/v1/pbi-apbn-lists/${up.body.id}/report.xlsx`);
    const report = await readReport(res.body);
    expect(report.header).toEqual(['No KTP', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(report.rows).toEqual([['17030601018', 3, 'DITOLAK', 'No KTP "17030601018" harus 16 digit angka.']]);

    const again = await fixed(res.body, (ws) => (ws.getCell('A2').value = '1703060101800002'));
    const second = await keuangan.post('/api/v1/pbi-apbn-lists').field('month', '2026-07').attach('file', again, 'laporan-diperbaiki.xlsx').expect(400);
    expect(second.body).toMatchObject({ code: 'ROW_REPORT_UPLOADED', details: { replaces: { version: 1, count: 1 }, count: 1 } });
  });

  it('an unknown id is 404 with the Indonesian message; only readers of bills may download', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const bill = await (await t.as(Role.KEUANGAN)).get(`/api/v1/bills/${unknown}/report.xlsx`).expect(404);
    expect(bill.body).toMatchObject({ code: 'BILL_NOT_FOUND', message: `Tagihan BPJS "${unknown}" tidak ditemukan.` });
    const list = await (await t.as(Role.ADMIN)).get(`/api/v1/pbi-apbn-lists/${unknown}/report.xlsx`).expect(404);
    expect(list.body).toMatchObject({ code: 'PBI_LIST_NOT_FOUND', message: `Daftar PBI APBN "${unknown}" tidak ditemukan.` });
    await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/bills/${unknown}/report.xlsx`).expect(403);
  });
});
