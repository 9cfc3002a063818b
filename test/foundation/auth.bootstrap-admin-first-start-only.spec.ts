import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { UsersService } from '../../src/users/users.service.js';
import { createTestApp } from '../support/test-app.js';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';

// Starts the embedded database from scratch (initdb + every migration): slow on a busy machine.
jest.setTimeout(240_000);

describe('the bootstrap admin comes from ADMIN_USERNAME/ADMIN_PASSWORD on the first start only', () => {
  let db: FreshDatabase;
  beforeAll(async () => (db = await freshDatabase()));
  afterAll(() => db.drop());

  const login = (t: Awaited<ReturnType<typeof createTestApp>>, password: string) =>
    t.http.post('/api/v1/auth/login').send({ username: 'kepala.dinas', password });

  it('first start creates the admin; a later start with another password changes nothing', async () => {
    const first = await createTestApp({ ...db.appOverrides, bootstrapAdmin: { username: 'kepala.dinas', password: 'sandi-pertama-123' } });
    try {
      const token = (await login(first, 'sandi-pertama-123').expect(200)).body.accessToken;
      const me = await first.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body).toMatchObject({ username: 'kepala.dinas', role: Role.ADMIN });
    } finally {
      await first.close();
    }

    const second = await createTestApp({ ...db.appOverrides, bootstrapAdmin: { username: 'kepala.dinas', password: 'sandi-kedua-45678' } });
    try {
      await login(second, 'sandi-kedua-45678').expect(401);
      await login(second, 'sandi-pertama-123').expect(200);
      const [count] = await second.dataSource.query('SELECT count(*)::int AS n FROM app_user');
      expect(count.n).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('two instances bootstrapping the same empty user table create one admin and both start', async () => {
    const t = await createTestApp({ bootstrapAdmin: { username: 'admin.ganda', password: 'sandi-bersama-123' } });
    try {
      await t.dataSource.query('DELETE FROM app_user');
      const users = t.app.get(UsersService);
      await Promise.all([users.onApplicationBootstrap(), users.onApplicationBootstrap()]);
      const rows = await t.dataSource.query('SELECT username, role FROM app_user');
      expect(rows).toEqual([{ username: 'admin.ganda', role: Role.ADMIN }]);
    } finally {
      await t.close();
    }
  });
});
