/**
 * Will next year's pledges pay for next year (QA: nothing warned that the 2027 pagu fell short)?
 * GET /api/v1/projections?fiscalYear= allocates each month of the year in memory (§6) from today's
 * register and pledges, carrying the pagu, and stores nothing. The fixed clock: 5 December 2026.
 *
 * Hand-computed, Rp37.800 a month: A1, A2, A3 in village A since 2025; A3 leaves on 31 March 2027
 * (TAT), A4 joins on 10 May 2027 (TMT). DESA-A (village A, quota 1, January–June) pays A1 each month;
 * APBD-2027 (pagu Rp300.000) pays A2 and A3 in January–March (Rp226.800 used), A2 in April
 * (Rp264.600 used), then the Rp35.400 left for A2 in May and nothing after. So May leaves A2's Rp2.400 and
 * A4's Rp37.800, June A2 and A4, July–December (DESA-A has ended) all three.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

const A = '17.03.06.2001';
const T = 37_800;

describe('GET /api/v1/projections: the year ahead, month by month', () => {
  let t: TestApp;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp({ allocationWorker: true }, new Date('2026-12-05T03:00:00Z')); // on PostgreSQL, through the funding worker's thread
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [
      { nik: testNik(1), village: A },
      { nik: testNik(2), village: A },
      { nik: testNik(3), village: A, tat: '2027-03-31' },
      { nik: testNik(4), village: A, tmt: '2027-05-10' },
    ]);
    const pledge = { funder: 'Uji', fiscalYear: 2027 };
    await finance.post('/api/v1/pledges').send({ ...pledge, code: 'DESA-A-2027', sourceType: 'DESA', fund: 'ADD', scope: 'VILLAGES', villageCodes: [A], quota: 1, toMonth: 6 }).expect(201);
    await finance.post('/api/v1/pledges').send({ ...pledge, code: 'APBD-2027', sourceType: 'APBD', scope: 'ALL', budget: 300_000 }).expect(201);
  });
  afterAll(() => t.close());

  const expectedMonths = (allocated: string[] = []) => {
    const month = (k: number, participants: number, unfunded: [number, number]) => {
      const m = `2027-${String(k).padStart(2, '0')}`;
      return { month: m, basis: allocated.includes(m) ? 'ALLOCATED' : 'PROJECTED', participants, obligation: participants * T, funded: participants * T - unfunded[1], unfunded: { participants: unfunded[0], amount: unfunded[1] } };
    };
    return [
      month(1, 3, [0, 0]),
      month(2, 3, [0, 0]),
      month(3, 3, [0, 0]),
      month(4, 2, [0, 0]),
      month(5, 3, [2, 2_400 + T]),
      month(6, 3, [2, 2 * T]),
      ...[7, 8, 9, 10, 11, 12].map((k) => month(k, 3, [3, 3 * T])),
    ];
  };

  it('projects every month, says when the pagu runs out and what is left unfunded, and stores nothing', async () => {
    const res = (await finance.get('/api/v1/projections?fiscalYear=2027').expect(200)).body;
    expect(res.months).toEqual(expectedMonths());
    expect(res.pledges).toEqual([
      { pledgeCode: 'DESA-A-2027', sourceType: 'DESA', funder: 'Uji', budget: null, funded: 6 * T, budgetLeft: null, budgetUsedUpIn: null },
      { pledgeCode: 'APBD-2027', sourceType: 'APBD', funder: 'Uji', budget: 300_000, funded: 300_000, budgetLeft: 0, budgetUsedUpIn: '2027-05' },
    ]);
    expect(res.total).toEqual({ obligation: 35 * T, funded: 6 * T + 300_000, unfunded: { participantMonths: 22, amount: 35 * T - 6 * T - 300_000 } });
    expect(res.firstShortMonth).toBe('2027-05');
    expect(res.warnings).toEqual([
      {
        code: 'PROJECTED_SHORTFALL',
        message: 'Dengan peserta terdaftar saat ini, komitmen tahun anggaran 2027 tidak menutup Rp796.200 (22 peserta-bulan), mulai Mei 2027. Tambah atau revisi komitmen (pagu, kuota, bulan, prioritas) sebelum bulan itu.',
        month: '2027-05',
      },
      { code: 'BUDGET_USED_UP', message: 'Pagu APBD-2027 (Rp300.000) habis pada Mei 2027: sesudah bulan itu sampai Desember 2027 komitmen ini tidak membayar lagi.', month: '2027-05', pledgeCode: 'APBD-2027' },
    ]);
    const [{ months, splits }] = await t.dataSource.query(`SELECT (SELECT count(*) FROM allocation_month)::int AS months, (SELECT count(*) FROM split)::int AS splits`);
    expect({ months, splits }).toEqual({ months: 0, splits: 0 });
  });

  it('takes the months already allocated as stored, and the projection agrees with the allocation', async () => {
    const january = (await finance.post('/api/v1/allocations').send({ month: '2027-01' }).expect(201)).body;
    expect(january).toMatchObject({ participants: 3, unfunded: { participants: 0, amount: 0 } });
    const res = (await (await t.as(Role.AUDITOR)).get('/api/v1/projections?fiscalYear=2027').expect(200)).body;
    expect(res.months).toEqual(expectedMonths(['2027-01']));
    expect(res.pledges.map((p: { funded: number }) => p.funded)).toEqual([6 * T, 300_000]);
  });

  it('answers requests made at once, one after the other, each the same', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => finance.get('/api/v1/projections?fiscalYear=2027').expect(200)));
    for (const res of answers) expect(res.body.months).toEqual(expectedMonths(['2027-01']));
  });

  it('a year without pledges is said as such, with what it owes', async () => {
    const res = (await finance.get('/api/v1/projections?fiscalYear=2026').expect(200)).body;
    expect(res.months.every((m: { basis: string; participants: number }) => m.basis === 'PROJECTED' && m.participants === 3)).toBe(true);
    expect(res.total).toEqual({ obligation: 36 * T, funded: 0, unfunded: { participantMonths: 36, amount: 36 * T } });
    expect(res.warnings).toEqual([
      {
        code: 'NO_PLEDGES_FOR_YEAR',
        message: 'Belum ada komitmen pendanaan tahun anggaran 2026: kewajiban iuran tahun itu (Rp1.360.800 menurut peserta terdaftar saat ini) belum ada pemberi dananya.',
      },
    ]);
  });

  it('refuses a year past next year, a missing year, and readers other than finance, auditors and admins', async () => {
    const far = (await finance.get('/api/v1/projections?fiscalYear=2028').expect(400)).body;
    expect(far).toMatchObject({ code: 'PROJECTION_TOO_FAR', details: { field: 'fiscalYear', fiscalYear: 2028, latest: 2027 } });
    expect(far.message).toBe('Proyeksi pendanaan tahun 2028 belum dapat dihitung: proyeksi paling jauh untuk tahun anggaran berikutnya, 2027.');
    await finance.get('/api/v1/projections').expect(400);
    await finance.get('/api/v1/projections?fiscalYear=dua').expect(400);
    await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/projections?fiscalYear=2027').expect(403);
  });

  it('a month no IURAN tariff covers cannot be priced: said, and left out of the totals', async () => {
    await t.dataSource.query(`UPDATE tariff SET valid_to = '2027-10-31' WHERE payer = 'LOCAL' AND component = 'IURAN' AND valid_to IS NULL`);
    const res = (await finance.get('/api/v1/projections?fiscalYear=2027').expect(200)).body;
    expect(res.months.slice(10)).toEqual([
      { month: '2027-11', basis: 'NO_TARIFF', participants: 3, obligation: null, funded: null, unfunded: null },
      { month: '2027-12', basis: 'NO_TARIFF', participants: 3, obligation: null, funded: null, unfunded: null },
    ]);
    expect(res.total.obligation).toBe(29 * T);
    expect(res.warnings.filter((w: { code: string }) => w.code === 'NO_TARIFF').map((w: { message: string }) => w.message)).toEqual([
      'Tarif iuran (IURAN) untuk November 2027 belum ada: kewajiban bulan itu tidak dapat diproyeksikan.',
      'Tarif iuran (IURAN) untuk Desember 2027 belum ada: kewajiban bulan itu tidak dapat diproyeksikan.',
    ]);
  });
});

/**
 * A co-funder outranked (QA): the province's 40 % (quota 1) left at the default priority 90 comes after APBD-2027
 * (same priority, code first), which pays both participants in full until its pagu of Rp400.000 is spent in June; the
 * province pays nothing in January–May. The projection says so, and that a smaller priority for the province is the
 * remedy: with priority 30 it pays its Rp15.120 a month from January, and the shortfall falls by five of those.
 */
