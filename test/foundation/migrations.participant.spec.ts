import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ParticipantKeyCoversCoverage1765700000000 } from '../../src/database/migrations/1765700000000-participant-key-covers-coverage.js';
import { COVERED_PARTICIPANTS } from '../../src/funding/sql/allocate.sql.js';
import { insertParticipants, testNik } from '../funding/support/register.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { ParticipantNikCCollation1765500000000 } from '../../src/database/migrations/1765500000000-participant-nik-c-collation.js';
import { ParticipantVillageCheck1765100000000 } from '../../src/database/migrations/1765100000000-participant-village-check.js';
import { DropParticipantNameIndex1765600000000 } from '../../src/database/migrations/1765600000000-drop-participant-name-index.js';
import { ParticipantChangeVoid1768900000000 } from '../../src/database/migrations/1768900000000-participant-change-void.js';
import { ParticipantChangeConsoleReason1770200000000 } from '../../src/database/migrations/1770200000000-participant-change-console-reason.js';
import { NamesComposed1770300000000 } from '../../src/database/migrations/1770300000000-names-composed.js';
import { Role } from '../../src/users/role.js';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';

/**
 * Migration ParticipantKeyCoversCoverage: PK_participant carries the columns the allocation reads
 * (village, TMT, TAT), so the month's candidates are read from the key alone; down gives the key
 * back its NIK only.
 */
describe("the register's key covers what a month's allocation reads of it", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: testNik(902), tmt: '2025-06-01' }]);
  });
  afterAll(async () => {
    await t.close();
  });

  const key = async (on: { query(sql: string): Promise<{ key: string }[]> }) =>
    (await on.query(`SELECT pg_get_indexdef('"PK_participant"'::regclass) AS key`))[0].key.replace(/^.* USING /, '');

  it('up makes the key (nik) INCLUDE (village_code, tmt, tat), down (nik); the register keeps its rows', async () => {
    const migration = new ParticipantKeyCoversCoverage1765700000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await key(runner)).toBe('btree (nik) INCLUDE (village_code, tmt, tat)');
      await migration.down(runner);
      expect(await key(runner)).toBe('btree (nik)');
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await key(t.dataSource)).toBe('btree (nik) INCLUDE (village_code, tmt, tat)');
    expect(await t.dataSource.query(`SELECT nik FROM participant WHERE nik = $1`, [testNik(902)])).toEqual([{ nik: testNik(902) }]);
  });

  it("reads a month's candidates from the key alone (an index-only scan), never from the rows", async () => {
    await t.dataSource.query('VACUUM participant'); // as autovacuum does after an upload: the visibility map set
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('SET enable_seqscan = off'); // a one-row register: the plan a million rows get
      const plan: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN ${COVERED_PARTICIPANTS}`, ['2026-01-01', '2026-01-31']);
      expect(plan[0]['QUERY PLAN']).toMatch(/^Index Only Scan using "PK_participant" on participant/);
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
  });
});

/**
 * Migration ParticipantNikCCollation: `participant.nik` gets the "C" collation of the month tables'
 * NIKs, its primary key rebuilt with it; down gives both back the database's default collation.
 */
describe('participant NIKs are compared by code point, like the month tables', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: testNik(901), tmt: '2025-06-01' }]);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The collation of participant.nik and of the key column of PK_participant. */
  const collations = (on: { query(sql: string): Promise<unknown> }) =>
    on.query(`
      SELECT (SELECT c.collname FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation
               WHERE a.attrelid = 'participant'::regclass AND a.attname = 'nik') AS "column",
             (SELECT c.collname FROM pg_index i JOIN pg_collation c ON c.oid = i.indcollation[0]
               WHERE i.indexrelid = '"PK_participant"'::regclass) AS "key"`);

  it('up sets "C" on the column and its key, down the default; the register keeps its rows', async () => {
    const migration = new ParticipantNikCCollation1765500000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await collations(runner)).toEqual([{ column: 'C', key: 'C' }]);
      await migration.down(runner);
      expect(await collations(runner)).toEqual([{ column: 'default', key: 'default' }]);
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await collations(t.dataSource)).toEqual([{ column: 'C', key: 'C' }]);
    expect(await t.dataSource.query(`SELECT nik FROM participant WHERE nik = $1`, [testNik(901)])).toEqual([{ nik: testNik(901) }]);
  });
});

/**
 * Migration ParticipantVillageCheck: a participant's village is checked by "CHK_participant_village"
 * (the regency's desa/kelurahan codes) instead of a foreign key; down brings the foreign key back.
 */
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

/**
 * Migration DropParticipantNameIndex: `participant` loses IDX_participant_name (down gives it back),
 * and the name-prefix search works the same without it.
 */
describe('the participant name index is gone; searching by name still works', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: testNik(911), tmt: '2025-06-01', name: 'Dewi Lestari' },
      { nik: testNik(912), tmt: '2025-06-01', name: 'DEWANTO' },
      { nik: testNik(913), tmt: '2025-06-01', name: 'Andi Dewi' },
      { nik: testNik(914), tmt: '2025-06-01', name: 'Ma\u2019ruf Amin' },
      { nik: testNik(915), tmt: '2025-06-01', name: "Ma'arif" },
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
      expect(await indexes(runner)).toEqual(['IDX_participant_changed_xid', 'IDX_participant_ended_noka', 'IDX_participant_village', 'PK_participant', 'UQ_participant_active_noka']);
      await migration.down(runner);
      expect(await indexes(runner)).toEqual(['IDX_participant_changed_xid', 'IDX_participant_ended_noka', 'IDX_participant_name', 'IDX_participant_village', 'PK_participant', 'UQ_participant_active_noka']);
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await indexes(t.dataSource)).toEqual(['IDX_participant_changed_xid', 'IDX_participant_ended_noka', 'IDX_participant_village', 'PK_participant', 'UQ_participant_active_noka']);
  });

  it('GET /participants?name= finds names by prefix, in any case, without the index', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/participants?name=DEW').expect(200);
    expect(res.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['DEWANTO', 'Dewi Lestari']);
    expect(res.body.total).toBe(2);
  });

  it("GET /participants?name= takes a straight or a curly apostrophe for either (QA operator: ma'ruf did not find Ma’ruf)", async () => {
    const auditor = await t.as(Role.AUDITOR);
    const names = async (q: string) => (await auditor.get(`/api/v1/participants?name=${encodeURIComponent(q)}`).expect(200)).body.items.map((p: { name: string }) => p.name);
    expect(await names("ma'ruf")).toEqual(['Ma\u2019ruf Amin']);
    expect(await names('MA\u2019A')).toEqual(["Ma'arif"]);
    expect((await names("ma'")).sort()).toEqual(["Ma'arif", 'Ma\u2019ruf Amin'].sort());
  });
});

/** Migration ParticipantChangeVoid: a VOID history row with its reason (and only a VOID has one); down removes both. */
describe('the history holds voided registrations (ParticipantChangeVoid)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const insert = (on: { query(sql: string): Promise<unknown> }, kind: string, reason: string | null) =>
    on.query(`INSERT INTO participant_change (nik, kind, changes, changed_by, reason) VALUES ('${testNik(903)}', '${kind}', '{}', 'uji', ${reason === null ? 'NULL' : `'${reason}'`})`);

  it('up takes a VOID with a reason and refuses one without, or an UPDATE with one; down drops the VOIDs and the column', async () => {
    const later = new ParticipantChangeConsoleReason1770200000000(); // allows a reason on an UPDATE without an upload: undone first
    const migration = new ParticipantChangeVoid1768900000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await later.down(runner);
      await insert(runner, 'VOID', 'NIK salah ketik');
      await expect(insert(runner, 'VOID', null)).rejects.toThrow(/CHK_participant_change_void_reason/);
      await expect(insert(runner, 'UPDATE', 'alasan')).rejects.toThrow(/CHK_participant_change_void_reason/);
      await insert(runner, 'UPDATE', null);
      await migration.down(runner);
      expect(await runner.query(`SELECT kind FROM participant_change WHERE nik = '${testNik(903)}'`)).toEqual([{ kind: 'UPDATE' }]);
      await expect(runner.query(`INSERT INTO participant_change (nik, kind, changes, changed_by) VALUES ('${testNik(903)}', 'VOID', '{}', 'uji')`)).rejects.toThrow(/CHK_participant_change_kind/);
      expect(await runner.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'participant_change' AND column_name = 'reason'`)).toEqual([]);
    } finally {
      await migration.up(runner);
      await later.up(runner);
      await runner.release();
    }
    await insert(t.dataSource, 'VOID', 'lagi');
  });
});

