import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth } from '../funding/support/register.js';
import { download, readWorkbook, rowOf } from '../reports/support/xlsx.js';
import { octoberWithCorrections } from './support/october-with-corrections.js';

jest.setTimeout(180_000);

/**
 * GET /payments/status judges payments against the current pledges (QA): after a pledge revision
 * marked the month STALE, due is recomputed before it is reported (§6, §8), as every split read
 * does; a month never allocated has no due yet, so the route says so (404 NOT_ALLOCATED) instead of
 * calling every payment OVERPAID.
 */
// no correction of an earlier month is recorded in September (the corrections' describe below has them)
// and nothing owed, so September is not overdue on the test clock's 15 November 2026 (due-ness is the describe below)
const NO_CORRECTIONS = { corrections: 0, correctedMonths: [], lateOnlyByCorrections: false, dueDate: '2026-09-10', overdue: false, suspensionRisk: 'NONE' };

describe('payments: the status is read from the current allocation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n) })));
    // 40% of each premium (floor of 37,800 × 40 / 100 = 15,120), for two participants a month
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', scope: 'ALL', sharePercent: 40, quota: 2 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-09' }).expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'PROV-2026', month: '2026-09', amount: 30240, paidAt: '2026-09-05', reference: 'SP2D 9' }).expect(201);
  });
  afterAll(() => t?.close());

  it('recomputes a STALE month before judging: a lower quota makes the same payment OVERPAID', async () => {
    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get('/api/v1/payments/status?month=2026-09').expect(200)).body).toEqual([{ pledgeCode: 'PROV-2026', due: 30240, paid: 30240, status: 'PAID', late: false, ...NO_CORRECTIONS, ownPaid: 30240, ownStatus: 'PAID' }]);
    await (await t.as(Role.KEUANGAN)).patch('/api/v1/pledges/PROV-2026').send({ quota: 1, reason: 'APBD-P' }).expect(200);
    const judged = await auditor.get('/api/v1/payments/status?month=2026-09').expect(200);
    expect(judged.body).toEqual([{ pledgeCode: 'PROV-2026', due: 15120, paid: 30240, status: 'OVERPAID', late: false, ...NO_CORRECTIONS, ownPaid: 30240, ownStatus: 'OVERPAID' }]);
    // a bare array keeps its shape: the months recomputed for the read are in a header (the revision made January to September STALE)
    expect(judged.headers['x-recomputed-months']).toBe('2026-01,2026-02,2026-03,2026-04,2026-05,2026-06,2026-07,2026-08,2026-09');
    expect((await auditor.get('/api/v1/payments/status?month=2026-09').expect(200)).headers['x-recomputed-months']).toBe('');
    const [month] = await t.dataSource.query(`SELECT status, allocated_by AS "allocatedBy" FROM allocation_month WHERE month = '2026-09'`);
    expect(month).toEqual({ status: 'CURRENT', allocatedBy: 'sistem (dihitung ulang saat dibaca oleh uji-auditor)' });
  });

  it('answers 404 NOT_ALLOCATED for a month never allocated, with the payment still listed', async () => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'PROV-2026', month: '2026-11', amount: 15120, paidAt: '2026-11-05', reference: 'SP2D 11' }).expect(201);
    const res = await finance.get('/api/v1/payments/status?month=2026-11').expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_ALLOCATED', details: { month: '2026-11' } });
    // read by auditors too: it names who may run the allocation, not "jalankan" to someone who cannot (QA)
    expect(res.body.message).toMatch(/Alokasi dihitung otomatis tanggal 1 pukul 02\.00 WIB, atau petugas keuangan dapat menjalankannya\.$/);
    expect(res.body.message).toMatch(/^Bulan November 2026 belum dialokasikan, jadi kewajiban tiap komitmen belum ada/);
    expect((await finance.get('/api/v1/payments?month=2026-11').expect(200)).body.total).toBe(1);
  });
});

/**
 * GET /payments/status says, per pledge-month, when its premiums are due and whether they are past due today
 * (DOMAIN §8, QA: November read "Belum dibayar" on 6 December exactly like December, not yet due, and January
 * 2027, not begun): `dueDate` (the 10th), `overdue` (UNPAID or UNDERPAID after the 10th, WIB, by the injected
 * Clock) and `suspensionRisk` (BY_MONTH_END within the month, MONTH_ENDED after it; NONE otherwise). PAID and
 * OVERPAID never are overdue; the 10th itself is on time.
 *
 * Four participants, Rp37.800 a month each to UNPAID-2026, UNDER-2026, PAID-2026 and OVER-2026 (quota 1 each);
 * November paid on 5 November: UNDER-2026 Rp10.000, PAID-2026 Rp37.800, OVER-2026 Rp40.000. NEXT-2027 funds
 * everybody in 2027.
 */
