import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_RUPIAH } from '../../src/common/money.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * An amount past what a regency could ever spend: 9,007,199,254,740,993 as a tariff was stored as
 * ...992 and then broke every allocation from its start (bigint out of range).
 */
describe('money inputs are whole rupiah up to Rp10 triliun (tariff components up to Rp10 juta)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const says = (res: { body: { message: string; details?: { field: string; messages: string[] }[] } }) =>
    [res.body.message, ...(res.body.details ?? []).flatMap((d) => d.messages)].join(' ');

  it('a tariff component', async () => {
    const admin = await t.as(Role.ADMIN);
    const res = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 9007199254740993, validFrom: '2027-01-01', legalBasis: 'x' }).expect(400);
    expect(says(res)).toMatch(/amount paling besar Rp10\.000\.000 per peserta per bulan/);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM tariff WHERE valid_from = '2027-01-01'`);
    expect(n).toBe(0);
  });

  it('a pledge budget, a payment, a bill total: the limit itself is taken, one more is not', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const pledge = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' };
    expect(says(await finance.post('/api/v1/pledges').send({ ...pledge, budget: MAX_RUPIAH + 1 }).expect(400))).toMatch(/budget \(pagu setahun\) .*paling besar Rp10\.000\.000\.000\.000/);
    // past what JavaScript holds exactly, and a quota past an int: the limit is still said
    expect(says(await finance.post('/api/v1/pledges').send({ ...pledge, budget: 99999999999999999999 }).expect(400))).toMatch(/budget \(pagu setahun\) .*paling besar Rp10\.000\.000\.000\.000/);
    expect(says(await finance.post('/api/v1/pledges').send({ ...pledge, quota: 2147483648 }).expect(400))).toMatch(/quota .*paling besar 2\.000\.000\.000/);
    await finance.post('/api/v1/pledges').send({ ...pledge, budget: MAX_RUPIAH }).expect(201);

    const payment = { pledgeCode: 'APBD-2026', month: '2026-10', paidAt: '2026-11-08', reference: 'SP2D 1' };
    expect(says(await finance.post('/api/v1/payments').send({ ...payment, amount: MAX_RUPIAH + 1 }).expect(400))).toMatch(/amount paling besar Rp10\.000\.000\.000\.000/);
    await finance.post('/api/v1/payments').send({ ...payment, amount: MAX_RUPIAH }).expect(201);

    const bill = (total: string) => finance.post('/api/v1/bills').field('month', '2026-10').field('invoiceTotal', total).attach('file', Buffer.from('NOKA,NIK,NAMA,IURAN\n'), 'tagihan.csv');
    // too large or zero: the limit alone, not "tanpa titik atau koma" (the console's field takes 37.800.000 and sends digits; QA)
    const refused = async (total: string) => (await bill(total).expect(400)).body.details;
    for (const total of ['0', '10000000000001', '99999999999999']) expect(await refused(total)).toEqual([{ field: 'invoiceTotal', messages: ['invoiceTotal harus lebih dari Rp0 dan paling besar Rp10.000.000.000.000.'] }]);
    expect(await refused('113.400.000')).toEqual([{ field: 'invoiceTotal', messages: ['invoiceTotal harus bilangan bulat rupiah, angka saja tanpa titik atau koma, mis. 113400000'] }]);
  });
});
