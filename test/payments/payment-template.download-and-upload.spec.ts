/**
 * The payment sheet's template (QA: Komitmen and Unggah Peserta had one, Pembayaran none): served at
 * GET /api/v1/templates/payments.xlsx to every role, its columns the reader's own (PAYMENT_COLUMNS),
 * ID and text columns as Text and TANGGAL_BAYAR as a date; as it comes it holds no payment, and its
 * example filled in with a real pledge code and month uploads cleanly.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { PAYMENT_COLUMNS } from '../../src/payments/payment-row.validator.js';
import { Role } from '../../src/users/role.js';
import { type TestApp } from '../support/test-app.js';
import { binary } from '../reports/support/xlsx.js';
import { appWithSomethingDue } from './support/something-due.js';

jest.setTimeout(180_000);

describe('payments: the sheet template', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithSomethingDue('2026-11'); // November's Rp756.000 due: the example's payment is no NOTHING_DUE
  });
  afterAll(() => t?.close());

  const download = async (role: Role) => (await t.as(role)).get('/api/v1/templates/payments.xlsx').buffer(true).parse(binary).expect(200);
  const count = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM payment'))[0].n;

  it('is served to every role as templat-pembayaran.xlsx, with the reader\'s columns, Text ID columns, a date column, instructions and an example', async () => {
    for (const role of [Role.AUDITOR, Role.OPERATOR_DINKES]) await download(role);
    const res = await download(Role.KEUANGAN);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('templat-pembayaran.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Pembayaran', 'Petunjuk', 'Contoh']);
    const sheet = wb.getWorksheet('Pembayaran')!;
    // the correction's column is headed as the console's form names the field, Koreksi untuk bulan (QA: PENYESUAIAN_BULAN here)
    const headers = ['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI', 'KOREKSI_UNTUK_BULAN'];
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]);
    expect(PAYMENT_COLUMNS.map((c) => c.name)).toEqual(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI', 'PENYESUAIAN_BULAN']); // keys of stored rows
    expect(sheet.rowCount).toBe(1); // no data row: uploaded as it comes, nothing is recorded
    const format = (name: string) => sheet.getColumn(PAYMENT_COLUMNS.findIndex((c) => c.name === name) + 1).numFmt;
    for (const name of ['KODE_KOMITMEN', 'BULAN', 'REFERENSI', 'PENYESUAIAN_BULAN']) expect(format(name)).toBe('@');
    expect(format('TANGGAL_BAYAR')).toBe('dd/mm/yyyy');
    const help = wb.getWorksheet('Petunjuk')!.getColumn(2).values.join('\n');
    expect(help).toContain('KOREKSI_UNTUK_BULAN (boleh kosong; di formulir Pembayaran: Koreksi untuk bulan): hanya untuk koreksi bulan yang sudah difinalisasi atau dibekukan.');
    expect(help).not.toContain('PENYESUAIAN');
    // a frozen month takes no payment of its own, and a correction may give money back (negative JUMLAH)
    expect(help).toContain('Bulan itu harus masih terbuka: belum difinalisasi, dan tidak dibekukan oleh finalisasi bulan sesudahnya pada tahun yang sama.');
    expect(help).toContain('Jumlah negatif (mis. -22680) hanya untuk koreksi yang mengembalikan kelebihan bayar bulan yang sudah ditutup, dengan KOREKSI_UNTUK_BULAN diisi.');
    expect(help).toContain('Format kolom KODE_KOMITMEN, BULAN, REFERENSI dan KOREKSI_UNTUK_BULAN sebagai Teks');
    const contoh = wb.getWorksheet('Contoh')!;
    expect(contoh.getColumn(1).values.slice(3)).toEqual(headers);
  });

  it('as it comes it records nothing; its example row filled in with a real pledge code and month uploads cleanly', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const file = (await download(Role.KEUANGAN)).body as Buffer;
    const empty = await keuangan.post('/api/v1/payment-uploads').attach('file', file, 'templat-pembayaran.xlsx').expect(400);
    expect(empty.body).toMatchObject({ code: 'NO_DATA_ROWS' });
    expect(await count()).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    // the first example (a column of Contoh, a row per field) copied into Pembayaran, as the sheet tells the user
    const example = (wb.getWorksheet('Contoh')!.getColumn(2).values as ExcelJS.CellValue[]).slice(3);
    expect(example[3]).toBeInstanceOf(Date); // TANGGAL_BAYAR a date cell
    expect(example[5]).toBeFalsy(); // a payment of its own month: no KOREKSI_UNTUK_BULAN
    const row = [...example];
    row[0] = 'APBD-2026';
    row[1] = '2026-11';
    row[2] = 756_000; // November's premium due: no EXCEEDS_DUE warning
    wb.getWorksheet('Pembayaran')!.addRow(row);
    const filled = await keuangan.post('/api/v1/payment-uploads').attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'pembayaran-november.xlsx').expect(201);
    expect(filled.body).toMatchObject({ rowsRead: 1, accepted: 1, rejected: 0, payments: 1, amount: 756_000, issues: [] });
    expect(filled.body.sheetWarnings ?? []).toEqual([]);
    const list = (await keuangan.get('/api/v1/payments?month=2026-11').expect(200)).body;
    expect(list.items).toEqual([expect.objectContaining({ pledgeCode: 'APBD-2026', month: '2026-11', amount: 756_000, paidAt: '2026-11-10', reference: example[4], adjustsMonth: null })]);
    // a finding on the correction's column names it as the template heads it
    const correction = await keuangan
      .post('/api/v1/payment-uploads')
      .attach('file', Buffer.from(['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;KOREKSI_UNTUK_BULAN', 'APBD-2026;2026-11;1000;2026-11-10;SP2D KOREKSI/1;2026-12'].join('\n')), 'koreksi.csv')
      .expect(400); // its one row refused
    expect(correction.body.details.issues.map((i: { column: string; code: string; message: string }) => [i.column, i.code, i.message])).toEqual([
      ['KOREKSI_UNTUK_BULAN', 'INVALID_ADJUSTMENT', 'KOREKSI_UNTUK_BULAN (Desember 2026) harus lebih awal dari BULAN (November 2026).'],
    ]);
  });
});
