/**
 * QA A12: a background enrollment upload that ends FAILED showed the rows it had read (`rowsRead`) as if they counted.
 * Nothing of a FAILED upload is stored: its promotion, one transaction with the DONE mark, rolls back (here a database
 * error after every write of it, on the early-promotion path of PostgreSQL too), and its staging is cleared. The API
 * keeps `rowsRead` (API.md's contract: the rows read before the failure) beside `accepted`, `created`, `updated` 0; the
 * console's result and history say *Gagal — tidak ada baris yang disimpan* instead of the rows read.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { type EarlyPromotion, EnrollmentPromoter, type FileColumns, type PromotionCounts } from '../../src/register/enrollment-promoter.js';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count, upload } from '../register/support.js';
import { consoleModule } from './support/console-module.js';

class FailingPromoter extends EnrollmentPromoter {
  protected override async promoteIn(m: EntityManager, uploadId: string, actor: string, rowsRead: number, file: FileColumns, early?: EarlyPromotion): Promise<PromotionCounts> {
    await super.promoteIn(m, uploadId, actor, rowsRead, file, early);
    await m.query('SELECT 1 / 0 AS boom'); // after every write of the promotion
    throw new Error('unreachable');
  }
}

describe('a FAILED background upload stored nothing, and the console says so', () => {
  let t: TestApp;
  let enrollment: any;
  beforeAll(async () => {
    t = await createTestApp({ uploadBackgroundBytes: 1 });
    Object.setPrototypeOf(t.app.get(EnrollmentPromoter), FailingPromoter.prototype);
    enrollment = await consoleModule('pages/enrollment.js');
  });
  afterAll(() => t?.close());

  it('the API keeps the rows read, nothing is in the register, the console shows no count as accepted', async () => {
    const res = await upload(t, 'ok/concurrent-a.csv');
    expect(res.body).toMatchObject({ status: 'PROCESSING' });
    await t.app.get(ImportEnrollmentSheet).idle();
    const operator = await t.as(Role.OPERATOR_DINKES);
    const failed = (await operator.get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200)).body;
    expect(failed).toMatchObject({ status: 'FAILED', errorCode: 'REGISTER_WRITE_FAILED', rowsRead: 200, accepted: 0, created: 0, updated: 0, unchanged: 0 });
    expect([await count(t, 'participant'), await count(t, 'participant_change'), await count(t, 'enrollment_staging')]).toEqual([0, 0, 0]);

    expect(enrollment.resultCounts(failed)).toEqual([
      { label: 'Hasil', value: 'Gagal — tidak ada baris yang disimpan', tone: 'bad', hint: '200 baris sempat dibaca sebelum gagal; tidak satu pun masuk register.' },
    ]);
    const [listed] = (await operator.get('/api/v1/enrollment-uploads').expect(200)).body.items;
    expect(enrollment.historyCounts(listed)).toEqual({ read: 'Gagal — tidak ada baris yang disimpan', accepted: '–', rejected: '–' });
    expect(enrollment.resultCounts({ ...failed, rowsRead: 0 })[0].hint).toBeNull(); // refused before a row was read
  });

  it('a DONE upload keeps its counts', () => {
    const done = { status: 'DONE', rowsRead: 1200, accepted: 1198, rejected: 2, warnings: 1, created: 1198, updated: 0, unchanged: 0 };
    expect(enrollment.resultCounts(done).map((c: { label: string; value: string }) => [c.label, c.value])).toEqual([
      ['Baris dibaca', '1.200'],
      ['Diterima', '1.198'],
      ['Ditolak', '2'],
      ['Diterima dengan peringatan', '1'],
      ['Peserta baru', '1.198'],
      ['Diperbarui', '0'],
      ['Tidak berubah', '0'],
    ]);
    expect(enrollment.historyCounts(done)).toEqual({ read: '1.200', accepted: '1.198', rejected: '2' });
  });
});
