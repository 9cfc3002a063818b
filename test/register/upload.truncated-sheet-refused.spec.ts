/**
 * A damaged worksheet (cut short, then zipped again: QA's recipe) is refused as a whole, CORRUPT_FILE,
 * and nothing from it is stored, on every upload that reads sheets. ExcelJS's streaming parser does
 * not complain when the XML ends early: the rows before the cut were read and the upload reported
 * done (QA: 50,319 of 100,000 enrollment rows, status DONE; 24 of 50 payments; 7 rows of a file cut in row 9).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { textWorkbook, truncated } from '../support/truncated-xlsx.js';
import { count, upload } from './support.js';

jest.setTimeout(180_000);

const HEADER = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT', 'TAT', 'ALASAN_BERAKHIR'];
/** Row i of a valid register: NIK born 1980-MM-01, one of 12 months, numbered within it. */
const person = (i: number) => {
  const mm = String(1 + (i % 12)).padStart(2, '0');
  return [`17030601${mm}80${String(1 + Math.floor(i / 12)).padStart(4, '0')}`, '1703060101200001', `Peserta ${i}`, `1980-${mm}-01`, 'L', '17.03.06.2003', '', '2026-01-01', '', ''];
};
const register = (rows: number) => textWorkbook([HEADER, ...Array.from({ length: rows }, (_, i) => person(i))], 'Daftar Peserta');
/** A CSV fixture (`;` or `,` separated) as an .xlsx of text cells. */
const fromCsv = (path: string) => {
  const text = readFileSync(path, 'utf8').trim();
  const separator = text.split('\n')[0].includes(';') ? ';' : ',';
  return textWorkbook(text.split(/\r?\n/).map((line) => line.split(separator)));
};
const CORRUPT = /^Berkas "[^"]+" rusak atau tidak lengkap sehingga tidak dapat dibaca\. Simpan ulang dari Excel lalu unggah kembali\.$/;

describe('a worksheet cut short is refused as a whole (CORRUPT_FILE), nothing stored', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('the whole register file is read; cut inside row 9, it is refused (QA: 7 rows accepted, the rest gone)', async () => {
    const whole = await register(20);
    expect((await upload(t, { name: 'utuh.xlsx', content: whole })).body).toMatchObject({ status: 'DONE', rowsRead: 20 });
    const before = await count(t, 'participant');
    const res = await upload(t, { name: 'terpotong.xlsx', content: await truncated(await register(20)) }, 400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'CORRUPT_FILE', details: { filename: 'terpotong.xlsx' } });
    expect(res.body.message).toMatch(CORRUPT);
    const [row] = await t.dataSource.query('SELECT status, error, error_code FROM enrollment_upload WHERE id = $1', [res.body.details.uploadId]);
    expect(row).toEqual({ status: 'FAILED', error: res.body.message, error_code: 'CORRUPT_FILE' });
    expect(await count(t, 'participant')).toBe(before);
  });

  it('a sheet whose zip entry is shorter than the zip declares is refused the same way', async () => {
    const res = await upload(t, { name: 'pendek.xlsx', content: await truncated(await register(3), { longer: 100 }) }, 400);
    expect(res.body).toMatchObject({ code: 'CORRUPT_FILE' });
  });

  it('a worksheet whose XML breaks in the middle (a close tag that opens nothing) is refused the same way', async () => {
    const broken = await truncated(await register(30), { edit: (xml) => xml.replace('</row><row r="12"', '</rowX><row r="12"') });
    const res = await upload(t, { name: 'rusak.xlsx', content: broken }, 400);
    expect(res.body).toMatchObject({ code: 'CORRUPT_FILE' });
    expect(await count(t, 'participant')).toBe(20); // the whole file of the first test only
  });

  it('shared strings cut short are refused too (their cells would read empty)', async () => {
    const wb = await register(3);
    const res = await upload(t, { name: 'teks-terpotong.xlsx', content: await truncated(wb, { part: 'xl/sharedStrings.xml', keep: 0.9 }) }, 400);
    expect(res.body).toMatchObject({ code: 'CORRUPT_FILE' });
  });

  it('in the background, after batches were read, the upload ends FAILED with the message, not DONE, and no participant is stored', async () => {
    const content = await truncated(await register(12_000), { keep: 0.8 });
    const background = await createTestApp({ uploadBackgroundBytes: 1000 });
    try {
      const before = await count(background, 'participant');
      const res = await upload(background, { name: 'besar-terpotong.xlsx', content });
      expect(res.body.status).toBe('PROCESSING');
      await background.app.get(ImportEnrollmentSheet).idle();
      const done = await (await background.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200);
      expect(done.body).toMatchObject({ status: 'FAILED', errorCode: 'CORRUPT_FILE', error: expect.stringMatching(CORRUPT) });
      expect(await count(background, 'participant')).toBe(before);
    } finally {
      await background.close();
    }
  });

  it('a PBI-APBN list, a bill and a payment sheet cut short: 400 CORRUPT_FILE, nothing stored', async () => {
    const api = await t.as(Role.KEUANGAN);
    const pbi = await truncated(await fromCsv('test/fixtures/pbi-apbn/ok/pbi-apbn-2026-10.csv'));
    const a = await api.post('/api/v1/pbi-apbn-lists').field('month', '2026-10').attach('file', pbi, 'pbi.xlsx').expect(400);
    expect(a.body).toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringMatching(CORRUPT) });
    const bill = await truncated(await fromCsv('test/fixtures/bills/ok/tagihan-2026-10.csv'));
    const b = await api.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', '37800').attach('file', bill, 'tagihan.xlsx').expect(400);
    expect(b.body).toMatchObject({ code: 'CORRUPT_FILE' });
    const payments = await truncated(await fromCsv('test/fixtures/payments/ok/pembayaran-2026-10.csv'), { keep: 0.7 });
    const c = await api.post('/api/v1/payment-uploads').attach('file', payments, 'pembayaran.xlsx').expect(400);
    expect(c.body).toMatchObject({ code: 'CORRUPT_FILE' });
    for (const table of ['pbi_apbn_list', 'pbi_apbn_entry', 'bill', 'bill_line', 'payment']) expect(await count(t, table)).toBe(0);
  });
});