/**
 * Migration ParticipantChangeConsoleReason: an UPDATE made in the console, without an upload (a card taken away), keeps
 * its reason; an upload's UPDATE has none, a VOID still needs one. Down leaves the console UPDATEs without their reason.
 */
describe('the history keeps why a change made in the console was made (ParticipantChangeConsoleReason)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const insert = (on: { query(sql: string): Promise<unknown> }, upload: string | null, reason: string | null) =>
    on.query(`INSERT INTO participant_change (nik, upload_id, kind, changes, changed_by, reason) VALUES ('${testNik(904)}', ${upload === null ? 'NULL' : `'${upload}'`}, 'UPDATE', '{}', 'uji', ${reason === null ? 'NULL' : `'${reason}'`})`);
  const upload = '00000000-0000-4000-8000-000000000001';

  it('up takes an UPDATE without an upload with a reason, refuses an upload\'s UPDATE with one; down drops those reasons', async () => {
    await insert(t.dataSource, null, 'kartu milik orang lain');
    await insert(t.dataSource, upload, null);
    await expect(insert(t.dataSource, upload, 'alasan')).rejects.toThrow(/CHK_participant_change_void_reason/);
    await expect(t.dataSource.query(`INSERT INTO participant_change (nik, kind, changes, changed_by) VALUES ('${testNik(904)}', 'VOID', '{}', 'uji')`)).rejects.toThrow(/CHK_participant_change_void_reason/);
    const migration = new ParticipantChangeConsoleReason1770200000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await migration.down(runner);
      expect(await runner.query(`SELECT upload_id, reason FROM participant_change WHERE nik = '${testNik(904)}' ORDER BY id`)).toEqual([
        { upload_id: null, reason: null },
        { upload_id: upload, reason: null },
      ]);
      await expect(insert(runner, null, 'alasan')).rejects.toThrow(/CHK_participant_change_void_reason/);
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    await insert(t.dataSource, null, 'lagi');
  });
});

