import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PaymentAdjustsMonthIndex1767240000000 } from '../../src/database/migrations/1767240000000-payment-adjusts-month-index.js';
import { PLEDGE_MONTHS_DUE_AND_PAID } from '../../src/payments/sql/payment-warnings.sql.js';
import { CORRECTIONS_OF_MONTHS } from '../../src/reports/sql/report.sql.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { DropPaymentReferenceKeyIndex1767480000000 } from '../../src/database/migrations/1767480000000-drop-payment-reference-key-index.js';
import { RECORDED_ALREADY } from '../../src/payments/sql/duplicate-payments.sql.js';
import { PledgeTermsView1767700000000 } from '../../src/database/migrations/1767700000000-pledge-terms-view.js';
import { PledgeUploadPledges1767550000000 } from '../../src/database/migrations/1767550000000-pledge-upload-pledges.js';
import { PledgeWithdrawal1768000000000 } from '../../src/database/migrations/1768000000000-pledge-withdrawal.js';
import { TariffSupersededFkName1769900000000 } from '../../src/database/migrations/1769900000000-tariff-superseded-fk-name.js';

/**
 * Migration PaymentAdjustsMonthIndex: IDX_payment_adjusts_month holds the corrections only (adjusts_month, then
 * pledge), down drops it; and the three readers of corrections read them through it, not every payment: the
 * Pembayaran list's `adjustsMonth=`, the payment warnings' `corrected` and the report's corrections.
 */
type Queryable = { query(sql: string, args?: unknown[]): Promise<Record<string, string>[]> };

describe('payments: the corrections of a month are read through IDX_payment_adjusts_month', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (let p = 1; p <= 20; p++) await insertPledge(t.dataSource, `APBD-${p}`);
    // 20,000 payments of 2026, one in a hundred a correction of an earlier month: enough rows that a scan costs more
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by)
       SELECT 'APBD-' || (g % 20 + 1), '2026-' || lpad((g % 6 + 7)::text, 2, '0'), 1000, '2026-10-05', 'SP2D ' || g,
              CASE WHEN g % 100 = 0 THEN '2026-' || lpad((g % 6 + 1)::text, 2, '0') END, 'uji'
       FROM generate_series(1, 20000) g`,
    );
    await t.dataSource.query('ANALYZE payment');
  });
  afterAll(() => t?.close());

  const definition = async (on: Queryable) =>
    (await on.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'payment' AND indexname = 'IDX_payment_adjusts_month'`))[0]?.indexdef.replace(/^.* USING /, '');

  const plan = async (on: Queryable, sql: string, args: unknown[]) =>
    (await on.query(`EXPLAIN ${sql}`, args)).map((r) => Object.values(r)[0]).join('\n');

  it('up creates the partial index (adjusts_month, pledge_code) of the corrections, down drops it', async () => {
    const migration = new PaymentAdjustsMonthIndex1767240000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await definition(runner)).toBe('btree (adjusts_month, pledge_code) WHERE (adjusts_month IS NOT NULL)');
      await migration.down(runner);
      expect(await definition(runner)).toBeUndefined();
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await definition(t.dataSource)).toBe('btree (adjusts_month, pledge_code) WHERE (adjusts_month IS NOT NULL)');
  });

  it("GET /payments?adjustsMonth= (the list's filter and order), the warnings and the report read it", async () => {
    const list = `SELECT * FROM payment WHERE adjusts_month = $1 ORDER BY month, pledge_code, paid_at, created_at, id LIMIT 50`;
    expect(await plan(t.dataSource, list, ['2026-03'])).toContain('IDX_payment_adjusts_month');
    expect(await plan(t.dataSource, PLEDGE_MONTHS_DUE_AND_PAID, [['APBD-1', 'APBD-2'], ['2026-03', '2026-04']])).toContain('IDX_payment_adjusts_month');
    expect(await plan(t.dataSource, CORRECTIONS_OF_MONTHS, ['2026-01', '2026-03', ['APBD-1', 'APBD-5']])).toContain('IDX_payment_adjusts_month');
  });
});

/**
 * Migration DropPaymentReferenceKeyIndex: IDX_payment_reference_key is gone (down brings it back), and the
 * duplicate check it once served reads the asked pledge-months through IDX_payment_month_pledge.
 */

