/**
 * An auditor reads everything, the user list included (who holds which role, who is deactivated),
 * but changes nothing: GET /api/v1/users is ADMIN and AUDITOR, POST and PATCH stay ADMIN's (QA: the
 * list answered 403 to the auditor although the Roles table said they read everything).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

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
