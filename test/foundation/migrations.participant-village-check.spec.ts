/**
 * Migration ParticipantVillageCheck: a participant's village is checked by "CHK_participant_village"
 * (the regency's desa/kelurahan codes) instead of a foreign key; down brings the foreign key back.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ParticipantVillageCheck1765100000000 } from '../../src/database/migrations/1765100000000-participant-village-check.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Queryable = { query(sql: string): Promise<unknown> };
let serial = 10;
const insert = (village: string) => `
  INSERT INTO participant (nik, no_kk, name, birth_date, sex, village_code, tmt)
  VALUES ('17030601017000${serial++}', '1703060101200001', 'Uji Desa', '1970-01-01', 'L', '${village}', '2025-01-01')`;

describe('a participant lives in a village of the regency (CHK_participant_village)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Check and foreign-key constraints on the village column. */
  const constraints = async (q: Queryable = t.dataSource) =>
    (
      (await q.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'participant'::regclass AND contype IN ('c', 'f') AND conname LIKE '%village%' ORDER BY conname`)) as {
        conname: string;
      }[]
    ).map((r) => r.conname);

  it('accepts a desa and a kelurahan code and refuses a kecamatan code, an unknown code and an undotted code', async () => {
    expect(await constraints()).toEqual(['CHK_participant_village']);
    const [{ desa }] = await t.dataSource.query(`SELECT min(code) AS desa FROM region WHERE level = 'desa'`);
    const [{ kelurahan }] = await t.dataSource.query(`SELECT min(code) AS kelurahan FROM region WHERE level = 'kelurahan'`);
    const [{ kecamatan }] = await t.dataSource.query(`SELECT min(code) AS kecamatan FROM region WHERE level = 'kecamatan'`);
    await t.dataSource.query(insert(desa));
    await t.dataSource.query(insert(kelurahan));
    for (const bad of [kecamatan, '17.03.06.9999', desa.replace(/\./g, '')]) {
      await expect(t.dataSource.query(insert(bad))).rejects.toMatchObject({ constraint: 'CHK_participant_village' });
    }
    expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM participant'))[0].n)).toBe(2);
  });

  it('down restores the foreign key to region, up the check again', async () => {
    const migration = new ParticipantVillageCheck1765100000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await migration.down(runner);
      expect(await constraints(runner)).toEqual(['FK_participant_village']);
      await expect(runner.query(insert('17.03.06.9999'))).rejects.toMatchObject({ constraint: 'FK_participant_village' });
      await migration.up(runner);
      expect(await constraints(runner)).toEqual(['CHK_participant_village']);
    } finally {
      await runner.release();
    }
  });
});
