/**
 * October 2026 with corrections of closed months, the scenario the payment status, the pledge statement and the
 * console's status table all read: three participants; PROV-2026 (priority 10, quota 1), TJSLP-2026 (15, quota 1) and
 * APBD-2026 (20) allocated for October; July and August finalized. APBD-2026 paid on time and corrected July and August
 * late; PROV-2026 paid late and corrected July; TJSLP-2026 paid on time, nothing else.
 */
import { Role } from '../../../src/users/role.js';
import { closeMonth } from '../../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../../reconciliation/support/seed.js';
import type { TestApp } from '../../support/test-app.js';

export async function octoberWithCorrections(t: TestApp): Promise<void> {
  await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n) })));
  await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', priority: 10, quota: 1 });
  await insertPledge(t.dataSource, 'TJSLP-2026', { sourceType: 'TJSLP', priority: 15, quota: 1 });
  await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
  const finance = await t.as(Role.KEUANGAN);
  await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
  await closeMonth(t.dataSource, '2026-07');
  await closeMonth(t.dataSource, '2026-08');
  const pay = (pledgeCode: string, amount: number, paidAt: string, reference: string, adjustsMonth?: string) =>
    finance.post('/api/v1/payments').send({ pledgeCode, month: '2026-10', amount, paidAt, reference, ...(adjustsMonth ? { adjustsMonth } : {}) }).expect(201);
  await pay('APBD-2026', 37800, '2026-10-05', 'SP2D APBD');
  await pay('APBD-2026', 20000, '2026-10-20', 'KOREKSI APBD JULI', '2026-07');
  await pay('APBD-2026', 17800, '2026-10-21', 'KOREKSI APBD AGUSTUS', '2026-08');
  await pay('PROV-2026', 37800, '2026-10-15', 'SP2D PROV');
  await pay('PROV-2026', 1000, '2026-10-20', 'KOREKSI PROV JULI', '2026-07');
  await pay('TJSLP-2026', 37800, '2026-10-05', 'TRF TJSLP');
}
