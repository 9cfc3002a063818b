/**
 * Migration ParticipantCreationOnRow on a register written by the old code (a CREATE history row
 * with the initial values for every participant): up folds the CREATE rows into their participant
 * and the detail still shows the same history; down writes the CREATE rows back as they were.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { ParticipantCreationOnRow1765000000000 } from '../../src/database/migrations/1765000000000-participant-creation-on-row.js';
import type { AllocateMonth } from '../../src/funding/use-cases/allocate-month.use-case.js';
import { ParticipantsService } from '../../src/register/participants.service.js';
import type { RegionsService } from '../../src/regions/regions.service.js';
import { Role } from '../../src/users/role.js';
import { freshDatabase, type FreshDatabase } from './fresh-database.js';

// Starts the embedded database from scratch (initdb + every migration): slow on a busy machine.
jest.setTimeout(240_000);

const UNTIL = MIGRATIONS.indexOf(ParticipantCreationOnRow1765000000000);
const U1 = '11111111-1111-4111-8111-111111111111';
const U2 = '22222222-2222-4222-8222-222222222222';
const U3 = '33333333-3333-4333-8333-333333333333';
const T1 = '2026-01-10T03:00:00.000Z';
const T2 = '2026-02-11T04:00:00.000Z';
const T3 = '2026-03-12T05:00:00.000Z';

/** What the old code wrote (promote.sql.ts before this migration), for three participants. */
async function seedOldRegister(ds: DataSource): Promise<void> {
  await ds.query(`
    INSERT INTO participant (nik, no_kk, noka, name, birth_date, sex, village_code, tmt, tat, end_reason, last_upload_id, created_at, updated_at) VALUES
      -- registered by U1, changed by U2 (name, card, village) and U3 (name again, death)
      ('1703060101700031', '1703060101200001', '0001000000399', 'Tiga Satu Akhir', '1970-01-01', 'L', '17.03.06.2003', '2025-01-01', '2026-03-10', 'MENINGGAL', '${U3}', '${T1}', '${T3}'),
      -- registered by U1, never changed
      ('1703064101700032', '1703060101200001', NULL, 'Tiga Dua', '1970-01-01', 'P', '17.03.06.2002', '2025-02-01', NULL, NULL, '${U1}', '${T1}', '${T1}'),
      -- written by hand (no CREATE row), later changed by U2
      ('1703060101700034', '1703060101200001', NULL, 'Tiga Empat', '1970-01-01', 'L', '17.03.06.2001', '2025-01-01', NULL, NULL, '${U2}', '2025-12-01T00:00:00Z', '${T2}')`);
  const initial = (nik: string, noka: string | null, name: string, sex: string, village: string, tmt: string) =>
    `('${nik}', '${U1}', 'CREATE', jsonb_build_object('noKk', '1703060101200001'::text, 'noka', ${noka ? `'${noka}'::text` : 'NULL::text'}, 'name', '${name}'::text,
       'birthDate', '1970-01-01'::date, 'sex', '${sex}'::text, 'villageCode', '${village}'::text, 'tmt', '${tmt}'::date, 'tat', NULL::date, 'endReason', NULL::text),
      'operator', '${T1}')`;
  await ds.query(`
    INSERT INTO participant_change (nik, upload_id, kind, changes, changed_by, changed_at) VALUES
      ${initial('1703060101700031', '0001000000311', 'Tiga Satu', 'L', '17.03.06.2001', '2025-01-01')},
      ${initial('1703064101700032', null, 'Tiga Dua', 'P', '17.03.06.2002', '2025-02-01')},
      ('1703060101700031', '${U2}', 'UPDATE', '{"name": {"old": "Tiga Satu", "new": "Tiga Satu Baru"}, "noka": {"old": "0001000000311", "new": "0001000000399"},
        "villageCode": {"old": "17.03.06.2001", "new": "17.03.06.2003"}}', 'operator-2', '${T2}'),
      ('1703060101700034', '${U2}', 'UPDATE', '{"name": {"old": "Tiga Empat Lama", "new": "Tiga Empat"}}', 'operator-2', '${T2}'),
      ('1703060101700031', '${U3}', 'UPDATE', '{"name": {"old": "Tiga Satu Baru", "new": "Tiga Satu Akhir"}, "tat": {"old": null, "new": "2026-03-10"},
        "endReason": {"old": null, "new": "MENINGGAL"}}', 'operator', '${T3}')`);
}

