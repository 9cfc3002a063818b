import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('PATCH /api/v1/users/:id refuses what cannot be right', () => {
  let t: TestApp;
  let adminId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const me = await (await t.as(Role.ADMIN)).get('/api/v1/users').expect(200);
    adminId = me.body.find((u: { role: string }) => u.role === 'ADMIN').id;
  });
  afterAll(() => t.close());

  const patch = async (id: string, body: object) => (await t.as(Role.ADMIN)).patch(`/api/v1/users/${id}`).send(body);

  it('an empty change (was a 500)', async () => {
    const res = await patch(adminId, {});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'USER_UNCHANGED', message: 'Tidak ada yang diubah: kirim role, active atau password.' });
  });

  it('null for a field, named (was a 500 from the database)', async () => {
    for (const [field, says] of [['active', 'active harus true atau false'], ['role', 'role harus salah satu dari'], ['password', 'password']] as const) {
      const res = await patch(adminId, { [field]: null });
      expect({ status: res.status, field: res.body.details?.[0]?.field }).toEqual({ status: 400, field });
      expect(res.body.details[0].messages.join(' ')).toContain(says);
    }
  });

  it('leaving no active admin, by deactivating or demoting the last one', async () => {
    for (const change of [{ active: false }, { role: Role.KEUANGAN }]) {
      const res = await patch(adminId, change);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('LAST_ACTIVE_ADMIN');
      expect(res.body.message).toMatch(/satu-satunya ADMIN aktif/);
    }
    const [row] = await t.dataSource.query('SELECT role, active FROM app_user WHERE id = $1', [adminId]);
    expect(row).toEqual({ role: 'ADMIN', active: true });
  });

  it('but lets an admin step down once another admin exists, and only one of two demoting each other at once', async () => {
    const second = await (await t.as(Role.ADMIN)).post('/api/v1/users').send({ username: 'admin.dua', password: 'kata-sandi-admin-2', role: Role.ADMIN }).expect(201);
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'admin.dua', password: 'kata-sandi-admin-2' }).expect(200);
    const asSecond = (id: string, body: object) => t.http.patch(`/api/v1/users/${id}`).set('Authorization', `Bearer ${login.body.accessToken}`).send(body);
    // Each demotes the other. The loser gets 409, or, if the winner's change landed before its request was let in,
    // 401 (deactivated) or 403 (no longer ADMIN).
    const [a, b] = await Promise.all([patch(second.body.id, { role: Role.AUDITOR }), asSecond(adminId, { active: false })]);
    const statuses = [a.status, b.status].sort();
    expect([[200, 401], [200, 403], [200, 409]]).toContainEqual(statuses);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE role = 'ADMIN' AND active`);
    expect(n).toBe(1);
  });
});
