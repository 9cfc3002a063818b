/**
 * Something due for every month of 2026 up to `through`: twenty participants covered all year (Rp756.000
 * a month at Rp37.800 each), allocated by the API (§6 allocates the months before it too). A spec about
 * another rule of a payment, of a pledge covering everyone (APBD-2026 of seed.ts), calls it before closing
 * months, so its payments are not warned as having nothing due (NOTHING_DUE, payment-warnings.ts) nor,
 * adding up to less than that, as exceeding it (EXCEEDS_DUE). Allocates at most next month (WIB).
 */
import { Role } from '../../../src/users/role.js';
import { insertParticipants, insertPledge, nik } from '../../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

export async function allocateThrough(t: TestApp, through: string): Promise<void> {
  await insertParticipants(
    t.dataSource,
    Array.from({ length: 20 }, (_, i) => ({ nik: nik(9001 + i) })),
  );
  await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: through }).expect(201);
}

/** A fresh test app with APBD-2026 (seed.ts) and something due for every month through `through`: where most payment specs start. */
export async function appWithSomethingDue(through: string): Promise<TestApp> {
  const t = await createTestApp();
  await insertPledge(t.dataSource, 'APBD-2026');
  await allocateThrough(t, through);
  return t;
}
