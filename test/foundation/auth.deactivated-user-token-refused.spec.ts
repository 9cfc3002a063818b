import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { ACTIVE_USER_TTL_MS } from '../../src/users/users.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

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