type Row = { pledgeCode: string; status: string; dueDate: string; overdue: boolean; suspensionRisk: string };

describe('payments: the status says whether a month is past due and the suspension risk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-11-05T03:00:00Z')); // 5 November 2026, 10:00 WIB
    await insertParticipants(t.dataSource, [1, 2, 3, 4].map((n) => ({ nik: nik(n) })));
    for (const [i, code] of ['UNPAID-2026', 'UNDER-2026', 'PAID-2026', 'OVER-2026'].entries()) await insertPledge(t.dataSource, code, { priority: 10 + i, quota: 1 });
    await insertPledge(t.dataSource, 'NEXT-2027', { fiscalYear: 2027 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-11' }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    const pay = (pledgeCode: string, amount: number) =>
      finance.post('/api/v1/payments').send({ pledgeCode, month: '2026-11', amount, paidAt: '2026-11-05', reference: `SP2D ${pledgeCode}` }).expect(201);
    await pay('UNDER-2026', 10000);
    await pay('PAID-2026', 37800);
    await pay('OVER-2026', 40000);
  });
  afterAll(() => t?.close());

  const status = async (month: string): Promise<Row[]> => (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments/status?month=${month}`).expect(200)).body;
  /** pledge → [status, overdue, suspensionRisk] */
  const dueness = async (month: string) => Object.fromEntries((await status(month)).map((r) => [r.pledgeCode, [r.status, r.overdue, r.suspensionRisk]]));
  const at = (iso: string) => t.clock.set(new Date(iso));

  it('before the 10th and on the 10th itself nothing is overdue; the due date is the 10th', async () => {
    const rows = await status('2026-11');
    expect(rows.map((r) => r.dueDate)).toEqual(['2026-11-10', '2026-11-10', '2026-11-10', '2026-11-10']);
    expect(rows.map((r) => [r.pledgeCode, r.status])).toEqual([
      ['OVER-2026', 'OVERPAID'],
      ['PAID-2026', 'PAID'],
      ['UNDER-2026', 'UNDERPAID'],
      ['UNPAID-2026', 'UNPAID'],
    ]);
    expect(rows.every((r) => !r.overdue && r.suspensionRisk === 'NONE')).toBe(true);
    at('2026-11-10T16:59:00Z'); // 10 November 23:59 WIB
    expect((await status('2026-11')).every((r) => !r.overdue && r.suspensionRisk === 'NONE')).toBe(true);
  });

  it('after the 10th within the month (WIB): UNPAID and UNDERPAID are overdue, at risk by month end; PAID and OVERPAID never', async () => {
    at('2026-11-10T17:00:00Z'); // 11 November 00:00 WIB, still the 10th in UTC
    const expected = {
      'OVER-2026': ['OVERPAID', false, 'NONE'],
      'PAID-2026': ['PAID', false, 'NONE'],
      'UNDER-2026': ['UNDERPAID', true, 'BY_MONTH_END'],
      'UNPAID-2026': ['UNPAID', true, 'BY_MONTH_END'],
    };
    expect(await dueness('2026-11')).toEqual(expected);
    at('2026-11-30T16:59:00Z'); // 30 November 23:59 WIB
    expect(await dueness('2026-11')).toEqual(expected);
  });

  it('after the month ended: overdue, and BPJS may already have suspended coverage; the next month is not yet due', async () => {
    at('2026-11-30T17:00:00Z'); // 1 December 00:00 WIB
    expect(await dueness('2026-11')).toEqual({
      'OVER-2026': ['OVERPAID', false, 'NONE'],
      'PAID-2026': ['PAID', false, 'NONE'],
      'UNDER-2026': ['UNDERPAID', true, 'MONTH_ENDED'],
      'UNPAID-2026': ['UNPAID', true, 'MONTH_ENDED'],
    });
    at('2026-12-06T03:00:00Z'); // 6 December 2026, the QA's day
    const december = await status('2026-12');
    expect(december.map((r) => [r.pledgeCode, r.status, r.dueDate, r.overdue, r.suspensionRisk])).toEqual(
      ['OVER-2026', 'PAID-2026', 'UNDER-2026', 'UNPAID-2026'].map((code) => [code, 'UNPAID', '2026-12-10', false, 'NONE']),
    );
  });

  it('a month not begun is never overdue', async () => {
    at('2026-12-06T03:00:00Z');
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2027-01' }).expect(201);
    const january = await status('2027-01');
    expect(january).toHaveLength(1);
    expect(january[0]).toMatchObject({ pledgeCode: 'NEXT-2027', status: 'UNPAID', dueDate: '2027-01-10', overdue: false, suspensionRisk: 'NONE' });
  });
});

/**
 * GET /payments/status: a correction recorded in a month (month = M, adjustsMonth = an earlier month) counts
 * toward M's paid, and can make M PAID, OVERPAID and late (§8, kept); each pledge-month also says what of its
 * paid is such corrections, so its reader can tell (QA): `corrections` (their total, 0 when none),
 * `correctedMonths` (the months they correct) and `lateOnlyByCorrections` (late, and every payment after the
 * 10th is a correction); `ownPaid`/`ownStatus` are what the month's own payments paid. The corrected months' own figures stay as they are.
 *
 * Three participants, Rp37.800 a month each to PROV-2026 (quota 1), TJSLP-2026 (quota 1) and APBD-2026;
 * 2026-10 allocated (with every month before it, §6), July and August finalized and paid nothing. In October:
 * APBD-2026 paid on time and corrected July and August late; PROV-2026 paid late and corrected July;
 * TJSLP-2026 paid on time, nothing else.
 */
describe('payments: the status says what of paid is corrections of earlier months', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await octoberWithCorrections(t);
  });
  afterAll(() => t?.close());

  const status = async (month: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments/status?month=${month}`).expect(200)).body;

  // on the test clock's 15 November 2026 October has ended: nothing of it is owed, so nothing is overdue
  const notOverdue = { dueDate: '2026-10-10', overdue: false, suspensionRisk: 'NONE' };

  it("October: each pledge's corrections, the months they correct, and whether it is late by them only", async () => {
    expect(await status('2026-10')).toEqual([
      { pledgeCode: 'APBD-2026', due: 37800, paid: 75600, status: 'OVERPAID', late: true, corrections: 37800, correctedMonths: ['2026-07', '2026-08'], lateOnlyByCorrections: true, ownPaid: 37800, ownStatus: 'PAID', ...notOverdue },
      { pledgeCode: 'PROV-2026', due: 37800, paid: 38800, status: 'OVERPAID', late: true, corrections: 1000, correctedMonths: ['2026-07'], lateOnlyByCorrections: false, ownPaid: 37800, ownStatus: 'PAID', ...notOverdue },
      { pledgeCode: 'TJSLP-2026', due: 37800, paid: 37800, status: 'PAID', late: false, corrections: 0, correctedMonths: [], lateOnlyByCorrections: false, ownPaid: 37800, ownStatus: 'PAID', ...notOverdue },
    ]);
  });

  it('July, the corrected month: its own figures, no corrections recorded in it', async () => {
    // July's own payments: none, so it is overdue and its month has ended (corrections recorded in October do not change that)
    const none = { paid: 0, status: 'UNPAID', late: false, corrections: 0, correctedMonths: [], lateOnlyByCorrections: false, ownPaid: 0, ownStatus: 'UNPAID', dueDate: '2026-07-10', overdue: true, suspensionRisk: 'MONTH_ENDED' };
    expect(await status('2026-07')).toEqual([
      { pledgeCode: 'APBD-2026', due: 37800, ...none },
      { pledgeCode: 'PROV-2026', due: 37800, ...none },
      { pledgeCode: 'TJSLP-2026', due: 37800, ...none },
    ]);
  });
});

