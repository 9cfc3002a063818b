import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { AllocateMonth } from '../../src/funding/use-cases/allocate-month.use-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

describe('§6: re-allocating a month marks the later months STALE; they are recomputed before being reported', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  const status = async () =>
    Object.fromEntries((await t.dataSource.query(`SELECT month, status FROM allocation_month ORDER BY month`)).map((r: { month: string; status: string }) => [r.month, r.status]));

  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2].map((i) => ({ nik: testNik(i), tmt: '2025-06-01' })));
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 5 * 37800 }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-04' }).expect(201);
  });
  afterAll(() => t.close());

  it('re-allocating February leaves January CURRENT and marks March and April STALE', async () => {
    await keuangan.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201);
    expect(await status()).toEqual({ '2026-01': 'CURRENT', '2026-02': 'CURRENT', '2026-03': 'STALE', '2026-04': 'STALE' });
  });

  it('ensureCurrent recomputes the stale months up to the one asked for', async () => {
    const summary = await t.app.get(AllocateMonth).ensureCurrent('2026-03', 'uji');
    expect(summary.unfunded).toEqual({ participants: 1, amount: 37800 });
    expect((await status())['2026-03']).toBe('CURRENT');
    expect((await status())['2026-04']).toBe('STALE');
  });

  it('a pledge revision marks its months STALE; the splits query recomputes them first', async () => {
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 8 * 37800, reason: 'APBD-P 2026' }).expect(200);
    expect(await status()).toEqual({ '2026-01': 'STALE', '2026-02': 'STALE', '2026-03': 'STALE', '2026-04': 'STALE' });
    const res = await keuangan.get('/api/v1/splits?month=2026-04').expect(200);
    expect(res.body.total).toBe(2);
    // the answer says what was recomputed for it, in its field and in its header
    expect(res.body.recomputedMonths).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(res.headers['x-recomputed-months']).toBe('2026-01,2026-02,2026-03,2026-04');
    const again = await keuangan.get('/api/v1/splits?month=2026-04').expect(200);
    expect([again.body.recomputedMonths, again.headers['x-recomputed-months']]).toEqual([[], '']);
    expect(Object.values(await status())).toEqual(['CURRENT', 'CURRENT', 'CURRENT', 'CURRENT']);
    const [row] = await t.dataSource.query(`SELECT DISTINCT pledge_revision FROM split`);
    expect(row.pledge_revision).toBe(2);
  });

  it('NIK lookups sent together recompute the STALE months first, then each gets its own splits', async () => {
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 7 * 37800, reason: 'Pergeseran anggaran' }).expect(200);
    expect(Object.values(await status())).toEqual(['STALE', 'STALE', 'STALE', 'STALE']);
    const [first, second] = await Promise.all([1, 2].map((i) => keuangan.get(`/api/v1/splits?nik=${testNik(i)}`).expect(200)));
    // a budget of 7 premiums: January to March pay both, April only participant 1 (walked first)
    expect(first.body.items.map((s: { month: string; pledgeRevision: number }) => `${s.month} r${s.pledgeRevision}`)).toEqual(['2026-01 r3', '2026-02 r3', '2026-03 r3', '2026-04 r3']);
    expect(second.body.items.map((s: { nik: string; month: string }) => `${s.nik} ${s.month}`)).toEqual(['2026-01', '2026-02', '2026-03'].map((m) => `${testNik(2)} ${m}`));
    // one recomputed, the other waited for it: both answers say the months
    expect([first.body.recomputedMonths, second.body.recomputedMonths]).toEqual([['2026-01', '2026-02', '2026-03', '2026-04'], ['2026-01', '2026-02', '2026-03', '2026-04']]);
    expect(Object.values(await status())).toEqual(['CURRENT', 'CURRENT', 'CURRENT', 'CURRENT']);
  });

  it("a participant's funding history recomputes the STALE months first, without any other read before it", async () => {
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 6 * 37800, reason: 'Pergeseran anggaran 2' }).expect(200);
    expect(Object.values(await status())).toEqual(['STALE', 'STALE', 'STALE', 'STALE']);
    const detail = await (await t.as(Role.AUDITOR)).get(`/api/v1/participants/${testNik(2)}`).expect(200);
    // a budget of 6 premiums: January to March pay both participants, April neither
    expect(detail.body.funding.map((f: { month: string; amount: number }) => `${f.month} ${f.amount}`)).toEqual(['2026-01 37800', '2026-02 37800', '2026-03 37800']);
    expect(detail.body.recomputedMonths).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(detail.headers['x-recomputed-months']).toBe('2026-01,2026-02,2026-03,2026-04');
    expect(Object.values(await status())).toEqual(['CURRENT', 'CURRENT', 'CURRENT', 'CURRENT']);
  });

  it('a month recomputed because someone read it is allocated by the system, not by the reader (QA: an auditor was recorded)', async () => {
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 11 * 37800, reason: 'APBD-P 2026 terakhir' }).expect(200);
    const auditor = await t.as(Role.AUDITOR);
    const detail = await auditor.get('/api/v1/allocations/2026-02').expect(200);
    expect(detail.body.allocatedBy).toMatch(/^sistem \(dihitung ulang saat dibaca oleh .+\)$/);
    await auditor.get('/api/v1/splits?month=2026-04').expect(200);
    const by = await t.dataSource.query(`SELECT DISTINCT allocated_by FROM allocation_month`);
    expect(by.map((r: { allocated_by: string }) => r.allocated_by)).toEqual([detail.body.allocatedBy]);
  });

  it('every rewrite of a month is in the audit trail under its month, the ones a read caused too (QA: only manual runs, without their month)', async () => {
    type Event = { actor: string; action: string; entityId: string | null; summary: string };
    const events = async () =>
      ((await (await t.as(Role.AUDITOR)).get('/api/v1/audit-events?entity=allocation&pageSize=100').expect(200)).body.items as Event[]).map((e) => ({
        ...e,
        summary: JSON.parse(e.summary) as { month: string; asked: string; why: string },
      }));
    const manual = (await events()).filter((e) => e.action === 'allocation.run');
    expect(manual.map((e) => e.entityId)).toEqual(expect.arrayContaining(['2026-04', '2026-02']));
    expect(manual.every((e) => e.entityId !== null)).toBe(true);
    const computed = (await events()).filter((e) => e.action === 'allocation.compute');
    // the auditor's read of February rewrote January and February (the revision made the whole year STALE): one event each
    const onRead = computed.filter((e) => e.actor.startsWith('sistem (dihitung ulang saat dibaca oleh') && e.summary.asked === '2026-02');
    expect(onRead.map((e) => [e.entityId, e.summary.why])).toEqual(
      expect.arrayContaining([
        ['2026-01', expect.stringMatching(/^alokasi sudah tidak berlaku \(data berubah sesudah dihitung\)/)],
        ['2026-02', expect.stringMatching(/^alokasi sudah tidak berlaku \(data berubah sesudah dihitung\)/)],
      ]),
    );
    // the first manual run, of April, wrote January to April, none of them allocated before
    const first = computed.filter((e) => e.summary.asked === '2026-04' && !e.actor.startsWith('sistem')).slice(-4);
    expect(first.map((e) => [e.entityId, e.summary.why])).toEqual([
      ['2026-04', 'diminta'],
      ['2026-03', 'belum pernah dialokasikan'],
      ['2026-02', 'belum pernah dialokasikan'],
      ['2026-01', 'belum pernah dialokasikan'],
    ]);
  });
  it('a read that recomputes STALE months records the month it asked for, or null for a read of every month (QA: asked named the latest STALE month)', async () => {
    type Event = { actor: string; entityId: string; summary: { month: string; asked: string | null; why: string } };
    const auditor = await t.as(Role.AUDITOR);
    const latest = async (n: number) =>
      ((await auditor.get(`/api/v1/audit-events?entity=allocation&pageSize=${n}`).expect(200)).body.items as (Event & { summary: string })[])
        .map((e) => ({ actor: e.actor, entityId: e.entityId, summary: JSON.parse(e.summary) }))
        .reverse();
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 9 * 37800, reason: 'Uji QA' }).expect(200);
    const summary = await auditor.get('/api/v1/splits/summary?month=2026-02&groupBy=sourceType').expect(200);
    // a bare array, as documented: the months recomputed for it (the whole STALE year, April included) are in the header only
    expect(Array.isArray(summary.body)).toBe(true);
    expect(summary.headers['x-recomputed-months']).toBe('2026-01,2026-02,2026-03,2026-04');
    const why = 'alokasi sudah tidak berlaku (data berubah sesudah dihitung): dihitung ulang sebelum pembacaan bulan Februari 2026';
    expect(await latest(4)).toEqual(
      ['2026-01', '2026-02', '2026-03', '2026-04'].map((month) => ({
        actor: expect.stringMatching(/^sistem \(dihitung ulang saat dibaca oleh .+\)$/),
        entityId: month,
        summary: { month, asked: '2026-02', why },
      })),
    );
    // a NIK's splits read every month: no month was asked, and the events say so
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 10 * 37800, reason: 'Uji QA 2' }).expect(200);
    await auditor.get(`/api/v1/splits?nik=${testNik(1)}`).expect(200);
    expect((await latest(4)).map((e) => [e.entityId, e.summary.asked, e.summary.why])).toEqual(
      ['2026-01', '2026-02', '2026-03', '2026-04'].map((month) => [month, null, 'alokasi sudah tidak berlaku (data berubah sesudah dihitung): dihitung ulang sebelum pembacaan semua bulan (pembacaan tanpa bulan, mis. riwayat pendanaan satu NIK)']),
    );
    // the month's allocation read (Dasbor) names its month too (QA: "sebelum dibaca atau direkonsiliasi", no month)
    await keuangan.patch('/api/v1/pledges/APBD-2026').send({ budget: 11 * 37800, reason: 'Uji QA 3' }).expect(200);
    // every STALE month, April included, as every read of funding; and the answer says them (QA: it said nothing)
    const detail = await auditor.get('/api/v1/allocations/2026-03').expect(200);
    expect([detail.body.recomputedMonths, detail.headers['x-recomputed-months']]).toEqual([['2026-01', '2026-02', '2026-03', '2026-04'], '2026-01,2026-02,2026-03,2026-04']);
    expect((await latest(4)).map((e) => [e.entityId, e.summary.asked, e.summary.why])).toEqual(
      ['2026-01', '2026-02', '2026-03', '2026-04'].map((month) => [month, '2026-03', 'alokasi sudah tidak berlaku (data berubah sesudah dihitung): dihitung ulang sebelum pembacaan bulan Maret 2026']),
    );
    const unfunded = await auditor.get('/api/v1/allocations/2026-03/unfunded').expect(200);
    expect([unfunded.body.recomputedMonths, unfunded.headers['x-recomputed-months']]).toEqual([[], '']);
  });
});
