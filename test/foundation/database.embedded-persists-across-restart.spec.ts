import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/users/role.js';
import { createTestApp, TEST_PASSWORD } from '../support/test-app.js';
import { enrollmentCsv } from '../console/support/sheets.js';

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

  it('a restart ends what a stopped process left: its uploads PROCESSING are FAILED (the file can be sent again) and its uploaded files are deleted (QA: kill -9)', async () => {
    const sheet = Buffer.from(enrollmentCsv([{ nik: '1703010101900001', name: 'Sisa Unggahan', noka: '0000000000101', tmt: '2026-01-01' }]));
    const first = await createTestApp(embedded());
    const operator = await first.as(Role.OPERATOR_DINKES);
    const upload = (await operator.post('/api/v1/enrollment-uploads').attach('file', sheet, 'mutasi.csv').expect(201)).body;
    // as a process killed while processing it leaves them: the upload PROCESSING, a received file on disk
    await first.dataSource.query(`UPDATE enrollment_upload SET status = 'PROCESSING', progress = 0.5, finished_at = NULL WHERE id = $1`, [upload.id]);
    await mkdir(join(dataDir, 'uploads'), { recursive: true });
    await writeFile(join(dataDir, 'uploads', 'c79f105c-sisa'), sheet);
    await first.close();

    const second = await createTestApp(embedded());
    try {
      const login = await second.http.post('/api/v1/auth/login').send({ username: 'uji-operator-dinkes', password: TEST_PASSWORD }).expect(200);
      const auth = `Bearer ${login.body.accessToken}`;
      const after = (await second.http.get(`/api/v1/enrollment-uploads/${upload.id}`).set('Authorization', auth).expect(200)).body;
      expect(after).toMatchObject({ status: 'FAILED', errorCode: 'PROCESSING_INTERRUPTED' });
      expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
      const again = (await second.http.post('/api/v1/enrollment-uploads').set('Authorization', auth).attach('file', sheet, 'mutasi.csv').expect(201)).body;
      expect(again.id).not.toBe(upload.id);
      expect(again.status).toBe('DONE');
    } finally {
      await second.close();
    }
  });
});
