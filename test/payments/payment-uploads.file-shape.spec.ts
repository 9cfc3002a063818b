import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { type TestApp } from '../support/test-app.js';
import { appWithSomethingDue } from './support/something-due.js';
import { binary } from '../reports/support/xlsx.js';
import { closeMonth } from '../funding/support/register.js';
import { NOT_PAYMENT_ROW, notPaymentRowMerged, notPaymentRowNote } from '../../src/payments/payment-row.validator.js';

// Booting each describe's app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

/**
 * A .csv payment row with more fields than its header is refused whole, with one message naming the row
 * (QA: `…,SP2D/CSV/1,1,500,000` under five headers was recorded as Rp1, `500`,`000` dropped unsaid).
 * Golden file: test/fixtures/payments/not-ok/csv-too-many-fields.csv.
 */
describe('payments: a .csv row with more fields than its header', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWithSomethingDue('2026-12')));
  afterAll(() => t?.close());

  it('refuses the row with one message (no Rp1), keeps trailing empty fields, reads missing fields as empty, records the other rows', async () => {
    const file = readFileSync('test/fixtures/payments/not-ok/csv-too-many-fields.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 5, accepted: 3, rejected: 2, payments: 3, amount: 1_504_000 });
    const rejects = (res.body.issues as { row: number; column: string | null; severity: string; code: string; message: string }[]).filter((i) => i.severity === 'REJECT');
    expect(rejects.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, null, 'CSV_FIELD_COUNT'],
      [5, 'JUMLAH', 'AMOUNT_REQUIRED'], // 4 fields under 5 headers: JUMLAH read as empty
    ]);
    expect(rejects[0].message).toBe(
      'Baris 2 berisi 7 kolom, sedangkan judul 5 kolom: kemungkinan ada koma di dalam angka atau nama (mis. 1,500,000). ' +
        'Beri tanda kutip atau simpan ulang dari Excel sebagai CSV. Isi baris: APBD-2026,2026-10,2026-10-05,SP2D/CSV/1,1,500,000',
    );
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-10').expect(200)).body;
    expect(list.items.map((p: { amount: number; reference: string }) => [p.reference, p.amount]).sort()).toEqual([
      ['SP2D/CSV/2', 1500],
      ['SP2D/CSV/3', 2500], // `2500,,` as Excel pads a row: accepted
      ['SP2D/CSV/5', 1_500_000], // quoted: one field
    ]);

    // its row in the report repeats none of its (shifted) cells: uploaded back untouched, no Rp1 is recorded
    const report = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body as never);
    const rows = (wb.getWorksheet('Perbaiki')!.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(rows[1].slice(0, 8)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 2, 'DITOLAK']);
    expect(rows[1][8]).toBe(rejects[0].message);
  });

  it('a semicolon file names the semicolon; a file whose only row overflows records nothing', async () => {
    const file = Buffer.from(['KODE_KOMITMEN;BULAN;TANGGAL_BAYAR;REFERENSI;JUMLAH', 'APBD-2026;2026-11;2026-11-05;SP2D;X;1000'].join('\n'));
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(400);
    expect(res.body.details.issues).toEqual([
      expect.objectContaining({ row: 2, column: null, code: 'CSV_FIELD_COUNT', message: expect.stringMatching(/^Baris 2 berisi 6 kolom, sedangkan judul 5 kolom: kemungkinan ada titik koma di dalam/) }),
    ]);
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-11').expect(200)).body;
    expect(list.items).toEqual([]);
  });
});

/**
 * A payment sheet headed `Jumlah (Rp)` reads its JUMLAH column (QA: the file was refused, "Kolom wajib tidak
 * ditemukan: JUMLAH"), and its column-numbering row `(1) (2) …` is skipped. Golden file:
 * test/fixtures/payments/ok/pembayaran-judul-satuan.csv.
 */
