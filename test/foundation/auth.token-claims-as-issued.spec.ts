/**
 * A token signed with the right secret is accepted only with the claims the service issues (QA: a
 * `sub` that was no UUID answered 500 INTERNAL_ERROR, "invalid input syntax for type uuid"; a token
 * without `exp` was valid with no end; a missing or null `ver` was read as 0). Each is 401
 * UNAUTHENTICATED, as an expired token is.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const SESSION = { statusCode: 401, message: 'Sesi tidak valid atau telah berakhir. Silakan masuk kembali.', code: 'UNAUTHENTICATED' };

describe('a correctly signed token whose claims are not as the service issues them is refused with 401', () => {
  let t: TestApp;
  let issued: Record<string, unknown>;
  const now = () => Math.floor(Date.now() / 1000);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** HS256 with the test app's JWT_SECRET, the payload as given: no claim added, none checked. */
  const sign = (payload: Record<string, unknown>) => {
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
    return `${unsigned}.${createHmac('sha256', t.config.jwtSecret).update(unsigned).digest('base64url')}`;
  };
  const as = (token: string) => ({
    me: () => t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`),
    users: () => t.http.get('/api/v1/users').set('Authorization', `Bearer ${token}`),
  });
  const without = (claim: string) => Object.fromEntries(Object.entries(issued).filter(([k]) => k !== claim));

  beforeAll(async () => {
    t = await createTestApp();
    const [, payload] = (await t.token(Role.ADMIN)).split('.');
    issued = JSON.parse(Buffer.from(payload, 'base64url').toString());
  });
  afterAll(() => t.close());

  it('the service issues sub, username, role, ver, iat and exp, and the same claims signed here are accepted', async () => {
    expect(Object.keys(issued).sort()).toEqual(['exp', 'iat', 'role', 'sub', 'username', 'ver']);
    expect(issued.exp).toBe((issued.iat as number) + t.config.jwtTtlSeconds);
    await as(sign({ ...issued })).users().expect(200);
  });

  const bad: [string, () => Record<string, unknown>][] = [
    ['sub that is no UUID', () => ({ ...issued, sub: 'not-a-uuid' })],
    ['sub that is an array', () => ({ ...issued, sub: [issued.sub] })],
    ['sub that is a number', () => ({ ...issued, sub: 42 })],
    ['no sub', () => without('sub')],
    ['no exp', () => without('exp')],
    ['exp written as text', () => ({ ...issued, exp: String(now() + 3600) })],
    ['exp far beyond the configured lifetime, iat long ago', () => ({ ...issued, iat: now() - t.config.jwtTtlSeconds - 1, exp: now() + 10 * 365 * 86400 })],
    ['no iat', () => without('iat')],
    ['iat written as text', () => ({ ...issued, iat: String(now()) })],
    ['iat in the future', () => ({ ...issued, iat: now() + 3600, exp: now() + 7200 })],
    ['no ver', () => without('ver')],
    ['ver null', () => ({ ...issued, ver: null })],
    ['ver negative', () => ({ ...issued, ver: -1 })],
    ['ver not an integer', () => ({ ...issued, ver: 0.5 })],
    ['ver written as text', () => ({ ...issued, ver: '0' })],
  ];

  it.each(bad)('%s', async (_, payload) => {
    const token = sign(payload());
    expect((await as(token).me().expect(401)).body).toEqual(SESSION);
    expect((await as(token).users().expect(401)).body).toEqual(SESSION);
    // refused again: never kept as verified
    expect((await as(token).me().expect(401)).body).toEqual(SESSION);
  });

  it('the real session still works after all of them', async () => {
    await (await t.as(Role.ADMIN)).get('/api/v1/auth/me').expect(200);
  });
});
