/**
 * Logging out ends the session on the server: every token of the caller stops working, on every
 * device (QA: the console's "Keluar" only forgot the token in the browser, and a copy of it kept
 * working for up to 8 hours, across restarts). Other users' sessions are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

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