describe('payment sheet: a unit hint in a header', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWithSomethingDue('2026-10')));
  afterAll(() => t?.close());

  it('records the rows of a sheet headed Jumlah (Rp) under a numbering row', async () => {
    const file = readFileSync('test/fixtures/payments/ok/pembayaran-judul-satuan.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, payments: 2, amount: 76600 });
    expect(res.body.issues.filter((i: { severity: string }) => i.severity === 'REJECT')).toEqual([]);
  });

  it('reads KODE_KOMITMEN *, Jumlah [Rp] and TANGGAL_BAYAR (dd/mm/yyyy) as their columns; refuses JUMLAH beside Jumlah (Rp), naming both, recording nothing', async () => {
    const sheet = (header: string, reference: string) => Buffer.from([header, `APBD-2026;2026-10;1000;15/10/2026;${reference}`].join('\n'));
    const keuangan = await t.as(Role.KEUANGAN);
    const res = await keuangan.post('/api/v1/payment-uploads').attach('file', sheet('KODE_KOMITMEN *;BULAN;Jumlah [Rp];TANGGAL_BAYAR (dd/mm/yyyy);NO SP2D *', 'SP2D PETUNJUK/1'), 'bayar.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, payments: 1, amount: 1000 });
    // said which header was read as which column, with its letter; kept with the upload
    expect(res.body.sheetWarnings).toEqual([
      {
        code: 'HEADERS_READ_AS',
        headersReadAs: [
          { header: 'KODE_KOMITMEN *', column: 'KODE_KOMITMEN', columnLetter: 'A' },
          { header: 'Jumlah [Rp]', column: 'JUMLAH', columnLetter: 'C' },
          { header: 'TANGGAL_BAYAR (dd/mm/yyyy)', column: 'TANGGAL_BAYAR', columnLetter: 'D' },
          { header: 'NO SP2D *', column: 'REFERENSI', columnLetter: 'E' },
        ],
        message:
          'Kolom "KODE_KOMITMEN *" (kolom A) dibaca sebagai KODE_KOMITMEN, "Jumlah [Rp]" (kolom C) sebagai JUMLAH, "TANGGAL_BAYAR (dd/mm/yyyy)" (kolom D) sebagai TANGGAL_BAYAR, "NO SP2D *" (kolom E) sebagai REFERENSI.',
      },
    ]);
    expect((await t.dataSource.query('SELECT sheet_warnings FROM payment_upload WHERE id = $1', [res.body.id]))[0].sheet_warnings).toEqual(res.body.sheetWarnings);
    const refused = await keuangan.post('/api/v1/payment-uploads').attach('file', sheet('KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;Jumlah (Rp)', 'SP2D PETUNJUK/2'), 'ganda.csv').expect(400);
    expect(refused.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'JUMLAH', headers: ['JUMLAH', 'Jumlah (Rp)'], letters: ['C', 'F'] }] } });
    expect(refused.body.message).toMatch(/^Kolom "JUMLAH" \(kolom C\) dan "Jumlah \(Rp\)" \(kolom F\) sama-sama dibaca sebagai JUMLAH, /);
    // a header repeated (JUMLAH in columns C and F: the second was dropped unsaid); golden file: test/fixtures/payments/not-ok/jumlah-dua-kolom.csv
    const repeated = await keuangan.post('/api/v1/payment-uploads').attach('file', readFileSync('test/fixtures/payments/not-ok/jumlah-dua-kolom.csv'), 'jumlah-dua-kolom.csv').expect(400);
    expect(repeated.body).toMatchObject({ code: 'DUPLICATE_COLUMN', details: { columns: [{ column: 'JUMLAH', headers: ['JUMLAH', 'JUMLAH'], letters: ['C', 'F'] }] } });
    expect(repeated.body.message).toBe(
      'Kolom "JUMLAH" (kolom C) dan "JUMLAH" (kolom F) sama-sama dibaca sebagai JUMLAH, sehingga tidak jelas kolom mana yang dipakai. Hapus salah satunya atau ganti judulnya, lalu unggah ulang. Tidak ada baris yang disimpan dari berkas ini.',
    );
    expect(await t.dataSource.query(`SELECT reference FROM payment WHERE reference LIKE 'SP2D PETUNJUK/%' OR reference LIKE 'SP2D ULANG/%'`)).toEqual([{ reference: 'SP2D PETUNJUK/1' }]);
  });
});

