import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AllocateMonth } from '../../src/funding/use-cases/allocate-month.use-case.js';
import { ObligationBuild, UNFUNDED_IN_PLACE } from '../../src/funding/use-cases/obligation-build.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

/**
 * On PostgreSQL a month's obligations are built by the server from the register while the service
 * allocates, and the few unfunded remainders are set in place (use-cases/obligation-build.ts); with
 * many remainders, or a register the build cannot see, they are written from memory as on PGlite.
 * Every way must store the same rows.
 *
 * Six participants of village A since 2025; APBD-2026 (ALL) has a pagu of Rp170.100 = 4.5 × Rp37.800:
 * January funds NIKs 1–4 fully and NIK 5 for Rp18.900, leaving NIK 5 Rp18.900 and NIK 6 Rp37.800
 * unfunded; February, the pagu spent, leaves all six unfunded.
 */
describe('§4/§6 obligations built by the server: the same rows every way', () => {
  const T = 37_800;
  const onPostgres = Boolean(process.env.DATABASE_URL);
  let t: TestApp;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  const obligationsOf = async (month: string) =>
    (await t.dataSource.query(`SELECT nik, amount::int, unfunded::int, tmt::text, village_code FROM obligation WHERE month = $1 ORDER BY nik`, [month])) as {
      nik: string;
      unfunded: number;
    }[];
  const expected = (unfunded: number[]) =>
    unfunded.map((u, i) => ({ nik: testNik(i + 1), amount: T, unfunded: u, tmt: '2025-01-01', village_code: '17.03.06.2001' }));
  const spies = () => ({ start: jest.spyOn(ObligationBuild, 'start'), inPlace: jest.spyOn(ObligationBuild.prototype, 'withUnfunded') });

  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-03-05T03:00:00Z'));
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2, 3, 4, 5, 6].map((i) => ({ nik: testNik(i) })));
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2026, scope: 'ALL', budget: 4.5 * T }).expect(201);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    Object.assign(UNFUNDED_IN_PLACE, { atLeast: 1_000, share: 0.05 });
  });
  afterAll(() => t.close());

  it('January: built by the server, its two remainders set in place (PostgreSQL); written from memory on PGlite', async () => {
    const { start, inPlace } = spies();
    await finance.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
    expect(await obligationsOf('2026-01')).toEqual(expected([0, 0, 0, 0, T / 2, T]));
    expect(start).toHaveBeenCalledTimes(onPostgres ? 1 : 0);
    expect(inPlace.mock.calls).toEqual(onPostgres ? [[[testNik(5), testNik(6)], [T / 2, T]]] : []);
    const [month] = await t.dataSource.query(`SELECT participants, unfunded_participants, unfunded_amount::int FROM allocation_month WHERE month = '2026-01'`);
    expect(month).toEqual({ participants: 6, unfunded_participants: 2, unfunded_amount: 1.5 * T });
  });

  it('more remainders than are set in place: the obligations are written from memory, the same rows', async () => {
    Object.assign(UNFUNDED_IN_PLACE, { atLeast: 1, share: 0 });
    const { start, inPlace } = spies();
    await finance.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
    expect(await obligationsOf('2026-01')).toEqual(expected([0, 0, 0, 0, T / 2, T]));
    expect(start).toHaveBeenCalledTimes(onPostgres ? 1 : 0); // January is always tried: no month before it
    expect(inPlace).not.toHaveBeenCalled();
  });

  it('after a month with many remainders the server does not build the next one (it would be thrown away)', async () => {
    Object.assign(UNFUNDED_IN_PLACE, { atLeast: 1, share: 0 });
    const { start } = spies();
    await finance.post('/api/v1/allocations').send({ month: '2026-02' }).expect(201);
    expect(await obligationsOf('2026-02')).toEqual(expected([T, T, T, T, T, T]));
    expect(start.mock.calls.map(([, month]) => month)).toEqual([]); // January is CURRENT; February follows a January of 2 remainders > 1
  });

  it("a participant added by the allocation's own transaction, unseen by the server's build: written from memory, counted", async () => {
    const { inPlace } = spies();
    await t.dataSource.transaction(async (m) => {
      await insertParticipants(m, [{ nik: testNik(7) }]);
      await t.app.get(AllocateMonth).execute({ month: '2026-01', actor: 'uji' }, m);
    });
    expect(await obligationsOf('2026-01')).toEqual(expected([0, 0, 0, 0, T / 2, T, T]));
    expect(inPlace).not.toHaveBeenCalled();
  });
});
