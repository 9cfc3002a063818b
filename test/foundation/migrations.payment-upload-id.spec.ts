/**
 * Migration PaymentUploadIdFindingRegisterNoka: `payment.upload_id` (nullable) with FK_payment_upload to
 * `payment_upload`, checked at commit (a sheet's payments are written before its upload row, in the same transaction),
 * IDX_payment_upload_id of the payments from sheets only, and `finding.register_noka`; down drops them all. A payment naming no upload is refused at commit.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PaymentUploadIdFindingRegisterNoka1768100000000 } from '../../src/database/migrations/1768100000000-payment-upload-id-finding-register-noka.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

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
