/**
 * `GET /api/v1/participants/:nik` gives, per allocated month, the obligation, the splits that paid it
 * and the unfunded remainder (QA: NIK 1703015401501302 showed only APBD_PROV Rp15.120 in December,
 * not the Rp22.680 of its Rp37.800 that nobody funded; a month nobody funded was not listed at all).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { MONTH_TARIFFS, PARTICIPANT_OBLIGATIONS } from '../../src/register/sql/participant-funding.sql.js';
import { Role } from '../../src/users/role.js';
import { closeMonth, insertParticipants, testNik } from '../funding/support/register.js';
import { consoleModule } from '../console/support/console-module.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const FULL = testNik(1); // Talang Jambu: its village pays all of it
const PART = '1703015401501302'; // 17.03.07.2001: the province pays 40 %, nobody the rest
const NONE = testNik(3); // Tanjung Anom, covered from February: no pledge at all

/** Residents of Tanjung Anom nobody funds either: month partitions of a few thousand rows, for the plan. */
const CROWD = Array.from({ length: 3000 }, (_, i) => ({ nik: `17030801018${String(i).padStart(5, '0')}`, village: '17.03.08.2001' }));

interface FundingMonth {
  month: string;
  closed: boolean;
  coveredNow: boolean;
  obligation: number;
  funded: number;
  unfunded: number;
  splits: { pledgeCode: string; sourceType: string; amount: number; pledgeRevision: number }[];
  tariffs: MonthTariff[];
}

interface MonthTariff {
  id: number;
  component: string;
  amount: number;
  validFrom: string;
  legalBasis: string | null;
}

/** The seeded LOCAL rows valid in 2026 (DOMAIN §3: Rp35.000 + Rp2.800 = Rp37.800), IURAN first; ids read from the table. */
async function seededLocalRows(t: TestApp): Promise<MonthTariff[]> {
  const rows: { id: number; component: string }[] = await t.dataSource.query(`SELECT id, component FROM tariff WHERE payer = 'LOCAL' AND valid_from = '2021-01-01'`);
  const id = (component: string) => rows.find((r) => r.component === component)!.id;
  return [
    { id: id('IURAN'), component: 'IURAN', amount: 35000, validFrom: '2021-01-01', legalBasis: 'Perpres 64/2020' },
    { id: id('BANTUAN_DAERAH'), component: 'BANTUAN_DAERAH', amount: 2800, validFrom: '2021-01-01', legalBasis: 'PMK 78/2020 jo. PMK 51/2024' },
  ];
}

