/**
 * QA: a tariff of Rp0 for IURAN was taken and closed the open Rp35.000 row: the obligation silently
 * fell to Rp2.800. IURAN, the premium itself, is never Rp0 (400 TARIFF_INVALID on `amount`); another
 * component at Rp0 is how it is abolished, and the answer says it is no longer charged.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertParticipants, testNik } from './support/register.js';

describe('§3: a tariff of Rp0', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  const row = { payer: 'LOCAL', amount: 0, validFrom: '2026-12-01', legalBasis: 'Perpres (uji)' };
  const obligation = async (month: string) => (await admin.post('/api/v1/allocations').send({ month }).expect(201)).body.obligation;
  beforeAll(async () => {
    t = await createTestApp(); // 15 November 2026
    admin = await t.as(Role.ADMIN);
    await insertParticipants(t.dataSource, [{ nik: testNik(1), tmt: '2026-01-01' }]);
  });
  afterAll(() => t.close());

  it('is refused for IURAN, naming amount, and the open Rp35.000 row stays open', async () => {
    const before = (await admin.get('/api/v1/tariffs').expect(200)).body;
    const res = await admin.post('/api/v1/tariffs').send({ ...row, component: 'IURAN' }).expect(400);
    expect(res.body).toMatchObject({
      code: 'TARIFF_INVALID',
      message: 'Tarif tidak valid: amount tidak boleh Rp0 untuk IURAN, iuran itu sendiri: komponen lain dapat dihapus dengan Rp0, IURAN tidak. Isi besar iuran yang berlaku mulai 1 Desember 2026.',
      details: { field: 'amount' },
    });
    expect((await admin.get('/api/v1/tariffs').expect(200)).body).toEqual(before);
    expect(await obligation('2026-12')).toBe(35000 + 2800);
  });

  it('abolishes another component, and the answer warns that it is no longer charged from that day', async () => {
    const res = await admin.post('/api/v1/tariffs').send({ ...row, component: 'BANTUAN_DAERAH' }).expect(201);
    expect(res.body).toMatchObject({ component: 'BANTUAN_DAERAH', amount: 0, validFrom: '2026-12-01', validTo: null });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['NOT_CHARGED']);
    expect(res.body.warnings.map((w: { message: string }) => w.message)).toEqual([
      'Tarif BANTUAN_DAERAH Rp0: komponen ini tidak lagi ditagihkan sejak 1 Desember 2026, sehingga iuran bulan-bulan itu tidak memuat komponen ini.',
    ]);
    expect(await obligation('2026-12')).toBe(35000);
    expect(await obligation('2026-11')).toBe(35000 + 2800);
  });

  it('a new component at Rp0 is told it is not charged, not "no longer" (QA: it never was)', async () => {
    const res = await admin.post('/api/v1/tariffs').send({ ...row, component: 'TAMBAHAN_BARU' }).expect(201);
    expect(res.body.warnings).toEqual([{ code: 'NOT_CHARGED', message: 'Tarif TAMBAHAN_BARU Rp0: komponen ini tidak ditagihkan sejak 1 Desember 2026, sehingga iuran bulan-bulan itu tidak memuat komponen ini.' }]);
  });
});
