import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { EnrollmentUploadErrorCode1766520000000 } from '../../src/database/migrations/1766520000000-enrollment-upload-error-code.js';
import { UploadLease } from '../../src/register/upload-lease.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { EnrollmentUploadSuperseded1766300000000 } from '../../src/database/migrations/1766300000000-enrollment-upload-superseded.js';
import { PaymentUploadIdFindingRegisterNoka1768100000000 } from '../../src/database/migrations/1768100000000-payment-upload-id-finding-register-noka.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { SplitPledgeBrin1765400000000 } from '../../src/database/migrations/1765400000000-split-pledge-brin.js';
import { insertParticipants, testNik } from '../funding/support/register.js';
import { AuditEventEntity1768500000000 } from '../../src/database/migrations/1768500000000-audit-event-entity.js';
import { AllocationFunded1765300000000 } from '../../src/database/migrations/1765300000000-allocation-funded.js';
import { type FreshDatabase, freshDatabase } from './fresh-database.js';

// One describe starts the embedded database from scratch (initdb + every migration): slow on a busy machine.
jest.setTimeout(240_000);

/**
 * Migration EnrollmentUploadErrorCode: a FAILED upload keeps its refusal's code and details beside
 * the message; uploads a restart interrupted get PROCESSING_INTERRUPTED; only FAILED ones have a code.
 */
describe('enrollment uploads keep the code of their failure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('up names the interrupted uploads failed before it, and refuses a code on an upload that did not fail; down drops both columns', async () => {
    const migration = new EnrollmentUploadErrorCode1766520000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await runner.query('DELETE FROM enrollment_upload');
      await migration.down(runner);
      const add = (checksum: string, status: string, error: string | null) =>
        runner.query(`INSERT INTO enrollment_upload (filename, checksum, size_bytes, status, error, uploaded_by, uploaded_at) VALUES ($1, $1, 1, $2, $3, 'op', now())`, [checksum, status, error]);
      await add('a', 'FAILED', 'Pemrosesan terhenti karena layanan dimulai ulang. Unggah ulang berkas.');
      await add('b', 'FAILED', 'Berkas "b.xlsx" ditolak: …');
      await add('c', 'DONE', null);
      await migration.up(runner);
      expect(await runner.query(`SELECT checksum, error_code, error_details FROM enrollment_upload ORDER BY checksum`)).toEqual([
        { checksum: 'a', error_code: 'PROCESSING_INTERRUPTED', error_details: null },
        { checksum: 'b', error_code: null, error_details: null },
        { checksum: 'c', error_code: null, error_details: null },
      ]);
      await expect(runner.query(`UPDATE enrollment_upload SET error_code = 'X' WHERE checksum = 'c'`)).rejects.toThrow(/CK_enrollment_upload_error_code/);
    } finally {
      await runner.query('DELETE FROM enrollment_upload');
      await runner.release();
    }
  });

  it('an upload a restart interrupted is FAILED with PROCESSING_INTERRUPTED on GET /enrollment-uploads/:id', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO enrollment_upload (filename, checksum, size_bytes, status, progress, rows_read, accepted, rejected, warnings, created, updated, unchanged, uploaded_by, uploaded_at)
       VALUES ('besar.xlsx', 'x', 1, 'PROCESSING', 0.3, 10, 0, 0, 0, 0, 0, 0, 'op', $1) RETURNING id`,
      [new Date(Date.now() - 24 * 3600_000)], // no lease: its start stands in (the lease is in the database's time)
    );
    await t.app.get(UploadLease).onApplicationBootstrap();
    const res = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${id}`).expect(200);
    expect(res.body).toMatchObject({ status: 'FAILED', error: 'Pemrosesan terhenti karena layanan dimulai ulang. Unggah ulang berkas.', errorCode: 'PROCESSING_INTERRUPTED', errorDetails: null });
  });
});

/**
 * Migration EnrollmentUploadSuperseded: uploads followed by a file of other content are marked
 * superseded (no longer recognised), and the checksum's unique index covers only the others.
 */