describe('payments: no index on the reference key; the duplicate check reads pledge-months', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    for (let p = 1; p <= 20; p++) await insertPledge(t.dataSource, `APBD-${p}`);
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by)
       SELECT 'APBD-' || (g % 20 + 1), '2026-' || lpad((g % 6 + 7)::text, 2, '0'), 1000, '2026-10-05', 'SP2D ' || g, 'uji'
       FROM generate_series(1, 20000) g`,
    );
    await t.dataSource.query('ANALYZE payment');
  });
  afterAll(() => t?.close());

  const indexes = async (on: Queryable) => (await on.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'payment' ORDER BY indexname`)).map((r) => r.indexname);

  it('up has dropped IDX_payment_reference_key, down creates it again', async () => {
    expect(await indexes(t.dataSource)).not.toContain('IDX_payment_reference_key');
    const migration = new DropPaymentReferenceKeyIndex1767480000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      await migration.down(runner);
      expect(await indexes(runner)).toContain('IDX_payment_reference_key');
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await indexes(t.dataSource)).not.toContain('IDX_payment_reference_key');
  });

  it('RECORDED_ALREADY finds a stored payment by its key through IDX_payment_month_pledge', async () => {
    const args = [['APBD-2', 'APBD-3'], ['2026-08', '2026-08'], ['  sp2d   1 ', 'SP2D 999999'], [null, null]];
    const plan = (await t.dataSource.query(`EXPLAIN ${RECORDED_ALREADY}`, args)).map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
    expect(plan).toContain('IDX_payment_month_pledge');
    const [stored] = await t.dataSource.query(`SELECT id, amount::text AS amount, paid_at::text AS "paidAt", month, adjusts_month AS "adjustsMonth" FROM payment WHERE reference = 'SP2D 1'`);
    // with its amount, day and months, for a repeat that differs to say so (QA)
    expect(await t.dataSource.query(RECORDED_ALREADY, args)).toEqual([{ position: 1, ...stored }]);
    expect(stored).toMatchObject({ amount: '1000', paidAt: '2026-10-05' });
  });
});

/**
 * Migration PledgeTermsView: `pledge_terms`, a pledge's terms at each revision from `pledge_revision`'s snapshots
 * (source type, fund, fiscal year and priority as generated columns), after completing the snapshots of pledges
 * written without one, or with an empty one (`{}`). Down drops the view and the columns; up on the same data makes
 * them again.
 */
describe('migration: pledge_terms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('completes missing and empty snapshots, then reads each revision\'s terms; down drops them, up makes them again', async () => {
    const migration = new PledgeTermsView1767700000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    const terms = () => runner.query(`SELECT code, revision, source_type, fund, funder, fiscal_year, village_codes, budget, priority FROM pledge_terms WHERE code LIKE 'MIG-%' ORDER BY code, revision`);
    try {
      await migration.down(runner);
      await runner.query(`
        INSERT INTO pledge (code, revision, source_type, fund, funder, fiscal_year, scope, village_codes, budget, priority, created_by)
        VALUES ('MIG-A', 2, 'DESA', 'ADD', 'Desa A', 2026, 'VILLAGES', '{17.03.06.2001}', 5000000, 20, 'uji'),
               ('MIG-B', 1, 'APBD', NULL, 'Pemkab', 2026, 'ALL', '{}', NULL, 90, 'uji')`);
      // MIG-A: revision 1 recorded whole (Dana Desa), revision 2 empty; MIG-B: no revision at all
      await runner.query(`
        INSERT INTO pledge_revision (code, revision, data, changed_by) VALUES
          ('MIG-A', 1, '{"code":"MIG-A","sourceType":"DESA","fund":"DANA_DESA","funder":"Desa A","fiscalYear":2026,"villageCodes":["17.03.06.2001"],"budget":4000000,"priority":20}', 'uji'),
          ('MIG-A', 2, '{}', 'uji')`);
      await migration.up(runner);
      expect(await terms()).toEqual([
        { code: 'MIG-A', revision: 1, source_type: 'DESA', fund: 'DANA_DESA', funder: 'Desa A', fiscal_year: 2026, village_codes: ['17.03.06.2001'], budget: '4000000', priority: 20 },
        { code: 'MIG-A', revision: 2, source_type: 'DESA', fund: 'ADD', funder: 'Desa A', fiscal_year: 2026, village_codes: ['17.03.06.2001'], budget: '5000000', priority: 20 },
        { code: 'MIG-B', revision: 1, source_type: 'APBD', fund: null, funder: 'Pemkab', fiscal_year: 2026, village_codes: [], budget: null, priority: 90 },
      ]);
      await migration.down(runner);
      expect(await runner.query(`SELECT to_regclass('pledge_terms') IS NULL AS gone`)).toEqual([{ gone: true }]);
      expect(await runner.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'pledge_revision' AND column_name = 'source_type'`)).toEqual([{ n: 0 }]);
    } finally {
      await migration.up(runner);
      await runner.query(`DELETE FROM pledge_revision WHERE code LIKE 'MIG-%'`);
      await runner.query(`DELETE FROM pledge WHERE code LIKE 'MIG-%'`);
      await runner.release();
    }
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM pledge_terms`)).toEqual([{ n: 0 }]);
  });
});

