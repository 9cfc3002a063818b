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

  it('copies of a small file sent at the same instant each answer what that upload ended as, as a later re-upload does', async () => {
    const before = await count(t, 'participant');
    const answers = await Promise.all([1, 2, 3].map(() => upload(t, 'ok/basic.xlsx')));
    const [first, ...copies] = [...answers.filter((a) => !a.body.recognised), ...answers.filter((a) => a.body.recognised)].map((a) => a.body);
    expect(copies).toHaveLength(2); // until 2026-12-05 these answered status PROCESSING, rowsRead 0
    expect(first).toMatchObject({ status: 'DONE', progress: 1 });
    expect(first.created).toBeGreaterThan(0);
    for (const copy of copies) expect(copy).toEqual({ ...first, recognised: true });
    const later = await upload(t, 'ok/basic.xlsx');
    expect(later.body).toEqual(copies[0]);
    expect(await count(t, 'participant')).toBe(before + first.created);
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM enrollment_upload WHERE filename = 'basic.xlsx'");
    expect(n).toBe(1);
  });

  it('copies of a file refused as a whole each answer the refusal, as a re-upload after it does', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => upload(t, 'not-ok/missing-required-column.xlsx', 400)));
    for (const { body } of answers) expect(body).toMatchObject({ code: 'MISSING_COLUMNS', details: { missing: ['KODE_DESA', 'TMT'] } });
    const statuses = await t.dataSource.query("SELECT status FROM enrollment_upload WHERE filename = 'missing-required-column.xlsx'");
    expect(statuses.map((u: { status: string }) => u.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
  });
});