describe('GET /api/v1/projections: a co-funder that pays nothing because it comes later', () => {
  let t: TestApp;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-05T03:00:00Z'));
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1) }, { nik: testNik(2) }]);
    const pledge = { funder: 'Uji', fiscalYear: 2027, scope: 'ALL' };
    await finance.post('/api/v1/pledges').send({ ...pledge, code: 'APBD-2027', sourceType: 'APBD', budget: 400_000 }).expect(201);
    await finance.post('/api/v1/pledges').send({ ...pledge, code: 'PROV-2027', sourceType: 'APBD_PROV', sharePercent: 40, quota: 1 }).expect(201);
  });
  afterAll(() => t.close());

  it('names the pledge, the months it paid nothing, who paid first, and the priority to give it', async () => {
    const res = (await finance.get('/api/v1/projections?fiscalYear=2027').expect(200)).body;
    // June: APBD's last Rp22.000 to the first, the province 40 % of what is left of it (Rp15.120); July–December the province only
    expect(res.total.unfunded).toEqual({ participantMonths: 14, amount: 680 + T + 6 * (2 * T - 15_120) });
    expect(res.warnings.map((w: { code: string }) => w.code)).toEqual(['PROJECTED_SHORTFALL', 'PLEDGE_PAID_NOTHING', 'BUDGET_USED_UP']);
    expect(res.warnings[1]).toEqual({
      code: 'PLEDGE_PAID_NOTHING',
      message:
        'PROV-2027 (prioritas 90) tidak membayar apa pun pada Januari–Mei 2027: semua peserta dalam cakupannya sudah dibayar penuh lebih dulu oleh APBD-2027 (prioritas 90), ' +
        'sehingga pagu APBD-2027 habis lebih cepat dan mulai Juni 2027 ada kekurangan. Jika PROV-2027 dimaksudkan ikut membayar sejak awal, beri prioritas lebih kecil dari 90 (angka lebih kecil dibayar lebih dulu).',
      month: '2027-01',
      pledgeCode: 'PROV-2027',
    });
  });

  it('after the province is given priority 30 it pays from January, and the shortfall is smaller by what it paid', async () => {
    await finance.patch('/api/v1/pledges/PROV-2027').send({ priority: 30, reason: 'Prioritas provinsi mendahului APBD kabupaten' }).expect(200);
    const res = (await finance.get('/api/v1/projections?fiscalYear=2027').expect(200)).body;
    expect(res.pledges.map((p: { pledgeCode: string; funded: number }) => [p.pledgeCode, p.funded])).toEqual([
      ['PROV-2027', 12 * 15_120],
      ['APBD-2027', 400_000],
    ]);
    expect(res.total.unfunded.amount).toBe(24 * T - 12 * 15_120 - 400_000);
    expect(res.warnings.map((w: { code: string }) => w.code)).toEqual(['PROJECTED_SHORTFALL', 'BUDGET_USED_UP']);
  });
});
