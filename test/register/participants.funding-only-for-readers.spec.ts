/**
 * `GET /api/v1/participants/:nik` gives `funding` and `fundingByMonth` to the roles that read funding
 * (ADMIN, KEUANGAN, AUDITOR) and to no one else (QA: OPERATOR_DINKES, refused `/splits` and
 * `/allocations/:month`, read pledge codes, source types and rupiah per month here, and its read
 * recomputed stale months, recorded as "sistem (dihitung ulang saat dibaca oleh operator)").
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertParticipants, testNik } from '../funding/support/register.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const NIK = testNik(1); // Talang Jambu: its village pays all of it
const SPLIT = { pledgeCode: 'DESA-1703062001-2026', sourceType: 'DESA', amount: 37800, pledgeRevision: 1 };
const IDENTITY = ['active', 'birthDate', 'endReason', 'history', 'lastUploadId', 'name', 'nik', 'noKk', 'noka', 'sex', 'tat', 'tmt', 'updatedAt', 'villageCode', 'villageName'];

describe('a participant’s funding history is read by the readers only', () => {
  let t: TestApp;
  const detail = async (role: Role) => (await (await t.as(role)).get(`/api/v1/participants/${NIK}`).expect(200)).body;
  const statuses = async () => (await t.dataSource.query(`SELECT status FROM allocation_month ORDER BY month`)).map((r: { status: string }) => r.status);
  const recomputes = async () =>
    (await t.dataSource.query(`SELECT actor, entity_id FROM audit_event WHERE action = 'allocation.compute' AND actor LIKE 'sistem (dihitung ulang saat dibaca%' ORDER BY id`)) as {
      actor: string;
      entity_id: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: NIK, village: '17.03.06.2001' }]);
    const keuangan = await t.as(Role.KEUANGAN);
    await keuangan
      .post('/api/v1/pledges')
      .send({ code: SPLIT.pledgeCode, sourceType: 'DESA', fund: 'ADD', funder: 'Desa Talang Jambu', scope: 'VILLAGES', villageCodes: ['1703062001'], fiscalYear: 2026 })
      .expect(201);
    await keuangan.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
  });
  afterAll(() => t.close());

  it('the operator gets the participant and its history, without `funding` or `fundingByMonth`', async () => {
    const body = await detail(Role.OPERATOR_DINKES);
    expect(Object.keys(body).sort()).toEqual(IDENTITY);
    expect(body).toMatchObject({ nik: NIK, villageCode: '17.03.06.2001', villageName: 'Talang Jambu', active: true });
    expect(JSON.stringify(body)).not.toMatch(/DESA-1703062001-2026|37800|pledge|funding/i);
  });

  it.each([Role.ADMIN, Role.KEUANGAN, Role.AUDITOR])('%s gets the funding history as before', async (role) => {
    const body = await detail(role);
    expect(Object.keys(body).sort()).toEqual([...IDENTITY, 'funding', 'fundingByMonth'].sort());
    expect(body.funding).toEqual([{ month: '2026-01', ...SPLIT }]);
    expect(body.fundingByMonth).toEqual([{ month: '2026-01', obligation: 37800, funded: 37800, unfunded: 0, splits: [SPLIT], closed: false, coveredNow: true }]);
  });

  it('the OpenAPI document says so', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(doc.paths['/api/v1/participants/{nik}'].get.description).toMatch(/OPERATOR_DINKES both keys are absent and nothing is recomputed/);
  });

  it('the operator’s read recomputes no STALE month; a reader’s does, recorded as read by the reader', async () => {
    // a company now pays for the resident too: January becomes STALE
    await (await t.as(Role.KEUANGAN))
      .post('/api/v1/pledges')
      .send({ code: 'TJSLP-2026', sourceType: 'TJSLP', funder: 'PT Agro Muko', fiscalYear: 2026, scope: 'RESIDENTS', niks: [NIK] })
      .expect(201);
    expect(await statuses()).toEqual(['STALE']);
    const before = await recomputes();

    await detail(Role.OPERATOR_DINKES);
    expect(await statuses()).toEqual(['STALE']);
    expect(await recomputes()).toEqual(before);

    await detail(Role.AUDITOR);
    expect(await statuses()).toEqual(['CURRENT']);
    expect((await recomputes()).slice(before.length)).toEqual([{ actor: 'sistem (dihitung ulang saat dibaca oleh uji-auditor)', entity_id: '2026-01' }]);
  });
});
