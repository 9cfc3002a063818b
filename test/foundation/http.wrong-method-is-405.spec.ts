/**
 * QA: a wrong method on a path the service serves answered 404 "Alamat tidak ditemukan", as if the
 * path did not exist. It is 405 with `Allow`, in the one error format; an unknown path stays 404.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

describe('a method a path does not serve is 405 with Allow', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it.each([
    ['DELETE', '/api/v1/pledges', 'GET, HEAD, POST'],
    ['PUT', '/api/v1/users/00000000-0000-4000-8000-000000000000', 'PATCH'],
    ['GET', '/api/v1/auth/login', 'POST'],
    ['POST', '/api/v1/reconciliations/00000000-0000-4000-8000-000000000000', 'GET, HEAD'],
    ['PATCH', '/API/V1/Pledges/', 'GET, HEAD, POST'],
  ])('%s %s → 405, Allow: %s', async (method, path, allow) => {
    const res = await t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path).set('x-request-id', 'metode-1');
    expect({ status: res.status, allow: res.headers.allow, body: res.body }).toEqual({
      status: 405,
      allow,
      body: { statusCode: 405, code: 'METHOD_NOT_ALLOWED', message: `Metode ${method} tidak berlaku untuk alamat ini. Gunakan ${allow}.`, details: { method, allowed: allow.split(', ') } },
    });
    // as every answer: request id, no-store, security headers
    expect(res.headers['x-request-id']).toBe('metode-1');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('an unknown path stays 404, whatever the method', async () => {
    for (const method of ['get', 'post', 'delete'] as const) {
      const res = await t.http[method]('/api/v1/tidak-ada');
      expect({ status: res.status, allow: res.headers.allow, body: res.body }).toEqual({ status: 404, allow: undefined, body: { statusCode: 404, message: 'Alamat tidak ditemukan.', code: 'NOT_FOUND' } });
    }
    await t.http.get('/api/v1/payment-uploads/00000000-0000-4000-8000-000000000000').expect(404);
  });
});