async function kindCheck(ds: DataSource): Promise<string> {
  const [row] = await ds.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'CHK_participant_change_kind'`);
  return row.def;
}

const HISTORY = 'SELECT id::int AS id, nik, upload_id, kind, changes, changed_by, changed_at FROM participant_change ORDER BY nik, id';

describe('migration ParticipantCreationOnRow', () => {
  let db: FreshDatabase;
  let ds: DataSource;
  let before: Record<string, unknown>[];
  beforeAll(async () => {
    db = await freshDatabase();
    const old = await new DataSource({ ...dataSourceOptions(db), migrations: MIGRATIONS.slice(0, UNTIL) }).initialize();
    await old.runMigrations({ transaction: 'each' });
    await seedOldRegister(old);
    before = await old.query(HISTORY);
    await old.destroy();
    ds = await new DataSource({ ...dataSourceOptions(db), migrations: MIGRATIONS.slice(0, UNTIL + 1) }).initialize();
    expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(1);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db.drop();
  });

  it('records each creation on its participant and deletes the CREATE rows', async () => {
    const rows = await ds.query('SELECT nik, created_upload_id, created_by, created_at FROM participant ORDER BY nik');
    expect(rows).toEqual([
      { nik: '1703060101700031', created_upload_id: U1, created_by: 'operator', created_at: new Date(T1) },
      { nik: '1703060101700034', created_upload_id: null, created_by: null, created_at: new Date('2025-12-01T00:00:00Z') },
      { nik: '1703064101700032', created_upload_id: U1, created_by: 'operator', created_at: new Date(T1) },
    ]);
    const history: { id: number; kind: string }[] = await ds.query(HISTORY);
    expect(history).toEqual(before.filter((h) => h.kind === 'UPDATE'));
  });

  it('allows only UPDATE history rows from now on', async () => {
    await expect(
      ds.query(`INSERT INTO participant_change (nik, upload_id, kind, changes, changed_by) VALUES ('1703064101700032', '${U1}', 'CREATE', '{}', 'x')`),
    ).rejects.toThrow(/CHK_participant_change_kind/);
    expect(await kindCheck(ds)).not.toMatch(/CREATE/);
  });

  it('the detail shows the same history as before: CREATE with the registered values, then the updates', async () => {
    // the history alone is compared here (no month is allocated in this database: nothing to recompute)
    const service = new ParticipantsService(ds, { refreshStale: async () => undefined } as unknown as AllocateMonth, {} as RegionsService);
    // today's service reads today's participant_change, with the `reason` of a VOID (migration 1768900000000)
    await ds.query('ALTER TABLE participant_change ADD COLUMN reason text');
    // an operator's read: the history without the funding, whose query reads today's schema (pledge_terms), not this migration's
    const reader = { id: '00000000-0000-4000-8000-000000000001', username: 'uji', role: Role.OPERATOR_DINKES };
    const changed = await service.get('1703060101700031', reader);
    expect(JSON.parse(JSON.stringify(changed.history))).toEqual([
      {
        id: null,
        kind: 'CREATE',
        uploadId: U1,
        uploadFilename: null, // no such upload row in this database
        changedBy: 'operator',
        changedAt: T1,
        changes: {
          noKk: { old: null, new: '1703060101200001' },
          noka: { old: null, new: '0001000000311' },
          name: { old: null, new: 'Tiga Satu' },
          birthDate: { old: null, new: '1970-01-01' },
          sex: { old: null, new: 'L' },
          villageCode: { old: null, new: '17.03.06.2001' },
          tmt: { old: null, new: '2025-01-01' },
        },
      },
      {
        id: before[1].id,
        kind: 'UPDATE',
        uploadId: U2,
        uploadFilename: null, // no such upload row in this database
        changedBy: 'operator-2',
        changedAt: T2,
        changes: {
          name: { old: 'Tiga Satu', new: 'Tiga Satu Baru' },
          noka: { old: '0001000000311', new: '0001000000399' },
          villageCode: { old: '17.03.06.2001', new: '17.03.06.2003' },
        },
      },
      {
        id: before[2].id,
        kind: 'UPDATE',
        uploadId: U3,
        uploadFilename: null, // no such upload row in this database
        changedBy: 'operator',
        changedAt: T3,
        changes: { name: { old: 'Tiga Satu Baru', new: 'Tiga Satu Akhir' }, tat: { old: null, new: '2026-03-10' }, endReason: { old: null, new: 'MENINGGAL' } },
      },
    ]);
    expect((await service.get('1703064101700032', reader)).history.map((h) => h.kind)).toEqual(['CREATE']);
    expect((await service.get('1703060101700034', reader)).history.map((h) => h.kind)).toEqual(['UPDATE']);
  });

  it('down writes the CREATE rows back with the initial values, before each participant’s updates', async () => {
    await ds.undoLastMigration({ transaction: 'each' });
    const after: Record<string, unknown>[] = await ds.query(HISTORY);
    // Same rows, same values; the rebuilt CREATE rows have new (negative) ids, the updates keep theirs.
    const withoutCreateIds = (rows: Record<string, unknown>[]) => rows.map((r) => (r.kind === 'CREATE' ? { ...r, id: 'CREATE' } : r));
    expect(withoutCreateIds(after)).toEqual(withoutCreateIds(before));
    for (const r of after.filter((r) => r.kind === 'CREATE')) expect(r.id).toBeLessThan(0);
    const columns = await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'participant' AND column_name LIKE 'created%' ORDER BY 1`);
    expect(columns).toEqual([{ column_name: 'created_at' }]);
    expect(await kindCheck(ds)).toMatch(/'CREATE'.*'UPDATE'/);
    // And up runs again on the restored data.
    expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(1);
    expect(await ds.query('SELECT count(*)::int AS n FROM participant WHERE created_by IS NOT NULL')).toEqual([{ n: 2 }]);
  });
});
