/**
 * A payment sheet (DOMAIN §8) refuses a REFERENSI longer than POST /payments takes instead of cutting it (QA: cut
 * at 200 UTF-16 units, half an emoji stored as U+FFFD), and a sheet all of whose payments are recorded already is
 * said to be so: the same file as an earlier upload is recognised as it (as a bill sent again is), another file
 * is refused as ALREADY_RECORDED (409), not as "fix the rejected rows" (NO_ACCEPTED_ROWS). The same file sent again
 * after it was partly refused is recognised as its earlier upload too (QA: answered NO_ACCEPTED_ROWS).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { type TestApp } from '../support/test-app.js';
import { appWithSomethingDue } from './support/something-due.js';
import { binary } from '../reports/support/xlsx.js';
import { secondKeuangan } from '../reconciliation/support/users.js';

jest.setTimeout(180_000);

const HEADER = 'KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;NO SP2D';
const sheet = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));

describe('payments: sheet REFERENSI length and a sheet sent again', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWithSomethingDue('2026-12')));
  afterAll(() => t?.close());

  const references = async (like: string): Promise<string[]> =>
    (await t.dataSource.query(`SELECT reference FROM payment WHERE reference LIKE $1 ORDER BY reference`, [like])).map((r: { reference: string }) => r.reference);

  it('refuses a REFERENSI over 200 characters with the API wording, in the column as headed; keeps one of 200 with an emoji whole', async () => {
    const long = `${'R'.repeat(199)}🎉tail`; // 204 characters: cut at 200 UTF-16 units it ended in half of 🎉
    const fits = `${'S'.repeat(199)}🎉`; // 200 characters (201 UTF-16 units), as POST /payments counts them
    const res = await (await t.as(Role.KEUANGAN))
      .post('/api/v1/payment-uploads')
      .attach('file', sheet(`APBD-2026;2026-10;1000;2026-10-05;${long}`, `APBD-2026;2026-10;1000;2026-10-05;${fits}`), 'panjang.csv')
      .expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1, payments: 1 });
    expect(res.body.issues).toEqual([
      expect.objectContaining({ row: 2, column: 'NO SP2D', severity: 'REJECT', code: 'REFERENCE_TOO_LONG', message: 'NO SP2D terlalu panjang (204 karakter, paling banyak 200).' }),
    ]);
    expect(await references('R%')).toEqual([]);
    expect(await references('S%')).toEqual([fits]);
    // the API's own refusal of the same reference, for comparison
    const api = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 1000, paidAt: '2026-10-05', reference: long }).expect(400);
    expect(JSON.stringify(api.body)).toContain('reference terlalu panjang (204 karakter, paling banyak 200)');
  });

  it('the same sheet again: recognised as the earlier upload (file, user, time), nothing stored', async () => {
    const file = sheet('APBD-2026;2026-11;1000;2026-11-05;SP2D ULANG 1', 'APBD-2026;2026-11;2000;2026-11-06;SP2D ULANG 2');
    const first = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-november.csv').expect(201);
    expect(first.body).toMatchObject({ accepted: 2, payments: 2, amount: 3000 });
    expect(first.body.recognised).toBeUndefined();
    const before = t.clock.now();
    t.clock.set(new Date(before.getTime() + 60 * 60_000));
    const again = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'salinan.csv').expect(201);
    t.clock.set(before);
    expect(again.body).toMatchObject({ id: first.body.id, recognised: true, accepted: 2, rejected: 0, payments: 2, amount: 3000 });
    expect(again.body.message).toBe('Semua pembayaran di berkas ini sudah tercatat (unggahan pembayaran-november.csv oleh uji-keuangan pada 15 November 2026 10.00 WIB); tidak ada yang disimpan.');
    expect(await references('SP2D ULANG%')).toEqual(['SP2D ULANG 1', 'SP2D ULANG 2']);
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payment-uploads?pageSize=100').expect(200)).body;
    expect(list.items.filter((u: { filename: string }) => u.filename === 'salinan.csv')).toEqual([]);
  });

  it('another file whose payments are all recorded: ALREADY_RECORDED (409) with each row, not NO_ACCEPTED_ROWS', async () => {
    // the same payments written otherwise (case, spacing): another file, so no earlier upload to name
    const res = await (await t.as(Role.KEUANGAN))
      .post('/api/v1/payment-uploads')
      .attach('file', sheet('APBD-2026;2026-11;1000;2026-11-05;sp2d  ulang 1', 'APBD-2026;2026-11;2000;2026-11-06;SP2D ULANG 2 '), 'lain.csv')
      .expect(409);
    // naming the upload that recorded them, as the same file's recognition does (QA: without who or when)
    expect(res.body).toMatchObject({
      code: 'ALREADY_RECORDED',
      message: 'Semua pembayaran di berkas ini (2) sudah tercatat (unggahan pembayaran-november.csv oleh uji-keuangan pada 15 November 2026 10.00 WIB), sehingga tidak ada yang disimpan.',
    });
    expect(res.body.details.issues.map((i: { row: number; code: string }) => [i.row, i.code])).toEqual([
      [2, 'PAYMENT_DUPLICATE'],
      [3, 'PAYMENT_DUPLICATE'],
    ]);
  });

  it('two officers upload the same payments as two files at once: one recorded, the other ALREADY_RECORDED naming the first upload (QA)', async () => {
    const rows = ['APBD-2026;2026-11;3000;2026-11-07;SP2D BERSAMA 1', 'APBD-2026;2026-11;4000;2026-11-07;SP2D BERSAMA 2'];
    const second = await secondKeuangan(t, 'keuangan2');
    const answers = await Promise.all([
      (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', sheet(...rows), 'bersama-a.csv'),
      second.post('/api/v1/payment-uploads').attach('file', sheet(...rows, ''), 'bersama-b.csv'),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const [first, late] = answers[0].status === 201 ? answers : [answers[1], answers[0]];
    const [file, by] = first === answers[0] ? ['bersama-a.csv', 'uji-keuangan'] : ['bersama-b.csv', 'keuangan2'];
    expect(late.body).toMatchObject({
      code: 'ALREADY_RECORDED',
      message: `Semua pembayaran di berkas ini (2) sudah tercatat (unggahan ${file} oleh ${by} pada 15 November 2026 10.00 WIB), sehingga tidak ada yang disimpan.`,
    });
    expect(await references('SP2D BERSAMA%')).toEqual(['SP2D BERSAMA 1', 'SP2D BERSAMA 2']);
  });

  it('the same sheet again after it was partly refused: recognised as that upload, naming it and its refused rows, nothing stored', async () => {
    const file = sheet(
      'APBD-2026;2026-11;1000;2026-11-07;SP2D SEBAGIAN 1',
      'TIDAK-ADA;2026-11;1000;2026-11-07;SP2D SEBAGIAN 2',
      'APBD-2026;2026-11;2000;2026-11-08;SP2D SEBAGIAN 3',
      'APBD-2026;2026-11;10,5;2026-11-08;SP2D SEBAGIAN 4',
    );
    const first = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'sebagian.csv').expect(201);
    expect(first.body).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2, payments: 2, amount: 3000 });
    const again = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'sebagian (1).csv').expect(201);
    expect(again.body).toMatchObject({ id: first.body.id, recognised: true, rowsRead: 4, accepted: 2, rejected: 2, payments: 2, amount: 3000 });
    expect(again.body.issues).toEqual(first.body.issues); // the earlier upload's findings, not "already recorded" for its rows
    expect(again.body.message).toBe(
      'Berkas ini sudah diunggah (unggahan sebagian.csv oleh uji-keuangan pada 15 November 2026 10.00 WIB): 2 pembayarannya sudah tercatat dan 2 baris ditolak; ' +
        'tidak ada yang disimpan. Perbaiki baris yang ditolak (lihat laporan unggahan itu) lalu unggah ulang: pembayaran yang sudah tercatat tidak dicatat dua kali.',
    );
    expect(await references('SP2D SEBAGIAN%')).toEqual(['SP2D SEBAGIAN 1', 'SP2D SEBAGIAN 3']);
    const list = (await (await t.as(Role.AUDITOR)).get('/api/v1/payment-uploads?pageSize=100').expect(200)).body;
    expect(list.items.filter((u: { filename: string }) => u.filename === 'sebagian (1).csv')).toEqual([]);
    // the rejected rows fixed, the file sent again: the recorded rows are not recorded twice, the fixed ones are
    const fixed = sheet(
      'APBD-2026;2026-11;1000;2026-11-07;SP2D SEBAGIAN 1',
      'APBD-2026;2026-11;1000;2026-11-07;SP2D SEBAGIAN 2',
      'APBD-2026;2026-11;2000;2026-11-08;SP2D SEBAGIAN 3',
      'APBD-2026;2026-11;10;2026-11-08;SP2D SEBAGIAN 4',
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', fixed, 'sebagian.csv').expect(201);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 2, payments: 2, amount: 1010 });
    expect(res.body.recognised).toBeUndefined();
  });

  /**
   * QA: a Rp999.999 typo recorded (with its warning), the row fixed to Rp258.000 and sent again, was ignored as
   * "sudah tercatat" and Rp999.999 stayed. A repeat whose amount or date differs says what is stored, what the row
   * writes and how to replace it (Hapus… on Pembayaran, DELETE /payments/:id); an identical one is as before. Golden
   * file test/fixtures/payments/not-ok/ulang-jumlah-atau-tanggal-berbeda.csv.
   */
  it('a row repeating a recorded payment with another amount or date says both and how to replace it; an identical one as before', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const stored: Record<string, string> = {};
    for (const [reference, amount, paidAt] of [
      ['SP2D 01009/LS/2026', 999999, '2026-11-10'],
      ['SP2D 01010/LS/2026', 258000, '2026-11-10'],
      ['SP2D 01011/LS/2026', 999999, '2026-11-10'],
      ['SP2D 01012/LS/2026', 258000, '2026-11-10'],
    ] as const) {
      stored[reference] = (await keuangan.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount, paidAt, reference }).expect(201)).body.id;
    }
    const file = readFileSync('test/fixtures/payments/not-ok/ulang-jumlah-atau-tanggal-berbeda.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'perbaikan.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 5, accepted: 1, rejected: 4, payments: 1, amount: 1000 });
    const head = (reference: string) => `Pembayaran APBD-2026 bulan Oktober 2026 dengan referensi "${reference}" sudah tercatat`;
    const replace = 'Bila yang tercatat salah, hapus pembayaran itu di halaman Pembayaran (bulan Oktober 2026, tombol Hapus…), lalu unggah ulang baris ini.';
    expect(res.body.issues.filter((i: { severity: string }) => i.severity === 'REJECT')).toEqual([
      { row: 2, column: 'REFERENSI', severity: 'REJECT', code: 'PAYMENT_DUPLICATE', message: `${head('SP2D 01009/LS/2026')} dengan jumlah Rp999.999 (tanggal 10 November 2026); baris ini menulis Rp258.000 dan tidak dicatat. ${replace}` },
      { row: 3, column: 'REFERENSI', severity: 'REJECT', code: 'PAYMENT_DUPLICATE', message: `${head('SP2D 01010/LS/2026')} dengan jumlah Rp258.000 (tanggal 10 November 2026); baris ini menulis tanggal 12 November 2026 dan tidak dicatat. ${replace}` },
      {
        row: 4,
        column: 'REFERENSI',
        severity: 'REJECT',
        code: 'PAYMENT_DUPLICATE',
        message: `${head('SP2D 01011/LS/2026')} dengan jumlah Rp999.999 (tanggal 10 November 2026); baris ini menulis Rp258.000 (tanggal 12 November 2026) dan tidak dicatat. ${replace}`,
      },
      { row: 5, column: 'REFERENSI', severity: 'REJECT', code: 'PAYMENT_DUPLICATE', message: `${head('SP2D 01012/LS/2026')} dengan jumlah, tanggal bayar dan Koreksi untuk bulan yang sama; baris ini ditolak dan tidak dicatat lagi.` },
    ]);
    // the row alone is no "all recorded" (409 ALREADY_RECORDED): it is to be acted on, NO_ACCEPTED_ROWS with the same message
    const alone = await keuangan.post('/api/v1/payment-uploads').attach('file', sheet('APBD-2026;2026-10;258000;2026-11-10;SP2D 01009/LS/2026'), 'satu.csv').expect(400);
    expect(alone.body.code).toBe('NO_ACCEPTED_ROWS');
    expect(alone.body.details.issues[0].message).toMatch(/sudah tercatat dengan jumlah Rp999\.999 .*baris ini menulis Rp258\.000/);
    // as told: the stored one removed, the row is recorded
    await keuangan.delete(`/api/v1/payments/${stored['SP2D 01009/LS/2026']}`).send({ reason: 'Tercatat keliru' }).expect(200);
    const fixed = await keuangan.post('/api/v1/payment-uploads').attach('file', sheet('APBD-2026;2026-10;258000;2026-11-10;SP2D 01009/LS/2026'), 'satu.csv').expect(201);
    expect(fixed.body).toMatchObject({ accepted: 1, payments: 1, amount: 258000 });
  });

  /**
   * Two rows of one sheet with the same pledge, month and reference: the later was refused as the same payment without
   * its amount or date being compared, so a row with another amount was dropped without a word of which was kept. An
   * identical row is harmless (refused, as a repeat of a recorded payment is, saying the first row has it); one with
   * another amount or date is refused naming the row that was recorded, its figures, what this row writes and how to
   * replace it. The row report's Perbaiki carries the messages. Golden file test/fixtures/payments/not-ok/ulang-dalam-berkas.csv.
   */
  it('a row repeating another row of the sheet: identical, harmless; with another amount or date, refused naming the row kept and what differs', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const file = readFileSync('test/fixtures/payments/not-ok/ulang-dalam-berkas.csv');
    const res = await keuangan.post('/api/v1/payment-uploads').attach('file', file, 'ulang-dalam-berkas.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 6, accepted: 2, rejected: 4, payments: 2, amount: 1500 });
    const kept = (row: number, figures: string) =>
      `Pembayaran dengan komitmen, bulan dan referensi yang sama sudah ada di baris ${row} berkas ini dengan jumlah ${figures} dan dicatat dari baris itu; baris ini menulis`;
    const replace = (row: number) => `dan tidak dicatat. Bila yang tercatat salah, hapus pembayaran dari baris ${row} di halaman Pembayaran (bulan Oktober 2026, tombol Hapus…), lalu unggah ulang baris ini.`;
    const messages = [
      [3, `${kept(2, 'Rp1.000 (tanggal 5 November 2026)')} Rp1.200 (tanggal 6 November 2026) ${replace(2)}`],
      [4, 'Pembayaran yang sama (komitmen, bulan, referensi, jumlah, tanggal bayar dan Koreksi untuk bulan) sudah ada di baris 2 berkas ini dan dicatat dari baris itu; baris ini ditolak agar tidak tercatat dua kali.'],
      [6, `${kept(5, 'Rp500 (tanggal 5 November 2026)')} Rp600 ${replace(5)}`],
      [7, `${kept(5, 'Rp500 (tanggal 5 November 2026)')} tanggal 7 November 2026 ${replace(5)}`],
    ];
    const rejects = res.body.issues.filter((i: { severity: string }) => i.severity === 'REJECT');
    expect(rejects.map((i: { row: number; column: string; code: string; message: string }) => [i.row, i.column, i.code, i.message])).toEqual(
      messages.map(([row, message]) => [row, 'REFERENSI', 'PAYMENT_DUPLICATE', message]),
    );
    // the rows kept are the ones recorded
    const stored = await t.dataSource.query(`SELECT reference, amount::int AS amount, paid_at::text AS "paidAt" FROM payment WHERE reference LIKE 'SP2D 0200%' ORDER BY reference`);
    expect(stored).toEqual([
      { reference: 'SP2D 02001/LS/2026', amount: 1000, paidAt: '2026-11-05' },
      { reference: 'SP2D 02002/LS/2026', amount: 500, paidAt: '2026-11-05' },
    ]);
    // the row report's Perbaiki repeats each refused row with its message
    const report = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body as never);
    const perbaiki = (wb.getWorksheet('Perbaiki')!.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1));
    const header = (wb.getWorksheet('Perbaiki')!.getRow(1).values as unknown[]).slice(1);
    const [rowColumn, messageColumn] = [header.indexOf('BARIS'), header.indexOf('KETERANGAN')];
    expect(perbaiki.map((r) => [r[rowColumn], r[messageColumn]])).toEqual(messages);
  });

  /**
   * A REFERENSI padded or spaced with non-breaking spaces (U+00A0, pasted from a web page or a PDF) is one reference
   * with the one written with plain spaces: stored, compared within the sheet and with what is recorded, quoted in the
   * messages and repeated in the row report alike, one plain space each (until 2026-12 the report repeated the NBSP
   * inside). Golden file test/fixtures/payments/not-ok/referensi-spasi-nbsp.csv.
   */
  it('a REFERENSI with non-breaking spaces is stored, compared and reported as the same reference with plain spaces', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    await keuangan.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 700, paidAt: '2026-11-05', reference: 'SP2D 03009/LS/2026' }).expect(201);
    const file = readFileSync('test/fixtures/payments/not-ok/referensi-spasi-nbsp.csv');
    expect(file.toString('utf8')).toContain('\u00a0SP2D\u00a003001/LS/2026\u00a0');
    const res = await keuangan.post('/api/v1/payment-uploads').attach('file', file, 'referensi-spasi-nbsp.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3, payments: 1, amount: 1000 });
    const rejects = res.body.issues.filter((i: { severity: string }) => i.severity === 'REJECT'); // row 2 may exceed October's due (EXCEEDS_DUE)
    expect(rejects.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code])).toEqual([
      [3, 'REFERENSI', 'PAYMENT_DUPLICATE'],
      [4, 'REFERENSI', 'PAYMENT_DUPLICATE'],
      [5, 'REFERENSI', 'PAYMENT_DUPLICATE'],
    ]);
    expect(rejects[0].message).toMatch(/^Pembayaran dengan komitmen, bulan dan referensi yang sama sudah ada di baris 2 berkas ini /);
    expect(rejects[2].message).toMatch(/^Pembayaran APBD-2026 bulan Oktober 2026 dengan referensi "SP2D 03009\/LS\/2026" sudah tercatat/);
    expect(await references('SP2D 0300%')).toEqual(['SP2D 03001/LS/2026', 'SP2D 03009/LS/2026']);
    // the row report repeats each refused row's REFERENSI as stored and compared
    const report = await (await t.as(Role.AUDITOR)).get(`/api/v1/payment-uploads/${res.body.id}/report.xlsx`).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.body as never);
    const sheet = wb.getWorksheet('Perbaiki')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const [rowColumn, referenceColumn] = [header.indexOf('BARIS'), header.indexOf('REFERENSI')];
    const rows = (sheet.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1)).map((r) => [r[rowColumn], r[referenceColumn]]);
    expect(rows).toEqual([
      [3, 'SP2D 03001/LS/2026'],
      [4, 'SP2D 03001/LS/2026'],
      [5, 'SP2D 03009/LS/2026'],
    ]);
  });

  /**
   * PENYESUAIAN_BULAN is compared as JUMLAH and TANGGAL_BAYAR are (QA: a row without it repeating a recorded correction
   * was called the same payment): the row says the recorded one is a correction and this row has none, and is no
   * "recorded already" (NO_ACCEPTED_ROWS, not ALREADY_RECORDED).
   */
  it('a row repeating a recorded correction without PENYESUAIAN_BULAN says so, and is no payment recorded already', async () => {
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('APBD-2026', '2026-11', 1000, '2026-11-05', 'SP2D KOR 7/LS/2026', '2026-10', 'uji')`,
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', sheet('APBD-2026;2026-11;1000;2026-11-05;SP2D KOR 7/LS/2026'), 'koreksi.csv').expect(400);
    expect(res.body.code).toBe('NO_ACCEPTED_ROWS');
    expect(res.body.details.issues.map((i: { code: string; message: string }) => [i.code, i.message])).toEqual([
      [
        'PAYMENT_DUPLICATE',
        'Pembayaran APBD-2026 bulan November 2026 dengan referensi "SP2D KOR 7/LS/2026" sudah tercatat dengan jumlah Rp1.000 (tanggal 5 November 2026), Koreksi untuk bulan Oktober 2026; ' +
          'baris ini menulis tanpa Koreksi untuk bulan dan tidak dicatat. Bila yang tercatat salah, hapus pembayaran itu di halaman Pembayaran (bulan November 2026, tombol Hapus…), lalu unggah ulang baris ini.',
      ],
    ]);
  });

  it('a recorded payment beside a bad row is still NO_ACCEPTED_ROWS: the bad row is to be fixed', async () => {
    const res = await (await t.as(Role.KEUANGAN))
      .post('/api/v1/payment-uploads')
      .attach('file', sheet('APBD-2026;2026-11;1000;2026-11-05;SP2D ULANG 1', 'TIDAK-ADA;2026-11;1000;2026-11-05;SP2D ULANG 3'), 'campur.csv')
      .expect(400);
    expect(res.body.code).toBe('NO_ACCEPTED_ROWS');
  });
});
