/** POST /payments: a malformed field and the terms the other fields break come back in one answer (QA: terms only on the next submit). */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

type Problem = { field: string; messages: string[] };

describe('payments: every problem of a submit in one answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // today: 15 November 2026
    await insertPledge(t.dataSource, 'APBD-2026');
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const base = { pledgeCode: 'APBD-2026', month: '2026-11', amount: 1000, paidAt: '2026-11-10', reference: 'SP2D 70' };
  const send = async (body: object) => (await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(body).expect(400)).body;

  it('a malformed amount comes with the wrong fiscal year and a day still to come, each beside its field', async () => {
    const body = await send({ ...base, amount: '1.000,5', month: '2025-10', paidAt: '2099-12-31' });
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual([
      { field: 'amount', messages: ['amount harus bilangan bulat rupiah, bukan teks'] }, // '1.000,5': text, said so
      { field: 'month', messages: ['Bulan Oktober 2025 di luar tahun anggaran komitmen (2026). Pembayaran untuk bulan itu dicatat pada komitmen tahun 2025.'] },
      { field: 'paidAt', messages: ['Tanggal bayar 31 Desember 2099 belum terjadi (hari ini 15 November 2026 WIB).'] },
    ]);
  });

  it('an empty reference comes with a correction of an open month and a day before the fiscal year', async () => {
    const body = await send({ ...base, reference: '', adjustsMonth: '2026-10', paidAt: '2016-11-05' });
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.map((p: Problem) => p.field)).toEqual(['reference', 'paidAt', 'adjustsMonth']);
    expect(body.details[1].messages[0]).toMatch(/^Tanggal bayar 5 November 2016 sebelum tahun anggaran komitmen \(2026\)/);
    expect(body.details[2].messages[0]).toMatch(/^Bulan Oktober 2026 belum difinalisasi/);
  });

  it('an unknown pledge, a finalized month and a correction of a later month are told too', async () => {
    const body = await send({ ...base, pledgeCode: 'TIDAK-ADA', amount: 0, month: '2026-09', adjustsMonth: '2026-10' });
    expect(body.details.map((p: Problem) => p.field)).toEqual(['amount', 'pledgeCode', 'month', 'adjustsMonth']);
    expect(body.details[1].messages).toEqual([expect.stringMatching(/^Komitmen pendanaan "TIDAK-ADA" tidak ditemukan/)]);
    expect(body.details[2].messages).toEqual([expect.stringMatching(/^Bulan September 2026 sudah difinalisasi/)]);
    expect(body.details[3].messages).toEqual([expect.stringMatching(/^Koreksi untuk bulan \(Oktober 2026\) harus lebih awal/), expect.stringMatching(/^Bulan Oktober 2026 belum difinalisasi/)]);
  });

  it('a malformed field is not judged by the terms, and sound terms add nothing', async () => {
    const badDay = await send({ ...base, month: '2025-10', paidAt: '2026-02-30' });
    expect(badDay.details.map((p: Problem) => p.field)).toEqual(['paidAt', 'month']);
    const badMonth = await send({ ...base, month: '2026-13', amount: -1 });
    expect(badMonth.details.map((p: Problem) => p.field)).toEqual(['month', 'amount']);
    const unknownField = await send({ ...base, catatan: 'x' });
    expect(unknownField.details).toEqual([{ field: 'catatan', messages: ['kolom catatan tidak dikenal'] }]);
  });
});
