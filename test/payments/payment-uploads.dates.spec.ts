import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { type TestApp } from '../support/test-app.js';
import { appWithSomethingDue } from './support/something-due.js';
import ExcelJS from 'exceljs';
import { closeMonth } from '../funding/support/register.js';

jest.setTimeout(180_000);

/**
 * A paid date (TANGGAL_BAYAR) in slashes is read as the file writes its dates (date-order.ts), as the register reads
 * them. QA: a sheet saved by an Excel set to US English (month/day) had its `10/15/2026` refused and its `10/1/2026`
 * recorded silently as 10 January, a payment dated nine months early. A date either way round now waits until the file
 * shows its order: day first, it is read so (§12); month first, it is refused, naming both readings and the row that
 * showed it; a file that never shows its order is read day first.
 */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
type Issue = { row: number; column: string; code: string; message: string };
type Payment = { reference: string; month: string; adjustsMonth: string | null; amount: number; paidAt: string };

describe('payments sheet: paid dates read in the order the file writes them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithSomethingDue('2026-12'); // something due each month: no NOTHING_DUE warnings beside the findings tested here
  });
  afterAll(() => t?.close());

  const upload = async (file: Buffer, name: string) => (await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, name).expect(201)).body;
  const paidAt = async (prefix: string) =>
    Object.fromEntries(
      ((await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-10').expect(200)).body.items as Payment[])
        .filter((p) => p.reference.startsWith(prefix))
        .map((p) => [p.reference, p.paidAt]),
    );

  it('month first (golden file): a date either way round is refused, before and after the row that showed the order; one the same both ways is recorded', async () => {
    const res = await upload(readFileSync('test/fixtures/payments/not-ok/paid-dates-month-first.csv'), 'pembayaran-us.csv');
    expect(res).toMatchObject({ rowsRead: 5, accepted: 2, rejected: 3, payments: 2, amount: 9000 });
    const issues = res.issues as Issue[];
    // the column named as the file heads it (TGL BAYAR), the rows that waited listed in their place
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'TGL BAYAR', 'DATE_ORDER_AMBIGUOUS'],
      [3, 'TGL BAYAR', 'DATE_FORMAT'],
      [4, 'TGL BAYAR', 'DATE_ORDER_AMBIGUOUS'],
    ]);
    expect(issues[0].message).toBe(
      'TGL BAYAR "10/1/2026" dapat berarti 10 Januari 2026 atau 1 Oktober 2026, dan berkas ini menulis tanggal sebagai bulan/tanggal/tahun ' +
        '(baris 3: TGL BAYAR 10/15/2026). Tulis tanggalnya sebagai tanggal/bulan/tahun (1/10/2026 untuk 1 Oktober 2026) atau YYYY-MM-DD (2026-10-01).',
    );
    expect(issues[1].message).toContain('bulan 15 tidak ada');
    expect(issues[2].message).toContain('TGL BAYAR "10/2/2026" dapat berarti 10 Februari 2026 atau 2 Oktober 2026');
    expect(await paidAt('SP2D AS')).toEqual({ 'SP2D AS 4': '2026-10-05', 'SP2D AS 5': '2026-10-10' });
  });

  it('month first (golden file): a row refused for something else has its date either way round refused too, so fixing what it says leaves no date to be misread', async () => {
    const res = await upload(readFileSync('test/fixtures/payments/not-ok/paid-dates-month-first-refused-rows.csv'), 'pembayaran-us-tanpa-referensi.csv');
    expect(res).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3, payments: 1, amount: 4000 });
    expect((res.issues as Issue[]).map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'TGL BAYAR', 'DATE_ORDER_AMBIGUOUS'],
      [2, 'REFERENSI', 'REFERENCE_REQUIRED'],
      [3, 'TGL BAYAR', 'DATE_FORMAT'],
      [4, 'TGL BAYAR', 'DATE_ORDER_AMBIGUOUS'],
      [4, 'REFERENSI', 'REFERENCE_REQUIRED'],
    ]);
    expect((res.issues as Issue[])[0].message).toContain('TGL BAYAR "10/3/2026" dapat berarti 10 Maret 2026 atau 3 Oktober 2026');
    expect(await paidAt('SP2D BR')).toEqual({ 'SP2D BR 4': '2026-10-07' });
  });

  it('day first (golden file): the row that waited is recorded day first once a later row shows the order', async () => {
    const res = await upload(readFileSync('test/fixtures/payments/ok/paid-dates-day-first.csv'), 'pembayaran-dmy.csv');
    expect(res).toMatchObject({ rowsRead: 3, accepted: 3, rejected: 0, payments: 3, issues: [] });
    expect(await paidAt('SP2D DMY')).toEqual({ 'SP2D DMY 1': '2026-10-05', 'SP2D DMY 2': '2026-10-20', 'SP2D DMY 3': '2026-10-06' });
  });

  it('both orders shown (golden file): the file is read day first (§12); the date only month first can be is refused naming the row that showed day first, no value to copy; a dash date is day first', async () => {
    // as the register's QA file: one mistyped 10/16/2026 made the file month-first, its 5/10/2026 and 7/10/2026 refused
    const res = await upload(readFileSync('test/fixtures/payments/not-ok/paid-dates-mixed-order.csv'), 'pembayaran-campur.csv');
    expect(res).toMatchObject({ rowsRead: 5, accepted: 4, rejected: 1, payments: 4, amount: 13000 });
    expect((res.issues as Issue[]).map((i) => [i.row, i.column, i.code, i.message])).toEqual([
      [
        3,
        'TANGGAL_BAYAR',
        'DATE_FORMAT',
        'TANGGAL_BAYAR "10/16/2026" bukan tanggal yang valid: dibaca tanggal/bulan/tahun, seperti tanggal lain di berkas ini (baris 5: TANGGAL_BAYAR 20/10/2026), ' +
          'bulan 16 tidak ada; dibaca bulan/tanggal/tahun, artinya 16 Oktober 2026. Periksa tanggal yang dimaksud dan tulis sebagai YYYY-MM-DD.',
      ],
    ]);
    expect(await paidAt('SP2D CAMPUR')).toEqual({ 'SP2D CAMPUR 1': '2026-10-05', 'SP2D CAMPUR 3': '2026-10-06', 'SP2D CAMPUR 4': '2026-10-20', 'SP2D CAMPUR 5': '2026-10-07' });
  });

  it('a dash date is day first whatever the file (§12): in a month-first file it is recorded so, never refused as either way round', async () => {
    const csv = ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI', 'APBD-2026;2026-10;1000;08-10-2026;SP2D HUBUNG 1', 'APBD-2026;2026-10;2000;10/17/2026;SP2D HUBUNG 2', 'APBD-2026;2026-10;3000;10/9/2026;SP2D HUBUNG 3'].join('\n');
    const res = await upload(Buffer.from(csv), 'pembayaran-hubung.csv');
    expect((res.issues as Issue[]).map((i) => [i.row, i.code])).toEqual([
      [3, 'DATE_FORMAT'],
      [4, 'DATE_ORDER_AMBIGUOUS'],
    ]);
    expect(await paidAt('SP2D HUBUNG')).toEqual({ 'SP2D HUBUNG 1': '2026-10-08' });
  });

  it('a file that never shows its order is read day first (§12); the row that waited is still checked against the rows after it', async () => {
    const csv = [
      'KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI',
      'APBD-2026;2026-10;1000;3/10/2026;SP2D TANPA 1',
      'APBD-2026;2026-10;2000;2026-10-04;SP2D TANPA 2',
      'APBD-2026;2026-10;2000;7/10/2026;SP2D TANPA 2', // row 3's payment with another date: refused, not recorded twice
    ].join('\n');
    const res = await upload(Buffer.from(csv), 'pembayaran-tanpa-petunjuk.csv');
    expect(res).toMatchObject({ rowsRead: 3, accepted: 2, rejected: 1, payments: 2 });
    expect((res.issues as Issue[]).map((i) => [i.row, i.column, i.code, i.message])).toEqual([
      [
        4,
        'REFERENSI',
        'PAYMENT_DUPLICATE',
        'Pembayaran dengan komitmen, bulan dan referensi yang sama sudah ada di baris 3 berkas ini dengan jumlah Rp2.000 (tanggal 4 Oktober 2026) dan dicatat dari baris itu; ' +
          'baris ini menulis tanggal 7 Oktober 2026 dan tidak dicatat. Bila yang tercatat salah, hapus pembayaran dari baris 3 di halaman Pembayaran (bulan Oktober 2026, tombol Hapus…), lalu unggah ulang baris ini.',
      ],
    ]);
    expect(await paidAt('SP2D TANPA')).toEqual({ 'SP2D TANPA 1': '2026-10-03', 'SP2D TANPA 2': '2026-10-04' });
  });
});

