/**
 * A pledge of a fiscal year with no open month left (its December finalized: every month finalized or frozen) is refused
 * saying so plainly, with the one correction left (QA: "atur bulan awal dan akhirnya agar mencakup bulan yang belum
 * difinalisasi", impossible for a 2026 pledge in 2027).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { closeMonth } from './support/register.js';

const apbd = { code: 'APBD-2025', sourceType: 'APBD', funder: 'Pemkab', fiscalYear: 2025, scope: 'ALL', toMonth: 6 };
const CORRECTION = 'Koreksi uang untuk tahun itu dicatat sebagai pembayaran penyesuaian pada bulan yang masih terbuka ("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom PENYESUAIAN_BULAN pada lembar pembayaran).';

describe('pledges of a fiscal year whose every month is finalized', () => {
  let t: TestApp;
  let keuangan: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    keuangan = await t.as(Role.KEUANGAN);
    await keuangan.post('/api/v1/pledges').send(apbd).expect(201);
    await closeMonth(t.dataSource, '2025-11');
  });
  afterAll(() => t.close());

  it('while December is open, a revision is told to reach open months (as before)', async () => {
    const res = await keuangan.patch('/api/v1/pledges/APBD-2025').send({ budget: 1000, reason: 'APBD-P' }).expect(409);
    expect(res.body.message).toMatch(/Catat koreksi pada bulan yang masih terbuka\.$/);
  });

  it('once December is finalized, a revision and a new pledge of that year are told the year is closed', async () => {
    await closeMonth(t.dataSource, '2025-12');
    const revised = await keuangan.patch('/api/v1/pledges/APBD-2025').send({ toMonth: 12, reason: 'APBD-P' }).expect(409);
    expect(revised.body).toMatchObject({
      code: 'MONTH_CLOSED',
      message: `Semua bulan tahun anggaran 2025 sudah difinalisasi (Desember 2025 sudah difinalisasi, bulan-bulan sebelumnya ikut dibekukan): komitmen APBD-2025 tidak dapat diubah lagi. ${CORRECTION}`,
      details: { month: '2025-12', fiscalYear: 2025 },
    });
    const created = await keuangan.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-2025-B' }).expect(409);
    expect(created.body.message).toBe(
      `Semua bulan tahun anggaran 2025 sudah difinalisasi (Desember 2025 sudah difinalisasi, bulan-bulan sebelumnya ikut dibekukan): komitmen APBD-2025-B tidak dapat dicatat untuk tahun itu. ${CORRECTION}`,
    );
  });
});
