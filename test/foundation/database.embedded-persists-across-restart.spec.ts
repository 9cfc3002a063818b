import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/users/role.js';
import { createTestApp } from '../support/test-app.js';

// Starts the embedded database from scratch (initdb + every migration): slow on a busy machine.
jest.setTimeout(240_000);

// The embedded database is PGlite in DATA_DIR whatever this run's DATABASE_URL says.
describe('the embedded database keeps its data across a restart', () => {
  let dataDir: string;
  beforeAll(async () => (dataDir = await mkdtemp(join(tmpdir(), 'jamkesda-persist-'))));
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const embedded = () => ({ databaseUrl: undefined, pgliteLoadDataDir: undefined, dataDir });

  it('a user created before closing can log in after reopening the same data directory', async () => {
    const first = await createTestApp(embedded());
    await (await first.as(Role.ADMIN))
      .post('/api/v1/users')
      .send({ username: 'tetap.ada', password: 'kata-sandi-tetap-1', role: Role.KEUANGAN })
      .expect(201);
    await first.close();
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);

    const second = await createTestApp(embedded());
    try {
      const login = await second.http.post('/api/v1/auth/login').send({ username: 'tetap.ada', password: 'kata-sandi-tetap-1' }).expect(200);
      const me = await second.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ username: 'tetap.ada', role: Role.KEUANGAN });
      const [applied] = await second.dataSource.query('SELECT count(*)::int AS n FROM schema_migration');
      expect(applied.n).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});
