import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { UploadStore } from '../../src/register/upload-store.js';
import { wibTimestamp } from '../../src/common/clock/clock.js';

jest.setTimeout(180_000);

/**
 * An auditor reads everything, the user list included (who holds which role, who is deactivated),
 * but changes nothing: GET /api/v1/users is ADMIN and AUDITOR, POST and PATCH stay ADMIN's (QA: the
 * list answered 403 to the auditor although the Roles table said they read everything).
 */
describe('GET /api/v1/users as AUDITOR', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of [Role.ADMIN, Role.KEUANGAN, Role.OPERATOR_DINKES]) await t.token(role);
  });
  afterAll(() => t.close());

  it('lists every user with id, username, role, active and createdAt only (no password hash, no token version)', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/users').expect(200);
    expect(res.body.map((u: { role: string }) => u.role).sort()).toEqual([Role.ADMIN, Role.AUDITOR, Role.KEUANGAN, Role.OPERATOR_DINKES].sort());
    for (const user of res.body) expect(Object.keys(user).sort()).toEqual(['active', 'createdAt', 'id', 'role', 'username']);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash|password_hash|tokenVersion/i);
  });

  it('changes nothing: creating or changing a user is 403 for the auditor', async () => {
    const auditor = await t.as(Role.AUDITOR);
    const admin = (await (await t.as(Role.ADMIN)).get('/api/v1/users').expect(200)).body.find((u: { role: string }) => u.role === 'ADMIN');
    const patch = await auditor.patch(`/api/v1/users/${admin.id}`).send({ active: false });
    expect(patch.status).toBe(403);
    const post = await auditor.post('/api/v1/users').send({ username: 'baru.audit', password: 'kata-sandi-baru-1', role: Role.AUDITOR });
    expect(post.status).toBe(403);
    const after = await (await t.as(Role.ADMIN)).get('/api/v1/users').expect(200);
    expect(after.body.find((u: { id: string }) => u.id === admin.id).active).toBe(true);
    expect(after.body.some((u: { username: string }) => u.username === 'baru.audit')).toBe(false);
  });

  it.each([Role.KEUANGAN, Role.OPERATOR_DINKES])('stays 403 for %s', async (role) => {
    expect((await (await t.as(role)).get('/api/v1/users')).status).toBe(403);
  });
});

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
          message: 'Perubahan tidak mengubah pengguna "lina.audit" (peran Auditor, aktif), jadi tidak dicatat.',
          details: { id: userId, username: 'lina.audit', role: Role.AUDITOR, active: true },
        },
      });
    }
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.update'`)).toEqual(before);
    // a real change still goes through; a password is always one (it ends the account's sessions)
    await patch(userId, { active: false }).then((r) => expect(r.status).toBe(200));
    expect((await patch(userId, { active: false })).body.message).toBe('Perubahan tidak mengubah pengguna "lina.audit" (peran Auditor, nonaktif), jadi tidak dicatat.');
    await patch(userId, { active: false, password: 'kata-sandi-lina-1' }).then((r) => expect(r.status).toBe(200));
  });

  it('a wrong password at login is 401 INVALID_CREDENTIALS; a missing token stays UNAUTHENTICATED', async () => {
    const login = await t.http.post('/api/v1/auth/login').send({ username: 'lina.audit', password: 'salah-salah-123' }).expect(401);
    expect(login.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.' });
    expect((await t.http.get('/api/v1/auth/me').expect(401)).body.code).toBe('UNAUTHENTICATED');
  });
});

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
      expect(res.body.message).toMatch(/satu-satunya Admin aktif/);
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

/**
 * An admin deactivating a user while that user's enrollment sheet is still processing in the background (QA: the upload
 * finished under their name and the admin was told nothing): the PATCH answer's `warnings` name it and say it finishes.
 * The upload is held PROCESSING as the lease tests hold one (UploadStore.start, no file behind it).
 */
describe('PATCH /api/v1/users/:id {"active":false} names the uploads of the user still processing', () => {
  let t: TestApp;
  let operatorId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const created = await (await t.as(Role.ADMIN)).post('/api/v1/users').send({ username: 'operator.dua', password: 'kata-sandi-operator-2', role: Role.OPERATOR_DINKES }).expect(201);
    operatorId = created.body.id;
  });
  afterAll(() => t.close());

  const patch = async (body: object) => (await t.as(Role.ADMIN)).patch(`/api/v1/users/${operatorId}`).send(body);

  it('none processing: warnings [], on every change', async () => {
    expect((await patch({ role: Role.OPERATOR_DINKES, password: 'kata-sandi-operator-3' }).then((r) => r.body)).warnings).toEqual([]);
  });

  it('deactivated with one processing (and one finished): a warning naming it, its kind, file and start, saying it finishes', async () => {
    const store = t.app.get(UploadStore);
    const { upload: held } = await store.start({ filename: 'peserta-november.xlsx', checksum: 'masih-diproses', sizeBytes: 1, uploadedBy: 'operator.dua' });
    const { upload: done } = await store.start({ filename: 'selesai.xlsx', checksum: 'sudah-selesai', sizeBytes: 1, uploadedBy: 'operator.dua' });
    await t.dataSource.query(`UPDATE enrollment_upload SET status = 'DONE' WHERE id = $1`, [done.id]);
    const [{ uploaded_at: startedAt }] = await t.dataSource.query('SELECT uploaded_at FROM enrollment_upload WHERE id = $1', [held.id]);
    const res = await patch({ active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'operator.dua', active: false });
    expect(res.body.warnings).toEqual([
      {
        code: 'UPLOADS_STILL_PROCESSING',
        message: `operator.dua dinonaktifkan, tetapi unggahannya masih diproses: lembar kepesertaan peserta-november.xlsx (mulai ${wibTimestamp(new Date(startedAt))}). Unggahan itu tetap diselesaikan dan dicatat atas nama operator.dua; periksa hasilnya di riwayat unggahan setelah selesai.`,
        uploads: [{ id: held.id, kind: 'ENROLLMENT', filename: 'peserta-november.xlsx', startedAt: new Date(startedAt).toISOString() }],
      },
    ]);
    // reactivated: nothing to warn of (the warning is of a deactivation)
    expect((await patch({ active: true })).body.warnings).toEqual([]);
    await t.dataSource.query('DELETE FROM enrollment_upload WHERE id = ANY($1::uuid[])', [[held.id, done.id]]);
  });
});
