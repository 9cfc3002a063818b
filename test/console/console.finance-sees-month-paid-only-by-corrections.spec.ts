/**
 * A month made PAID by §8's sum only by a correction of another month recorded in it does not read as a plain
 * "Lunas" (QA: TJSLP-KOPI-2026 left November unpaid; its correction, recorded in December, made December Lunas on
 * Pembayaran and the Dasbor while December's own premium was unpaid). Its status says "Lunas menurut jumlah", the
 * due-ness of its own premium ("Lewat jatuh tempo" after the 10th) and "premi Desember 2026 sendiri belum dibayar",
 * with the correction named under the paid amount; the overdue warning names the pledge.
 *
 * Three participants, Rp37.800 a month each, all funded by TJSLP-KOPI-2026 (Rp113.400 a month); November allocated,
 * paid nothing and closed; its correction of Rp113.400 recorded in December. The server's and the browser's clock: 11
 * December 2026 (WIB).
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { tableRows } from './support/downloads.js';

const CODE = 'TJSLP-KOPI-2026';

describeInBrowser('console: a month paid only by a correction of another month says its own premium is unpaid', () => {
  const app = browserApp(async (t) => {
    t.clock.set(new Date('2026-12-11T03:00:00Z')); // 11 December 2026, 10:00 WIB
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, CODE, { sourceType: 'TJSLP', priority: 10 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-11' }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    await closeMonth(t.dataSource, '2026-11');
    await finance
      .post('/api/v1/payments')
      .send({ pledgeCode: CODE, month: '2026-12', adjustsMonth: '2026-11', amount: 113400, paidAt: '2026-12-04', reference: 'KOREKSI NOV KOPI' })
      .expect(201);
  });

  const row = [CODE, 'Rp113.400', 'Rp113.400 termasuk koreksi November 2026 Rp113.400', 'Rp0', 'Lunas menurut jumlah Lewat jatuh tempo premi Desember 2026 sendiri belum dibayar'];

  it('Pembayaran and the Dasbor: "Lunas menurut jumlah", overdue, the own premium unpaid', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await page.clock.setFixedTime(t.clock.now());
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/pembayaran?month=2026-12');
    const status = page.getByRole('table', { name: 'Status pembayaran per penyandang dana' });
    await status.getByText('premi Desember 2026 sendiri belum dibayar').waitFor();
    expect(await tableRows(status)).toEqual([row]);
    expect(await status.getByTitle('Lunas menurut jumlah (termasuk koreksi November 2026 Rp113.400); premi Desember 2026 sendiri belum dibayar').count()).toBe(1);
    expect(await page.getByRole('status', { name: 'Lewat jatuh tempo Desember 2026' }).textContent()).toContain(`komitmen ${CODE}`);

    await page.goto(`${base}/#/dasbor?month=2026-12`);
    const dashboard = page.getByRole('table', { name: 'Status pembayaran per penyandang dana' });
    await dashboard.getByText('premi Desember 2026 sendiri belum dibayar').waitFor();
    expect(await tableRows(dashboard)).toEqual([row]);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
