/**
 * TRUST_PROXY (src/common/config/trust-proxy.ts): behind a reverse proxy it names, the client address the login rate
 * limit keys on and the audit trail records (`clientAddress`) is the proxy's X-Forwarded-For; from anyone else the
 * header is ignored (QA: behind a proxy not on loopback every user shared one address, so one user's typos locked
 * everyone out). The tests' requests come from 127.0.0.1, which plays the proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/common/config/app-config.js';
import { Role } from '../../src/users/role.js';
import { UsersService } from '../../src/users/users.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const LIMIT = 2;
const LOOPBACK = /^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/;

async function appTrusting(trustProxy: string): Promise<TestApp> {
  const t = await createTestApp({
    trustProxy: loadConfig({ JWT_SECRET: 'x'.repeat(32), TRUST_PROXY: trustProxy }).trustProxy,
    loginRateLimit: { limit: LIMIT, ttlMs: 60 * 60_000 },
  });
  await t.app.get(UsersService).create('gita.keuangan', 'kata-sandi-gita-12', Role.KEUANGAN);
  return t;
}

/** The client addresses recorded for `action`, oldest first. */
async function addresses(t: TestApp, action: string): Promise<string[]> {
  const rows: { summary: unknown }[] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = $1 ORDER BY id`, [action]);
  return rows.map((r) => (typeof r.summary === 'string' ? JSON.parse(r.summary) : r.summary).clientAddress);
}

describe('TRUST_PROXY set to the proxy\'s address (127.0.0.1 here)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appTrusting('127.0.0.1');
  });
  afterAll(() => t.close());

  const attempt = (from: string, password: string) =>
    t.http.post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ username: 'gita.keuangan', password });

  it('limits failed logins per forwarded client: one office locked out, another still logs in', async () => {
    for (let i = 0; i < LIMIT; i++) await attempt('203.0.113.7', 'tebakan-salah-123').expect(401);
    await attempt('203.0.113.7', 'kata-sandi-gita-12').expect(429);
    // the same user from another address behind the same proxy: not locked (before, every user shared the proxy's)
    await attempt('198.51.100.20', 'kata-sandi-gita-12').expect(200);
  });

  it('records the forwarded client address in the audit trail (login, failure, refusal)', async () => {
    expect(await addresses(t, 'auth.login_failed')).toEqual(['203.0.113.7', '203.0.113.7']);
    expect(await addresses(t, 'auth.login.throttled')).toEqual(['203.0.113.7']);
    expect(await addresses(t, 'auth.login')).toEqual(['198.51.100.20']);
  });

  it('takes the nearest untrusted address of a forwarded chain (a client cannot pick its own)', async () => {
    await attempt('192.0.2.99, 198.51.100.21', 'kata-sandi-gita-12').expect(200);
    expect((await addresses(t, 'auth.login')).at(-1)).toBe('198.51.100.21');
  });
});

describe('TRUST_PROXY naming another proxy (10.0.0.5): X-Forwarded-For from anyone else is ignored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appTrusting('10.0.0.5');
  });
  afterAll(() => t.close());

  it('keys the limit and the audit trail on the connecting address, whatever the header claims', async () => {
    const attempt = (from: string, password: string) =>
      t.http.post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ username: 'gita.keuangan', password });
    await attempt('203.0.113.7', 'tebakan-salah-123').expect(401);
    await attempt('203.0.113.8', 'tebakan-salah-123').expect(401);
    // a third address claimed changes nothing: the two failures came from one connecting address
    await attempt('203.0.113.9', 'kata-sandi-gita-12').expect(429);
    const recorded = [...(await addresses(t, 'auth.login_failed')), ...(await addresses(t, 'auth.login.throttled'))];
    expect(recorded).toHaveLength(3);
    for (const address of recorded) expect(address).toMatch(LOOPBACK);
  });
});
