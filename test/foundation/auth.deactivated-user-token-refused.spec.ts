import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('deactivating a user or changing their role takes effect on tokens already issued', () => {
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
    expect((await me().expect(401)).body).toEqual({ statusCode: 401, message: 'Sesi tidak valid atau telah berakhir. Silakan masuk kembali.' });
  });
});
