/**
 * Migration DropParticipantNameIndex: `participant` loses IDX_participant_name (down gives it back),
 * and the name-prefix search works the same without it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DropParticipantNameIndex1765600000000 } from '../../src/database/migrations/1765600000000-drop-participant-name-index.js';
import { insertParticipants, testNik } from '../funding/support/register.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { Role } from '../../src/users/role.js';

describe('the participant name index is gone; searching by name still works', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: testNik(911), tmt: '2025-06-01', name: 'Dewi Lestari' },
      { nik: testNik(912), tmt: '2025-06-01', name: 'DEWANTO' },
      { nik: testNik(913), tmt: '2025-06-01', name: 'Andi Dewi' },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  const indexes = async (on: { query(sql: string): Promise<unknown> }) =>
    ((await on.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'participant' ORDER BY indexname`)) as { indexname: string }[]).map((r) => r.indexname);

  it('up drops IDX_participant_name, down recreates it, the other indexes stay', async () => {
    const migration = new DropParticipantNameIndex1765600000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await indexes(runner)).toEqual(['IDX_participant_village', 'PK_participant', 'UQ_participant_active_noka']);
      await migration.down(runner);
      expect(await indexes(runner)).toEqual(['IDX_participant_name', 'IDX_participant_village', 'PK_participant', 'UQ_participant_active_noka']);
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await indexes(t.dataSource)).toEqual(['IDX_participant_village', 'PK_participant', 'UQ_participant_active_noka']);
  });

  it('GET /participants?name= finds names by prefix, in any case, without the index', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/participants?name=DEW').expect(200);
    expect(res.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['DEWANTO', 'Dewi Lestari']);
    expect(res.body.total).toBe(2);
  });
});
