import request from 'supertest';
import { UsersService } from '../../../src/users/users.service.js';
import { Role } from '../../../src/users/role.js';
import { TEST_PASSWORD, type TestApp } from '../../support/test-app.js';

/** A second finance officer (maker-checker), as a supertest-style caller. */
export async function secondKeuangan(t: TestApp, username = 'uji-keuangan-2') {
  await t.app.get(UsersService).create(username, TEST_PASSWORD, Role.KEUANGAN);
  const res = await t.http.post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD }).expect(200);
  const auth = `Bearer ${res.body.accessToken}`;
  const http = request(t.app.getHttpServer());
  return {
    username,
    get: (url: string) => http.get(url).set('Authorization', auth),
    post: (url: string) => http.post(url).set('Authorization', auth),
  };
}
