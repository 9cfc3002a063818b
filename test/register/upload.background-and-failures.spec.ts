import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UploadLease } from '../../src/register/upload-lease.js';
import { UploadStore } from '../../src/register/upload-store.js';
import { ImportEnrollmentSheet } from '../../src/register/use-cases/import-enrollment-sheet.use-case.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { count, upload } from './support.js';
import { type EntityManager } from 'typeorm';
import { type EarlyPromotion, EnrollmentPromoter, type FileColumns, type PromotionCounts } from '../../src/register/enrollment-promoter.js';

/**
 * An upload left PROCESSING by a process that stopped is failed within minutes, by whichever instance sweeps
 * next (UploadLease), not an hour after it started (QA: on PostgreSQL a crashed instance's upload stayed
 * PROCESSING for an hour, and the same file was answered with it). The lease is in the database's time.
 */
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

describe('large files are processed in the background', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ uploadBackgroundBytes: 1000 })));
  afterAll(() => t.close());

  it('answers PROCESSING with progress, then DONE', async () => {
    const res = await upload(t, 'ok/concurrent-a.csv');
    expect(res.body).toMatchObject({ status: 'PROCESSING', rowsRead: 0 });
    expect(res.body.progress).toBeGreaterThanOrEqual(0);
    expect(res.body.progress).toBeLessThanOrEqual(1);
    await t.app.get(ImportEnrollmentSheet).idle();
    const done = await (await t.as(Role.KEUANGAN)).get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', progress: 1, rowsRead: 200, accepted: 200, created: 200 });
  });

  it('a background upload names the rows Excel hid once DONE, as one read within the request does', async () => {
    const res = await upload(t, 'ok/hidden-rows-libreoffice.xlsx'); // rows 2, 4 and 6 hidden (upload.hidden-rows-warned.spec.ts)
    expect(res.body).toMatchObject({ status: 'PROCESSING', sheetWarnings: [] });
    await t.app.get(ImportEnrollmentSheet).idle();
    const done = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200);
    expect(done.body).toMatchObject({ status: 'DONE', rowsRead: 6, sheetWarnings: [{ code: 'HIDDEN_ROWS', rows: 3, message: expect.stringMatching(/^Baris 2, 4 dan 6 \(3 baris\) tersembunyi di Excel/) }] });
  });

  it('a background refusal is reported on the upload', async () => {
    const res = await upload(t, 'not-ok/missing-required-column.xlsx');
    expect(res.body.status).toBe('PROCESSING');
    await t.app.get(ImportEnrollmentSheet).idle();
    const failed = await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/enrollment-uploads/${res.body.id}`).expect(200);
    expect(failed.body).toMatchObject({ status: 'FAILED' });
    expect(failed.body.error).toMatch(/Kolom wajib tidak ditemukan: KODE_DESA, TMT/);
  });
});

describe('uploads at the same time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.token(Role.OPERATOR_DINKES); // one login before the parallel calls
  });
  afterAll(() => t.close());

  it('two different files both land completely', async () => {
    const [a, b] = await Promise.all([upload(t, 'ok/concurrent-a.csv'), upload(t, 'ok/concurrent-b.csv')]);
    expect(a.body).toMatchObject({ status: 'DONE', accepted: 200, created: 200 });
    expect(b.body).toMatchObject({ status: 'DONE', accepted: 200, created: 200 });
    expect(await count(t, 'participant')).toBe(400);
    const byUpload = await t.dataSource.query('SELECT created_upload_id AS id, count(*)::int AS n FROM participant GROUP BY 1 ORDER BY 1');
    expect(byUpload).toEqual([a.body.id, b.body.id].sort().map((id) => ({ id, n: 200 })));
  });

  it('the same file twice makes one batch', async () => {
    const [a, b] = await Promise.all([upload(t, 'ok/semicolon-bom.csv'), upload(t, 'ok/semicolon-bom.csv')]);
    expect(a.body.id).toBe(b.body.id);
    expect([a.body.recognised, b.body.recognised].filter(Boolean)).toHaveLength(1);
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM enrollment_upload WHERE filename = 'semicolon-bom.csv'");
    expect(n).toBe(1);
    expect(await count(t, 'participant')).toBe(403);
  });

  it('copies of a small file sent at the same instant each answer what that upload ended as, as a later re-upload does', async () => {
    const before = await count(t, 'participant');
    const answers = await Promise.all([1, 2, 3].map(() => upload(t, 'ok/basic.xlsx')));
    const [first, ...copies] = [...answers.filter((a) => !a.body.recognised), ...answers.filter((a) => a.body.recognised)].map((a) => a.body);
    expect(copies).toHaveLength(2); // until 2026-12-05 these answered status PROCESSING, rowsRead 0
    expect(first).toMatchObject({ status: 'DONE', progress: 1 });
    expect(first.created).toBeGreaterThan(0);
    for (const copy of copies) expect(copy).toEqual({ ...first, recognised: true });
    const later = await upload(t, 'ok/basic.xlsx');
    expect(later.body).toEqual(copies[0]);
    expect(await count(t, 'participant')).toBe(before + first.created);
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM enrollment_upload WHERE filename = 'basic.xlsx'");
    expect(n).toBe(1);
  });

  it('more uploads at once than the database pool has connections all land, taking turns (UPLOADS_AT_ONCE)', async () => {
    // QA: twelve large uploads at once each held a pooled connection and waited for another, for ever (PostgreSQL's
    // pool has ten). Tiny batches here make each small file hold its connection across many round trips, as a large one does.
    const use = t.app.get(ImportEnrollmentSheet);
    const batchRows = use.batchRows;
    use.batchRows = { read: 2, stage: 4 };
    const pad = (n: number) => String(n).padStart(2, '0');
    const file = (i: number) => {
      const rows = Array.from({ length: 30 }, (_, j) => {
        const [day, month, yy] = [pad(1 + (j % 28)), pad(1 + (i % 12)), pad(70 + i)];
        return `170306${day}${month}${yy}${5000 + j},1703060101300001,Serentak ${i} ${j},19${yy}-${month}-${day},L,17.03.06.2001,,2025-01-01,,`;
      });
      return { name: `serentak-${i}.csv`, content: Buffer.from(['NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR', ...rows].join('\n')) };
    };
    const before = await count(t, 'participant');
    try {
      let stuck: ReturnType<typeof setTimeout> | undefined;
      const answers = await Promise.race([
        Promise.all(Array.from({ length: 12 }, (_, i) => upload(t, file(i)))),
        new Promise<never>((_, fail) => (stuck = setTimeout(() => fail(new Error('uploads still waiting after 60 s')), 60_000))),
      ]).finally(() => clearTimeout(stuck));
      for (const { body } of answers) expect(body).toMatchObject({ status: 'DONE', accepted: 30, created: 30 });
      expect(await count(t, 'participant')).toBe(before + 12 * 30);
    } finally {
      use.batchRows = batchRows;
    }
  });

  it('copies of a file refused as a whole each answer the refusal, as a re-upload after it does', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => upload(t, 'not-ok/missing-required-column.xlsx', 400)));
    for (const { body } of answers) expect(body).toMatchObject({ code: 'MISSING_COLUMNS', details: { missing: ['KODE_DESA', 'TMT'] } });
    const statuses = await t.dataSource.query("SELECT status FROM enrollment_upload WHERE filename = 'missing-required-column.xlsx'");
    expect(statuses.map((u: { status: string }) => u.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
  });
});

/**
 * A database error half-way through the promotion (after the upsert ran inside the transaction)
 * rolls everything back: the register is as before, and the upload is FAILED with the reason.
 */
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
    // a system error said as such, with what to do and the time for the admin; the database's text in the server log only
    expect(res.body.error).toMatch(
      /^Penyimpanan gagal karena kesalahan sistem; data peserta tidak berubah\. Unggah ulang; bila tetap gagal, hubungi admin \(waktu: \d{1,2} [A-Z][a-z]+ \d{4} \d{2}\.\d{2} WIB\)\.$/,
    );
    expect(res.body.error).not.toMatch(/division by zero/);
    expect(await t.dataSource.query('SELECT * FROM participant ORDER BY nik')).toEqual(before);
    expect(await count(t, 'participant_change')).toBe(0); // the failed upload's UPDATE row rolled back
    expect(await count(t, 'enrollment_staging')).toBe(0);
  });

  it('the same file can be uploaded again after a failure', async () => {
    const res = await upload(t, 'ok/basic-changed.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', updated: 1 });
  });
});
