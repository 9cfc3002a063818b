/**
 * Early promotion on PostgreSQL (StagingWriter): batches of new people are copied straight into
 * the register; the first batch that meets a registered NIK or an active participant's NOKA is
 * rolled back to its savepoint and staged instead, and so is every later batch. Either way the
 * register ends as one promotion of the whole file would leave it. (On PGlite every row is staged:
 * the same outcome through the other path.)
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StagingWriter } from '../../src/register/staging-writer.js';
import type { EnrollmentRecord } from '../../src/register/validation/enrollment-row.validator.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';

const HEADER = 'NIK,NO_KK,NAMA,TANGGAL_LAHIR,JENIS_KELAMIN,KODE_DESA,NOKA,TMT,TAT,ALASAN_BERAKHIR';
const KK = '1703060101200001';
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Person i: a valid NIK (born 1970, a man), no card. */
function person(i: number, name = `Warga ${i}`, noka = ''): string {
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const nik = `170306${pad(day, 2)}${pad(month, 2)}70${pad(1 + Math.floor(i / 336), 4)}`;
  return `${nik},${KK},${name},1970-${pad(month, 2)}-${pad(day, 2)},L,1703062001,${noka},2025-01-01,,`;
}
const csv = (rows: string[]) => ({ name: 'peserta.csv', content: Buffer.from([HEADER, ...rows].join('\n') + '\n') });
const nikOf = (row: string) => row.split(',')[0];

describe('early promotion of a large upload', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ uploadBackgroundBytes: 100 * 1024 * 1024 });
  });
  afterAll(() => t.close());

  it('copies new people batch by batch, and stages from the batch that meets a registered person on', async () => {
    const registered = person(7000, 'Lama', '0001000000777');
    const first = await upload(t, csv([registered]));
    expect(first.body).toMatchObject({ status: 'DONE', created: 1 });

    // 12,000 rows: rows 1–5,000 new (copied), row 7,001 the registered person renamed (the second
    // batch is refused by PK_participant and staged), everything after staged.
    const rows = Array.from({ length: 12_000 }, (_, i) => (i === 7000 ? person(7000, 'Lama Baru', '0001000000777') : person(i)));
    const res = await upload(t, csv(rows));
    expect(res.body).toMatchObject({ status: 'DONE', rowsRead: 12_000, accepted: 12_000, rejected: 0, created: 11_999, updated: 1, unchanged: 0 });

    const [{ n, byUpload }] = await t.dataSource.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE created_upload_id = $1)::int AS "byUpload" FROM participant`, [res.body.id]);
    expect({ n, byUpload }).toEqual({ n: 12_000, byUpload: 11_999 });
    const history = await t.dataSource.query(`SELECT nik, kind, changes FROM participant_change WHERE upload_id = $1`, [res.body.id]);
    expect(history).toEqual([{ nik: nikOf(registered), kind: 'UPDATE', changes: { name: { old: 'Lama', new: 'Lama Baru' } } }]);
    const [one] = await t.dataSource.query(`SELECT name, created_by, created_at, last_upload_id FROM participant WHERE nik = $1`, [nikOf(person(42))]);
    expect(one).toMatchObject({ name: 'Warga 42', created_by: 'uji-operator-dinkes', last_upload_id: res.body.id });
    expect(new Date(one.created_at).toISOString()).toBe(t.clock.now().toISOString());
  });

  it('a new person taking the card another participant gives up later in the file is staged, then gets it', async () => {
    // Card 0001000000777 is held by person 7000 (above). Row 1 gives it to a new person; row 6,001
    // moves person 7000 to another card, so the first batch's copy is refused by
    // UQ_participant_active_noka and the card changes hands at the end of the promotion.
    const rows = Array.from({ length: 6_000 }, (_, i) => person(20_000 + i));
    rows[0] = person(20_000, 'Pemegang Baru', '0001000000777');
    rows.push(person(7000, 'Lama Baru', '0001000000778'));
    const res = await upload(t, csv(rows));
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 6_001, rejected: 0, created: 6_000, updated: 1 });
    const cards = await t.dataSource.query(`SELECT nik, noka FROM participant WHERE noka IN ('0001000000777', '0001000000778') ORDER BY noka`);
    expect(cards).toEqual([
      { nik: nikOf(person(20_000)), noka: '0001000000777' },
      { nik: nikOf(person(7000)), noka: '0001000000778' },
    ]);
  });
});

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('StagingWriter early batches (PostgreSQL: COPY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Records of persons `from`..`to`-1, row numbers from `firstRow`. */
  const records = (from: number, to: number, firstRow: number): EnrollmentRecord[] =>
    Array.from({ length: to - from }, (_, k) => {
      const [nik, noKk, name, birthDate] = person(from + k).split(',');
      return { rowNumber: firstRow + k, nik, noKk, name, birthDate, sex: 'L', villageCode: '17.03.06.2001', noka: null, tmt: '2025-01-01', tat: null, endReason: null };
    });

  it('copies batches until one is refused; that batch and the later ones are staged and promoted after', async () => {
    await t.dataSource.query(`INSERT INTO participant (nik, no_kk, name, birth_date, sex, village_code, tmt) VALUES ($1, $2, 'Terdaftar', '1970-01-01', 'L', '17.03.06.2001', '2025-01-01')`, [
      nikOf(person(250)),
      KK,
    ]);
    const uploadId = '44444444-4444-4444-8444-444444444444';
    await t.dataSource.query(`INSERT INTO enrollment_upload (id, filename, checksum, size_bytes, status, uploaded_by) VALUES ($1, 'x.csv', 'x', 0, 'PROCESSING', 'uji')`, [uploadId]);
    const calls: string[] = [];
    const writer = new StagingWriter(t.dataSource, uploadId, true);
    await writer.begin(async () => true, {
      actor: 'uji',
      now: new Date('2026-11-15T03:00:00Z'),
      copied: (count) => void calls.push(`copied ${count}`),
      afterStaged: async (_m, from, to) => void calls.push(`staged ${from}-${to}`),
    });
    await writer.write(records(0, 100, 1), []);
    await writer.write(records(100, 300, 101), []); // person 250 is registered
    await writer.write(records(300, 350, 301), []);
    await writer.settle();
    const m = writer.transaction!;
    const [{ copied }] = await m.query(`SELECT count(*)::int AS copied FROM participant WHERE created_upload_id = $1`, [uploadId]);
    const [{ staged }] = await m.query(`SELECT count(*)::int AS staged FROM enrollment_staging WHERE upload_id = $1`, [uploadId]);
    await writer.close(); // rolls back
    expect(calls).toEqual(['copied 100', 'staged 101-300', 'staged 301-350']);
    expect({ copied, staged }).toEqual({ copied: 100, staged: 250 });
    expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM participant'))[0].n)).toBe(1);
  });
});