/**
 * A correction of a closed month recorded in the next one counts toward that month's paid (§8, kept), but it does
 * not pay the month's own premium (QA: November left unpaid and finalized, its correction recorded in December made
 * December PAID, not overdue, "Lunas" everywhere, and December's own exact payment then warned EXCEEDS_DUE). So GET
 * /payments/status reports apart `ownPaid` (the month's own payments) and `ownStatus` beside `corrections`;
 * `overdue` and `suspensionRisk` judge the own payments; EXCEEDS_DUE compares the due with the own payments only; the
 * statements count the correction under November, the month it pays, and December by its own payments (QA: December's
 * own exact payment read "Lebih bayar" there).
 *
 * Three participants, Rp37.800 a month each, all funded by TJSLP-KOPI-2026: due Rp113.400 a month (3 × 37.800).
 * November allocated, paid nothing, closed; December allocated. On 4 December 2026 a correction of November,
 * Rp113.400, is recorded in December (paid 4 December).
 */
const CODE = 'TJSLP-KOPI-2026';
const STATUS = 6; // statement Ringkasan: Status

describe('payments: a correction of another month does not pay the month it is recorded in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-04T03:00:00Z')); // 4 December 2026, 10:00 WIB
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, CODE, { sourceType: 'TJSLP', priority: 10 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-11' }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    await closeMonth(t.dataSource, '2026-11');
    const correction = await finance
      .post('/api/v1/payments')
      .send({ pledgeCode: CODE, month: '2026-12', adjustsMonth: '2026-11', amount: 113400, paidAt: '2026-12-04', reference: 'KOREKSI NOV KOPI' })
      .expect(201);
    expect(correction.body.warnings).toEqual([]);
  });
  afterAll(() => t?.close());

  const december = async () => {
    const rows = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-12').expect(200)).body as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.pledgeCode)).toEqual([CODE]);
    return rows[0];
  };
  const statusCell = async (month = 'Desember 2026') => {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/${CODE}.xlsx?year=2026`))).body);
    return rowOf(wb.getWorksheet('Ringkasan')!, month).getCell(STATUS).value;
  };
  /** The year statement's balance lines under Jumlah (after Terutang and Dibayar): label, figure, words. */
  const balanceLines = async () => {
    const ws = (await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/${CODE}.xlsx?year=2026`))).body)).getWorksheet('Ringkasan')!;
    const lines: unknown[][] = [];
    for (let r = rowOf(ws, 'Jumlah').number + 3; ws.getRow(r).getCell(1).value !== null; r++) lines.push([1, 4, 5].map((c) => ws.getRow(r).getCell(c).value));
    return lines;
  };

  it('4 December: PAID by the sum, but the own payments paid nothing (not yet due)', async () => {
    expect(await december()).toEqual({
      pledgeCode: CODE,
      due: 113400,
      paid: 113400,
      status: 'PAID',
      late: false,
      corrections: 113400,
      correctedMonths: ['2026-11'],
      lateOnlyByCorrections: false,
      ownPaid: 0,
      ownStatus: 'UNPAID',
      dueDate: '2026-12-10',
      overdue: false,
      suspensionRisk: 'NONE',
    });
    expect(await statusCell()).toBe('Belum dibayar (jatuh tempo 10 Desember 2026)');
    expect(await statusCell('November 2026')).toBe('Lunas (termasuk koreksi Rp113.400 yang dicatat pada Desember 2026)');
    // the statement's Jumlah: "kurang bayar" is January–October's (nothing paid), not November's (corrected in December)
    // nor December's own premium, not yet due (QA: all of it read as arrears)
    expect(await balanceLines()).toEqual([
      ['Selisih dibayar − terutang di luar iuran yang belum jatuh tempo', -10 * 113400, 'kurang bayar satu juta seratus tiga puluh empat ribu rupiah'],
      ['Belum jatuh tempo (iuran bulan Desember 2026, jatuh tempo 10 Desember 2026)', -113400, 'belum dibayar, belum jatuh tempo: seratus tiga belas ribu empat ratus rupiah'],
    ]);
  });

  it('11 December (WIB): overdue and at risk by month end, though PAID by the sum', async () => {
    t.clock.set(new Date('2026-12-10T17:00:00Z')); // 11 December 00:00 WIB
    expect(await december()).toMatchObject({ paid: 113400, status: 'PAID', ownPaid: 0, ownStatus: 'UNPAID', overdue: true, suspensionRisk: 'BY_MONTH_END' });
    expect(await statusCell()).toBe('Belum dibayar – lewat jatuh tempo 10 Desember 2026');
    expect(await balanceLines()).toEqual([['Selisih dibayar − terutang', -11 * 113400, 'kurang bayar satu juta dua ratus empat puluh tujuh ribu empat ratus rupiah']]);
  });

  it("December's own exact payment warns nothing; it makes the own payments PAID and the sum OVERPAID", async () => {
    const finance = await t.as(Role.KEUANGAN);
    const own = await finance.post('/api/v1/payments').send({ pledgeCode: CODE, month: '2026-12', amount: 113400, paidAt: '2026-12-11', reference: 'TRF KOPI DES' }).expect(201);
    expect(own.body.warnings).toEqual([]);
    expect(await december()).toMatchObject({ paid: 226800, status: 'OVERPAID', late: true, corrections: 113400, ownPaid: 113400, ownStatus: 'PAID', overdue: false, suspensionRisk: 'NONE' });
    expect(await statusCell()).toBe('Lunas');
  });

  it('a further Rp1.000 exceeds what December owed by its own payments: by Rp1.000, not Rp114.400', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const more = await finance.post('/api/v1/payments').send({ pledgeCode: CODE, month: '2026-12', amount: 1000, paidAt: '2026-12-11', reference: 'TRF KOPI DES 2' }).expect(201);
    expect(more.body.warnings).toEqual([
      {
        code: 'EXCEEDS_DUE',
        field: 'amount',
        message: 'Pembayaran ini melebihi yang terutang untuk Desember 2026: terutang Rp113.400, sudah dibayar Rp113.400 (koreksi bulan lain Rp113.400 yang tercatat di bulan ini tidak dihitung), kelebihan Rp1.000.',
      },
    ]);
  });

  it('November, the corrected month, keeps its own figures: unpaid, its month ended', async () => {
    const [november] = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-11').expect(200)).body;
    expect(november).toMatchObject({ due: 113400, paid: 0, status: 'UNPAID', ownPaid: 0, ownStatus: 'UNPAID', corrections: 0, overdue: true, suspensionRisk: 'MONTH_ENDED' });
  });
});