/**
 * Migration NamesComposed on a register written before uploads composed names (NFD) or took the zero-width characters
 * out: a database migrated up to the migration before it gets such rows, then the service starts (and migrates it): the
 * names are stored as uploads store them, in the register and in the history's copies, and a composed search finds
 * them; down does nothing.
 */
// Starts a database from scratch (every migration) for the last describe: slow on a busy machine.
jest.setTimeout(240_000);

describe('names stored decomposed or with hidden characters are stored as uploads store them (NamesComposed)', () => {
  let db: FreshDatabase;
  let t: TestApp;
  const decomposed = 'Jose\u0301 Nguye\u0302\u0303n\u200b Ha\u00ad\u2060di';
  const composed = 'Jos\u00e9 Nguy\u1ec5n Hadi';
  let before: { name: string; nfc: boolean }[];
  beforeAll(async () => {
    db = await freshDatabase();
    const old = await new DataSource({ ...dataSourceOptions(db), migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(NamesComposed1770300000000)) }).initialize();
    await old.runMigrations({ transaction: 'each' });
    await insertParticipants(old, [
      { nik: testNik(921), tmt: '2025-06-01', name: decomposed },
      { nik: testNik(922), tmt: '2025-06-01', name: 'Siti Aisyah' },
    ]);
    const change = (nik: string, kind: string, changes: object, reason: string | null = null) =>
      old.query(`INSERT INTO participant_change (nik, kind, changes, changed_by, reason) VALUES ($1, $2, $3::jsonb, 'uji', $4)`, [nik, kind, JSON.stringify(changes), reason]);
    await change(testNik(921), 'UPDATE', { name: { old: 'Jose\u0301 Hadi', new: decomposed } });
    await change(testNik(921), 'UPDATE', { name: { old: 'Jose\u0301 Nguye\u0302\u0303n Hadi', new: decomposed }, noka: { old: null, new: '0001234567890' } }, 'kartu');
    await change(testNik(923), 'VOID', { name: { old: 'Re\u0301ni\u200b', new: null }, sex: { old: 'P', new: null } }, 'salah ketik');
    before = await old.query(`SELECT name, name IS NFC NORMALIZED AS nfc FROM participant WHERE nik = $1`, [testNik(921)]);
    await old.destroy();
    t = await createTestApp(db.appOverrides); // the service migrates the database when it starts: NamesComposed runs
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const names = async (q: string) =>
    (await (await t.as(Role.AUDITOR)).get(`/api/v1/participants?name=${encodeURIComponent(q)}`).expect(200)).body.items.map((p: { name: string }) => p.name);

  it('composes the names (NFC) and takes out U+200B, U+00AD, U+2060; the composed search then finds them', async () => {
    expect(before).toEqual([{ name: decomposed, nfc: false }]);
    const [{ name, nfc }] = await t.dataSource.query(`SELECT name, name IS NFC NORMALIZED AS nfc FROM participant WHERE nik = $1`, [testNik(921)]);
    expect([name, nfc]).toEqual([composed, true]);
    expect(await names('Jos\u00e9 Nguy\u1ec5n')).toEqual([composed]);
    expect(await names('jose\u0301')).toEqual([composed]); // the query is composed too
    expect(await names('Siti')).toEqual(['Siti Aisyah']); // a name already as stored is left alone
  });

  it("the history's names alike, so it replays to the register's row; down changes nothing", async () => {
    const history = async () =>
      (await t.dataSource.query(`SELECT changes FROM participant_change WHERE nik IN ($1, $2) ORDER BY id`, [testNik(921), testNik(923)])).map((r: { changes: unknown }) => r.changes);
    const expected = [
      { name: { old: 'Jos\u00e9 Hadi', new: composed } },
      { noka: { old: null, new: '0001234567890' } }, // the name differed only by its composition: no name change left
      { name: { old: 'R\u00e9ni', new: null }, sex: { old: 'P', new: null } },
    ];
    expect(await history()).toEqual(expected);
    const page = await (await t.as(Role.AUDITOR)).get(`/api/v1/participants/${testNik(921)}`).expect(200);
    expect(page.body.name).toBe(composed);
    expect(page.body.history.map((h: { kind: string; changes: { name?: unknown } }) => [h.kind, h.changes.name ?? null])).toEqual([
      ['UPDATE', { old: 'Jos\u00e9 Hadi', new: composed }],
      ['UPDATE', null],
    ]);
    await new NamesComposed1770300000000().down(); // a no-op: the decomposed forms are not kept
    expect(await history()).toEqual(expected);
  });
});
