import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ConfigError } from '../../src/common/config/app-config.js';
import { Role } from '../../src/users/role.js';
import { User } from '../../src/users/entities/user.entity.js';
import { PasswordHasher } from '../../src/users/password-hasher.js';
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

  it('a later start may leave ADMIN_PASSWORD out (docker/.env need not keep it); the admin logs in as before', async () => {
    const later = await createTestApp({ ...db.appOverrides, bootstrapAdmin: { username: 'kepala.dinas' } });
    try {
      await login(later, 'sandi-pertama-123').expect(200);
      const [count] = await later.dataSource.query('SELECT count(*)::int AS n FROM app_user');
      expect(count.n).toBe(1);
    } finally {
      await later.close();
    }
  });

  it('a first start with ADMIN_USERNAME but no ADMIN_PASSWORD is refused as a configuration error (main exits 78), creating nobody', async () => {
    const t = await createTestApp();
    try {
      await t.dataSource.query('DELETE FROM app_user');
      const config = { ...t.config, bootstrapAdmin: { username: 'kepala.dinas' } };
      const users = new UsersService(t.dataSource.getRepository(User), config, t.app.get(PasswordHasher));
      const refused = await users.onApplicationBootstrap().then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(refused).toBeInstanceOf(ConfigError);
      expect((refused as ConfigError).problems).toEqual([
        'ADMIN_PASSWORD is required on the first start, to create the admin "kepala.dinas" (no user exists yet); later starts may leave it out',
      ]);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM app_user')).toEqual([{ n: 0 }]);
    } finally {
      await t.close();
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
