/**
 * QA: PLEDGE_NOT_FOUND named the code as `details.code` on most routes and as `details.pledgeCode`
 * on POST /payments. Every route now says it one way: `{ code, similar? }`.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertPledge } from '../reconciliation/support/seed.js';

jest.setTimeout(180_000);

describe('PLEDGE_NOT_FOUND has one shape on every route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
  });
  afterAll(() => t?.close());

  it('details are { code, similar } wherever a pledge code is not found', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    const payment = { pledgeCode: 'apbd-2026', month: '2026-10', amount: 37800, paidAt: '2026-10-08', reference: 'SP2D 1/LS/2026' };
    const answers = {
      'POST /payments': await keuangan.post('/api/v1/payments').send(payment),
      'GET /payments': await keuangan.get('/api/v1/payments?pledgeCode=apbd-2026'),
      'GET /splits': await keuangan.get('/api/v1/splits?pledgeCode=apbd-2026'),
      'GET /pledges/:code': await keuangan.get('/api/v1/pledges/apbd-2026'),
      'PATCH /pledges/:code': await keuangan.patch('/api/v1/pledges/apbd-2026').send({ quota: 10, reason: 'uji' }),
    };
    for (const [route, res] of Object.entries(answers)) {
      expect({ route, status: res.status, code: res.body.code, details: res.body.details }).toEqual({
        route,
        status: 404,
        code: 'PLEDGE_NOT_FOUND',
        details: { code: 'apbd-2026', similar: 'APBD-2026' },
      });
    }
    const unknown = await keuangan.post('/api/v1/payments').send({ ...payment, pledgeCode: 'TIDAK-ADA' }).expect(404);
    expect(unknown.body.details).toEqual({ code: 'TIDAK-ADA' });
  });
});