/**
 * Migration PledgeUploadPledges: `pledge_upload.pledges` (the pledges a sheet saved, to recognise the same file sent
 * again) and IDX_pledge_upload_checksum; down drops both, up brings them back.
 */

describe('migration: pledge_upload.pledges and its checksum index', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const shape = async (on: Queryable) => ({
    column: (await on.query(`SELECT data_type FROM information_schema.columns WHERE table_name = 'pledge_upload' AND column_name = 'pledges'`))[0]?.data_type,
    index: (await on.query(`SELECT indexdef FROM pg_indexes WHERE tablename = 'pledge_upload' AND indexname = 'IDX_pledge_upload_checksum'`))[0]?.indexdef.replace(/^.* USING /, ''),
  });
  const made = { column: 'jsonb', index: 'btree (checksum, uploaded_at)' };

  it('up adds the column and the index, down drops both', async () => {
    const migration = new PledgeUploadPledges1767550000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    try {
      expect(await shape(runner)).toEqual(made);
      await migration.down(runner);
      expect(await shape(runner)).toEqual({ column: undefined, index: undefined });
    } finally {
      await migration.up(runner);
      await runner.release();
    }
    expect(await shape(t.dataSource)).toEqual(made);
  });
});

/**
 * Migration PledgeWithdrawal: `pledge.withdrawn_at` and `withdrawn_by`, both or neither (CHK_pledge_withdrawn). Down
 * drops them; up on the same data makes them again, every pledge standing.
 */
describe('migration: pledge withdrawal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('adds the columns with their check; down drops them, up makes them again', async () => {
    const migration = new PledgeWithdrawal1768000000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    const columns = async () =>
      (await runner.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'pledge' AND column_name LIKE 'withdrawn%' ORDER BY column_name`)).map((r: { column_name: string }) => r.column_name);
    try {
      await runner.query(`INSERT INTO pledge (code, source_type, funder, fiscal_year, scope, priority, created_by) VALUES ('MIG-W', 'APBD', 'Pemkab', 2026, 'ALL', 90, 'uji')`);
      expect(await columns()).toEqual(['withdrawn_at', 'withdrawn_by']);
      await expect(runner.query(`UPDATE pledge SET withdrawn_at = now() WHERE code = 'MIG-W'`)).rejects.toThrow(/CHK_pledge_withdrawn/);
      await runner.query(`UPDATE pledge SET withdrawn_at = now(), withdrawn_by = 'uji' WHERE code = 'MIG-W'`);
      await migration.down(runner);
      expect(await columns()).toEqual([]);
      await migration.up(runner);
      expect(await runner.query(`SELECT withdrawn_at, withdrawn_by FROM pledge WHERE code = 'MIG-W'`)).toEqual([{ withdrawn_at: null, withdrawn_by: null }]);
    } finally {
      await runner.query(`DELETE FROM pledge WHERE code = 'MIG-W'`);
      await runner.release();
    }
  });
});

/**
 * Migration TariffSupersededFkName: the foreign key of `tariff.superseded_by`, left unnamed by TariffSuperseded
 * (`tariff_superseded_by_fkey`), is `FK_tariff_superseded_by` as every other; down names it back.
 */
describe('migration: tariff.superseded_by has a named foreign key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('up renames tariff_superseded_by_fkey to FK_tariff_superseded_by, which refuses an unknown row; down renames it back', async () => {
    const migration = new TariffSupersededFkName1769900000000();
    const runner = t.dataSource.createQueryRunner(); // every query on it: PGlite has one connection
    const keys = async () =>
      (await runner.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'tariff'::regclass AND contype = 'f' ORDER BY conname`)) as {
        conname: string;
        def: string;
      }[];
    try {
      expect(await keys()).toEqual([{ conname: 'FK_tariff_superseded_by', def: 'FOREIGN KEY (superseded_by) REFERENCES tariff(id)' }]);
      await expect(runner.query(`UPDATE tariff SET superseded_by = -1, superseded_reason = 'uji', valid_to = valid_from - 1 WHERE id = (SELECT min(id) FROM tariff)`)).rejects.toThrow(
        /FK_tariff_superseded_by/,
      );
      await migration.down(runner);
      expect(await keys()).toEqual([{ conname: 'tariff_superseded_by_fkey', def: 'FOREIGN KEY (superseded_by) REFERENCES tariff(id)' }]);
    } finally {
      await migration.up(runner).catch(() => undefined);
      await runner.release();
    }
    expect((await t.dataSource.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'tariff'::regclass AND contype = 'f'`)).map((r: { conname: string }) => r.conname)).toEqual([
      'FK_tariff_superseded_by',
    ]);
  });
});
