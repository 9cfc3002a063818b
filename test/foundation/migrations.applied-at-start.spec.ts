import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';

// Starts the embedded database from scratch (initdb + every migration): slow on a busy machine.
jest.setTimeout(240_000);

describe('the service migrates an empty database when it starts', () => {
  let db: FreshDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await freshDatabase();
    t = await createTestApp(db.appOverrides);
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('serves the 218 desa/kelurahan with dotted codes and their kecamatan names', async () => {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/villages').expect(200);
    const villages: { code: string; name: string; kecamatanCode: string; kecamatanName: string }[] = res.body;
    expect(villages).toHaveLength(218);
    for (const v of villages) {
      expect(v.code).toMatch(/^17\.03\.\d{2}\.\d{4}$/);
      expect(v.code.startsWith(`${v.kecamatanCode}.`)).toBe(true);
      expect(v.name).not.toBe('');
      expect(v.kecamatanName).not.toBe('');
    }
    expect(new Set(villages.map((v) => v.kecamatanCode)).size).toBe(19);
    expect(new Set(villages.map((v) => v.code)).size).toBe(218);
  });
});