/** A payment sheet headed with accepted aliases (NO SP2D, TGL BAYAR, …) hears its issues in those headers, not the canonical ones (QA). */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
type Issue = { row: number; column: string | null; code: string; message: string };

describe('payments sheet: issues name the columns as the file wrote them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithSomethingDue('2026-12'); // something due each month: no NOTHING_DUE warnings beside the findings tested here
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const upload = async (file: Buffer, name: string) => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, name);
    return (res.status === 201 ? res.body.issues : res.body.details.issues) as Issue[];
  };

  it('a visible sheet with the header only and the payments on a hidden sheet: 400 HIDDEN_SHEET naming it (QA: NO_DATA_ROWS)', async () => {
    const wb = new ExcelJS.Workbook();
    const header = ['Kode', 'Periode', 'Nilai', 'Tgl. Bayar', 'No SP2D', 'Koreksi Bulan'];
    wb.addWorksheet('Pembayaran').addRow(header);
    const hidden = wb.addWorksheet('Data', { state: 'hidden' });
    [header, ['APBD-2026', '2026-10', 1000, '2026-10-05', 'SP2D TERSEMBUNYI/1', null]].forEach((r) => hidden.addRow(r));
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'bayar.xlsx').expect(400);
    expect(res.body).toMatchObject({ code: 'HIDDEN_SHEET', details: { sheet: 'Data' } });
    expect(res.body.message).toMatch(/^Data berkas "bayar\.xlsx" ada di sheet tersembunyi "Data"/);
    expect(await t.dataSource.query(`SELECT id FROM payment WHERE reference LIKE 'SP2D TERSEMBUNYI/%'`)).toEqual([]);
  });

  it('a sheet of more than 5,000 rows is refused whole (413 TOO_MANY_ROWS), nothing recorded', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `APBD-2026;2026-10;1;2026-10-05;SP2D BESAR/${i};`);
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(['Kode;Periode;Nilai;Tgl. Bayar;No SP2D;Koreksi Bulan', ...rows].join('\n')), 'besar.csv').expect(413);
    expect(res.body).toMatchObject({ code: 'TOO_MANY_ROWS', details: { limit: 5000 } });
    expect(res.body.message).toContain('lebih dari 5.000 baris data');
    expect(await t.dataSource.query(`SELECT id FROM payment WHERE reference LIKE 'SP2D BESAR/%'`)).toEqual([]);
  });

  it('in a .csv: column and message say Kode, Periode, Nilai, Tgl. Bayar, No SP2D, Koreksi Bulan', async () => {
    const csv = [
      'Kode;Periode;Nilai;Tgl. Bayar;No SP2D;Koreksi Bulan',
      'APBD-2026;2026-10;1000;2026-10-05;SP2D A1;',
      ';2026-10;1000;2026-10-05;SP2D A2;',
      'APBD-2026;10-2026x;1000;2026-10-05;SP2D A3;',
      'APBD-2026;2026-10;10,5;2026-10-05;SP2D A4;',
      'APBD-2026;2026-10;1000;31/02/2026;SP2D A5;',
      'APBD-2026;2026-10;1000;2026-10-05;;',
      'APBD-2026;2026-10;1000;2026-10-05;SP2D A7;2026-11',
      'APBD-2026;2026-09;1000;2026-10-05;SP2D A8;',
      'APBD-2026;2026-10;1000;2026-10-05;SP2D A1;',
    ].join('\n');
    const issues = await upload(Buffer.from(csv), 'alias.csv');
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'Kode', 'PLEDGE_REQUIRED'],
      [4, 'Periode', 'MONTH_FORMAT'],
      [5, 'Nilai', 'AMOUNT_FORMAT'],
      [6, 'Tgl. Bayar', 'DATE_FORMAT'],
      [7, 'No SP2D', 'REFERENCE_REQUIRED'],
      [8, 'Koreksi Bulan', 'INVALID_ADJUSTMENT'],
      [9, 'Periode', 'MONTH_CLOSED'],
      [10, 'No SP2D', 'PAYMENT_DUPLICATE'],
    ]);
    const messages = issues.map((i) => i.message);
    expect(messages[0]).toBe('Kode wajib diisi.');
    expect(messages[1]).toMatch(/^Periode "10-2026x" bukan bulan/);
    expect(messages[2]).toMatch(/^Nilai harus bilangan bulat rupiah/);
    expect(messages[3]).toMatch(/^Tgl\. Bayar "31\/02\/2026" bukan tanggal/);
    expect(messages[4]).toBe('No SP2D (mis. nomor SP2D) wajib diisi.');
    expect(messages[5]).toBe('Koreksi Bulan (November 2026) harus lebih awal dari Periode (Oktober 2026).');
    // what to change, both columns by their headers (QA: the form's refusal named the correction only)
    expect(messages[6]).toMatch(/^Bulan September 2026 sudah difinalisasi\. Catat pembayaran ini di bulan yang masih terbuka \(mis\. November 2026\): Periode = 2026-11 dan Koreksi Bulan = 2026-09\.$/);
    expect(messages.join(' ')).not.toMatch(/KODE_KOMITMEN|BULAN|JUMLAH|TANGGAL_BAYAR|REFERENSI|PENYESUAIAN_BULAN/);
  });

  it('in an .xlsx: a formula and a merged cell are named by their header too; an absent optional column is named as the template heads it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.addRow(['KOMITMEN', 'BULAN IURAN', 'JUMLAH BAYAR', 'TANGGAL SP2D', 'NOMOR SP2D']);
    ws.addRow(['APBD-2026', '2026-10', 1000, '2026-10-06', 'SP2D B1']);
    ws.addRow(['APBD-2026', '2026-10', { formula: '1/0', result: { error: '#DIV/0!' } }, '2026-10-06', 'SP2D B2']);
    ws.addRow(['APBD-2026', '2026-09', 1000, '2026-10-06', { formula: 'HYPERLINK("x")', result: undefined }]);
    ws.addRow(['APBD-2026', '2026-10', 1000, '2026-10-06', 'SP2D B4']);
    ws.addRow(['APBD-2026', null, 1000, '2026-10-06', 'SP2D B5']);
    ws.mergeCells('B5:B6');
    const issues = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'alias.xlsx');
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 'JUMLAH BAYAR', expect.stringMatching(/^(AMOUNT_FORMULA|FORMULA_ERROR)$/)],
      [4, 'NOMOR SP2D', 'FORMULA_WITHOUT_VALUE'],
      [4, 'BULAN IURAN', 'MONTH_CLOSED'],
      [6, 'BULAN IURAN', 'MERGED_CELL'],
    ]);
    expect(issues[0].message).toMatch(/^JUMLAH BAYAR/);
    expect(issues[1].message).toMatch(/^NOMOR SP2D: rumus =HYPERLINK/);
    expect(issues[2].message).toMatch(/: BULAN IURAN = 2026-11 dan KOREKSI_UNTUK_BULAN = 2026-09\.$/);
    expect(issues[3].message).toMatch(/^BULAN IURAN ada di dalam sel gabungan B5:B6 /);
  });
});

