import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

describe('§3: a tariff change is a new row; obligations of months from its first day use it', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as(Role.ADMIN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2026-01-01' }]);
    await admin.post('/api/v1/allocations').send({ month: '2026-05' }).expect(201);
  });
  afterAll(() => t.close());

  it('lists the seeded rows of §3 to readers and the health office', async () => {
    const res = await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/tariffs').expect(200);
    expect(res.body.map((r: { component: string; amount: number; validFrom: string; validTo: string | null }) => `${r.component} ${r.amount} ${r.validFrom}..${r.validTo ?? ''}`)).toEqual([
      'BANTUAN_DAERAH 2800 2021-01-01..',
      'BANTUAN_PUSAT 4200 2021-01-01..',
      'IURAN 23000 2018-01-01..2019-07-31',
      'IURAN 42000 2019-08-01..2020-12-31',
      'IURAN 35000 2021-01-01..',
    ]);
  });

  it('only an admin adds rows; overlapping validity is refused', async () => {
    const row = { component: 'IURAN', payer: 'LOCAL', amount: 40000, validFrom: '2026-04-01', legalBasis: 'Perpres 59/2024 (uji)' };
    await (await t.as(Role.KEUANGAN)).post('/api/v1/tariffs').send(row).expect(403);
    const overlap = await admin.post('/api/v1/tariffs').send({ ...row, validFrom: '2020-06-01' }).expect(400);
    expect(overlap.body.message).toContain('bertumpang tindih');
    const notADay = await admin.post('/api/v1/tariffs').send({ ...row, validFrom: '2026-02-30' }).expect(400);
    expect(notADay.body).toMatchObject({ code: 'TARIFF_INVALID', message: 'Tarif tidak valid: validFrom (berlaku mulai) 2026-02-30 tidak ada di kalender.', details: { field: 'validFrom' } });
    const endsBefore = await admin.post('/api/v1/tariffs').send({ ...row, validTo: '2026-03-31' }).expect(400);
    expect(endsBefore.body).toMatchObject({ code: 'TARIFF_INVALID', details: { field: 'validTo' } });
  });

  it('closes the open row the day before, marks allocated months from then STALE, and the new amount applies', async () => {
    const res = await admin
      .post('/api/v1/tariffs')
      .send({ component: 'IURAN', payer: 'LOCAL', amount: 40000, validFrom: '2026-04-01', legalBasis: 'Perpres 59/2024 (uji)' })
      .expect(201);
    expect(res.body).toMatchObject({ component: 'IURAN', amount: 40000, validFrom: '2026-04-01', validTo: null, createdBy: 'uji-admin' });
    const [closed] = await t.dataSource.query(`SELECT valid_to FROM tariff WHERE component = 'IURAN' AND amount = 35000`);
    expect(closed.valid_to).toBe('2026-03-31');
    const statuses = await t.dataSource.query(`SELECT month, status FROM allocation_month ORDER BY month`);
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(['CURRENT', 'CURRENT', 'CURRENT', 'STALE', 'STALE']);

    const may = await admin.get('/api/v1/allocations/2026-05').expect(200);
    expect(may.body).toMatchObject({ obligation: 42800, tariffIds: [4, res.body.id] });
    const march = await admin.get('/api/v1/allocations/2026-03').expect(200);
    expect(march.body.obligation).toBe(37800);
    const obligations = await t.dataSource.query(`SELECT month, amount::int FROM obligation ORDER BY month`);
    expect(obligations.map((o: { amount: number }) => o.amount)).toEqual([37800, 37800, 37800, 42800, 42800]);
  });
});
