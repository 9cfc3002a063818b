import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { ACTIVE_USER_TTL_MS } from '../../src/users/users.service.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';

describe('deactivating a user (for good), changing their role or their password takes effect on tokens already issued', () => {
  let t: TestApp;
  let userId: string;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.as(Role.ADMIN);
    userId = (await admin.post('/api/v1/users').send({ username: 'eka.operator', password: 'kata-sandi-eka-123', role: Role.KEUANGAN }).expect(201)).body.id;
    token = (await t.http.post('/api/v1/auth/login').send({ username: 'eka.operator', password: 'kata-sandi-eka-123' }).expect(200)).body.accessToken;
  });
  afterAll(() => t.close());

  const me = () => t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);

  it('a role change applies to the next request', async () => {
    await (await t.as(Role.ADMIN)).patch(`/api/v1/users/${userId}`).send({ role: Role.AUDITOR }).expect(200);
    expect((await me().expect(200)).body.role).toBe(Role.AUDITOR);
  });

  it('a deactivated user is refused at once, not when the token expires', async () => {
    await (await t.as(Role.ADMIN)).patch(`/api/v1/users/${userId}`).send({ active: false }).expect(200);
    expect((await me().expect(401)).body).toEqual({ statusCode: 401, message: 'Sesi tidak valid atau telah berakhir. Silakan masuk kembali.', code: 'UNAUTHENTICATED' });
  });

  it('reactivating does not bring back the tokens issued before the deactivation: the user signs in again (QA)', async () => {
    await (await t.as(Role.ADMIN)).patch(`/api/v1/users/${userId}`).send({ active: true }).expect(200);
    expect((await me().expect(401)).body.code).toBe('UNAUTHENTICATED');
    const fresh = (await t.http.post('/api/v1/auth/login').send({ username: 'eka.operator', password: 'kata-sandi-eka-123' }).expect(200)).body.accessToken;
    await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${fresh}`).expect(200);
  });

  it("a password change ends the old password's sessions at once; the new password's work, other users' are untouched (QA)", async () => {
    const admin = await t.as(Role.ADMIN);
    const id = (await admin.post('/api/v1/users').send({ username: 'gita.keuangan', password: 'kata-sandi-gita-123', role: Role.KEUANGAN }).expect(201)).body.id;
    const login = async (password: string) => (await t.http.post('/api/v1/auth/login').send({ username: 'gita.keuangan', password }).expect(200)).body.accessToken as string;
    const old = await login('kata-sandi-gita-123');
    const meWith = (bearer: string) => t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${bearer}`);
    await meWith(old).expect(200);
    await admin.patch(`/api/v1/users/${id}`).send({ password: 'kata-sandi-baru-456' }).expect(200);
    expect((await meWith(old).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await t.http.post('/api/v1/auth/login').send({ username: 'gita.keuangan', password: 'kata-sandi-gita-123' }).expect(401);
    await meWith(await login('kata-sandi-baru-456')).expect(200);
    await (await t.as(Role.ADMIN)).get('/api/v1/auth/me').expect(200);
    // a role change alone leaves the sessions as they are
    const current = await login('kata-sandi-baru-456');
    await admin.patch(`/api/v1/users/${id}`).send({ role: Role.AUDITOR }).expect(200);
    await meWith(current).expect(200);
  });

  it('a deactivation written by another instance (straight to the table) applies within ACTIVE_USER_TTL_MS', async () => {
    const admin = await t.as(Role.ADMIN);
    const id = (await admin.post('/api/v1/users').send({ username: 'fajar.auditor', password: 'kata-sandi-fajar-123', role: Role.AUDITOR }).expect(201)).body.id;
    const other = (await t.http.post('/api/v1/auth/login').send({ username: 'fajar.auditor', password: 'kata-sandi-fajar-123' }).expect(200)).body.accessToken;
    const asOther = () => t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${other}`);
    await asOther().expect(200);
    await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [id]);
    await asOther().expect(200); // this instance still trusts what it read a moment ago
    await new Promise((settle) => setTimeout(settle, ACTIVE_USER_TTL_MS + 100));
    await asOther().expect(401);
  }, ACTIVE_USER_TTL_MS + 10_000);
});

describe('a token that is expired, forged or altered is refused with 401', () => {
  let t: TestApp;
  let payload: { sub: string; username: string; role: Role; ver: number };
  beforeAll(async () => {
    t = await createTestApp();
    const me = await (await t.as(Role.KEUANGAN)).get('/api/v1/auth/me').expect(200);
    // the claims the service issues (a token without `ver` is refused: the claims' describe in this file)
    payload = { sub: me.body.id, username: me.body.username, role: me.body.role, ver: 0 };
  });
  afterAll(() => t.close());

  const me = (authorization: string) => t.http.get('/api/v1/auth/me').set('Authorization', authorization);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const SESSION = { statusCode: 401, message: 'Sesi tidak valid atau telah berakhir. Silakan masuk kembali.', code: 'UNAUTHENTICATED' };

  it('an expired token (right secret)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await new JwtService({ secret: t.config.jwtSecret }).signAsync({ ...payload, iat: now - 7200, exp: now - 3600 });
    expect((await me(`Bearer ${expired}`).expect(401)).body).toEqual(SESSION);
  });

  it('a token accepted before (and so recognised without a new verification) is refused once it expires', async () => {
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await new JwtService({ secret: t.config.jwtSecret }).signAsync({ ...payload, iat: now, exp: now + 60 });
    await me(`Bearer ${shortLived}`).expect(200);
    await me(`Bearer ${shortLived}`).expect(200);
    const later = jest.spyOn(Date, 'now').mockReturnValue((now + 61) * 1000);
    try {
      expect((await me(`Bearer ${shortLived}`).expect(401)).body).toEqual(SESSION);
    } finally {
      later.mockRestore();
    }
  });

  it('a token signed with another secret', async () => {
    const forged = await new JwtService({ secret: 'bukan-rahasia-yang-benar-0123456789' }).signAsync({ ...payload, role: Role.ADMIN });
    expect((await me(`Bearer ${forged}`).expect(401)).body).toEqual(SESSION);
  });

  it('a genuine token whose payload was changed to another role', async () => {
    const [header, , signature] = (await t.token(Role.KEUANGAN)).split('.');
    const altered = [header, b64({ ...payload, role: Role.ADMIN, iat: Math.floor(Date.now() / 1000) }), signature].join('.');
    await me(`Bearer ${altered}`).expect(401);
    await t.http.get('/api/v1/users').set('Authorization', `Bearer ${altered}`).expect(401);
  });

  it('an unsigned token (alg "none")', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...payload, role: Role.ADMIN })}.`;
    await me(`Bearer ${unsigned}`).expect(401);
  });

  it('no token, garbage, or a non-Bearer scheme', async () => {
    const none = await t.http.get('/api/v1/auth/me').expect(401);
    expect(none.body).toEqual({ statusCode: 401, message: 'Silakan masuk terlebih dahulu.', code: 'UNAUTHENTICATED' });
    // every 401 names the scheme that would be accepted (QA: no WWW-Authenticate header)
    expect(none.headers['www-authenticate']).toBe('Bearer realm="jamkesda"');
    expect((await me('Bearer not-a-jwt').expect(401)).headers['www-authenticate']).toBe('Bearer realm="jamkesda"');
    await me(`Basic ${Buffer.from('admin:admin').toString('base64')}`).expect(401);
  });
});

