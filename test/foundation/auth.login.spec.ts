import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { UsersService } from '../../src/users/users.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitInWords } from '../../src/auth/login-rate-limit.js';

const WRONG = 'Nama pengguna atau kata sandi salah.';
const parsed = (summary: unknown) => (typeof summary === 'string' ? JSON.parse(summary) : summary);

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

  it('ignores spaces around the username (QA: " admin " failed while "ADMIN" worked), not around the password', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ username: ' ani.keuangan\t', password: 'kata-sandi-ani-123' }).expect(200);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.username).toBe('ani.keuangan');
    await t.http.post('/api/v1/auth/login').send({ username: 'ani.keuangan', password: ' kata-sandi-ani-123 ' }).expect(401);
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
    const address = expect.stringMatching(/127\.0\.0\.1|::1|::ffff:127\.0\.0\.1/);
    for (const r of rows.filter((r) => r.action === 'auth.login')) expect(parsed(r.summary)).toEqual({ clientAddress: address });
  });

  it('records why a login failed, which the caller is not told (QA: the event held the address alone)', async () => {
    const rows: { actor: string; summary: string }[] = await t.dataSource.query(`SELECT actor, summary FROM audit_event WHERE action = 'auth.login_failed' ORDER BY id`);
    const reasons = rows.map((r) => ({ actor: r.actor, ...parsed(r.summary) }));
    // the three refusals above, each answered the same 401
    expect(reasons).toEqual(
      expect.arrayContaining([
        { actor: 'ani.keuangan', clientAddress: expect.any(String), reason: 'WRONG_PASSWORD' },
        { actor: 'tidak.ada', clientAddress: expect.any(String), reason: 'UNKNOWN_USER' },
        { actor: 'budi.pensiun', clientAddress: expect.any(String), reason: 'DEACTIVATED' },
      ]),
    );
    const res = await t.http.post('/api/v1/auth/login').send({ username: 'budi.pensiun', password: 'bukan-sandi-budi' }).expect(401);
    expect(res.body).toEqual({ statusCode: 401, message: WRONG, code: 'INVALID_CREDENTIALS' });
    const [last] = await t.dataSource.query(`SELECT actor, summary FROM audit_event WHERE action = 'auth.login_failed' ORDER BY id DESC LIMIT 1`);
    expect({ actor: last.actor, ...parsed(last.summary) }).toEqual({ actor: 'budi.pensiun', clientAddress: expect.any(String), reason: 'DEACTIVATED_WRONG_PASSWORD' });
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

describe('failed login attempts are rate-limited per username and client address', () => {
  const LIMIT = 3;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimit: { limit: LIMIT, ttlMs: 60 * 60_000 } });
    await t.app.get(UsersService).create('citra.keuangan', 'kata-sandi-citra-1', Role.KEUANGAN);
    await t.app.get(UsersService).create('dedi.keuangan', 'kata-sandi-dedi-12', Role.KEUANGAN);
    await t.app.get(UsersService).create('eka.operator', 'kata-sandi-eka-123', Role.OPERATOR_DINKES);
    await t.app.get(UsersService).create('fani.operator', 'kata-sandi-fani-12', Role.OPERATOR_DINKES);
  });
  afterAll(() => t.close());

  const attempt = (username: string, password: string) => t.http.post('/api/v1/auth/login').send({ username, password });

  it(`answers 429 after ${LIMIT} attempts for the same username, even with the right password`, async () => {
    for (let i = 0; i < LIMIT; i++) await attempt('citra.keuangan', 'tebakan-salah-123').expect(401);
    const res = await attempt('citra.keuangan', 'kata-sandi-citra-1').expect(429);
    // the wait in words (QA: "beberapa saat lagi" named no time), as Retry-After gives it
    expect(res.body).toEqual({ statusCode: 429, message: 'Terlalu banyak percobaan masuk. Coba lagi dalam 60 menit.', code: 'TOO_MANY_REQUESTS' });
    expect(res.headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('records a refused attempt as auth.login.throttled: the username as typed and the address, never the password', async () => {
    await attempt('Citra.Keuangan', 'kata-sandi-citra-1').expect(429);
    const [last] = await t.dataSource.query(`SELECT actor, entity, summary FROM audit_event WHERE action = 'auth.login.throttled' ORDER BY id DESC LIMIT 1`);
    expect({ ...last, summary: JSON.parse(last.summary) }).toEqual({ actor: 'Citra.Keuangan', entity: 'user', summary: { clientAddress: expect.any(String) } });
    expect(last.summary).not.toContain('kata-sandi');
  });

  it('says a wait under a minute in seconds, and a longer one in whole minutes', () => {
    expect([waitInWords(400), waitInWords(53_000), waitInWords(59_999), waitInWords(60_000), waitInWords(61_000)]).toEqual(['1 detik', '53 detik', '1 menit', '1 menit', '2 menit']);
  });

  it('counts the username case-insensitively, and without spaces around it', async () => {
    await attempt('CITRA.KEUANGAN', 'kata-sandi-citra-1').expect(429);
    await attempt(' citra.keuangan ', 'kata-sandi-citra-1').expect(429);
  });

  it('does not lock other users out', async () => {
    await attempt('dedi.keuangan', 'kata-sandi-dedi-12').expect(200);
  });

  it('counts failures only: logging in again and again from one address never locks the officer out (QA)', async () => {
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await attempt('eka.operator', 'kata-sandi-eka-123').expect(200);
      expect(res.headers['ratelimit-remaining']).toBe(String(LIMIT));
    }
    // the failures still count, and once at the limit the right password is refused too
    for (let i = 0; i < LIMIT; i++) expect((await attempt('eka.operator', 'tebakan-salah-123').expect(401)).headers['ratelimit-remaining']).toBe(String(LIMIT - 1 - i));
    await attempt('eka.operator', 'kata-sandi-eka-123').expect(429);
  });

  it('lets no more than the limit of simultaneous guesses through', async () => {
    const answers = await Promise.all(Array.from({ length: LIMIT + 3 }, () => attempt('fani.operator', 'tebakan-salah-123')));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(LIMIT).fill(401), ...Array(3).fill(429)]);
  });
});
