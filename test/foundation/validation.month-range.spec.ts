import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A month or day with a year PostgreSQL's date type refuses (0000) used to pass the YYYY-MM check
 * and come back as a 500, or as a FAILED reconciliation run with an English database error.
 * Every route now refuses years outside 2000–2099 up front, in Indonesian.
 */
describe('months and days outside 2000–2099 are refused as bad input, not server errors', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const message = (body: { message: string; details?: { messages: string[] }[] }) =>
    [body.message, ...(body.details ?? []).flatMap((d) => d.messages)].join(' ');

  it.each(['0000-01', '1999-12', '2100-01'])('%s in every month field', async (month) => {
    const finance = await t.as(Role.KEUANGAN);
    const answers = [
      await (await t.as(Role.AUDITOR)).get(`/api/v1/participants?coveredIn=${month}`),
      await (await t.as(Role.AUDITOR)).get(`/api/v1/splits?month=${month}`),
      await finance.post('/api/v1/allocations').send({ month }),
      await finance.post('/api/v1/reconciliations').send({ month }),
      await finance.post('/api/v1/bills').field('month', month).field('invoiceTotal', '1').attach('file', Buffer.from('NOKA;NIK;NAMA\n'), 'tagihan.csv'),
      await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month, amount: 1, paidAt: '2026-11-08', reference: 'SP2D 1' }),
    ];
    for (const res of answers) {
      expect({ status: res.status, year: message(res.body) }).toEqual({ status: 400, year: expect.stringMatching(/tahun 2000–2099/) });
    }
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM reconciliation_run');
    expect(n).toBe(0);
  });

  it('0000-01-01 as a tariff date or a payment day', async () => {
    const admin = await t.as(Role.ADMIN);
    const tariff = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 1, validFrom: '0000-01-01' }).expect(400);
    expect(message(tariff.body)).toMatch(/validFrom harus tanggal berformat YYYY-MM-DD dengan tahun 2000–2099/);
    const payment = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments')
      .send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 1, paidAt: '0000-01-01', reference: 'SP2D 1' }).expect(400);
    expect(message(payment.body)).toMatch(/paidAt harus berformat YYYY-MM-DD dengan tahun 2000–2099/);
    // an empty or missing day is required, not of the wrong form (QA: the console's empty Tanggal bayar)
    for (const paidAt of ['', undefined]) {
      const missing = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount: 1, paidAt, reference: 'SP2D 1' }).expect(400);
      // (no pledge APBD-2026 in this database: said in the same answer, the terms of the sound fields are checked too)
      expect(missing.body.details).toEqual([
        { field: 'paidAt', messages: ['paidAt (tanggal bayar) wajib diisi'] },
        { field: 'pledgeCode', messages: [expect.stringMatching(/^Komitmen pendanaan "APBD-2026" tidak ditemukan\./)] },
      ]);
    }
  });

  it('an audit period from year 0000 or a negative year', async () => {
    const auditor = await t.as(Role.AUDITOR);
    for (const from of ['0000-01-01T00:00:00Z', '-010000-01-01T00:00:00Z']) {
      const res = await auditor.get(`/api/v1/audit-events?from=${from}`).expect(400);
      expect(message(res.body)).toMatch(/from harus antara tahun 2000 dan 2099/);
    }
  });

  it("the audit period's years are those of the days given (WIB), the same for from and to", async () => {
    const auditor = await t.as(Role.AUDITOR);
    const get = (q: object) => auditor.get('/api/v1/audit-events').query(q);
    for (const q of [{ from: '2000-01-01' }, { to: '2000-01-01' }, { from: '2099-12-31' }, { to: '2099-12-31' }, { from: '2000-01-01T00:00:00+07:00' }]) {
      await get(q).expect(200);
    }
    for (const q of [{ from: '2100-01-01' }, { to: '2100-01-01' }, { from: '2100-01-01T00:00:00Z' }, { from: '1999-12-31' }, { to: '1999-12-31T23:59:59+07:00' }]) {
      const res = await get(q).expect(400);
      expect(message(res.body)).toMatch(/(from|to) harus antara tahun 2000 dan 2099/);
    }
  });
});
