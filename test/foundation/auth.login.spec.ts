import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { UsersService } from '../../src/users/users.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const WRONG = 'Nama pengguna atau kata sandi salah.';

describe('login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimit: { limit: 1000, ttlMs: 60_000 } });
    const users = t.app.get(UsersService);
    await users.create('ani.keuangan', 'kata-sandi-ani-123', Role.KEUANGAN);
    const gone = await users.create('budi.pensiun', 'kata-sandi-budi-123', Role.OPERATOR_DINKES);
    await users.update(gone.id, { active: false });
  });
  afterAll(() => t.close());

  it('returns a JWT that identifies the user on GET /api/v1/auth/me', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ username: 'ani.keuangan', password: 'kata-sandi-ani-123' }).expect(200);
    expect(Object.keys(res.body)).toEqual(['accessToken']);
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toEqual({ id: expect.any(String), username: 'ani.keuangan', role: Role.KEUANGAN });
  });

  it('reads the Authorization scheme in any case (RFC 7235): `bearer <token>` is accepted too', async () => {
    const { accessToken } = (await t.http.post('/api/v1/auth/login').send({ username: 'ani.keuangan', password: 'kata-sandi-ani-123' }).expect(200)).body;
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      expect((await t.http.get('/api/v1/auth/me').set('Authorization', `${scheme} ${accessToken}`).expect(200)).body.username).toBe('ani.keuangan');
    }
    await t.http.get('/api/v1/auth/me').set('Authorization', `bearer`).expect(401);
    await t.http.get('/api/v1/auth/me').set('Authorization', `bearerx ${accessToken}`).expect(401);
  });

  it('ignores the case of the username', async () => {
    await t.http.post('/api/v1/auth/login').send({ username: 'Ani.Keuangan', password: 'kata-sandi-ani-123' }).expect(200);
  });

  it.each([
    ['a wrong password', { username: 'ani.keuangan', password: 'salah-sekali-123' }],
    ['an unknown user', { username: 'tidak.ada', password: 'kata-sandi-ani-123' }],
    ['a deactivated user with the right password', { username: 'budi.pensiun', password: 'kata-sandi-budi-123' }],
  ])('refuses %s with 401 and the same Indonesian message (no hint which part was wrong)', async (_case, body) => {
    const res = await t.http.post('/api/v1/auth/login').send(body).expect(401);
    expect(res.body).toEqual({ statusCode: 401, message: WRONG, code: 'INVALID_CREDENTIALS' });
  });

  it('records successful and failed logins in the audit trail, never the password', async () => {
    const rows: { actor: string; action: string; summary: string }[] = await t.dataSource.query(
      `SELECT actor, action, summary FROM audit_event WHERE action LIKE 'auth.%' AND actor IN ('ani.keuangan', 'tidak.ada') ORDER BY id`,
    );
    expect(rows.map((r) => `${r.action} ${r.actor}`)).toEqual(
      expect.arrayContaining(['auth.login ani.keuangan', 'auth.login_failed ani.keuangan', 'auth.login_failed tidak.ada']),
    );
    expect(JSON.stringify(rows)).not.toMatch(/kata-sandi|salah-sekali/);
    // with the caller's address, so an attempt names more than the username it tried (QA)
    for (const r of rows) expect(JSON.parse(typeof r.summary === 'string' ? r.summary : JSON.stringify(r.summary))).toEqual({ clientAddress: expect.stringMatching(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/) });
  });

  it('rejects a login body with missing or extra fields with 400 and field details', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ username: 'ani.keuangan', password: 'x', remember: true }).expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      message: 'Data yang dikirim tidak valid.',
      code: 'VALIDATION_FAILED',
      details: [{ field: 'remember', messages: ['kolom remember tidak dikenal'] }],
    });
    const empty = await t.http.post('/api/v1/auth/login').send({}).expect(400);
    expect(empty.body.details.map((d: { field: string }) => d.field)).toEqual(['username', 'password']);
  });
});
