import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('a token that is expired, forged or altered is refused with 401', () => {
  let t: TestApp;
  let payload: { sub: string; username: string; role: Role; ver: number };
  beforeAll(async () => {
    t = await createTestApp();
    const me = await (await t.as(Role.KEUANGAN)).get('/api/v1/auth/me').expect(200);
    // the claims the service issues (a token without `ver` is refused: auth.token-claims-as-issued.spec.ts)
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
