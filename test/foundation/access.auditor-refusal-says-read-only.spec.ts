/**
 * The auditor reads everything and writes nothing (DOMAIN §1). A write refused to the auditor says so,
 * "Peran Auditor hanya dapat membaca data; tindakan ini tidak diizinkan.", with the same 403 FORBIDDEN;
 * any other role refused keeps "Peran Anda tidak diizinkan melakukan tindakan ini." (QA: the auditor
 * was told only that the role was not allowed, not why).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { refusalOf } from '../../src/auth/access.guard.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { describeRoute, discoverRoutes, fillParams } from './route-inventory.js';

const READ_ONLY = 'Peran Auditor hanya dapat membaca data; tindakan ini tidak diizinkan.';
const REFUSED = 'Peran Anda tidak diizinkan melakukan tindakan ini.';

describe('a refused request: what the 403 says', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('every route refused to the auditor is a write, and says the role only reads', async () => {
    const refused = discoverRoutes(t.app).filter((r) => !r.isPublic && r.roles?.length && !r.roles.includes(Role.AUDITOR));
    expect(refused.map((r) => r.method)).not.toContain('GET');
    const token = await t.token(Role.AUDITOR);
    const answers: string[] = [];
    for (const route of refused) {
      const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
      const res = await t.http[method](fillParams(route.path)).set('Authorization', `Bearer ${token}`);
      answers.push(`${describeRoute(route)}: ${res.status} ${res.body.code} ${res.body.message}`);
    }
    expect(refused.length).toBeGreaterThan(5);
    expect(answers).toEqual(refused.map((r) => `${describeRoute(r)}: 403 FORBIDDEN ${READ_ONLY}`));
  });

  it('a payment recorded, removed or uploaded by the auditor: 403 FORBIDDEN, read-only', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const payment = { pledgeCode: 'APBD-2026', month: '2026-10', amount: 1000, paidAt: '2026-10-05', reference: 'SP2D 1' };
    for (const res of [
      await auditor.post('/api/v1/payments').send(payment),
      await auditor.delete('/api/v1/payments/00000000-0000-4000-8000-000000000000'),
      await auditor.post('/api/v1/payment-uploads').attach('file', Buffer.from('KODE_KOMITMEN\n'), 'pembayaran.csv'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ statusCode: 403, message: READ_ONLY, code: 'FORBIDDEN' });
    }
  });

  it('other roles keep the plain refusal, the auditor reading is let through', async () => {
    const operator = await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/payments');
    expect(operator.body).toEqual({ statusCode: 403, message: REFUSED, code: 'FORBIDDEN' });
    const finance = await (await t.as(Role.KEUANGAN)).post('/api/v1/users').send({});
    expect(finance.body).toEqual({ statusCode: 403, message: REFUSED, code: 'FORBIDDEN' });
    await (await t.as(Role.AUDITOR)).get('/api/v1/payments').expect(200);
  });

  it('a read refused to the auditor would keep the plain refusal: it is not a write', () => {
    expect(refusalOf(Role.AUDITOR, 'GET')).toBe(REFUSED);
    expect(refusalOf(Role.AUDITOR, 'head')).toBe(REFUSED);
    expect(refusalOf(Role.AUDITOR, 'PATCH')).toBe(READ_ONLY);
    expect(refusalOf(Role.ADMIN, 'POST')).toBe(REFUSED);
  });
});
