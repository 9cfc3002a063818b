import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MONTHS_OF_OTHER_FUNDING_REVISIONS } from '../../src/funding/sql/pledges.sql.js';
import { Role } from '../../src/users/role.js';
import { UsersService } from '../../src/users/users.service.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';
import { closeMonth, insertParticipants, testNik } from './support/register.js';

describe('PATCH /api/v1/pledges/:code: a revision keeps who, when and why (APBD-P)', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 1_000_000 }).expect(201);
  });
  afterAll(() => t.close());

  it('requires a reason', async () => {
    const res = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 2_000_000 }).expect(400);
    expect(JSON.stringify(res.body.details)).toContain('reason (alasan perubahan) wajib diisi');
  });

  it('tells every problem at once: a missing reason does not hide the others (QA)', async () => {
    const res = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ sharePercent: 150, budget: 'abc', fiscalYear: 2027 }).expect(400);
    expect(res.body.code).toBe('PLEDGE_INVALID');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['budget', 'fiscalYear', 'reason', 'sharePercent']);
    expect(res.body.details[0]).toEqual({ field: 'reason', messages: ['reason (alasan perubahan) wajib diisi'] });
    const long = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 2_000_000, reason: 'x'.repeat(501) }).expect(400);
    expect(long.body.details).toEqual([{ field: 'reason', messages: ['reason terlalu panjang (501 karakter, paling banyak 500)'] }]);
  });

  it('an empty revision is told it changes nothing as well as that the reason is required (QA: only the reason was said)', async () => {
    const nothing = 'tidak ada isian komitmen yang dikirim, jadi revisi ini tidak mengubah apa pun: kirim isian yang diubah (mis. budget) beserta reason';
    const empty = await keuangan.patch('/api/v1/pledges/APBD-2026').send({}).expect(400);
    expect(empty.body).toMatchObject({ code: 'PLEDGE_INVALID' });
    expect(empty.body.details).toEqual([
      { field: 'reason', messages: ['reason (alasan perubahan) wajib diisi'] },
      { field: 'body', messages: [nothing] },
    ]);
    const reasonOnly = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ reason: 'APBD-P' }).expect(400);
    expect(reasonOnly.body.details).toEqual([{ field: 'body', messages: [nothing] }]);
  });

  it('refuses a reason of only spaces', async () => {
    for (const reason of ['   \t ', '\u200b', '\u3000\u2060 ']) {
      const res = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 2_000_000, reason }).expect(400);
      expect(res.body.details).toEqual([{ field: 'reason', messages: ['reason (alasan perubahan) wajib diisi'] }]);
    }
  });

  it('refuses a revision that changes nothing, and stores no revision', async () => {
    const res = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 1_000_000, scope: 'ALL', reason: 'APBD-P tanpa perubahan' }).expect(400);
    expect(res.body).toMatchObject({ code: 'PLEDGE_UNCHANGED', details: { code: 'APBD-2026', revision: 1 } });
    expect(res.body.message).toMatch(/tidak mengubah isi komitmen "APBD-2026"/);
    const revisions = await (await t.as(Role.AUDITOR)).get('/api/v1/pledges/APBD-2026/revisions').expect(200);
    expect(revisions.body).toHaveLength(1);
  });

  it('validates the revised pledge like a new one and refuses the code and fiscal year', async () => {
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ sharePercent: 0, reason: 'x' }).expect(400);
    const year = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ fiscalYear: 2027, reason: 'x' }).expect(400);
    expect(year.body.details).toEqual([{ field: 'fiscalYear', messages: ['fiscalYear tidak dapat diubah: buat komitmen baru untuk tahun anggaran lain.'] }]);
    await keuangan.patch('/api/v1/pledges/NOPE').send({ budget: 1, reason: 'x' }).expect(404);
  });

  it('a code in the wrong case is 404 naming the stored one, on GET, PATCH and the revisions, as on every other route (QA)', async () => {
    const meant = 'Komitmen pendanaan "apbd-2026" tidak ditemukan. Maksudnya "APBD-2026"? Huruf besar/kecil pada kode komitmen dibedakan.';
    for (const res of [
      await keuangan.get('/api/v1/pledges/apbd-2026'),
      await keuangan.patch('/api/v1/pledges/apbd-2026').send({ budget: 1, reason: 'x' }),
      await keuangan.get('/api/v1/pledges/apbd-2026/revisions'),
    ]) {
      expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: { statusCode: 404, code: 'PLEDGE_NOT_FOUND', message: meant, details: { code: 'apbd-2026', similar: 'APBD-2026' } } });
    }
    expect((await keuangan.get('/api/v1/pledges/NOPE').expect(404)).body.message).toBe('Komitmen pendanaan "NOPE" tidak ditemukan.');
  });

  it('saves a new revision and keeps every earlier one as a full snapshot', async () => {
    const res = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 1_500_000, reason: 'APBD-P 2026, Perda No. 7/2026' }).expect(200);
    expect(res.body).toMatchObject({ revision: 2, budget: 1_500_000, createdBy: 'uji-keuangan' });
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ scope: 'VILLAGES', villageCodes: ['17.03.06.2001'], reason: 'Dibatasi ke satu desa' }).expect(200);
    const revisions = await (await t.as(Role.AUDITOR)).get('/api/v1/pledges/APBD-2026/revisions').expect(200);
    expect(revisions.body.map((r: { revision: number; reason: string; changedBy: string }) => [r.revision, r.reason, r.changedBy])).toEqual([
      [1, 'Komitmen dibuat', 'uji-keuangan'],
      [2, 'APBD-P 2026, Perda No. 7/2026', 'uji-keuangan'],
      [3, 'Dibatasi ke satu desa', 'uji-keuangan'],
    ]);
    expect(revisions.body[0].pledge).toMatchObject({ budget: 1_000_000, scope: 'ALL', priority: 90 });
    // a default priority follows the new scope's default
    expect(revisions.body[2].pledge).toMatchObject({ budget: 1_500_000, scope: 'VILLAGES', priority: 20, villageCodes: ['17.03.06.2001'] });
  });

  it('is audited', async () => {
    const events = await t.dataSource.query(`SELECT action, entity_id FROM audit_event WHERE entity = 'pledge' ORDER BY id`);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['pledge.create', 'pledge.revise', 'pledge.revise']);
    expect(events[1].entity_id).toBe('APBD-2026');
  });
});

