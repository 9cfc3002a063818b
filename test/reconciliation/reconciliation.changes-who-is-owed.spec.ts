/**
 * A DONE run says what of its month changed since it ran (run-inputs.ts changedSince). With the same
 * count and rupiah owed, one resident leaving and another joining is said as that, not as a change of
 * TMT or village (QA: a PINDAH plus a new resident read "data peserta … (TMT atau desa)").
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertBill, insertParticipants, insertPledge, nik } from './support/seed.js';

describe('a run names who is owed changing apart from a TMT or village changing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }, { nik: nik(2) }]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, '2026-09', [{ nik: nik(1) }, { nik: nik(2) }]);
  });
  afterAll(() => t?.close());

  const finance = () => t.as(Role.KEUANGAN);
  const run = async () => (await (await finance()).post('/api/v1/reconciliations').send({ month: '2026-09' }).expect(201)).body.id as string;
  const reallocate = async () => (await finance()).post('/api/v1/allocations').send({ month: '2026-09' }).expect(201);
  const changes = async (id: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${id}`).expect(200)).body.changes;

  it('one resident leaving and another joining, same count and rupiah', async () => {
    const id = await run();
    await t.dataSource.query(`UPDATE participant SET tat = '2026-08-31', end_reason = 'PINDAH' WHERE nik = $1`, [nik(2)]);
    await insertParticipants(t.dataSource, [{ nik: nik(3), tmt: '2026-08-01' }]);
    await reallocate();
    expect(await changes(id)).toEqual([
      'pembagian dana antar komitmen',
      'peserta yang berutang iuran (ada yang keluar dan ada yang masuk), tanpa perubahan jumlah peserta dan iuran',
    ]);
  });

  it('the same residents, one with another TMT', async () => {
    const id = await run();
    await t.dataSource.query(`UPDATE participant SET tmt = '2025-06-01' WHERE nik = $1`, [nik(1)]);
    await reallocate();
    expect(await changes(id)).toEqual(['TMT atau desa peserta, tanpa perubahan jumlah iuran']);
  });
});
