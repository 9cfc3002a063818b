import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

const danaDesa = {
  code: 'DESA-1703062001-2026',
  sourceType: 'DESA',
  fund: 'DANA_DESA',
  funder: 'Pemerintah Desa Lubuk Durian',
  fiscalYear: 2026,
  scope: 'VILLAGES',
  villageCodes: ['1703062001'],
};

describe('§5: a DESA pledge paid from Dana Desa from 2024 on is accepted with a warning carried into every output', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), village: '17.03.06.2001' }, { nik: testNik(2), village: '17.03.07.2001' }]);
  });
  afterAll(() => t.close());

  it('returns the warning on the pledge, citing SE Kemendesa 4/PRI.00/I/2024', async () => {
    const res = await keuangan.post('/api/v1/pledges').send(danaDesa).expect(201);
    expect(res.body.warnings).toEqual([{ code: 'DANA_DESA_PBI', pledgeCode: danaDesa.code, message: expect.stringContaining('4/PRI.00/I/2024') }]);
    expect((await keuangan.get(`/api/v1/pledges/${danaDesa.code}`).expect(200)).body.warnings).toHaveLength(1);
  });

  it('no warning for ADD, or for Dana Desa before 2024', async () => {
    const add = await keuangan.post('/api/v1/pledges').send({ ...danaDesa, code: 'DESA-ADD-2026', fund: 'ADD' }).expect(201);
    expect(add.body.warnings).toEqual([]);
    const old = await keuangan.post('/api/v1/pledges').send({ ...danaDesa, code: 'DESA-DD-2023', fiscalYear: 2023 }).expect(201);
    expect(old.body.warnings).toEqual([]);
  });

  it('carries the warning into the allocation summary and the splits summary by pledge', async () => {
    const allocation = await keuangan.post('/api/v1/allocations').send({ month: '2026-01' }).expect(201);
    expect(allocation.body.funded).toEqual([{ pledgeCode: 'DESA-1703062001-2026', sourceType: 'DESA', participants: 1, amount: 37800 }]);
    expect(allocation.body.warnings.map((w: { pledgeCode: string }) => w.pledgeCode)).toEqual([danaDesa.code]);
    const summary = await keuangan.get('/api/v1/splits/summary?month=2026-01&groupBy=pledge').expect(200);
    expect(summary.body).toEqual([
      { key: danaDesa.code, participants: 1, amount: 37800, sourceType: 'DESA', warnings: [expect.objectContaining({ code: 'DANA_DESA_PBI' })] },
      { key: 'UNFUNDED', participants: 1, amount: 37800 },
    ]);
  });
});