/**
 * Two officers revising one pledge at once (QA: both 200, the last list won, the history told the wrong story): a change
 * says the revision it was made from (`expectedRevision`, or If-Match with GET's ETag) and a later one refuses it.
 */
describe('PATCH /api/v1/pledges/:code from an earlier revision is 409 REVISION_CONFLICT, nothing written (QA: two officers)', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  let keuangan2: (method: 'patch' | 'post' | 'get', url: string) => ReturnType<TestApp['http']['get']>;
  const villages = ['17.03.06.2001', '17.03.06.2002'];
  const history = async () => (await keuangan.get('/api/v1/pledges/DESA-2026/revisions').expect(200)).body.map((r: { revision: number; changedBy: string }) => [r.revision, r.changedBy]);
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await t.app.get(UsersService).create('keuangan2', TEST_PASSWORD, Role.KEUANGAN);
    const token = (await t.http.post('/api/v1/auth/login').send({ username: 'keuangan2', password: TEST_PASSWORD }).expect(200)).body.accessToken;
    keuangan2 = (method, url) => t.http[method](url).set('Authorization', `Bearer ${token}`);
    await keuangan.post('/api/v1/pledges').send({ code: 'DESA-2026', sourceType: 'DESA', fund: 'ADD', funder: 'Desa', fiscalYear: 2026, scope: 'VILLAGES', villageCodes: [villages[0]] }).expect(201);
  });
  afterAll(() => t?.close());

  it('GET names the revision as its ETag', async () => {
    const res = await keuangan.get('/api/v1/pledges/DESA-2026').expect(200);
    expect([res.headers.etag, res.body.revision]).toEqual(['"1"', 1]);
  });

  it('two revisions sent at once from the same revision: one saved, the other refused naming who, when and which revision', async () => {
    const answers = await Promise.all([
      keuangan.patch('/api/v1/pledges/DESA-2026').send({ villageCodes: villages, reason: 'Tambah desa kedua', expectedRevision: 1 }),
      keuangan2('patch', '/api/v1/pledges/DESA-2026').send({ budget: 5_000_000, reason: 'Pagu APBDes', expectedRevision: 1 }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const [saved, refused] = answers[0].status === 200 ? answers : [answers[1], answers[0]];
    const winner = answers[0].status === 200 ? 'uji-keuangan' : 'keuangan2';
    expect(saved.body.revision).toBe(2);
    expect(refused.body).toEqual({
      statusCode: 409,
      code: 'REVISION_CONFLICT',
      message: `Komitmen "DESA-2026" sudah diubah sejak halaman Anda dimuat: revisi 2 dicatat oleh ${winner} pada 15 November 2026 10.00 WIB, sesudah revisi 1 yang Anda ubah. Perubahan Anda tidak disimpan agar perubahan itu tidak tertimpa: muat ulang halaman lalu ulangi perubahan Anda.`,
      details: { code: 'DESA-2026', expectedRevision: 1, revision: 2, changedBy: winner, changedAt: '2026-11-15T03:00:00.000Z' },
    });
    // one new revision, by the one saved; the refused change left no trace but its refusal
    expect(await history()).toEqual([[1, 'uji-keuangan'], [2, winner]]);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'pledge.revise'`))[0].n).toBe(1);
  });

  it('a stale If-Match is 409 as well; the current one saves, and the answer is the new revision', async () => {
    const stale = await keuangan2('patch', '/api/v1/pledges/DESA-2026').set('If-Match', '"1"').send({ quota: 10, reason: 'Kuota' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'REVISION_CONFLICT', details: { expectedRevision: 1, revision: 2 } });
    const etag = (await keuangan2('get', '/api/v1/pledges/DESA-2026').expect(200)).headers.etag;
    expect(etag).toBe('"2"');
    const saved = await keuangan2('patch', '/api/v1/pledges/DESA-2026').set('If-Match', etag).send({ quota: 10, reason: 'Kuota' }).expect(200);
    expect(saved.body).toMatchObject({ revision: 3, quota: 10 });
    // several revisions since: the range and the latest's who and when
    const far = await keuangan.patch('/api/v1/pledges/DESA-2026').send({ quota: 11, reason: 'Kuota', expectedRevision: 1 }).expect(409);
    expect(far.body.message).toBe(
      'Komitmen "DESA-2026" sudah diubah sejak halaman Anda dimuat: revisi 2–3 dicatat sesudah revisi 1 yang Anda ubah, yang terakhir oleh keuangan2 pada 15 November 2026 10.00 WIB. Perubahan Anda tidak disimpan agar perubahan itu tidak tertimpa: muat ulang halaman lalu ulangi perubahan Anda.',
    );
    expect(await history()).toEqual([[1, 'uji-keuangan'], [2, expect.any(String)], [3, 'keuangan2']]);
  });

  it('a malformed expectedRevision or If-Match, or the two disagreeing, is 400 with the other problems; If-Match * checks nothing', async () => {
    const bad = await keuangan.patch('/api/v1/pledges/DESA-2026').send({ quota: 12, expectedRevision: 'tiga' }).expect(400);
    expect(bad.body.details).toEqual([
      { field: 'expectedRevision', messages: ['expectedRevision (revisi komitmen yang Anda ubah) harus bilangan bulat 1 atau lebih, bukan teks'] },
      { field: 'reason', messages: ['reason (alasan perubahan) wajib diisi'] },
    ]);
    // null is no revision: refused, not taken as "no check"
    const none = await keuangan.patch('/api/v1/pledges/DESA-2026').send({ quota: 12, reason: 'x', expectedRevision: null }).expect(400);
    expect(none.body.details).toEqual([{ field: 'expectedRevision', messages: ['expectedRevision (revisi komitmen yang Anda ubah) harus bilangan bulat 1 atau lebih, bukan null'] }]);
    const header = await keuangan.patch('/api/v1/pledges/DESA-2026').set('If-Match', 'abc').send({ quota: 12, reason: 'x' }).expect(400);
    expect(header.body.details).toEqual([{ field: 'If-Match', messages: ['If-Match harus berisi satu revisi komitmen seperti ETag-nya, mis. "3"'] }]);
    const both = await keuangan.patch('/api/v1/pledges/DESA-2026').set('If-Match', '"2"').send({ quota: 12, reason: 'x', expectedRevision: 3 }).expect(400);
    expect(both.body.details).toEqual([{ field: 'expectedRevision', messages: ['expectedRevision (3) dan If-Match ("2") menyebut revisi yang berbeda: kirim salah satu saja'] }]);
    // expectedRevision alone with a reason is no term sent
    const alone = await keuangan.patch('/api/v1/pledges/DESA-2026').send({ reason: 'x', expectedRevision: 3 }).expect(400);
    expect(alone.body.details.map((d: { field: string }) => d.field)).toEqual(['body']);
    const ahead = await keuangan.patch('/api/v1/pledges/DESA-2026').send({ quota: 12, reason: 'x', expectedRevision: 9 }).expect(409);
    expect(ahead.body.message).toMatch(/^Komitmen "DESA-2026" belum sampai revisi 9 yang Anda kirim: revisi terakhirnya 3, dicatat oleh keuangan2 pada /);
    await keuangan.patch('/api/v1/pledges/DESA-2026').set('If-Match', '*').send({ quota: 12, reason: 'x' }).expect(200);
  });

  it('without expectedRevision or If-Match a revision is saved as before (no check)', async () => {
    const res = await keuangan2('patch', '/api/v1/pledges/DESA-2026').send({ quota: 13, reason: 'Tanpa revisi' }).expect(200);
    expect(res.body.revision).toBe(5);
  });

  it('withdraw and reinstate carry the same check', async () => {
    const stale = await keuangan.post('/api/v1/pledges/DESA-2026/withdraw').send({ reason: 'Ganda', expectedRevision: 4 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'REVISION_CONFLICT', details: { expectedRevision: 4, revision: 5, changedBy: 'keuangan2' } });
    expect((await keuangan.get('/api/v1/pledges/DESA-2026').expect(200)).body.withdrawn).toBe(false);
    await keuangan.post('/api/v1/pledges/DESA-2026/withdraw').send({ reason: 'Ganda', expectedRevision: 5 }).expect(201);
    await keuangan2('post', '/api/v1/pledges/DESA-2026/reinstate').set('If-Match', '"5"').send({ reason: 'Bukan ganda' }).expect(409);
    await keuangan2('post', '/api/v1/pledges/DESA-2026/reinstate').set('If-Match', '"6"').send({ reason: 'Bukan ganda' }).expect(201);
  });
});

describe('PATCH /api/v1/pledges/:code tells what a revision leaves short or overpaid in the open months (QA)', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  // three participants covered all year: 12 × 3 × 37.800 = Rp1.360.800 pays the year exactly
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2, 3].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 1_360_800 }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-11' }).expect(201); // January to November
    await keuangan.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-11', amount: 113_400, paidAt: '2026-11-05', reference: 'SP2D 11' }).expect(201);
  });
  afterAll(() => t?.close());

  it('a budget cut: the months newly unfunded and the payment now above its due', async () => {
    // Rp1.200.000: January–October use 30 × 37.800 = 1.134.000; November gets 66.000 (37.800 + 28.200: 9.600 and 37.800
    // unfunded, 2 participants, Rp47.400), December nothing (3 participants, Rp113.400); November's 113.400 paid exceeds 66.000
    const res = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 1_200_000, reason: 'APBD-P 2026' }).expect(200);
    expect(res.body.warnings).toEqual([
      {
        code: 'UNFUNDED_AFTER_REVISION',
        pledgeCode: 'APBD-2026',
        message:
          'Sesudah revisi APBD-2026, bulan yang belum difinalisasi kekurangan dana: November 2026 2 peserta tidak terdanai penuh, Rp47.400 (sebelumnya Rp0); ' +
          'Desember 2026 3 peserta tidak terdanai penuh, Rp113.400 (sebelumnya Rp0); kekurangan bertambah Rp160.800. ' +
          'Bulan yang belum dialokasikan dihitung dengan peserta terdaftar saat ini. Bila tidak dimaksudkan, ubah lagi komitmennya (pagu, kuota, bulan) atau tambah komitmen lain untuk bulan itu.',
      },
      {
        code: 'PAYMENTS_EXCEED_DUE_AFTER_REVISION',
        pledgeCode: 'APBD-2026',
        message:
          'Sesudah revisi ini, pembayaran APBD-2026 yang sudah dicatat melebihi kewajibannya: November 2026 dibayar Rp113.400, kewajibannya kini Rp66.000 (sebelumnya Rp113.400), lebih bayar Rp47.400. ' +
          'Status pembayarannya kini Lebih bayar. Bila tidak dimaksudkan, ubah lagi komitmennya; bila dimaksudkan, selesaikan kelebihan bayar itu dengan pemberi dana.',
      },
    ]);
    // what it told is what the allocation then does
    const november = (await keuangan.get('/api/v1/allocations/2026-11').expect(200)).body;
    expect(november).toMatchObject({ unfunded: { participants: 2, amount: 47_400 }, funded: [{ pledgeCode: 'APBD-2026', amount: 66_000 }] });
    const status = (await keuangan.get('/api/v1/payments/status?month=2026-11').expect(200)).body;
    expect(status.map((s: { pledgeCode: string; due: number; paid: number; status: string }) => [s.pledgeCode, s.due, s.paid, s.status])).toEqual([['APBD-2026', 66_000, 113_400, 'OVERPAID']]);
  });

  it('tells nothing of what was already short or overpaid, nor of a change that leaves the months as they were', async () => {
    // a smaller cut: only what it adds (November's 37.800 − 28.200 more; December still nothing, as before)
    const res = await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 1_171_800, reason: 'APBD-P 2026 koreksi' }).expect(200);
    expect(res.body.warnings.map((w: { code: string; message: string }) => [w.code, w.message.split(': ')[1]])).toEqual([
      ['UNFUNDED_AFTER_REVISION', 'November 2026 2 peserta tidak terdanai penuh, Rp75.600 (sebelumnya Rp47.400); kekurangan bertambah Rp28.200. Bulan yang belum dialokasikan dihitung dengan peserta terdaftar saat ini. Bila tidak dimaksudkan, ubah lagi komitmennya (pagu, kuota, bulan) atau tambah komitmen lain untuk bulan itu.'],
    ]);
    expect((await keuangan.patch('/api/v1/pledges/APBD-2026').send({ legalBasis: 'Perda 7/2026', reason: 'dasar hukum' }).expect(200)).body.warnings).toEqual([]);
    // raised back: less unfunded, no warning
    expect((await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 1_360_800, reason: 'APBD-P batal' }).expect(200)).body.warnings).toEqual([]);
  });
});

describe('GET /api/v1/pledges/:code after a Dana Desa fund is corrected names the months paid from Dana Desa (QA: warnings [])', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  const code = 'DESA-1703062001-2026';
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    const pledge = { code, sourceType: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', fiscalYear: 2026, scope: 'VILLAGES', villageCodes: ['17.03.06.2001'], sharePercent: 50 };
    await keuangan.post('/api/v1/pledges').send(pledge).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201); // January to March, under revision 1
    await closeMonth(t.dataSource, '2026-03'); // finalized: January to March keep their splits of revision 1
  });
  afterAll(() => t?.close());

  const warnings = async () => (await keuangan.get(`/api/v1/pledges/${code}`).expect(200)).body.warnings as { code: string; pledgeCode: string; message: string }[];

  it('while the fund is Dana Desa: the one §5 warning of the whole pledge', async () => {
    expect((await warnings()).map((w) => [w.code, w.message.split('. ')[0]])).toEqual([['DANA_DESA_PBI', `Komitmen ${code} memakai Dana Desa untuk iuran PBI tahun 2026`]]);
  });

  /** The warning of `of`'s months `months` paid from Dana Desa under revision 1, its fund now ADD. */
  const paidFromDanaDesa = (of: string, months: string) => ({
    code: 'DANA_DESA_PBI',
    pledgeCode: of,
    message:
      `Komitmen ${of} memakai Dana Desa untuk iuran PBI ${months} (revisi 1), sebelum sumber dananya diubah menjadi APBDes (Alokasi Dana Desa). ` +
      'Sejak 2024 Dana Desa tidak boleh dipakai membayar iuran PBI (Surat Edaran Kemendesa PDTT Nomor 4/PRI.00/I/2024): iuran bulan itu tetap tercatat dibayar dari Dana Desa dan perlu ditinjau.',
  });

  it('once corrected to ADD: a warning naming the months and the revision that used Dana Desa, in the revision\'s answer too', async () => {
    const revised = await keuangan.patch(`/api/v1/pledges/${code}`).send({ fund: 'ADD', reason: 'Salah jenis dana' }).expect(200);
    // the PATCH answer says it as GET /pledges/:code does (it said `warnings: []`, only the page read afterwards told it)
    expect(revised.body.warnings).toEqual([paidFromDanaDesa(code, 'Januari–Maret 2026')]);
    expect(await warnings()).toEqual([paidFromDanaDesa(code, 'Januari–Maret 2026')]);
    // the revisions keep each fund, old and new, for the page's "Yang berubah"
    const revisions = (await keuangan.get(`/api/v1/pledges/${code}/revisions`).expect(200)).body;
    expect(revisions.map((r: { revision: number; pledge: { fund: string } }) => [r.revision, r.pledge.fund])).toEqual([
      [1, 'DANA_DESA'],
      [2, 'ADD'],
    ]);
  });

  it('a pledge that never used Dana Desa is told nothing', async () => {
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', fromMonth: 4 }).expect(201);
    expect((await keuangan.get('/api/v1/pledges/APBD-2026').expect(200)).body.warnings).toEqual([]);
  });

  it('GET /api/v1/pledges carries each pledge\'s warning as GET /pledges/:code does, read in one query for the whole list', async () => {
    // a second pledge paid from Dana Desa in April, corrected to ADD after April is finalized
    const second = 'DESA-1703062001-2026B';
    const pledge = { code: second, sourceType: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', fiscalYear: 2026, fromMonth: 4, scope: 'VILLAGES', villageCodes: ['17.03.06.2001'], sharePercent: 10, priority: 15 };
    await keuangan.post('/api/v1/pledges').send(pledge).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-04' }).expect(201);
    await closeMonth(t.dataSource, '2026-04');
    const revised = await keuangan.patch(`/api/v1/pledges/${second}`).send({ fund: 'ADD', reason: 'Salah jenis dana' }).expect(200);
    expect(revised.body.warnings.filter((w: { code: string }) => w.code === 'DANA_DESA_PBI')).toEqual([paidFromDanaDesa(second, 'April 2026')]);

    const auditor = await t.as(Role.AUDITOR);
    const reads = jest.spyOn(t.dataSource.manager, 'query');
    try {
      const list = (await auditor.get('/api/v1/pledges').query({ fiscalYear: 2026 }).expect(200)).body as { code: string; warnings: unknown[] }[];
      expect(list.map((p) => [p.code, p.warnings])).toEqual([
        [second, [paidFromDanaDesa(second, 'April 2026')]],
        [code, [paidFromDanaDesa(code, 'Januari–Maret 2026')]],
        ['APBD-2026', []],
      ]);
      // one set-based read of the earlier revisions' months for the three pledges, not one per pledge
      expect(reads.mock.calls.map(([sql]) => sql).filter((sql) => /pledge_terms|pledge_revision|\bsplit\b/.test(sql))).toEqual([MONTHS_OF_OTHER_FUNDING_REVISIONS]);
    } finally {
      reads.mockRestore();
    }
    // each pledge the same on its own page
    expect(await warnings()).toEqual([paidFromDanaDesa(code, 'Januari–Maret 2026')]);
    expect((await keuangan.get(`/api/v1/pledges/${second}`).expect(200)).body.warnings).toEqual([paidFromDanaDesa(second, 'April 2026')]);
    // and so do the answers of withdrawing and reinstating it (they said nothing of those months)
    const danaDesa = (body: { warnings: { code: string }[] }) => body.warnings.filter((w) => w.code === 'DANA_DESA_PBI');
    expect(danaDesa((await keuangan.post(`/api/v1/pledges/${second}/withdraw`).send({ reason: 'Ganda' }).expect(201)).body)).toEqual([paidFromDanaDesa(second, 'April 2026')]);
    expect(danaDesa((await keuangan.post(`/api/v1/pledges/${second}/reinstate`).send({ reason: 'Tidak ganda' }).expect(201)).body)).toEqual([paidFromDanaDesa(second, 'April 2026')]);
  });

  it('a pledge warned again as it stands is listed with the one warning of the whole pledge, not its months again', async () => {
    // back to Dana Desa: the rule of the whole pledge, not the months again
    await keuangan.patch(`/api/v1/pledges/${code}`).send({ fund: 'DANA_DESA', reason: 'Kembali ke Dana Desa' }).expect(200);
    const list = (await keuangan.get('/api/v1/pledges').query({ fiscalYear: 2026 }).expect(200)).body as { code: string; warnings: { message: string }[] }[];
    expect(list.find((p) => p.code === code)!.warnings.map((w) => w.message.split('. ')[0])).toEqual([`Komitmen ${code} memakai Dana Desa untuk iuran PBI tahun 2026`]);
  });
});
