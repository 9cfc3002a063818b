/** DOMAIN §8: payments from a sheet; bad rows reported, good rows recorded. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { type TestApp } from '../support/test-app.js';
import { closeMonth, whileClosed } from '../funding/support/register.js';
import { appWithSomethingDue } from './support/something-due.js';
import { binary } from '../reports/support/xlsx.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('payments: sheet upload', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithSomethingDue('2026-12'); // something due each month: no NOTHING_DUE warnings beside the findings tested here
    // the months the files' corrections are for are finalized: a correction is for a finalized month only; December's
    // only while a test corrects it, since it freezes the year's earlier months, which take no payment of their own then
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  it('records the good rows and reports each bad one', async () => {
    const file = readFileSync('test/fixtures/payments/ok/pembayaran-2026-10.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 7, accepted: 2, rejected: 5, payments: 2, amount: 76600 });
    expect(res.body.issues.map((i: { row: number; column: string }) => [i.row, i.column])).toEqual([
      [4, 'KODE_KOMITMEN'],
      [5, 'BULAN'],
      [6, 'JUMLAH'],
      [7, 'TANGGAL_BAYAR'],
      [8, 'NO SP2D'], // the file's header for REFERENSI
    ]);
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-10').expect(200)).body;
    expect(list.items.map((p: { amount: number; paidAt: string; adjustsMonth: string | null }) => [p.amount, p.paidAt, p.adjustsMonth])).toEqual([
      [75600, '2026-10-08', null],
      [1000, '2026-10-15', '2026-09'],
    ]);
  });

  it('a payment sheet gets a row report like every upload: its rejected rows as uploaded with the messages, and its counts (QA: only on screen)', async () => {
    const file = Buffer.from(
      ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI', 'APBD-2026;2026-10;2000;2026-10-20;SP2D LAPORAN 1', 'TIDAK-ADA;2026-10;1000;2026-10-20;SP2D LAPORAN 2', 'APBD-2026;2026-10;10,5;2026-10-20;SP2D LAPORAN 3'].join('\n'),
    );
    // half an hour after the sheet of the test before (same fixed clock otherwise): the newest, whichever its random id
    const before = t.clock.now();
    t.clock.set(new Date(before.getTime() + 30 * 60_000));
    const up = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-oktober.csv').expect(201);
    t.clock.set(before);
    expect(up.body).toMatchObject({ id: expect.any(String), rowsRead: 3, accepted: 1, rejected: 2, payments: 1, amount: 2000 });
    const issues = up.body.issues as { row: number; message: string }[];
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${up.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    // the uploaded file's name, the day and the upload: two sheets of a day download under two names (QA)
    expect(res.headers['content-disposition']).toBe(`attachment; filename="laporan-unggahan-pembayaran-pembayaran-oktober-2026-11-15-${up.body.id.slice(0, 8)}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const rows = (wb.getWorksheet('Perbaiki')!.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI', 'KOREKSI_UNTUK_BULAN', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(rows.slice(1).map((r) => [r[6], r[7], r[8]])).toEqual(issues.map((i) => [i.row, 'DITOLAK', i.message]));
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ['TIDAK-ADA', '2026-10', '1000', '2026-10-20', 'SP2D LAPORAN 2'],
      ['APBD-2026', '2026-10', '10,5', '2026-10-20', 'SP2D LAPORAN 3'],
    ]);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('Ringkasan')!.eachRow((row, n) => n > 1 && summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(Object.fromEntries([...summary].filter(([k]) => ['Berkas', 'Baris dibaca', 'Ditolak', 'Pembayaran tercatat', 'Jumlah tercatat'].includes(k)))).toEqual({
      Berkas: 'pembayaran-oktober.csv',
      'Baris dibaca': up.body.rowsRead,
      Ditolak: up.body.rejected,
      'Pembayaran tercatat': up.body.payments,
      'Jumlah tercatat': up.body.amount,
    });
    await (await t.as(Role.AUDITOR)).get('/api/v1/payment-uploads/00000000-0000-4000-8000-000000000000/report.xlsx').expect(404);
    // listed, newest first, to find the report again after leaving the page (QA)
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payment-uploads?pageSize=1').expect(200)).body;
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect(list.items).toEqual([
      { id: up.body.id, filename: 'pembayaran-oktober.csv', uploadedBy: expect.any(String), uploadedAt: '2026-11-15T03:30:00.000Z', rowsRead: 3, accepted: 1, rejected: 2, warnings: 0, payments: 1, amount: 2000, sheetWarnings: [] },
    ]);
  });

  it('a sheet headed with aliases (BULAN IURAN, TGL BAYAR, NO SP2D): its Perbaiki is headed so, the absent column by its own name, and the fixed sheet uploads again', async () => {
    const file = Buffer.from(
      ['KODE_KOMITMEN;BULAN IURAN;JUMLAH;TGL BAYAR;NO SP2D', 'APBD-2026;2026-10;1000;2026-10-21;SP2D LABEL 1', 'APBD-2O26;2026-10;1000;2026-10-21;SP2D LABEL 2'].join('\n'),
    );
    const api = await t.as(Role.KEUANGAN);
    const up = await api.post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-alias.csv').expect(201);
    expect(up.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1, payments: 1 });
    const res = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${up.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const ws = wb.getWorksheet('Perbaiki')!;
    const rows = (ws.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['KODE_KOMITMEN', 'BULAN IURAN', 'JUMLAH', 'TGL BAYAR', 'NO SP2D', 'KOREKSI_UNTUK_BULAN', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(rows.slice(1)).toEqual([['APBD-2O26', '2026-10', '1000', '2026-10-21', 'SP2D LABEL 2', undefined, 3, 'DITOLAK', 'Komitmen pendanaan "APBD-2O26" tidak ditemukan.']]);

    // fixed under its headers (BARIS, STATUS, KETERANGAN are ignored): recorded as any sheet
    ws.getCell('A2').value = 'APBD-2026';
    const again = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'laporan-diperbaiki.xlsx').expect(201);
    expect(again.body).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, payments: 1, amount: 1000 });
  });

  /**
   * Headers the sheet does not know (QA: `KOREKSI UNTUK BULAN`, the console form's own label, was dropped and the
   * row recorded as an ordinary payment). Golden files: test/fixtures/payments/ok/koreksi-untuk-bulan.csv,
   * not-ok/koreksi-bulan-iuran.csv.
   */
  it('reads "Koreksi untuk bulan" as KOREKSI_UNTUK_BULAN (stored as PENYESUAIAN_BULAN) and names the columns not read; refuses a header looking like it, recording nothing', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const ok = await keuangan.post('/api/v1/payment-uploads').attach('file', readFileSync('test/fixtures/payments/ok/koreksi-untuk-bulan.csv'), 'pembayaran.csv').expect(201);
    expect(ok.body).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, payments: 1 });
    expect(ok.body.sheetWarnings).toEqual([
      { code: 'COLUMNS_NOT_READ', headers: ['NO', 'KETERANGAN'], message: 'Kolom berikut tidak dibaca: NO, KETERANGAN.' },
      // an alias is said as read (Koreksi untuk bulan is the column's own header in other spelling: not said)
      { code: 'HEADERS_READ_AS', headersReadAs: [{ header: 'NO SP2D', column: 'REFERENSI', columnLetter: 'F' }], message: 'Kolom "NO SP2D" (kolom F) dibaca sebagai REFERENSI.' },
    ]);
    const refused = await keuangan.post('/api/v1/payment-uploads').attach('file', readFileSync('test/fixtures/payments/not-ok/koreksi-bulan-iuran.csv'), 'pembayaran.csv').expect(400);
    expect(refused.body).toMatchObject({ code: 'UNKNOWN_COLUMN', details: { columns: [{ header: 'KOREKSI BULAN IURAN', meant: ['KOREKSI_UNTUK_BULAN'] }] } });
    expect(refused.body.message).toBe(
      'Kolom "KOREKSI BULAN IURAN" tidak dikenal. Mungkin maksudnya KOREKSI_UNTUK_BULAN? Ganti judul kolomnya menjadi KOREKSI_UNTUK_BULAN (atau hapus kolom itu), lalu unggah ulang.',
    );
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-10&pageSize=1000').expect(200)).body;
    const corrections = list.items.filter((p: { reference: string }) => p.reference.startsWith('SP2D KOREKSI'));
    expect(corrections.map((p: { reference: string; amount: number; adjustsMonth: string | null }) => [p.reference, p.amount, p.adjustsMonth])).toEqual([['SP2D KOREKSI 1', 2500, '2026-09']]);
  });

  it('an unknown pledge code names the pledge that differs only in case, as the API does (QA: "apbd-2026" was only "tidak ditemukan")', async () => {
    const file = Buffer.from(
      ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI', 'apbd-2026;2026-10;1000;2026-10-20;SP2D HURUF 1', 'TIDAK-ADA;2026-10;1000;2026-10-20;SP2D HURUF 2', 'APBD-2026;2026-10;1000;2026-10-20;SP2D HURUF 3'].join('\n'),
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-huruf.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2, payments: 1 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string; message: string }) => [i.row, i.column, i.code, i.message])).toEqual([
      [2, 'KODE_KOMITMEN', 'PLEDGE_NOT_FOUND', 'Komitmen pendanaan "apbd-2026" tidak ditemukan. Maksudnya "APBD-2026"? Huruf besar/kecil pada kode komitmen dibedakan.'],
      [3, 'KODE_KOMITMEN', 'PLEDGE_NOT_FOUND', 'Komitmen pendanaan "TIDAK-ADA" tidak ditemukan.'],
    ]);
  });

  it("refuses a month outside the pledge's fiscal year and a payment date still to come; a correction for the year recorded in the next one is taken", () => whileClosed(t.dataSource, '2026-12', async () => {
    const file = readFileSync('test/fixtures/payments/not-ok/outside-terms.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2, payments: 1 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string; message: string }) => [i.row, i.column, i.code, i.message])).toEqual([
      [2, 'BULAN', 'OUTSIDE_FISCAL_YEAR', 'Bulan Januari 2027 di luar tahun anggaran komitmen (2026). Pembayaran untuk bulan itu dicatat pada komitmen tahun 2027.'],
      // November is frozen by December's finalization: it takes no payment of its own (§9)
      [3, 'BULAN', 'MONTH_CLOSED', 'Bulan November 2026 sudah dibekukan karena bulan Desember 2026 sudah difinalisasi. Catat pembayaran ini di bulan yang masih terbuka (mis. Januari 2027): BULAN = 2027-01 dan PENYESUAIAN_BULAN = 2026-11.'],
      [3, 'TANGGAL_BAYAR', 'PAID_IN_FUTURE', 'Tanggal bayar 1 Desember 2026 sesudah hari ini (15 November 2026): periksa tanggal SP2D, terutama tahunnya.'],
      // the correction (row 4) is taken: it pays December 2026, which owed something and is unpaid; it is no longer told
      // that the 2026 pledge has nothing due in January 2027, where it is recorded, only that it is dated before December
      [4, 'TANGGAL_BAYAR', 'PAID_BEFORE_MONTH', 'Tanggal bayar 10 November 2026 sebelum bulan yang dibayar (Desember 2026): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.'],
    ]);
  }));

  it('refuses a paid date outside 2000–2099, as POST /payments refuses such a paidAt', async () => {
    const file = readFileSync('test/fixtures/payments/not-ok/paid-date-outside-years.csv');
    const api = await t.as(Role.KEUANGAN);
    const res = await api.post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2, payments: 1 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string; message: string }) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, 'TANGGAL_BAYAR', 'DATE_FORMAT', 'TANGGAL_BAYAR 1900-01-01 di luar tahun 2000–2099: tanggal bayar harus pada tahun 2000–2099, seperti paidAt pada pencatatan satu pembayaran.'],
      [4, 'TANGGAL_BAYAR', 'DATE_FORMAT', expect.stringMatching(/^TANGGAL_BAYAR 1000-01-01 di luar tahun 2000–2099/)],
    ]);
    const single = await api.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-11', amount: 1000, paidAt: '1900-01-01', reference: 'SP2D 33' }).expect(400);
    expect(JSON.stringify(single.body)).toContain('paidAt harus berformat YYYY-MM-DD dengan tahun 2000–2099');
  });

  it('rows with a cell hidden by a merged range are refused naming it: KODE_KOMITMEN and BULAN, and an optional PENYESUAIAN_BULAN (QA: saved as a plain payment)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI', 'PENYESUAIAN_BULAN']);
    ws.addRow(['APBD-2026', '2026-11', 1000, '2026-11-02', 'SP2D GABUNG 1']);
    ws.addRow([null, null, 2000, '2026-11-03', 'SP2D GABUNG 2']);
    ws.addRow([null, null, 3000, '2026-11-04', 'SP2D GABUNG 3']);
    ws.addRow(['APBD-2026', '2026-11', 4000, '2026-11-05', 'SP2D KOREKSI 3', '2026-09']); // its own SP2D: KOREKSI 1 is a correction of September recorded already
    ws.addRow(['APBD-2026', '2026-11', 5000, '2026-11-06', 'SP2D KOREKSI 2']);
    ws.mergeCells('A2:A4');
    ws.mergeCells('B2:B4');
    ws.mergeCells('F5:F6');
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.xlsx').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 5, accepted: 2, rejected: 3, payments: 2, amount: 5000 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [3, 'KODE_KOMITMEN', 'MERGED_CELL'],
      [3, 'BULAN', 'MERGED_CELL'],
      [4, 'KODE_KOMITMEN', 'MERGED_CELL'],
      [4, 'BULAN', 'MERGED_CELL'],
      [6, 'PENYESUAIAN_BULAN', 'MERGED_CELL'],
    ]);
    expect(res.body.issues[0].message).toMatch(/^KODE_KOMITMEN ada di dalam sel gabungan A2:A4 \(merge\): Excel menyimpan isi sel gabungan hanya di sel pertamanya \(A2\)/);
    expect(res.body.issues[4].message).toMatch(/^PENYESUAIAN_BULAN ada di dalam sel gabungan F5:F6 /);
  });

  it('a control character rejects its row naming the column (QA: a NUL answered 500)', async () => {
    const file = readFileSync('test/fixtures/payments/not-ok/control-character.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1, payments: 1 });
    // named by the file's header for REFERENSI
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([[3, 'NO SP2D', 'INVALID_CHARACTER']]);
    expect(res.body.issues[0].message).toMatch(/^NO SP2D memuat karakter kendali NUL \(U\+0000\)/);
  });

  it('a short sheet with a few NULs is still a sheet: its good row is recorded (QA: over 1% control bytes refused it whole)', async () => {
    const csv = 'KODE_KOMITMEN,BULAN,JUMLAH,TANGGAL_BAYAR,REFERENSI\nAPBD-2026,2026-10,1000,2026-10-05,SP2D NUL-1\nAPBD-2026,2026-10,1000,2026-10-05,SP2D N\u0000\u0000UL2\n';
    expect(Buffer.from(csv).length).toBeLessThan(200);
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(csv), 'pembayaran-nul.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 1, payments: 1 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([[3, 'REFERENSI', 'INVALID_CHARACTER']]);
  });

  it('leaves a footer JUMLAH row out of the payments, and warns when it does not state their total', async () => {
    const file = readFileSync('test/fixtures/payments/ok/pembayaran-dengan-baris-jumlah.csv');
    const api = await t.as(Role.KEUANGAN);
    const res = await api.post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, warnings: 0, payments: 2, amount: 76600, issues: [] });
    const changed = Buffer.from(file.toString('utf8').replace(/SP2D 0030/g, 'SP2D 0040').replace('JUMLAH;;76.600', 'JUMLAH;;80.000'));
    const off = await api.post('/api/v1/payment-uploads').attach('file', changed, 'pembayaran.csv').expect(201);
    expect(off.body).toMatchObject({ rowsRead: 2, payments: 2, warnings: 1 });
    expect(off.body.issues).toEqual([expect.objectContaining({ row: 4, column: 'JUMLAH', severity: 'WARN', code: 'TOTAL_ROW_MISMATCH', message: expect.stringContaining('menyebut Rp80.000, sedangkan jumlah baris yang diterima Rp76.600') })]);
  });

  it('names a formula with nothing readable instead of calling the cell empty or malformed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI']);
    ws.addRow([{ formula: 'Komitmen!A2' }, '2026-10', 1000, '2026-10-08', 'SP2D 901']);
    ws.addRow(['APBD-2026', '2026-10', 1000, '2026-10-08', { formula: 'HYPERLINK("http://sp2d/902","SP2D 902")' }]);
    ws.addRow(['APBD-2026', { error: '#N/A' }, 1000, '2026-10-08', 'SP2D 903']);
    ws.addRow(['APBD-2026', '2026-10', 1000, '2026-10-08', { formula: '"SP2D 904"', result: 'SP2D 904' }]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.xlsx').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [2, 'KODE_KOMITMEN', 'FORMULA_WITHOUT_VALUE'],
      [3, 'REFERENSI', 'FORMULA_WITHOUT_VALUE'],
      [4, 'BULAN', 'FORMULA_ERROR'],
    ]);
    expect(res.body.issues[1].message).toMatch(/^REFERENSI: rumus =HYPERLINK\(.*tidak menghasilkan nilai/);
    expect(res.body.issues.map((i: { message: string }) => i.message).join(' ')).not.toMatch(/wajib diisi/);
  });

  it('the same rules through POST /payments', () => whileClosed(t.dataSource, '2026-12', async () => {
    const api = await t.as(Role.KEUANGAN);
    const base = { pledgeCode: 'APBD-2026', amount: 1000, reference: 'SP2D 30' };
    const outside = await api.post('/api/v1/payments').send({ ...base, month: '2027-02', paidAt: '2026-11-10' }).expect(400);
    expect(outside.body).toMatchObject({ code: 'OUTSIDE_TERMS', details: { field: 'month' } });
    const future = await api.post('/api/v1/payments').send({ ...base, month: '2026-11', paidAt: '2099-12-31' }).expect(400);
    expect(future.body).toMatchObject({ code: 'OUTSIDE_TERMS', details: { field: 'paidAt' }, message: 'Tanggal bayar 31 Desember 2099 sesudah hari ini (15 November 2026): periksa tanggal SP2D, terutama tahunnya.' });
    await api.post('/api/v1/payments').send({ ...base, month: '2027-01', adjustsMonth: '2026-12', paidAt: '2026-11-15' }).expect(201);
    // a correction of a month outside the pledge's year: the field at fault is adjustsMonth (QA)
    const adjusts = await api.post('/api/v1/payments').send({ ...base, month: '2026-11', adjustsMonth: '2025-12', paidAt: '2026-11-10' }).expect(400);
    expect(adjusts.body).toMatchObject({ code: 'OUTSIDE_TERMS', details: { field: 'adjustsMonth' } });
    expect(adjusts.body.message).toMatch(/^Bulan Desember 2025 di luar tahun anggaran komitmen \(2026\)/);
  }));

  it('tells every broken term at once, through the API and in a sheet row (QA)', async () => {
    const api = await t.as(Role.KEUANGAN);
    // a correction of an open month outside the pledge's year, paid in the future: three reasons, one answer
    const all = await api
      .post('/api/v1/payments')
      .send({ pledgeCode: 'APBD-2026', month: '2026-11', adjustsMonth: '2025-12', amount: 1000, paidAt: '2099-12-31', reference: 'SP2D 50' })
      .expect(400);
    expect(all.body.code).toBe('OUTSIDE_TERMS');
    expect(all.body.details.field).toBe('adjustsMonth');
    expect(all.body.details.problems.map((p: { field: string }) => p.field)).toEqual(['adjustsMonth', 'paidAt', 'adjustsMonth']);
    expect(all.body.details.problems[1].messages).toEqual(['Tanggal bayar 31 Desember 2099 sesudah hari ini (15 November 2026): periksa tanggal SP2D, terutama tahunnya.']);
    expect(all.body.message).toMatch(/^Bulan Desember 2025 di luar tahun anggaran komitmen \(2026\).* Tanggal bayar 31 Desember 2099 sesudah hari ini .* Bulan Desember 2025 belum difinalisasi/);
    expect((await api.get('/api/v1/payments?month=2026-11').expect(200)).body.items.map((p: { reference: string }) => p.reference)).not.toContain('SP2D 50');

    const sheet = ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;NO SP2D;PENYESUAIAN_BULAN', 'APBD-2026;2026-11;1000;2099-12-31;SP2D 51;2026-10', 'APBD-2026;2027-02;;2099-12-31;SP2D 52;'].join('\n');
    const res = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'semua-alasan.csv').expect(400);
    expect(res.body.details.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [2, 'PENYESUAIAN_BULAN', 'ADJUSTS_OPEN_MONTH'],
      [2, 'TANGGAL_BAYAR', 'PAID_IN_FUTURE'],
      [3, 'JUMLAH', expect.any(String)],
      [3, 'BULAN', 'OUTSIDE_FISCAL_YEAR'],
      [3, 'TANGGAL_BAYAR', 'PAID_IN_FUTURE'],
    ]);
  });

  it('refuses a payment dated before its pledge\'s fiscal year: a year typed wrong would count as on time (QA)', async () => {
    const api = await t.as(Role.KEUANGAN);
    const early = await api.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-11', amount: 1000, paidAt: '2016-11-05', reference: 'SP2D 60' }).expect(400);
    expect(early.body).toMatchObject({
      code: 'OUTSIDE_TERMS',
      details: { field: 'paidAt' },
      message: 'Tanggal bayar 5 November 2016 sebelum tahun anggaran komitmen (2026) dimulai: dana tahun 2026 dibayarkan mulai 1 Januari 2026. Periksa tahun pada tanggal bayar.',
    });
    await api.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-11', amount: 1000, paidAt: '2026-01-01', reference: 'SP2D 61' }).expect(201);
    const sheet = ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;NO SP2D', 'APBD-2026;2026-11;1000;05/11/2016;SP2D 62', 'APBD-2026;11-2026x;1000;05/11/2026;SP2D 63'].join('\n');
    const res = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'tahun-salah.csv').expect(400);
    expect(res.body.details.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [2, 'TANGGAL_BAYAR', 'PAID_BEFORE_YEAR'],
      [3, 'BULAN', 'MONTH_FORMAT'],
    ]);
    expect(res.body.details.issues[1].message).toBe('BULAN "11-2026x" bukan bulan: tulis YYYY-MM atau MM/YYYY (mis. 2026-10 atau 10/2026), atau isi dengan sel tanggal.');
  });

  it("takes a company's (TJSLP) transfer made before its fiscal year, warned as an advance, on the form route and the sheet; budget money stays refused (QA: TJSLP-ALNO-2027 paid in December for January refused)", async () => {
    const api = await t.as(Role.KEUANGAN);
    await api.post('/api/v1/pledges').send({ code: 'TJSLP-ALNO-2027', sourceType: 'TJSLP', funder: 'PT Alno', fiscalYear: 2027, scope: 'ALL' }).expect(201);
    const advance = 'Tanggal bayar 6 November 2026 sebelum tahun anggaran 2027: dicatat sebagai pembayaran di muka untuk Januari 2027. Bila bukan pembayaran di muka, periksa tahun pada tanggal bayar.';
    const paid = await api.post('/api/v1/payments').send({ pledgeCode: 'TJSLP-ALNO-2027', month: '2027-01', amount: 1_512_000, paidAt: '2026-11-06', reference: 'TRF ALNO 1' }).expect(201);
    expect(paid.body.warnings).toContainEqual({ code: 'PAID_BEFORE_MONTH', field: 'paidAt', message: advance });
    const sheet = ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;NO SP2D', 'TJSLP-ALNO-2027;2027-02;1512000;06/11/2026;TRF ALNO 2', 'APBD-2026;2026-11;1000;05/11/2025;SP2D 64'].join('\n');
    const res = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'di-muka.csv').expect(201);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 1, payments: 1, amount: 1_512_000 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string; severity: string }) => [i.row, i.column, i.severity, i.code])).toEqual(
      expect.arrayContaining([
        [2, 'TANGGAL_BAYAR', 'WARN', 'PAID_BEFORE_MONTH'],
        [3, 'TANGGAL_BAYAR', 'REJECT', 'PAID_BEFORE_YEAR'],
      ]),
    );
    expect(res.body.issues.find((i: { code: string }) => i.code === 'PAID_BEFORE_MONTH').message).toBe(advance.replace('Januari 2027', 'Februari 2027'));
    expect(res.body.issues.some((i: { row: number; severity: string }) => i.row === 2 && i.severity === 'REJECT')).toBe(false);
  });

  it('refuses a correction of a month still open: the payment belongs to that month itself (QA)', async () => {
    const api = await t.as(Role.KEUANGAN);
    const open = await api.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-11', adjustsMonth: '2026-10', amount: 1000, paidAt: '2026-11-10', reference: 'SP2D 40' }).expect(400);
    expect(open.body).toMatchObject({
      code: 'OUTSIDE_TERMS',
      details: { field: 'adjustsMonth' },
      message: 'Bulan Oktober 2026 belum difinalisasi: catat pembayaran ini langsung untuk Oktober 2026, bukan sebagai koreksi. Koreksi hanya untuk bulan yang sudah difinalisasi atau dibekukan.',
    });
    const sheet = ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;NO SP2D;PENYESUAIAN_BULAN', 'APBD-2026;2026-11;1000;2026-11-10;SP2D 41;2026-10', 'APBD-2026;2026-11;1000;2026-11-10;SP2D 42;2026-09'].join('\n');
    const res = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'koreksi.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([[2, 'PENYESUAIAN_BULAN', 'ADJUSTS_OPEN_MONTH']]);
  });
  it('reads a TANGGAL_BAYAR pasted as a number as the Excel date serial it is, and refuses a number that is no date saying so (QA: "46326" was no date)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.getColumn(4).numFmt = '@';
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI']);
    ws.addRow(['APBD-2026', '2026-11', 1000, 46329, 'SP2D SERIAL 1']); // 46329 = 2026-11-03
    ws.addRow(['APBD-2026', '2026-11', 1000, 12, 'SP2D SERIAL 2']);
    ws.addRow(['APBD-2026', '2026-11', 1000, 200, 'SP2D SERIAL 3']); // 1900-07-18
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const api = await t.as(Role.KEUANGAN);
    const res = await api.post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-serial.xlsx').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2, payments: 1, amount: 1000 });
    expect(res.body.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [3, 'TANGGAL_BAYAR', 'DATE_FORMAT'],
      [4, 'TANGGAL_BAYAR', 'DATE_FORMAT'],
    ]);
    expect(res.body.issues[0].message).toMatch(/^TANGGAL_BAYAR 12 berupa angka, bukan tanggal: .*nomor seri tanggal Excel/);
    expect(res.body.issues[1].message).toMatch(/^TANGGAL_BAYAR 200 \(nomor seri tanggal Excel untuk 1900-07-18\) di luar tahun/);
    const list = (await api.get('/api/v1/payments?month=2026-11').expect(200)).body.items as { reference: string; paidAt: string; amount: number }[];
    expect(list.filter((p) => p.reference.startsWith('SP2D SERIAL')).map((p) => [p.reference, p.paidAt, p.amount])).toEqual([['SP2D SERIAL 1', '2026-11-03', 1000]]);
  });

  it('a TANGGAL_BAYAR typed in no accepted form says what is wrong with it, as the enrollment sheet does (QA)', async () => {
    const csv = 'KODE_KOMITMEN,BULAN,JUMLAH,TANGGAL_BAYAR,REFERENSI\nAPBD-2026,2026-11,1000,31/11/2026,SP2D TGL 1\nAPBD-2026,2026-11,1000,03.11.2026,SP2D TGL 2\n';
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(csv), 'pembayaran-tanggal.csv').expect(400);
    expect(res.body.code).toBe('NO_ACCEPTED_ROWS');
    expect(res.body.details.issues.map((i: { message: string }) => i.message)).toEqual([
      'TANGGAL_BAYAR "31/11/2026" bukan tanggal: tanggal 31 tidak ada di bulan November 2026 (hanya 30 hari) (gunakan YYYY-MM-DD atau DD/MM/YYYY).',
      'TANGGAL_BAYAR "03.11.2026" bukan tanggal: pemisahnya titik; gunakan garis miring atau tanda hubung: 03/11/2026 (gunakan YYYY-MM-DD atau DD/MM/YYYY).',
    ]);
  });

  it('refuses a web page (HTML) saved with an Excel name as every upload does, saying to save it as .xlsx (QA: told to rename it .csv)', async () => {
    const page = readFileSync(join(process.cwd(), 'test/fixtures/enrollment/not-ok/html-table-named-xls.xls'));
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', page, 'pembayaran.xls').expect(400);
    expect(res.body).toMatchObject({ code: 'NOT_A_SPREADSHEET', details: { filename: 'pembayaran.xls' } });
    expect(res.body.message).toMatch(/^Berkas "pembayaran\.xls" adalah halaman web \(HTML\) yang disimpan dengan nama berkas Excel \(\.xls\).* "Excel Workbook \(\*\.xlsx\)"/);
  });
});