/**
 * A token signed with the right secret is accepted only with the claims the service issues (QA: a
 * `sub` that was no UUID answered 500 INTERNAL_ERROR, "invalid input syntax for type uuid"; a token
 * without `exp` was valid with no end; a missing or null `ver` was read as 0). Each is 401
 * UNAUTHENTICATED, as an expired token is.
 */
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

/**
 * Logging out ends the session on the server: every token of the caller stops working, on every
 * device (QA: the console's "Keluar" only forgot the token in the browser, and a copy of it kept
 * working for up to 8 hours, across restarts). Other users' sessions are untouched.
 */
describe('POST /api/v1/auth/logout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.token(Role.AUDITOR);
    await t.token(Role.KEUANGAN);
  });
  afterAll(() => t.close());

  const login = async () => (await t.http.post('/api/v1/auth/login').send({ username: 'uji-auditor', password: TEST_PASSWORD }).expect(200)).body.accessToken as string;
  const me = (token: string) => t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);

  it('ends every token of the caller (an auditor may log out), not other users’, and is in the audit trail', async () => {
    const [desk, laptop] = [await login(), await login()];
    await me(laptop).expect(200);
    await t.http.post('/api/v1/auth/logout').set('Authorization', `Bearer ${desk}`).expect(204);
    for (const token of [desk, laptop]) expect((await me(token).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await (await t.as(Role.KEUANGAN)).get('/api/v1/auth/me').expect(200);
    const fresh = await login();
    const events = (await me(fresh).expect(200), await t.http.get('/api/v1/audit-events?entity=user').set('Authorization', `Bearer ${fresh}`).expect(200)).body.items;
    expect(events.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`)).toContain('auth.logout uji-auditor');
  });

  it('refuses a caller without a valid token (401), changing nothing', async () => {
    await t.http.post('/api/v1/auth/logout').expect(401);
  });
});
