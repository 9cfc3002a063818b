/**
 * POST /pledges/:code/withdraw and /reinstate: a pledge entered by mistake (a second regency APBD pledge, told with
 * SAME_FUNDING_TWICE) is withdrawn, keeping its history: a new revision with the reason, left out of the months
 * allocated since, while a finalized month and the months frozen before it keep the splits it paid (§9), and its
 * payments stay (a month's due becomes 0, so what was paid reads as overpaid). Reinstating it undoes that.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth, insertParticipants, testNik } from './support/register.js';

// each pays half of every premium (37,800): APBD-2026 first (code order), the duplicate APBD-2026-B the other half
const apbd = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab Bengkulu Utara', fiscalYear: 2026, scope: 'ALL', sharePercent: 50 };
const duplicate = { ...apbd, code: 'APBD-2026-B' };
const HALF = 18_900;

describe('withdrawing (cabut) and reinstating (pulihkan) a pledge', () => {
  let t: TestApp;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  const funded = async (month: string) => (await finance.get(`/api/v1/allocations/${month}`).expect(200)).body.funded.map((f: { pledgeCode: string; amount: number }) => [f.pledgeCode, f.amount]);
  const splitTotals = (month: string) =>
    t.dataSource.query('SELECT pledge_code AS code, sum(amount)::int AS amount FROM split WHERE month = $1 GROUP BY pledge_code ORDER BY pledge_code', [month]);
  const statuses = async () => Object.fromEntries((await t.dataSource.query(`SELECT month, status FROM allocation_month WHERE fiscal_year = 2026 ORDER BY month`)).map((r: { month: string; status: string }) => [r.month, r.status]));

  beforeAll(async () => {
    t = await createTestApp();
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2].map((i) => ({ nik: testNik(i), tmt: '2025-01-01' })));
    await finance.post('/api/v1/pledges').send(apbd).expect(201);
    const second = await finance.post('/api/v1/pledges').send(duplicate).expect(201);
    expect(second.body.warnings.map((w: { code: string }) => w.code)).toEqual(['SAME_FUNDING_TWICE']);
    await finance.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201); // January to March
    await closeMonth(t.dataSource, '2026-02'); // January frozen before it
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026-B', month: '2026-03', amount: 2 * HALF, paidAt: '2026-03-05', reference: 'SP2D 3/B' }).expect(201);
  });
  afterAll(() => t?.close());

  it('refuses the auditor and the operator (403), an unknown code (404) and a missing reason (400), recording nothing', async () => {
    for (const role of [Role.AUDITOR, Role.OPERATOR_DINKES]) {
      const other = await t.as(role);
      await other.post('/api/v1/pledges/APBD-2026-B/withdraw').send({ reason: 'ganda' }).expect(403);
      await other.post('/api/v1/pledges/APBD-2026-B/reinstate').send({ reason: 'ganda' }).expect(403);
    }
    const unknown = await finance.post('/api/v1/pledges/apbd-2026-b/withdraw').send({ reason: 'ganda' }).expect(404);
    expect(unknown.body).toMatchObject({ code: 'PLEDGE_NOT_FOUND', details: { code: 'apbd-2026-b', similar: 'APBD-2026-B' } });
    for (const [body, message] of [
      [{}, 'reason (alasan perubahan) wajib diisi'],
      [{ reason: ' \u200b ' }, 'reason (alasan perubahan) wajib diisi'],
      [{ reason: 'x'.repeat(501) }, 'reason terlalu panjang (501 karakter, paling banyak 500)'],
    ] as const) {
      const res = await finance.post('/api/v1/pledges/APBD-2026-B/withdraw').send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'PLEDGE_INVALID', details: [{ field: 'reason', messages: [message] }] });
    }
    const extra = await finance.post('/api/v1/pledges/APBD-2026-B/withdraw').send({ reason: 'ganda', budget: 1 }).expect(400);
    expect(extra.body.details).toEqual([{ field: 'budget', messages: ['kolom budget tidak dikenal'] }]);
    const notWithdrawn = await finance.post('/api/v1/pledges/APBD-2026-B/reinstate').send({ reason: 'keliru' }).expect(409);
    expect(notWithdrawn.body).toMatchObject({ code: 'PLEDGE_NOT_WITHDRAWN', details: { code: 'APBD-2026-B' }, message: expect.stringContaining('tidak sedang dicabut') });
    expect((await finance.get('/api/v1/pledges/APBD-2026-B').expect(200)).body).toMatchObject({ revision: 1, withdrawn: false, withdrawnAt: null, withdrawnBy: null });
    expect(await funded('2026-03')).toEqual([['APBD-2026', 2 * HALF], ['APBD-2026-B', 2 * HALF]]);
  });

  it('withdraws: a new revision with the reason, the open months STALE, recomputed without it; frozen and finalized months keep its splits', async () => {
    const res = await finance.post('/api/v1/pledges/APBD-2026-B/withdraw').send({ reason: 'Komitmen ganda: sudah dicatat sebagai APBD-2026' }).expect(201);
    expect(res.body).toMatchObject({
      code: 'APBD-2026-B',
      revision: 2,
      withdrawn: true,
      withdrawnAt: t.clock.now().toISOString(),
      withdrawnBy: 'uji-keuangan',
      closedMonths: ['2026-02'],
      frozenMonths: ['2026-01'],
      sharePercent: 50,
    });
    // what it leaves (QA: answered warnings: []): March to December, the open months, lose its half of both premiums, and
    // its March payment of 2 × 18.900 now exceeds a due of 0; finalized February and frozen January are not told
    expect(res.body.warnings).toEqual([
      {
        code: 'UNFUNDED_AFTER_REVISION',
        pledgeCode: 'APBD-2026-B',
        message:
          'Sesudah pencabutan APBD-2026-B, bulan yang belum difinalisasi kekurangan dana: Maret–Desember 2026 2 peserta tidak terdanai penuh, Rp37.800 per bulan (sebelumnya Rp0); ' +
          'kekurangan bertambah Rp378.000. Bulan yang belum dialokasikan dihitung dengan peserta terdaftar saat ini. ' +
          'Bila tidak dimaksudkan, ubah lagi komitmennya (pagu, kuota, bulan) atau tambah komitmen lain untuk bulan itu.',
      },
      {
        code: 'PAYMENTS_EXCEED_DUE_AFTER_REVISION',
        pledgeCode: 'APBD-2026-B',
        message:
          'Sesudah pencabutan ini, pembayaran APBD-2026-B yang sudah dicatat melebihi kewajibannya: Maret 2026 dibayar Rp37.800, kewajibannya kini Rp0 (sebelumnya Rp37.800), lebih bayar Rp37.800. ' +
          'Status pembayarannya kini Lebih bayar. Bila tidak dimaksudkan, ubah lagi komitmennya; bila dimaksudkan, selesaikan kelebihan bayar itu dengan pemberi dana.',
      },
    ]);
    // told, not recomputed: the open months stay STALE until read
    expect(await statuses()).toEqual({ '2026-01': 'CURRENT', '2026-02': 'CURRENT', '2026-03': 'STALE' });

    // March is recomputed without it: APBD-2026's half only, the other half unfunded
    expect(await funded('2026-03')).toEqual([['APBD-2026', 2 * HALF]]);
    expect(await splitTotals('2026-03')).toEqual([{ code: 'APBD-2026', amount: 2 * HALF }]);
    const march = (await finance.get('/api/v1/allocations/2026-03').expect(200)).body;
    expect(march).toMatchObject({ obligation: 4 * HALF, unfunded: { participants: 2, amount: 2 * HALF } });
    // finalized February and frozen January keep what it paid
    for (const month of ['2026-01', '2026-02']) expect(await splitTotals(month)).toEqual([{ code: 'APBD-2026', amount: 2 * HALF }, { code: 'APBD-2026-B', amount: 2 * HALF }]);

    const revisions = (await (await t.as(Role.AUDITOR)).get('/api/v1/pledges/APBD-2026-B/revisions').expect(200)).body;
    expect(revisions.map((r: { revision: number; reason: string; changedBy: string; withdrawn: boolean }) => [r.revision, r.reason, r.changedBy, r.withdrawn])).toEqual([
      [1, 'Komitmen dibuat', 'uji-keuangan', false],
      [2, 'Komitmen ganda: sudah dicatat sebagai APBD-2026', 'uji-keuangan', true],
    ]);
    expect(revisions[1].pledge).toEqual(revisions[0].pledge); // the terms, unchanged
    const [stored] = await t.dataSource.query(`SELECT data->'withdrawn' AS withdrawn, source_type, priority FROM pledge_revision WHERE code = 'APBD-2026-B' AND revision = 2`);
    expect(stored).toEqual({ withdrawn: true, source_type: 'APBD', priority: 90 });
    const events = await t.dataSource.query(`SELECT action, actor, entity_id FROM audit_event WHERE action = 'pledge.withdraw'`);
    expect(events).toEqual([{ action: 'pledge.withdraw', actor: 'uji-keuangan', entity_id: 'APBD-2026-B' }]);
  });

  it('keeps its payment: March, due 0 now, reads as overpaid', async () => {
    const status = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-03').expect(200)).body;
    expect(status.map((s: { pledgeCode: string; due: number; paid: number; status: string }) => [s.pledgeCode, s.due, s.paid, s.status])).toEqual([
      ['APBD-2026', 2 * HALF, 0, 'UNPAID'],
      ['APBD-2026-B', 0, 2 * HALF, 'OVERPAID'],
    ]);
  });

  it('lists it as withdrawn, filters by it, and tells the other pledge no more of the same funding', async () => {
    const all = (await finance.get('/api/v1/pledges?fiscalYear=2026').expect(200)).body;
    expect(all.map((p: { code: string; withdrawn: boolean }) => [p.code, p.withdrawn])).toEqual([['APBD-2026', false], ['APBD-2026-B', true]]);
    expect((await finance.get('/api/v1/pledges?withdrawn=true').expect(200)).body.map((p: { code: string }) => p.code)).toEqual(['APBD-2026-B']);
    expect((await finance.get('/api/v1/pledges?withdrawn=false').expect(200)).body.map((p: { code: string }) => p.code)).toEqual(['APBD-2026']);
    const bad = await finance.get('/api/v1/pledges?withdrawn=ya').expect(400);
    expect(bad.body.details).toEqual([{ field: 'withdrawn', messages: ['withdrawn harus true atau false'] }]);
    const revised = await finance.patch('/api/v1/pledges/APBD-2026').send({ legalBasis: 'Perbup 1/2026', reason: 'dasar hukum' }).expect(200);
    expect(revised.body.warnings).toEqual([]);
    // the projection counts it no more: April to December projected with APBD-2026's half only
    const projection = (await finance.get('/api/v1/projections?fiscalYear=2026').expect(200)).body;
    expect(projection.pledges.map((p: { pledgeCode: string }) => p.pledgeCode)).toEqual(['APBD-2026']);
    expect(projection.months.find((m: { month: string }) => m.month === '2026-04')).toMatchObject({ basis: 'PROJECTED', funded: 2 * HALF, unfunded: { participants: 2, amount: 2 * HALF } });
  });

  it('refuses to withdraw it twice, and to revise it before it is reinstated (409)', async () => {
    const twice = await finance.post('/api/v1/pledges/APBD-2026-B/withdraw').send({ reason: 'lagi' }).expect(409);
    expect(twice.body).toMatchObject({ code: 'PLEDGE_ALREADY_WITHDRAWN', details: { code: 'APBD-2026-B', withdrawnBy: 'uji-keuangan' } });
    expect(twice.body.message).toBe('Komitmen "APBD-2026-B" sudah dicabut (15 November 2026 10.00 WIB oleh uji-keuangan), jadi tidak dicabut lagi. Untuk mengikutkannya kembali dalam alokasi, pulihkan komitmen itu.');
    const patch = await finance.patch('/api/v1/pledges/APBD-2026-B').send({ sharePercent: 40, reason: 'APBD-P' }).expect(409);
    expect(patch.body).toMatchObject({ code: 'PLEDGE_WITHDRAWN', message: expect.stringContaining('pulihkan dulu komitmen itu') });
    expect((await finance.get('/api/v1/pledges/APBD-2026-B').expect(200)).body.revision).toBe(2);
  });

  it('reinstates: a new revision, March recomputed with it again (and told of the same funding again)', async () => {
    const admin = await t.as(Role.ADMIN);
    // reinstating is the finance officer's (the admin enters no pledge: 403); the admin reads the revisions
    await admin.post('/api/v1/pledges/APBD-2026-B/reinstate').send({ reason: 'x' }).expect(403);
    const res = await finance.post('/api/v1/pledges/APBD-2026-B/reinstate').send({ reason: 'Bukan ganda: APBD-2026 hanya separuh' }).expect(201);
    expect(res.body).toMatchObject({ revision: 3, withdrawn: false, withdrawnAt: null, withdrawnBy: null, closedMonths: ['2026-02'], frozenMonths: ['2026-01'] });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['SAME_FUNDING_TWICE']);
    expect((await statuses())['2026-03']).toBe('STALE');
    expect(await funded('2026-03')).toEqual([['APBD-2026', 2 * HALF], ['APBD-2026-B', 2 * HALF]]);
    expect(await splitTotals('2026-03')).toEqual([{ code: 'APBD-2026', amount: 2 * HALF }, { code: 'APBD-2026-B', amount: 2 * HALF }]);
    const revisions = (await admin.get('/api/v1/pledges/APBD-2026-B/revisions').expect(200)).body;
    expect(revisions.map((r: { revision: number; withdrawn: boolean; changedBy: string }) => [r.revision, r.withdrawn, r.changedBy])).toEqual([
      [1, false, 'uji-keuangan'],
      [2, true, 'uji-keuangan'],
      [3, false, 'uji-keuangan'],
    ]);
  });

  it('refuses both when the year is closed (409 MONTH_CLOSED), and when all of its months are finalized or frozen', async () => {
    const january = await finance.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-2026-Q1', toMonth: 3 }).expect(201);
    expect(january.body.closedMonths).toEqual(['2026-02']);
    await closeMonth(t.dataSource, '2026-03');
    const res = await finance.post('/api/v1/pledges/APBD-2026-Q1/withdraw').send({ reason: 'ganda' }).expect(409);
    expect(res.body).toMatchObject({ code: 'MONTH_CLOSED', message: expect.stringMatching(/^Bulan Januari 2026 s\.d\. Maret 2026 tidak dialokasikan lagi: .* sehingga perubahan ini tidak akan mengubah apa pun\./) });
    await closeMonth(t.dataSource, '2026-12');
    const year = await finance.post('/api/v1/pledges/APBD-2026-B/withdraw').send({ reason: 'ganda' }).expect(409);
    expect(year.body).toMatchObject({ code: 'MONTH_CLOSED', message: expect.stringContaining('komitmen APBD-2026-B tidak dapat dicabut lagi') });
  });
});
