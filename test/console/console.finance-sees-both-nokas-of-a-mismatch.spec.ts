/**
 * A NOKA_MISMATCH finding on the run page shows both sides, the billed NOKA and the register's (QA: only the billed
 * one, so the officer could not tell what the register held without opening the participant): *NOKA tagihan* and
 * *NOKA register* columns for that category (the API's `registerNoka`); the other categories keep one *NOKA* column.
 *
 * Two participants with NOKAs ...001 and ...002; November's bill bills the first with ...999 (NOKA_MISMATCH) and the
 * second as registered (MATCHED).
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertBill, insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { tableRows } from './support/downloads.js';

describeInBrowser('console: a NOKA_MISMATCH shows the billed and the register NOKA', () => {
  let runId = '';
  const app = browserApp(async (t) => {
    await insertParticipants(t.dataSource, [
      { nik: nik(1), noka: '0000000000001', name: 'Ani' },
      { nik: nik(2), noka: '0000000000002', name: 'Budi' },
    ]);
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertBill(t.dataSource, '2026-11', [
      { nik: nik(1), noka: '0000000000999', name: 'ANI' },
      { nik: nik(2), noka: '0000000000002', name: 'BUDI' },
    ]);
    runId = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-11' }).expect(201)).body.id;
  });

  it('the run page lists the finding with both NOKAs', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/rekonsiliasi/${runId}?category=NOKA_MISMATCH`);
    const table = page.getByRole('table', { name: /^NOKA berbeda: 1 temuan/ });
    await table.waitFor();
    expect(await table.locator('thead th').allTextContents()).toEqual(['NIK', 'NOKA tagihan', 'NOKA register', 'Nama', 'Ditagih', 'Seharusnya', 'Tindak lanjut']);
    expect((await tableRows(table))[0].slice(0, 4)).toEqual([nik(1), '0000000000999', '0000000000001', 'ANI']);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
