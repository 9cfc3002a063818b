import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('POST /api/v1/users', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const create = async (body: object, role = Role.ADMIN) => (await t.as(role)).post('/api/v1/users').send(body);

  it('lets an admin create a user, returning it without the password hash', async () => {
    const res = await create({ username: 'fajar.keuangan', password: 'kata-sandi-fajar-1', role: Role.KEUANGAN }).then((r) => (expect(r.status).toBe(201), r));
    expect(res.body).toEqual({ id: expect.any(String), username: 'fajar.keuangan', role: Role.KEUANGAN, active: true, createdAt: expect.any(String) });
    await t.http.post('/api/v1/auth/login').send({ username: 'fajar.keuangan', password: 'kata-sandi-fajar-1' }).expect(200);
    const list = await (await t.as(Role.ADMIN)).get('/api/v1/users').expect(200);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|argon2/);
  });

  it.each([Role.OPERATOR_DINKES, Role.KEUANGAN])('refuses %s with 403', async (role) => {
    const res = await create({ username: 'coba.coba', password: 'kata-sandi-coba-1', role: Role.ADMIN }, role);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ statusCode: 403, message: 'Peran Anda tidak diizinkan melakukan tindakan ini.', code: 'FORBIDDEN' });
  });

  it('refuses AUDITOR with 403, saying the role only reads', async () => {
    const res = await create({ username: 'coba.coba', password: 'kata-sandi-coba-1', role: Role.ADMIN }, Role.AUDITOR);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ statusCode: 403, message: 'Peran Auditor hanya dapat membaca data; tindakan ini tidak diizinkan.', code: 'FORBIDDEN' });
  });

  it('answers 409 for a username already taken', async () => {
    await create({ username: 'gita.audit', password: 'kata-sandi-gita-1', role: Role.AUDITOR }).then((r) => (expect(r.status).toBe(201), r));
    const res = await create({ username: 'gita.audit', password: 'kata-sandi-lain-1', role: Role.KEUANGAN });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'USERNAME_TAKEN', message: 'Nama pengguna "gita.audit" sudah dipakai.', details: { field: 'username' } });
  });

  it('answers 400 with field details for a weak password, a bad username and an unknown role', async () => {
    const res = await create({ username: 'Hana Spasi', password: 'pendek', role: 'BOS' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      message: 'Data yang dikirim tidak valid.',
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'username', messages: ['username: 3-40 karakter huruf kecil, angka, titik, garis bawah atau tanda hubung'] },
        { field: 'password', messages: ['password minimal 12 karakter'] },
        { field: 'role', messages: ['role harus salah satu dari: ADMIN, OPERATOR_DINKES, KEUANGAN, AUDITOR'] },
      ],
    });
  });

  it('refuses a password of spaces alone, however long (QA)', async () => {
    for (const password of [' '.repeat(12), '\u00a0'.repeat(6) + '\u200b'.repeat(6), '\u0085'.repeat(12)]) {
      const res = await create({ username: 'spasi.saja', password, role: Role.AUDITOR });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'password', messages: ['password tidak boleh hanya spasi'] }]);
    }
  });

  it('rejects unknown body fields with 400 in the API error shape (forbidNonWhitelisted)', async () => {
    const res = await create({ username: 'indra.op', password: 'kata-sandi-indra-1', role: Role.OPERATOR_DINKES, active: false, isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      statusCode: 400,
      message: 'Data yang dikirim tidak valid.',
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'active', messages: ['kolom active tidak dikenal'] },
        { field: 'isAdmin', messages: ['kolom isAdmin tidak dikenal'] },
      ],
    });
    const [count] = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'indra.op'`);
    expect(count.n).toBe(0);
  });
});
