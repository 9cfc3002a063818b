/**
 * A database error half-way through the promotion (after the upsert ran inside the transaction)
 * rolls everything back: the register is as before, and the upload is FAILED with the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { type EarlyPromotion, EnrollmentPromoter, type FileColumns, type PromotionCounts } from '../../src/register/enrollment-promoter.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count, upload } from './support.js';

class FailingPromoter extends EnrollmentPromoter {
  static armed = false;
  protected override async promoteIn(m: EntityManager, uploadId: string, actor: string, rowsRead: number, file: FileColumns, early?: EarlyPromotion): Promise<PromotionCounts> {
    const counts = await super.promoteIn(m, uploadId, actor, rowsRead, file, early);
    if (FailingPromoter.armed) await m.query("SELECT 1 / 0 AS boom"); // division by zero, after every write
    return counts;
  }
}

describe('a failed promotion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const promoter = t.app.get(EnrollmentPromoter);
    Object.setPrototypeOf(promoter, FailingPromoter.prototype);
  });
  afterAll(() => t.close());

  it('leaves the register untouched and marks the upload FAILED with the reason', async () => {
    await upload(t, 'ok/basic.xlsx');
    const before = await t.dataSource.query('SELECT * FROM participant ORDER BY nik');
    FailingPromoter.armed = true;
    const res = await upload(t, 'ok/basic-changed.xlsx');
    FailingPromoter.armed = false;
    expect(res.body).toMatchObject({ status: 'FAILED', accepted: 0, created: 0, updated: 0 });
    expect(res.body.error).toMatch(/register tidak berubah.*division by zero/);
    expect(await t.dataSource.query('SELECT * FROM participant ORDER BY nik')).toEqual(before);
    expect(await count(t, 'participant_change')).toBe(0); // the failed upload's UPDATE row rolled back
    expect(await count(t, 'enrollment_staging')).toBe(0);
  });

  it('the same file can be uploaded again after a failure', async () => {
    const res = await upload(t, 'ok/basic-changed.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', updated: 1 });
  });
});
