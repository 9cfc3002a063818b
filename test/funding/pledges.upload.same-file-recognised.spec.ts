/**
 * A pledge sheet sent again (QA, PostgreSQL: three copies of one sheet at the same instant made the pledges once, and
 * two more uploads with every row refused as "Kode komitmen … sudah dipakai"). The same file as an earlier upload
 * whose pledges all still stand as it saved them is recognised as that upload, named by file, user and time, and
 * nothing is stored, one after the other, at the same instant, and in a check (dry run). Once one of its pledges has
 * been revised the file is judged row by row again.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { wibTimestamp } from '../../src/common/clock/clock.js';
import { PLEDGE_SHEET_LOCK } from '../../src/funding/pledge-upload/same-file-in-turn.js';
import { Role } from '../../src/users/role.js';
import { baseUrl } from '../support/test-database.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { pledgeWorkbook } from './support/pledge-workbook.js';

const onPostgres = baseUrl() ? it : it.skip;
const HEADER = ['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'KODE_DESA', 'NIK', 'PERSEN'];

describe('pledge sheets: the same file again is recognised', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
  });
  afterAll(() => t?.close());

  const upload = (file: Buffer, name: string, query = '') => keuangan.post(`/api/v1/pledge-uploads${query}`).attach('file', file, name);
  const uploads = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM pledge_upload'))[0].n);
  const pledges = async (prefix: string) =>
    (await t.dataSource.query(`SELECT code, revision FROM pledge WHERE code LIKE $1 ORDER BY code`, [`${prefix}%`])) as { code: string; revision: number }[];
  const said = (then: string, dryRun = false) =>
    `Berkas ini sama dengan ${then}, yang komitmennya masih tersimpan seperti diunggah; ${dryRun ? 'mengunggahnya tidak akan menyimpan apa pun' : 'tidak ada yang disimpan'}.`;

  let file: Buffer;
  let first: { id: string; pledges: unknown[] };
  let then: string;

  it('one after the other: the second is the first upload, recognised, and nothing is stored', async () => {
    file = await pledgeWorkbook(HEADER, [
      ['SAMA-A-2026', 'TJSLP', 'PT A', 2026, 'ALL', null, null, 10],
      ['SAMA-B-2026', 'TJSLP', 'PT B', 2026, 'ALL', null, null, 10],
      ['SAMA-C-2026', 'TJSLP', 'PT C', 2026, 'ALL', null, null, 'sepuluh'],
    ]);
    const res = await upload(file, 'komitmen-sama.xlsx').expect(201);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(res.body).not.toHaveProperty('recognised');
    first = res.body;
    then = `unggahan komitmen-sama.xlsx oleh uji-keuangan pada ${wibTimestamp(t.clock.now())}`;
    const before = await uploads();

    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + 60 * 60_000));
    const again = await upload(file, 'salinan.xlsx').expect(201);
    t.clock.set(now);
    expect(again.body).toEqual({ ...first, recognised: true, message: said(then) });
    expect(await uploads()).toBe(before);
    expect(await pledges('SAMA-')).toEqual([
      { code: 'SAMA-A-2026', revision: 1 },
      { code: 'SAMA-B-2026', revision: 1 },
    ]);
    const list = (await keuangan.get('/api/v1/pledge-uploads?pageSize=100').expect(200)).body;
    expect(list.items.filter((u: { filename: string }) => u.filename === 'salinan.xlsx')).toEqual([]);
  });

  it('a check (dry run) of the file says so too, and stores nothing', async () => {
    const before = await uploads();
    const dry = await upload(file, 'cek.xlsx', '?dryRun=true').expect(201);
    expect(dry.body).toEqual({ ...first, dryRun: true, recognised: true, message: said(then, true) });
    expect(await uploads()).toBe(before);
  });

  it('three copies at the same instant: the pledges and one upload are stored, the other two are recognised as it', async () => {
    const copies = await pledgeWorkbook(HEADER, [
      ['SERENTAK-A-2026', 'TJSLP', 'PT A', 2026, 'ALL', null, null, 10],
      ['SERENTAK-B-2026', 'TJSLP', 'PT B', 2026, 'ALL', null, null, 10],
    ]);
    const before = await uploads();
    const answers = await Promise.all(['a.xlsx', 'b.xlsx', 'c.xlsx'].map((name) => upload(copies, name)));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    const stored = answers.filter((r) => !r.body.recognised);
    expect(stored).toHaveLength(1);
    expect(stored[0].body).toMatchObject({ accepted: 2, rejected: 0, issues: [] });
    for (const other of answers.filter((r) => r.body.recognised)) {
      expect(other.body).toMatchObject({ id: stored[0].body.id, filename: stored[0].body.filename, accepted: 2, rejected: 0, issues: [] });
      expect(other.body.message).toContain(`unggahan ${stored[0].body.filename} oleh uji-keuangan`);
    }
    expect(await uploads()).toBe(before + 1);
    expect(await pledges('SERENTAK-')).toEqual([
      { code: 'SERENTAK-A-2026', revision: 1 },
      { code: 'SERENTAK-B-2026', revision: 1 },
    ]);
  });

  onPostgres('another service instance importing the same file is waited for (PostgreSQL: a session lock per file)', async () => {
    const other = await pledgeWorkbook(HEADER, [['INSTANSI-A-2026', 'TJSLP', 'PT A', 2026, 'ALL', null, null, 10]]);
    const instance = t.dataSource.createQueryRunner();
    await instance.connect();
    await instance.query('SELECT pg_advisory_lock($1::int, hashtext($2))', [PLEDGE_SHEET_LOCK, createHash('sha256').update(other).digest('hex')]);
    let settled = false;
    const answer = Promise.resolve(upload(other, 'instansi.xlsx')).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    expect(await pledges('INSTANSI-')).toEqual([]);
    await instance.query('SELECT pg_advisory_unlock_all()');
    await instance.release();
    expect((await answer).body).toMatchObject({ accepted: 1, filename: 'instansi.xlsx' });
  });

  it('once a pledge of the file is revised, the file is judged again row by row and stored, its codes refused as taken', async () => {
    await keuangan.patch('/api/v1/pledges/SAMA-A-2026').send({ sharePercent: 20, reason: 'uji' }).expect(200);
    const before = await uploads();
    const res = await upload(file, 'komitmen-sama.xlsx').expect(201);
    expect(res.body).not.toHaveProperty('recognised');
    expect(res.body).toMatchObject({ accepted: 0, rejected: 3 });
    expect(res.body.issues[0]).toMatchObject({ rowNumber: 2, column: 'KODE', message: expect.stringContaining('Kode komitmen "SAMA-A-2026" sudah dipakai') });
    expect(await uploads()).toBe(before + 1);
  });
});