describe('participant funding history per month: obligation, splits and unfunded remainder', () => {
  let t: TestApp;
  let tariffs: MonthTariff[]; // the seeded rows every month here was allocated with, until the last test adds one
  const detail = async (nik: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/participants/${nik}`).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [
      { nik: FULL, village: '17.03.06.2001' },
      { nik: PART, village: '17.03.07.2001' },
      { nik: NONE, village: '17.03.08.2001', tmt: '2026-02-01' },
      ...CROWD,
    ]);
    const keuangan = await t.as(Role.KEUANGAN);
    const pledges = [
      { code: 'DESA-1703062001-2026', sourceType: 'DESA', fund: 'ADD', funder: 'Desa Talang Jambu', scope: 'VILLAGES', villageCodes: ['1703062001'] },
      { code: 'PROV-2026', sourceType: 'APBD_PROV', funder: 'Pemprov Bengkulu', scope: 'VILLAGES', villageCodes: ['1703072001'], sharePercent: 40 },
    ];
    for (const p of pledges) await keuangan.post('/api/v1/pledges').send({ ...p, fiscalYear: 2026 }).expect(201);
    // January and February allocated; March, in which all three are covered too, is not
    await keuangan.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201);
    tariffs = await seededLocalRows(t);
  });
  afterAll(() => t.close());

  it('a fully funded participant: each month its obligation, its splits, nothing unfunded', async () => {
    const body = await detail(FULL);
    const split = { pledgeCode: 'DESA-1703062001-2026', sourceType: 'DESA', amount: 37800, pledgeRevision: 1 };
    expect(body.fundingByMonth).toEqual([
      { month: '2026-01', obligation: 37800, funded: 37800, unfunded: 0, splits: [split], closed: false, finalized: false, coveredNow: true, tariffs },
      { month: '2026-02', obligation: 37800, funded: 37800, unfunded: 0, splits: [split], closed: false, finalized: false, coveredNow: true, tariffs },
    ]);
    // the splits as before, unchanged
    expect(body.funding).toEqual([
      { month: '2026-01', ...split },
      { month: '2026-02', ...split },
    ]);
  });

  it('warns of the Dana Desa rule by the revision its splits were allocated under, as GET /splits?nik= does; the operator gets no warnings (QA: absent here)', async () => {
    expect((await detail(FULL)).warnings).toEqual([]); // ADD: nothing to say
    // the revision its splits carry said Dana Desa (the revision's terms count, not the pledge as it is now)
    const setFund = (fund: string) => t.dataSource.query(`UPDATE pledge_revision SET data = jsonb_set(data, '{fund}', to_jsonb($1::text)) WHERE code = 'DESA-1703062001-2026'`, [fund]);
    await setFund('DANA_DESA');
    try {
      const body = await detail(FULL);
      expect(body.warnings).toEqual([{ code: 'DANA_DESA_PBI', pledgeCode: 'DESA-1703062001-2026', message: expect.stringMatching(/^Komitmen DESA-1703062001-2026 memakai Dana Desa untuk iuran PBI tahun 2026\. /) }]);
      const splits = (await (await t.as(Role.AUDITOR)).get(`/api/v1/splits?nik=${FULL}`).expect(200)).body;
      expect(body.warnings).toEqual(splits.warnings);
      expect((await detail(PART)).warnings).toEqual([]);
      const operator = (await (await t.as(Role.OPERATOR_DINKES)).get(`/api/v1/participants/${FULL}`).expect(200)).body;
      expect(operator).not.toHaveProperty('warnings');
    } finally {
      await setFund('ADD');
    }
  });

  it('a partly funded participant: the remainder nobody funded is given with the splits', async () => {
    const body = await detail(PART);
    const split = { pledgeCode: 'PROV-2026', sourceType: 'APBD_PROV', amount: 15120, pledgeRevision: 1 };
    expect(body.fundingByMonth).toEqual([
      { month: '2026-01', obligation: 37800, funded: 15120, unfunded: 22680, splits: [split], closed: false, finalized: false, coveredNow: true, tariffs },
      { month: '2026-02', obligation: 37800, funded: 15120, unfunded: 22680, splits: [split], closed: false, finalized: false, coveredNow: true, tariffs },
    ]);
  });

  it('a participant covered but funded by no pledge: each allocated month listed, all of it unfunded', async () => {
    const body = await detail(NONE);
    expect(body.funding).toEqual([]);
    // not covered in January (TMT 1 February): no obligation, no month
    expect(body.fundingByMonth).toEqual([{ month: '2026-02', obligation: 37800, funded: 0, unfunded: 37800, splits: [], closed: false, finalized: false, coveredNow: true, tariffs }]);
  });

  it('splits plus the unfunded remainder equal the obligation in every month (§6)', async () => {
    for (const nik of [FULL, PART, NONE, CROWD[0].nik]) {
      for (const m of (await detail(nik)).fundingByMonth as FundingMonth[]) {
        expect(m.splits.reduce((sum, s) => sum + s.amount, 0) + m.unfunded).toBe(m.obligation);
        expect(m.funded + m.unfunded).toBe(m.obligation);
      }
    }
  });

  it('each month names the LOCAL tariff rows its allocation used (the seeded Rp35.000 + Rp2.800), read in one query for all months', async () => {
    expect(tariffs.reduce((sum, r) => sum + r.amount, 0)).toBe(37800);
    const query = jest.spyOn(t.dataSource, 'query');
    try {
      const body = await detail(PART);
      expect(body.fundingByMonth.map((m: FundingMonth) => [m.month, m.tariffs])).toEqual([
        ['2026-01', tariffs],
        ['2026-02', tariffs],
      ]);
      expect(query.mock.calls.filter(([sql]) => sql === MONTH_TARIFFS)).toEqual([[MONTH_TARIFFS, [['2026-01', '2026-02']]]]);
    } finally {
      query.mockRestore();
    }
  });

  it('looks the NIK up by index in each month partition, not by reading the partitions', async () => {
    const rows: { 'QUERY PLAN': string }[] = await t.dataSource.query(`EXPLAIN ${PARTICIPANT_OBLIGATIONS}`, [PART]);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(plan).not.toMatch(/Seq Scan on obligation/);
    expect(plan.match(/Index Scan using obligation_2026_0[12]_pkey on obligation_2026_0[12]/g)).toHaveLength(2);
    expect(plan.match(/Index Cond: \(\(month = ANY \(.+\)\) AND \(nik = .+\)\)/g)).toHaveLength(plan.match(/Index Scan/g)!.length);
  });

  it('a STALE month is recomputed before it is shown, as the splits are (§6)', async () => {
    // a company now pays for the resident nobody funded: January and February become STALE
    await (await t.as(Role.KEUANGAN))
      .post('/api/v1/pledges')
      .send({ code: 'TJSLP-2026', sourceType: 'TJSLP', funder: 'PT Agro Muko', fiscalYear: 2026, scope: 'RESIDENTS', niks: [NONE] })
      .expect(201);
    const statuses = async () => (await t.dataSource.query(`SELECT status FROM allocation_month ORDER BY month`)).map((r: { status: string }) => r.status);
    expect(await statuses()).toEqual(['STALE', 'STALE']);
    const body = await detail(NONE);
    // the answer says which months were recomputed for it; the next read recomputes none
    expect(body.recomputedMonths).toEqual(['2026-01', '2026-02']);
    expect((await detail(NONE)).recomputedMonths).toEqual([]);
    expect(body.fundingByMonth).toEqual([
      { month: '2026-02', obligation: 37800, funded: 37800, unfunded: 0, splits: [{ pledgeCode: 'TJSLP-2026', sourceType: 'TJSLP', amount: 37800, pledgeRevision: 1 }], closed: false, finalized: false, coveredNow: true, tariffs },
    ]);
    expect(await statuses()).toEqual(['CURRENT', 'CURRENT']);
  });
  it('says which months are closed and whether the register still covers them; a closed month covered now without an obligation is listed with 0 (QA)', async () => {
    await closeMonth(t.dataSource, '2026-02'); // February finalized, January frozen by it
    // a death reported later, dated 15 January: February stays allocated and finalized, and owed
    await t.dataSource.query(`UPDATE participant SET tat = '2026-01-15', end_reason = 'MENINGGAL' WHERE nik = $1`, [FULL]);
    // registered after both months were allocated, covered from January
    const LATE = testNik(9);
    await insertParticipants(t.dataSource, [{ nik: LATE, village: '17.03.06.2001', tmt: '2026-01-01' }]);
    const split = { pledgeCode: 'DESA-1703062001-2026', sourceType: 'DESA', amount: 37800, pledgeRevision: 1 };
    const dead = (await detail(FULL)).fundingByMonth;
    expect(dead).toEqual([
      { month: '2026-01', obligation: 37800, funded: 37800, unfunded: 0, splits: [split], closed: true, finalized: false, coveredNow: true, tariffs }, // frozen by February
      { month: '2026-02', obligation: 37800, funded: 37800, unfunded: 0, splits: [split], closed: true, finalized: true, coveredNow: false, tariffs },
    ]);
    const late = (await detail(LATE)).fundingByMonth;
    expect(late).toEqual([
      { month: '2026-01', obligation: 0, funded: 0, unfunded: 0, splits: [], closed: true, finalized: false, coveredNow: true, tariffs },
      { month: '2026-02', obligation: 0, funded: 0, unfunded: 0, splits: [], closed: true, finalized: true, coveredNow: true, tariffs },
    ]);
    // the console's words for them
    const page = await consoleModule('pages/participant.js');
    expect(dead.map((m: FundingMonth) => page.monthNote(m))).toEqual([
      null,
      'Sudah difinalisasi; menurut daftar peserta saat ini tidak lagi ditanggung — koreksi dicatat sebagai penyesuaian di bulan terbuka',
    ]);
    // January is frozen by February, not finalized itself: said as its badge says (QA)
    expect(page.monthNote(late[0])).toMatch(/^Sudah dialokasikan dan dibekukan tanpa iuran peserta ini .*menurut daftar peserta saat ini ditanggung/);
    expect(page.monthNote(late[1])).toMatch(/^Sudah dialokasikan dan difinalisasi tanpa iuran peserta ini .*menurut daftar peserta saat ini ditanggung/);
    expect(page.monthNote({ ...dead[0], coveredNow: false })).toMatch(/^Sudah dibekukan; menurut daftar peserta saat ini tidak lagi ditanggung/);
    expect(page.monthNote({ ...late[0], closed: false })).toBeNull();
  });

  it('a tariff row added from a later month: that month re-allocated shows the new row, the months before keep the old (§3)', async () => {
    const keuangan = await t.as(Role.KEUANGAN);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
    expect((await detail(PART)).fundingByMonth.find((m: FundingMonth) => m.month === '2026-03').tariffs).toEqual(tariffs);

    const added = (
      await (await t.as(Role.ADMIN)).post('/api/v1/tariffs').send({ component: 'IURAN', payer: 'LOCAL', amount: 40000, validFrom: '2026-03-01', legalBasis: 'Perpres 59/2024' }).expect(201)
    ).body;
    expect(await t.dataSource.query(`SELECT status FROM allocation_month WHERE month = '2026-03'`)).toEqual([{ status: 'STALE' }]);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);

    const months: FundingMonth[] = (await detail(PART)).fundingByMonth;
    const iuran = { id: added.id, component: 'IURAN', amount: 40000, validFrom: '2026-03-01', legalBasis: 'Perpres 59/2024' };
    expect(months.map((m) => [m.month, m.obligation, m.tariffs])).toEqual([
      ['2026-01', 37800, tariffs],
      ['2026-02', 37800, tariffs],
      ['2026-03', 42800, [iuran, tariffs[1]]], // IURAN first, though BANTUAN_DAERAH's row is older
    ]);
    expect(months[2].splits).toEqual([{ pledgeCode: 'PROV-2026', sourceType: 'APBD_PROV', amount: 17120, pledgeRevision: 1 }]);
    // the console's lines under March's Iuran; none under a month owed nothing (Rp0 is not made of the rows)
    const page = await consoleModule('pages/participant.js');
    expect(page.tariffLines(months[2])).toEqual([
      { row: 'Tarif: Iuran Rp40.000', basis: '(Perpres 59/2024)' },
      { row: '+ Bantuan iuran daerah Rp2.800', basis: '(PMK 78/2020 jo. PMK 51/2024)' },
    ]);
    // a component an admin added under its own code is shown by it
    expect(page.tariffLines({ ...months[2], tariffs: [{ component: 'IURAN_TAMBAHAN', amount: 1000, legalBasis: null }] })).toEqual([{ row: 'Tarif: IURAN_TAMBAHAN Rp1.000', basis: null }]);
    expect(page.tariffLines({ ...months[2], obligation: 0 })).toBeNull();
  });
});