describe('enrollment uploads superseded by a later file of other content', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('up marks every upload a file of other content came after; down restores the old index', async () => {
    const migration = new EnrollmentUploadSuperseded1766300000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await runner.query('DELETE FROM enrollment_upload');
      await migration.down(runner);
      const add = (checksum: string, at: string, status = 'DONE') =>
        runner.query(`INSERT INTO enrollment_upload (filename, checksum, size_bytes, status, uploaded_by, uploaded_at) VALUES ($1, $1, 1, $2, 'op', $3)`, [checksum, status, at]);
      await add('a', '2026-11-01T01:00:00Z');
      await add('b', '2026-11-02T01:00:00Z');
      await add('a', '2026-11-03T01:00:00Z', 'FAILED');
      await add('c', '2026-11-04T01:00:00Z');
      await migration.up(runner);
      const rows = await runner.query(`SELECT checksum, status, superseded FROM enrollment_upload ORDER BY uploaded_at`);
      expect(rows).toEqual([
        { checksum: 'a', status: 'DONE', superseded: true },
        { checksum: 'b', status: 'DONE', superseded: true },
        { checksum: 'a', status: 'FAILED', superseded: true },
        { checksum: 'c', status: 'DONE', superseded: false },
      ]);
      // 'a' again is a new upload now; a second current 'c' is refused by the index
      await add('a', '2026-11-05T01:00:00Z');
      await expect(add('c', '2026-11-06T01:00:00Z')).rejects.toThrow(/UQ_enrollment_upload_checksum/);
    } finally {
      await runner.query('DELETE FROM enrollment_upload');
      await runner.release();
    }
  });
});

/**
 * Migration PaymentUploadIdFindingRegisterNoka: `payment.upload_id` (nullable) with FK_payment_upload to
 * `payment_upload`, checked at commit (a sheet's payments are written before its upload row, in the same transaction),
 * IDX_payment_upload_id of the payments from sheets only, and `finding.register_noka`; down drops them all. A payment naming no upload is refused at commit.
 */
type Queryable = { query(sql: string, args?: unknown[]): Promise<Record<string, unknown>[]> };