/**
 * A signature block under a payment sheet's rows is one message a row, as the register's NOT_PARTICIPANT_ROW (QA: five
 * messages each, among them "BULAN "" bukan bulan" and "TANGGAL_BAYAR "Bendahara," bukan tanggal"). A row with the
 * pledge code empty and two other cells filled is still judged column by column. The same typed in KODE_KOMITMEN
 * ("Bendahara,", "ttd", "Nama Bendahara"), no month, amount or paid date, is one message too (QA: four each, among them
 * "Komitmen pendanaan 'Bendahara,' tidak ditemukan"); an empty BULAN or TANGGAL_BAYAR of a payment row is "wajib diisi".
 * Golden file: test/fixtures/payments/not-ok/signature-block.csv.
 */
describe('payments: a signature block under the rows', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWithSomethingDue('2026-10')));
  afterAll(() => t?.close());

  it('one message per signature row; the payment above is recorded', async () => {
    const file = readFileSync('test/fixtures/payments/not-ok/signature-block.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 8, accepted: 1, rejected: 7, payments: 1, amount: 1500 });
    const rejects = (res.body.issues as { row: number; column: string | null; severity: string; code: string; message: string }[]).filter((i) => i.severity === 'REJECT');
    expect(rejects.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, null, 'NOT_PAYMENT_ROW'],
      [4, null, 'NOT_PAYMENT_ROW'],
      [5, 'KODE_KOMITMEN', 'PLEDGE_REQUIRED'],
      [5, 'TANGGAL_BAYAR', 'PAID_AT_REQUIRED'],
      [5, 'REFERENSI', 'REFERENCE_REQUIRED'],
      [6, null, 'NOT_PAYMENT_ROW'],
      [7, null, 'NOT_PAYMENT_ROW'],
      [8, null, 'NOT_PAYMENT_ROW'],
      [9, 'BULAN', 'MONTH_REQUIRED'],
      [9, 'TANGGAL_BAYAR', 'PAID_AT_REQUIRED'],
    ]);
    expect(rejects[0].message).toBe(NOT_PAYMENT_ROW);
    expect(rejects.slice(5, 8).map((i) => i.message)).toEqual([notPaymentRowNote('Bendahara,'), notPaymentRowNote('ttd'), notPaymentRowNote('Nama Bendahara')]);
    expect(rejects[5].message).toBe('Baris ini tidak berisi data pembayaran (KODE_KOMITMEN "Bendahara," bukan kode komitmen, dan BULAN, JUMLAH serta TANGGAL_BAYAR kosong, seperti tanda tangan): hapus baris ini dari berkas.');
    // an empty month or paid date of a payment row is required, as JUMLAH is, not `BULAN "" bukan bulan` (QA)
    expect(rejects.slice(8).map((i) => i.message)).toEqual(['BULAN wajib diisi.', 'TANGGAL_BAYAR wajib diisi.']);
  });

  it('a total row whose label is merged across columns is one NOT_PAYMENT_ROW; a pledge code merged down is still MERGED_CELL (QA)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI']);
    ws.addRow(['APBD-2026', '2026-10', 1000, '2026-10-06', 'SP2D/GAB/1']);
    ws.addRow([null, '2026-10', 1000, '2026-10-07', 'SP2D/GAB/2']); // its pledge code merged down from row 2: data, MERGED_CELL
    ws.addRow(['TOTAL PEMBAYARAN OKTOBER 2026', null, 2000, null, null]); // label over KODE_KOMITMEN and BULAN
    ws.addRow(['Jumlah dibayar', null, null, null, 2000]); // label over KODE_KOMITMEN … TANGGAL_BAYAR
    ws.mergeCells('A2:A3');
    ws.mergeCells('A4:B4');
    ws.mergeCells('A5:D5');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'pembayaran.xlsx').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3, payments: 1 });
    const rejects = (res.body.issues as { row: number; column: string | null; severity: string; code: string; message: string }[]).filter((i) => i.severity === 'REJECT');
    expect(rejects.map((i) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, 'KODE_KOMITMEN', 'MERGED_CELL', expect.stringMatching(/^KODE_KOMITMEN ada di dalam sel gabungan A2:A3/)],
      [4, null, 'NOT_PAYMENT_ROW', notPaymentRowMerged('A4:B4')],
      [5, null, 'NOT_PAYMENT_ROW', notPaymentRowMerged('A5:D5')],
    ]);
    expect(rejects[1].message).toBe('Baris ini tidak berisi data pembayaran (sel gabungan A4:B4, seperti label JUMLAH atau TOTAL, tanpa kode komitmen): hapus baris ini dari berkas.');
  });
});