/** BULAN and PENYESUAIAN_BULAN held as a date number (an Excel serial, a date cell) are read as their month (QA: "46082" was no month). */
// Booting the app on a fresh database copy can take long on a busy machine (PGlite).

describe('payments sheet: a month held as a date number', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithSomethingDue('2026-12'); // something due each month: no NOTHING_DUE warnings beside the findings tested here
    // the golden file's correction is of February; the months it pays itself, March to May, stay open (a month
    // finalized later would freeze them, §9)
    await closeMonth(t.dataSource, '2026-02');
  });
  afterAll(() => t?.close());

  const upload = async (file: Buffer, name: string, status: number) =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, name).expect(status)).body;
  const recorded = async () =>
    ((await (await t.as(Role.KEUANGAN)).get('/api/v1/payments?pledgeCode=APBD-2026').expect(200)).body.items as Payment[]).map((p) => [p.reference, p.month, p.adjustsMonth]);

  it('reads a serial in a General or Number cell, a date cell and a serial correction month (golden file)', async () => {
    const res = await upload(readFileSync('test/fixtures/payments/ok/bulan-nomor-seri-tanggal.xlsx'), 'bulan.xlsx', 201);
    expect(res).toMatchObject({ rowsRead: 4, accepted: 4, rejected: 0, issues: [] });
    expect(await recorded()).toEqual([
      ['SP2D SERI 1', '2026-03', null],
      ['SP2D SERI 2', '2026-04', null],
      ['SP2D SERI 3', '2026-05', null],
      ['SP2D SERI 4', '2026-10', '2026-02'],
    ]);
  });

  it('counts a serial in the workbook\'s date system: 44620 is March 2026 in a 1904 workbook (golden file)', async () => {
    const res = await upload(readFileSync('test/fixtures/payments/ok/bulan-nomor-seri-tanggal-1904.xlsx'), 'bulan-1904.xlsx', 201);
    expect(res).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await recorded()).toContainEqual(['SP2D SERI 1904', '2026-03', null]);
  });

  it('refuses a number that is no date of 2000–2099 as a number, and reads 44620 of a 1900 workbook as February 2022; a paid date of a year alone, as a number or typed into a date cell, is said so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pembayaran');
    ws.addRow(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI']);
    ws.addRow(['APBD-2026', 2026, 1000, '2026-03-10', 'SP2D ANGKA 1']); // 1905-07-18
    ws.addRow(['APBD-2026', 202603, 1000, '2026-03-10', 'SP2D ANGKA 2']);
    ws.addRow(['APBD-2026', 44620, 1000, '2026-03-10', 'SP2D ANGKA 3']);
    ws.addRow(['APBD-2026', '2026-03', 1000, 2026, 'SP2D ANGKA 4']); // a year typed alone, not the serial of 1905-07-18
    ws.addRow(['APBD-2026', '2026-03', 1000, 2026, 'SP2D ANGKA 5']).getCell(4).numFmt = 'dd/mm/yyyy'; // typed into a date cell: shown as 18/07/1905
    ws.addRow(['APBD-2026', 2026, 1000, '2026-03-10', 'SP2D ANGKA 6']).getCell(2).numFmt = 'mm/yyyy'; // BULAN: a year typed into a month-formatted cell (07/1905)
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'angka.xlsx', 400);
    expect(res.details.issues.map((i: Issue) => [i.row, i.column, i.code])).toEqual([
      [2, 'BULAN', 'MONTH_FORMAT'],
      [3, 'BULAN', 'MONTH_FORMAT'],
      [4, 'BULAN', 'OUTSIDE_FISCAL_YEAR'],
      [5, 'TANGGAL_BAYAR', 'DATE_FORMAT'],
      [6, 'TANGGAL_BAYAR', 'DATE_FORMAT'],
      [7, 'BULAN', 'MONTH_FORMAT'],
    ]);
    // not "Bulan Juli 1905 di luar tahun anggaran" (QA)
    expect(res.details.issues[5].message).toBe(
      'BULAN hanya berisi tahun (2026): tahun itu tampaknya diketik ke sel berformat tanggal, sehingga terbaca sebagai tanggal 1905-07-18: tulis YYYY-MM atau MM/YYYY (mis. 2026-10 atau 10/2026), atau isi dengan sel tanggal.',
    );
    expect(res.details.issues[3].message).toBe('TANGGAL_BAYAR hanya berisi tahun (2026), bukan tanggal lengkap. Ketik tanggal lengkapnya sebagai YYYY-MM-DD atau DD/MM/YYYY (misalnya 17/08/2026).');
    expect(res.details.issues[4].message).toBe(
      'TANGGAL_BAYAR hanya berisi tahun (2026), bukan tanggal lengkap: tahun itu tampaknya diketik ke sel berformat tanggal, sehingga terbaca sebagai tanggal 1905-07-18. ' +
        'Ketik tanggal lengkapnya sebagai YYYY-MM-DD atau DD/MM/YYYY (misalnya 17/08/2026).',
    );
    expect(res.details.issues[0].message).toBe('BULAN 2026 berupa angka, bukan bulan (bukan nomor seri tanggal Excel tahun 2000–2099): tulis YYYY-MM atau MM/YYYY (mis. 2026-10 atau 10/2026), atau isi dengan sel tanggal.');
    expect(res.details.issues[2].message).toMatch(/^Bulan Februari 2022 di luar tahun anggaran komitmen \(2026\)/);
  });
});
