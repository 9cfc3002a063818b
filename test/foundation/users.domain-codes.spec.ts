import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

/** QA: the user routes answered the generic CONFLICT / NOT_FOUND, and a PATCH that changed nothing 200. */
describe('user routes answer domain codes, and a change that changes nothing is refused', () => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const created = await (await t.as(Role.ADMIN)).post('/api/v1/users').send({ username: 'lina.audit', password: 'kata-sandi-lina-1', role: Role.AUDITOR }).expect(201);
    userId = created.body.id;
  });
  afterAll(() => t.close());

  const patch = async (id: string, body: object) => (await t.as(Role.ADMIN)).patch(`/api/v1/users/${id}`).send(body);

  it('a username taken is 409 USERNAME_TAKEN', async () => {
    const res = await (await t.as(Role.ADMIN)).post('/api/v1/users').send({ username: 'lina.audit', password: 'kata-sandi-lain-12', role: Role.KEUANGAN });
    expect({ status: res.status, body: res.body }).toEqual({
      status: 409,
      body: { statusCode: 409, code: 'USERNAME_TAKEN', message: 'Nama pengguna "lina.audit" sudah dipakai.', details: { field: 'username', username: 'lina.audit' } },
    });
  });

  it('an unknown id is 404 USER_NOT_FOUND, and so is an id that is no UUID', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'bukan-uuid']) {
      const res = await patch(id, { active: false });
      expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: { statusCode: 404, code: 'USER_NOT_FOUND', message: `Pengguna "${id}" tidak ditemukan.`, details: { id } } });
    }
  });

  it('a role or active flag the account already has is 400 USER_UNCHANGED, recorded nowhere', async () => {
    const before: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.update'`);
    for (const body of [{ role: Role.AUDITOR }, { active: true }, { role: Role.AUDITOR, active: true }]) {
      const res = await patch(userId, body);
      expect({ status: res.status, body: res.body }).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          code: 'USER_UNCHANGED',
          message: 'Perubahan tidak mengubah pengguna "lina.audit" (peran AUDITOR, aktif), jadi tidak dicatat.',
          details: { id: userId, username: 'lina.audit', role: Role.AUDITOR, active: true },
        },
      });
    }
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.update'`)).toEqual(before);
    // a real change still goes through; a password is always one (it ends the account's sessions)
    await patch(userId, { active: false }).then((r) => expect(r.status).toBe(200));
    expect((await patch(userId, { active: false })).body.message).toBe('Perubahan tidak mengubah pengguna "lina.audit" (peran AUDITOR, nonaktif), jadi tidak dicatat.');
    await patch(userId, { active: false, password: 'kata-sandi-lina-1' }).then((r) => expect(r.status).toBe(200));
  });

  it('a wrong password at login is 401 INVALID_CREDENTIALS; a missing token stays UNAUTHENTICATED', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'lina.audit', password: 'salah-salah-123' }).expect(401);
    expect(login.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.' });
    expect((await t.http.get('/api/v1/auth/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
  });
});
