/**
 * An upload left PROCESSING by a process that stopped is failed within minutes, by whichever instance sweeps
 * next (UploadLease), not an hour after it started (QA: on PostgreSQL a crashed instance's upload stayed
 * PROCESSING for an hour, and the same file was answered with it). The lease is in the database's time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UploadLease } from '../../src/register/upload-lease.js';
import { UploadStore } from '../../src/register/upload-store.js';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';

describe('abandoned enrollment uploads', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ uploadBackgroundBytes: 1000 })));
  afterAll(() => t.close());

  const started = async (checksum: string, leaseAgeSeconds: number) => {
    const { upload: row } = await t.app.get(UploadStore).start({ filename: `${checksum}.xlsx`, checksum, sizeBytes: 1, uploadedBy: 'operator' });
    await t.dataSource.query(`UPDATE enrollment_upload SET heartbeat_at = now() - make_interval(secs => $2) WHERE id = $1`, [row.id, leaseAgeSeconds]);
    return row.id;
  };
  const statusOf = async (id: string) => (await t.dataSource.query(`SELECT status, error_code FROM enrollment_upload WHERE id = $1`, [id]))[0];

  it('fails an upload whose lease is older than two minutes, keeps a fresh one, and renews the one this process holds', async () => {
    const lease = t.app.get(UploadLease);
    const abandoned = await started('lease-abandoned', 180);
    const fresh = await started('lease-fresh', 30);
    // 90 s: not yet abandoned for any instance's sweep (other test workers share the database), so only renewal is asked of it
    const held = await started('lease-held', 90);
    lease.hold(held);
    try {
      await lease.renew();
      expect(await statusOf(abandoned)).toEqual({ status: 'FAILED', error_code: 'PROCESSING_INTERRUPTED' });
      expect(await statusOf(fresh)).toEqual({ status: 'PROCESSING', error_code: null });
      expect(await statusOf(held)).toEqual({ status: 'PROCESSING', error_code: null });
      // the held one's lease was renewed: another instance's sweep would leave it too
      const [{ age }] = await t.dataSource.query(`SELECT extract(epoch FROM now() - heartbeat_at)::float AS age FROM enrollment_upload WHERE id = $1`, [held]);
      expect(age).toBeLessThan(60);
      const [event] = await t.dataSource.query(`SELECT actor FROM audit_event WHERE action = 'enrollment.fail' AND entity_id = $1`, [abandoned]);
      expect(event).toEqual({ actor: 'system' });
    } finally {
      lease.release(held);
      await t.dataSource.query(`DELETE FROM enrollment_upload WHERE id = ANY($1::uuid[])`, [[fresh, held]]);
    }
  });

  it('the file of an abandoned upload can be sent again and is applied', async () => {
    const first = await upload(t, 'ok/concurrent-a.csv');
    await t.app.get(ImportEnrollmentSheet).idle();
    // as if the process had stopped mid-way: back to PROCESSING with a stale lease
    await t.dataSource.query(`UPDATE enrollment_upload SET status = 'PROCESSING', heartbeat_at = now() - interval '5 minutes' WHERE id = $1`, [first.body.id]);
    await t.app.get(UploadLease).renew();
    const failed = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${first.body.id}`).expect(200);
    expect(failed.body).toMatchObject({ status: 'FAILED', errorCode: 'PROCESSING_INTERRUPTED' });
    const again = await upload(t, 'ok/concurrent-a.csv');
    expect(again.body.id).not.toBe(first.body.id);
    await t.app.get(ImportEnrollmentSheet).idle();
    const done = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${again.body.id}`).expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', rowsRead: 200 });
  });
});
