import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * QA: on POST /pledges an unknown field (`extra`) hid the other problems of the same body (a budget
 * of 1500000.5, a sharePercent "40", a quota of -1): each came only once the one before was fixed.
 * Every DTO route now answers every problem at once, unknown fields among them.
 */
describe('an unknown field is refused together with every other problem of the body', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  type Res = { status: number; body: { code?: string; details?: { field: string; messages: string[] }[] } };
  const fields = (res: Res) => (res.body.details ?? []).map((d) => d.field).sort();
  const pledge = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' };

  it('a new pledge: extra, budget, sharePercent and quota in one answer; nothing stored', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const res = await finance.post('/api/v1/pledges').send({ ...pledge, extra: 1, budget: 1_500_000.5, sharePercent: '40', quota: -1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PLEDGE_INVALID');
    expect(fields(res)).toEqual(['budget', 'extra', 'quota', 'sharePercent']);
    expect(res.body.details?.find((d: { field: string }) => d.field === 'extra')?.messages).toEqual(['kolom extra tidak dikenal']);
    // alone, an unknown field is still refused
    const alone = await finance.post('/api/v1/pledges').send({ ...pledge, extra: 1 });
    expect({ status: alone.status, details: alone.body.details }).toEqual({ status: 400, details: [{ field: 'extra', messages: ['kolom extra tidak dikenal'] }] });
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM pledge');
    expect(n).toBe(0);
  });

  it('a revision: the unknown field, a missing reason and a bad share in one answer; a field named like an object property too', async () => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ ...pledge, budget: 1_000_000 }).expect(201);
    const res = await finance.patch('/api/v1/pledges/APBD-2026').send({ extra: 1, toString: 2, sharePercent: 0 });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['extra', 'reason', 'sharePercent', 'toString']);
    const [{ revisions }] = await t.dataSource.query('SELECT count(*)::int AS revisions FROM pledge_revision');
    expect(revisions).toBe(1);
  });

  it('other routes: a tariff and a payment with a field named like an object property and a bad amount; a query parameter sent twice and a bad one', async () => {
    const admin = await t.as(Role.ADMIN);
    const tariff = await admin.post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: -1, validFrom: '2027-01-01', legalBasis: 'Perpres', valueOf: 1, extra: 2 });
    expect({ status: tariff.status, fields: fields(tariff) }).toEqual({ status: 400, fields: ['amount', 'extra', 'valueOf'] });
    const finance = await t.as(Role.KEUANGAN);
    const payment = await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-06', amount: 0, paidAt: '2026-11-10', reference: 'SP2D 1', toString: 1 });
    expect({ status: payment.status, fields: fields(payment) }).toEqual({ status: 400, fields: ['amount', 'toString'] });
    const query = await admin.get('/api/v1/audit-events?page=1&page=2&pageSize=0');
    expect({ status: query.status, fields: fields(query) }).toEqual({ status: 400, fields: ['page', 'pageSize'] });
    expect(query.body.details?.find((d: { field: string }) => d.field === 'page')?.messages).toEqual(['page dikirim lebih dari sekali: kirim sekali saja']);
  });
});
