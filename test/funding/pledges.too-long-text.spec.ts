import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * QA: a legal basis of 5,000 characters was told "legalBasis harus teks (maksimal 500 karakter)",
 * though it was text. A text over its limit is now told its length and the limit, as a register's
 * NAMA is (`terlalu panjang (N karakter, paling banyak M)`), in the API and in the pledge sheet.
 */
describe('a text over its limit is told how long it is and the limit', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t?.close());

  const base = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' };
  const problems = (res: { body: { details: { field: string; messages: string[] }[] } }) => Object.fromEntries(res.body.details.map((d) => [d.field, d.messages]));

  it('POST /pledges: legalBasis, funder and code; a legal basis of the wrong kind is still told its kind', async () => {
    const res = await keuangan.post('/api/v1/pledges').send({ ...base, code: 'K'.repeat(81), funder: 'F'.repeat(201), legalBasis: 'x'.repeat(5000) }).expect(400);
    expect(problems(res)).toEqual({
      code: ['code terlalu panjang (81 karakter, paling banyak 80).'],
      funder: ['funder terlalu panjang (201 karakter, paling banyak 200).'],
      legalBasis: ['legalBasis terlalu panjang (5000 karakter, paling banyak 500).'],
    });
    expect(problems(await keuangan.post('/api/v1/pledges').send({ ...base, legalBasis: 5 }).expect(400))).toEqual({ legalBasis: ['legalBasis harus berupa teks, bukan angka.'] });
    await keuangan.post('/api/v1/pledges').send({ ...base, legalBasis: 'x'.repeat(500) }).expect(201);
  });

  it('a DTO route (a payment reference) and the pledge sheet (DASAR_HUKUM) say it the same way', async () => {
    const payment = await keuangan.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-06', amount: 1, paidAt: '2026-11-10', reference: 'R'.repeat(250) }).expect(400);
    expect(problems(payment).reference).toEqual(['reference terlalu panjang (250 karakter, paling banyak 200)']);
    const csv = `KODE,SUMBER,PEMBERI_DANA,TAHUN,CAKUPAN,DASAR_HUKUM\nQA-2027,APBD,Pemkab,2027,ALL,${'x'.repeat(5000)}\n`;
    const res = await keuangan.post('/api/v1/pledge-uploads').attach('file', Buffer.from(csv), 'panjang.csv').expect(201);
    expect(res.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(res.body.issues).toEqual([{ sheet: 'Komitmen', rowNumber: 2, column: 'DASAR_HUKUM', message: 'DASAR_HUKUM terlalu panjang (5000 karakter, paling banyak 500).' }]);
  });
});
