import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count, upload } from './support.js';

describe('uploads at the same time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.token(Role.OPERATOR_DINKES); // one login before the parallel calls
  });
  afterAll(() => t.close());

  it('two different files both land completely', async () => {
    const [a, b] = await Promise.all([upload(t, 'ok/concurrent-a.csv'), upload(t, 'ok/concurrent-b.csv')]);
    expect(a.body).toMatchObject({ status: 'DONE', accepted: 200, created: 200 });
    expect(b.body).toMatchObject({ status: 'DONE', accepted: 200, created: 200 });
    expect(await count(t, 'participant')).toBe(400);
    const byUpload = await t.dataSource.query('SELECT created_upload_id AS id, count(*)::int AS n FROM participant GROUP BY 1 ORDER BY 1');
    expect(byUpload).toEqual([a.body.id, b.body.id].sort().map((id) => ({ id, n: 200 })));
  });

  it('the same file twice makes one batch', async () => {
    const [a, b] = await Promise.all([upload(t, 'ok/semicolon-bom.csv'), upload(t, 'ok/semicolon-bom.csv')]);
    expect(a.body.id).toBe(b.body.id);
    expect([a.body.recognised, b.body.recognised].filter(Boolean)).toHaveLength(1);
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM enrollment_upload WHERE filename = 'semicolon-bom.csv'");
    expect(n).toBe(1);
    expect(await count(t, 'participant')).toBe(403);
  });
});
