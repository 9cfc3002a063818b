import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AllocateMonth } from '../../src/funding/use-cases/allocate-month.use-case.js';
import { ClosedMonths } from '../../src/periods/closed-months.service.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth, insertParticipants, testNik } from './support/register.js';
import { download, readWorkbook } from '../reports/support/xlsx.js';

jest.setTimeout(180_000);

/**
 * Lookups that find a month STALE recompute it before answering (§6). Many at once wait for that
 * one recompute in turn, holding no connection: each in a transaction of its own, waiting on the
 * allocation lock, they took the whole pool, and every other request waited with them.
 */
describe('split lookups that find a STALE month wait for one recompute in turn', () => {
  let t: TestApp;
  let auditor: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    const keuangan = await t.as(Role.KEUANGAN);
    auditor = await t.as(Role.AUDITOR);
    await insertParticipants(t.dataSource, [1, 2, 3, 4, 5, 6].map((i) => ({ nik: testNik(i), tmt: '2025-06-01' })));
    await keuangan.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL' }).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201);
  });
  afterAll(() => t.close());

  it('twelve lookups at once: one month recomputed once, never two recomputes waiting side by side', async () => {
    await t.dataSource.query(`UPDATE allocation_month SET status = 'STALE' WHERE month = '2026-02'`);
    const allocateMonth = t.app.get(AllocateMonth);
    const ensureCurrent = allocateMonth.ensureCurrent.bind(allocateMonth);
    let active = 0;
    let most = 0;
    const spy = jest.spyOn(allocateMonth, 'ensureCurrent').mockImplementation(async (...args) => {
      most = Math.max(most, ++active);
      try {
        return await ensureCurrent(...args);
      } finally {
        active -= 1;
      }
    });
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, (_, k) => auditor.get(`/api/v1/splits?nik=${testNik(1 + (k % 6))}`)));
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      expect(answers.map((a) => a.body.items.map((s: { month: string }) => s.month))).toEqual(Array(12).fill(['2026-01', '2026-02']));
      // a lookup that found February STALE says so, the one that recomputed it and those that waited for it alike; one
      // that came after it was recomputed found nothing STALE; its header says what its field says
      const said = answers.map((a) => a.body.recomputedMonths);
      expect(said).toContainEqual(['2026-02']);
      expect(said.every((m) => ['2026-02', ''].includes(m.join(',')))).toBe(true);
      expect(answers.map((a) => a.headers['x-recomputed-months'])).toEqual(said.map((m) => m.join(',')));
      expect(most).toBe(1);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(await t.dataSource.query(`SELECT status FROM allocation_month WHERE month = '2026-02'`)).toEqual([{ status: 'CURRENT' }]);
    } finally {
      spy.mockRestore();
    }
  });

  it('reads that wait for another read\'s recompute are told its months; a read after it, none', async () => {
    await t.dataSource.query(`UPDATE allocation_month SET status = 'STALE' WHERE month = '2026-02'`);
    const allocateMonth = t.app.get(AllocateMonth);
    const spy = jest.spyOn(allocateMonth, 'ensureCurrent');
    try {
      // three reads at once: the first recomputes February, the others wait their turn and find nothing left to do
      const said = await Promise.all([allocateMonth.refreshStale('uji-1', '2026-02'), allocateMonth.refreshStale('uji-2', null), allocateMonth.refreshStale('uji-3', { from: '2026-01', to: '2026-02' })]);
      expect(said).toEqual([['2026-02'], ['2026-02'], ['2026-02']]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(await allocateMonth.refreshStale('uji-4', null)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('a lookup that came while another read recomputed February, and found it CURRENT once that was done, says so too', async () => {
    await t.dataSource.query(`UPDATE allocation_month SET status = 'STALE' WHERE month = '2026-02'`);
    const allocateMonth = t.app.get(AllocateMonth);
    const closedMonths = t.app.get(ClosedMonths);
    const isClosed = closedMonths.isClosed.bind(closedMonths);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // the other read's recompute stops inside its transaction (the allocation lock taken; on PGlite the one connection)
    const spy = jest.spyOn(closedMonths, 'isClosed').mockImplementation(async (...args) => {
      entered();
      await gate;
      return isClosed(...args);
    });
    try {
      const other = allocateMonth.refreshStale('uji-lain', '2026-02');
      await inside;
      const lookup = auditor.get(`/api/v1/splits?nik=${testNik(1)}`).then((res) => res);
      await new Promise((resolve) => setTimeout(resolve, 300));
      open();
      const [res] = await Promise.all([lookup, other]);
      expect(res.status).toBe(200);
      expect([res.body.recomputedMonths, res.headers['x-recomputed-months']]).toEqual([['2026-02'], '2026-02']);
    } finally {
      spy.mockRestore();
    }
  });
});

/**
 * A closed month (and the frozen months before it) keeps describing its splits by the terms of the
 * pledge revision they were allocated under, whatever the pledge becomes later (DOMAIN §9, §5): the
 * source type, the Dana Desa warning, the allocation order. Reads join `pledge_terms` at the
 * split's revision (TERMS_OF_SPLIT); they joined the current pledge row, and a later revision
 * rewrote what finalized months reported (QA: a DESA pledge revised to TJSLP moved a finalized
 * month's rupiah from APBDes to TJSLP; a fund corrected to ADD erased the Dana Desa warning of
 * months Dana Desa paid).
 */
const VILLAGE = '17.03.06.2001';
const desa = { code: 'DESA-1703062001-2026', sourceType: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', fiscalYear: 2026, scope: 'VILLAGES', villageCodes: [VILLAGE], priority: 20, sharePercent: 50 };
const apbd = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', priority: 90 };

describe('§9: a closed month keeps the pledge terms its splits were allocated under', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  let auditor: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    auditor = await t.as(Role.AUDITOR);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2025-01-01', village: VILLAGE }]);
    await keuangan.post('/api/v1/pledges').send(desa).expect(201);
    await keuangan.post('/api/v1/pledges').send(apbd).expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
    await closeMonth(t.dataSource, '2026-02'); // February closed, January frozen before it; March stays open
  });
  afterAll(() => t.close());

  it('a fund corrected from Dana Desa to ADD and a new priority leave February as allocated, and apply to March', async () => {
    const before = {
      splits: (await auditor.get(`/api/v1/splits?month=2026-02`).expect(200)).body,
      allocation: (await auditor.get('/api/v1/allocations/2026-02').expect(200)).body,
      bySource: (await auditor.get('/api/v1/splits/summary?month=2026-01&groupBy=sourceType').expect(200)).body,
      person: (await auditor.get(`/api/v1/participants/${testNik(1)}`).expect(200)).body.fundingByMonth,
    };
    expect(before.allocation.warnings).toEqual([expect.objectContaining({ code: 'DANA_DESA_PBI', pledgeCode: desa.code })]);
    expect(before.splits.items.map((s: { sourceType: string }) => s.sourceType)).toEqual(['APBD', 'DESA']);

    await keuangan.patch(`/api/v1/pledges/${desa.code}`).send({ fund: 'ADD', priority: 95, reason: 'koreksi: ADD, bukan Dana Desa' }).expect(200);
    await keuangan.patch(`/api/v1/pledges/${desa.code}`).send({ sourceType: 'TJSLP', fund: null, funder: 'PT Sepuluh', reason: 'uji: jenis sumber berubah' }).expect(200);

    // February's splits as they were; the read recomputed March, STALE after the revisions (every read recomputes every STALE month), and says so
    expect((await auditor.get(`/api/v1/splits?month=2026-02`).expect(200)).body).toEqual({ ...before.splits, recomputedMonths: ['2026-03'] });
    expect((await auditor.get(`/api/v1/splits?nik=${testNik(1)}&month=2026-02`).expect(200)).body.items).toEqual(before.splits.items);
    const february = (await auditor.get('/api/v1/allocations/2026-02').expect(200)).body;
    expect({ funded: february.funded, warnings: february.warnings }).toEqual({ funded: before.allocation.funded, warnings: before.allocation.warnings });
    expect((await auditor.get('/api/v1/splits/summary?month=2026-01&groupBy=sourceType').expect(200)).body).toEqual(before.bySource);
    const byPledge = (await auditor.get('/api/v1/splits/summary?month=2026-02&groupBy=pledge').expect(200)).body;
    expect(byPledge.find((r: { key: string }) => r.key === desa.code)).toMatchObject({ sourceType: 'DESA' });
    const person = (await auditor.get(`/api/v1/participants/${testNik(1)}`).expect(200)).body.fundingByMonth;
    expect(person.filter((m: { month: string }) => m.month <= '2026-02')).toEqual(before.person.filter((m: { month: string }) => m.month <= '2026-02'));

    // the village statement of February names the fund its months were allocated under, with the warning
    const notes = async (query: string) => {
      const wb = await readWorkbook((await download(auditor.get(`/api/v1/statements/villages/${VILLAGE}.xlsx?${query}`))).body);
      return (wb.getWorksheet('Ringkasan')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => String(r[1] ?? '')).filter((v) => v.includes(desa.code) || v.startsWith('Peringatan'));
    };
    const februaryNotes = await notes('month=2026-02');
    expect(februaryNotes).toEqual([expect.stringMatching(/DESA-1703062001-2026: Dana Desa, tanpa pagu/), expect.stringMatching(/^Peringatan: .*Dana Desa/)]);
    // a period across the revisions lists each revision its months used (the TJSLP revision 3 of March is no village pledge)
    expect(await notes('year=2026')).toEqual(februaryNotes);

    // March is open: recomputed under revision 3 (TJSLP, priority 95, after the APBD at 90, which pays it all)
    const march = (await auditor.get('/api/v1/allocations/2026-03').expect(200)).body;
    expect(march.warnings).toEqual([]);
    expect(march.funded).toEqual([{ pledgeCode: 'APBD-2026', sourceType: 'APBD', participants: 1, amount: 37800 }]);
    expect(march.pledgeRevisions).toMatchObject({ [desa.code]: 3 });

    // a range over the revisions: one row for the pledge, by the terms its splits were allocated under
    // (January and February, revision 1: Dana Desa, with its warning; March paid by the APBD alone)
    const range = (await auditor.get('/api/v1/splits/summary?from=2026-01&to=2026-03&groupBy=pledge').expect(200)).body;
    expect(range.find((r: { key: string }) => r.key === desa.code)).toEqual({
      key: desa.code,
      participants: 1,
      participantMonths: 2,
      amount: 2 * 18900,
      sourceType: 'DESA',
      warnings: [expect.objectContaining({ code: 'DANA_DESA_PBI', pledgeCode: desa.code })],
    });
    expect(range.find((r: { key: string }) => r.key === 'APBD-2026')).toMatchObject({ participants: 1, participantMonths: 3, amount: 2 * 18900 + 37800 });
  });
});