describe('migrations: payment.upload_id and finding.register_noka', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
  });
  afterAll(() => t?.close());

  const schema = async (on: Queryable) => ({
    column: (await on.query(`SELECT data_type, is_nullable FROM information_schema.columns WHERE table_name = 'payment' AND column_name = 'upload_id'`))[0],
    fk: (await on.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'FK_payment_upload'`))[0]?.def,
    index: ((await on.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'payment' AND indexname = 'IDX_payment_upload_id'`))[0]?.indexdef as string | undefined)?.replace(/^.* USING /, ''),
    registerNoka: (await on.query(`SELECT data_type FROM information_schema.columns WHERE table_name = 'finding' AND column_name = 'register_noka'`))[0]?.data_type,
  });
  const UP = {
    column: { data_type: 'uuid', is_nullable: 'YES' },
    fk: 'FOREIGN KEY (upload_id) REFERENCES payment_upload(id) DEFERRABLE INITIALLY DEFERRED',
    index: 'btree (upload_id) WHERE (upload_id IS NOT NULL)',
    registerNoka: 'text',
  };

  it('up adds the column, its deferred foreign key and partial index; down drops them', async () => {
    const migration = new PaymentUploadIdFindingRegisterNoka1768100000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await schema(runner)).toEqual(UP);
      await migration.down(runner);
      expect(await schema(runner)).toEqual({ column: undefined, fk: undefined, index: undefined, registerNoka: undefined });
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await schema(t.dataSource)).toEqual(UP);
  });

  it('a payment naming an upload that is never written is refused at commit', async () => {
    const insert = `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by, upload_id)
                    VALUES ('APBD-2026', '2026-10', 1000, '2026-10-05', 'X', 'uji', '00000000-0000-4000-8000-000000000000')`;
    await expect(t.dataSource.transaction((m) => m.query(insert))).rejects.toThrow(/FK_payment_upload/);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM payment`)).toEqual([{ n: 0 }]);
  });
});

/**
 * Migration AuditEventEntity: `audit_event_entity`, the records an event concerns beside its own id (a payment sheet's
 * payments), keyed by the record's id; append-only as the trail; the sheets uploaded before it linked to their payments
 * (`payment.upload_id`). Down drops it and the index of the events' own ids.
 */
describe('migrations: the audit trail finds a payment sheet by its payments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
  });
  afterAll(() => t?.close());

  it('up links the sheets uploaded before it to their payments, refuses changing a link; down drops the table', async () => {
    const csv = ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI', 'APBD-2026;2026-10;1000;2026-10-06;SP2D M1', 'APBD-2026;2026-10;2000;2026-10-07;SP2D M2'].join('\n');
    const sheet = (await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(csv), 'lama.csv').expect(201)).body;
    const payments: { id: string }[] = await t.dataSource.query(`SELECT id::text FROM payment WHERE upload_id = $1 ORDER BY reference`, [sheet.id]);
    const [event] = await t.dataSource.query(`SELECT id::text FROM audit_event WHERE action = 'payment.upload'`);
    const links = (on: Queryable) => on.query(`SELECT entity_id AS "entityId", entity, event_id::text AS "eventId" FROM audit_event_entity ORDER BY entity_id`);
    const expected = payments.map((p) => ({ entityId: p.id, entity: 'payment', eventId: event.id })).sort((a, b) => a.entityId.localeCompare(b.entityId));
    const migration = new AuditEventEntity1768500000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await links(runner)).toEqual(expected); // written with the event
      await migration.down(runner);
      expect(await runner.query(`SELECT to_regclass('audit_event_entity') AS t, to_regclass('"IDX_audit_event_entity_id"') AS i`)).toEqual([{ t: null, i: null }]);
      await migration.up(runner);
      expect(await links(runner)).toEqual(expected); // the sheet uploaded before it, from its payments
      await expect(runner.query(`DELETE FROM audit_event_entity`)).rejects.toThrow(/append-only/);
    } finally {
      await runner.release();
    }
  });
});

/**
 * Migration SplitPledgeBrin: a pledge's splits are found by a BRIN index on pledge_code in every
 * partition of `split` (the month partitions already attached included); down brings back the
 * b-tree (pledge_code, month).
 */
describe('the splits of a pledge are indexed by block range', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-15T03:00:00Z')); // January 2027 may be allocated (MONTH_IN_FUTURE)
    const keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2025-06-01' }]);
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2027', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2027, scope: 'ALL' }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2027-01' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The pledge index of each partition of `split` touched here: its access method and columns. */
  const pledgeIndexes = (on: { query(sql: string): Promise<unknown> }) =>
    on.query(`
      SELECT t.relname AS partition, am.amname AS method, pg_get_indexdef(ix.indexrelid, 0, true) ~ 'pledge_code, month' AS with_month
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_class x ON x.oid = ix.indexrelid
        JOIN pg_am am ON am.oid = x.relam
       WHERE t.relname IN ('split', 'split_default', 'split_2027_01') AND pg_get_indexdef(ix.indexrelid) ~ '\\(pledge_code'
       ORDER BY 1`);

  it('up gives every partition, old and new, the BRIN index; down the b-tree (pledge_code, month)', async () => {
    const migration = new SplitPledgeBrin1765400000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await pledgeIndexes(runner)).toEqual(['split', 'split_2027_01', 'split_default'].map((partition) => ({ partition, method: 'brin', with_month: false })));
      await migration.down(runner);
      expect(await pledgeIndexes(runner)).toEqual(['split', 'split_2027_01', 'split_default'].map((partition) => ({ partition, method: 'btree', with_month: true })));
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await pledgeIndexes(t.dataSource)).toEqual(['split', 'split_2027_01', 'split_default'].map((partition) => ({ partition, method: 'brin', with_month: false })));
  });
});

/**
 * Migration AllocationFunded: the per-pledge totals of every month already allocated are filled
 * from its splits; months never allocated (rows written directly) get none; down drops the table.
 */
describe('allocation_funded is filled from the splits of the months allocated before it existed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('up sums each allocated month per pledge; a month without allocation_month gets nothing', async () => {
    const migration = new AllocationFunded1765300000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await migration.down(runner);
      await runner.query(`
        INSERT INTO allocation_month (month, fiscal_year, status) VALUES ('2026-01', 2026, 'CURRENT'), ('2026-02', 2026, 'STALE')`);
      await runner.query(`
        INSERT INTO split (month, nik, pledge_code, pledge_revision, amount) VALUES
          ('2026-01', '1703060101000001', 'APBD-2026', 1, 37800),
          ('2026-01', '1703060101000002', 'APBD-2026', 1, 22680),
          ('2026-01', '1703060101000002', 'APBD_PROV-2026', 2, 15120),
          ('2026-02', '1703060101000001', 'APBD-2026', 1, 37800),
          ('2026-03', '1703060101000001', 'APBD-2026', 1, 37800)`);
      await migration.up(runner);
      expect(await runner.query(`SELECT month, pledge_code, participants, amount::int FROM allocation_funded ORDER BY month, pledge_code`)).toEqual([
        { month: '2026-01', pledge_code: 'APBD-2026', participants: 2, amount: 60480 },
        { month: '2026-01', pledge_code: 'APBD_PROV-2026', participants: 1, amount: 15120 },
        { month: '2026-02', pledge_code: 'APBD-2026', participants: 1, amount: 37800 },
      ]);
    } finally {
      await runner.release();
    }
  });
});

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
