/** DOMAIN §8: recording payments by API: validation, unknown pledge, listing. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertPledge } from '../reconciliation/support/seed.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

describe('payments: record and list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
  });
  afterAll(() => t?.close());

  const base = { pledgeCode: 'APBD-2026', month: '2026-10', amount: 37800, paidAt: '2026-10-08', reference: 'SP2D 00123/LS/2026' };

  it('records a payment; a timestamp is stored as its WIB day', async () => {
    const api = await t.as(Role.KEUANGAN);
    const res = await api.post('/api/v1/payments').send({ ...base, paidAt: '2026-10-10T18:00:00Z' }).expect(201);
    expect(res.body).toMatchObject({ ...base, paidAt: '2026-10-11', adjustsMonth: null, createdBy: 'uji-keuangan' });
  });

  it('refuses an unknown pledge with 404 and an Indonesian message', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send({ ...base, pledgeCode: 'TIDAK-ADA' }).expect(404);
    expect(res.body.message).toMatch(/Komitmen pendanaan "TIDAK-ADA" tidak ditemukan/);
    // a code in the wrong case names the pledge meant, as GET /splits and the payment sheet do (QA)
    const api = await t.as(Role.KEUANGAN);
    const wrongCase = await api.post('/api/v1/payments').send({ ...base, pledgeCode: 'apbd-2026' }).expect(404);
    expect(wrongCase.body).toMatchObject({ code: 'PLEDGE_NOT_FOUND', details: { code: 'apbd-2026', similar: 'APBD-2026' } });
    expect(wrongCase.body.message).toBe('Komitmen pendanaan "apbd-2026" tidak ditemukan. Maksudnya "APBD-2026"? Huruf besar/kecil pada kode komitmen dibedakan.');
    // and beside the field when another field is malformed too (one VALIDATION_FAILED)
    const withBadAmount = await api.post('/api/v1/payments').send({ ...base, pledgeCode: 'apbd-2026', amount: 0 }).expect(400);
    expect(JSON.stringify(withBadAmount.body.details)).toContain('Maksudnya \\"APBD-2026\\"?');
  });

  it('refuses fractions, zero, bad dates and an adjustment of a later month', async () => {
    const api = await t.as(Role.KEUANGAN);
    await api.post('/api/v1/payments').send({ ...base, amount: 37800.5 }).expect(400);
    await api.post('/api/v1/payments').send({ ...base, amount: 0 }).expect(400);
    await api.post('/api/v1/payments').send({ ...base, paidAt: '2026-13-01' }).expect(400);
    // every field at fault comes back at once, the impossible day among them
    const all = await api.post('/api/v1/payments').send({ ...base, amount: 0, paidAt: '2026-13-45', reference: '' }).expect(400);
    expect(all.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(all.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['amount', 'paidAt', 'reference']);
    expect(JSON.stringify(all.body.details)).toContain('paidAt bukan tanggal yang ada di kalender');
    // a timestamp without a zone is a real day: what it lacks is the zone (QA: "bukan tanggal yang ada di kalender")
    const zoneless = await api.post('/api/v1/payments').send({ ...base, paidAt: '2026-10-04T20:00:00' }).expect(400);
    expect(zoneless.body.details).toEqual([
      { field: 'paidAt', messages: ['paidAt: waktu tanpa zona waktu; tulis tanggal saja (2026-10-04) atau sertakan zona, mis. 2026-10-04T20:00:00+07:00'] },
    ]);
    const impossible = await api.post('/api/v1/payments').send({ ...base, paidAt: '2026-02-30T20:00:00' }).expect(400);
    expect(JSON.stringify(impossible.body.details)).toContain('paidAt bukan tanggal yang ada di kalender');
    await api.post('/api/v1/payments').send({ ...base, adjustsMonth: '2026-10' }).expect(400);
    // in the form's words, beside its field (QA: "adjustsMonth (November 2026) harus lebih awal dari month (…)", no field)
    const later = await api.post('/api/v1/payments').send({ ...base, month: '2026-09', adjustsMonth: '2026-11', paidAt: '2026-09-08' }).expect(400);
    expect(later.body).toMatchObject({ code: 'INVALID_ADJUSTMENT', details: { field: 'adjustsMonth', month: '2026-09', adjustsMonth: '2026-11' } });
    expect(later.body.message).toMatch(/^Koreksi untuk bulan \(November 2026\) harus lebih awal dari bulan iuran \(September 2026\)/);
    expect(later.body.message).not.toMatch(/adjustsMonth|\bmonth\b/);
    await (await t.as(Role.AUDITOR)).post('/api/v1/payments').send(base).expect(403);
  });

  it('lists payments by month and pledge', async () => {
    await (await t.as(Role.ADMIN)).post('/api/v1/payments').send({ ...base, month: '2026-11', paidAt: '2026-11-03' }).expect(201);
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/payments?month=2026-10&pledgeCode=APBD-2026').expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ month: '2026-10', amount: 37800 });
    // a pledge that does not exist is said so, naming the one in other case, not an empty list that reads as "nothing paid" (QA)
    const wrongCase = await (await t.as(Role.AUDITOR)).get('/api/v1/payments?pledgeCode=apbd-2026').expect(404);
    expect(wrongCase.body).toMatchObject({ code: 'PLEDGE_NOT_FOUND', details: { similar: 'APBD-2026' } });
    await (await t.as(Role.AUDITOR)).get('/api/v1/payments?pledgeCode=NOPE-2026').expect(404);
  });
});
