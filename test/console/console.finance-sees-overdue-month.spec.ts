/**
 * Dasbor and Pembayaran tell a month past its due date from one not yet due (§8, QA: on 6 December 2026
 * November, December and January 2027 all showed the same red "Belum dibayar"): a month still owed reads
 * "Lewat jatuh tempo" (red) with one warning line naming its pledges and the suspension risk, or "Belum jatuh
 * tempo (10 Desember 2026)" (grey) with no warning; a month not begun is never overdue. The server's clock
 * (FixedClock) decides, in WIB.
 *
 * Two participants, Rp37.800 a month each to APBD-2026 and TJSLP-KOPI-2026 (quota 1 each); APBD-2027 funds both
 * in 2027. Nothing is paid.
 */
import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { tableRows } from './support/downloads.js';

describeInBrowser('console: a month past its due date is told from one not yet due', () => {
  const app = browserApp(async (t) => {
    t.clock.set(new Date('2026-11-20T03:00:00Z')); // 20 November 2026, 10:00 WIB
    await insertParticipants(t.dataSource, [1, 2].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'TJSLP-KOPI-2026', { sourceType: 'TJSLP', priority: 20, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2027', { fiscalYear: 2027 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-11' }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
  });

  const statusTable = (page: Page) => page.getByRole('table', { name: 'Status pembayaran per penyandang dana' });
  const show = async (page: Page, base: string, path: string, heading: string) => {
    await page.goto(`${base}/console/#${path}`);
    await page.getByRole('heading', { name: heading }).waitFor();
    await statusTable(page).waitFor();
  };
  const badgeClasses = (page: Page, text: string) => statusTable(page).locator('.badge', { hasText: text }).evaluateAll((els) => els.map((e) => e.className));

  it('November after the 10th, December not yet due; then, on 6 December, November ended unpaid and January not begun', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), '#/dasbor?month=2026-11');
    await statusTable(page).waitFor();
    expect(await tableRows(statusTable(page))).toEqual([
      ['APBD-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo'],
      ['TJSLP-KOPI-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo'],
    ]);
    expect(await badgeClasses(page, 'Lewat jatuh tempo')).toEqual(['badge badge--bad', 'badge badge--bad']);
    expect(await page.getByRole('status', { name: 'Lewat jatuh tempo November 2026' }).textContent()).toBe(
      'Iuran November 2026 untuk komitmen APBD-2026 dan TJSLP-KOPI-2026 belum lunas dan sudah lewat jatuh tempo 10 November 2026: bila belum lunas pada akhir bulan, ' +
        'BPJS Kesehatan dapat menonaktifkan kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018). Segera bayar atau catat pembayarannya.',
    );

    // December, not yet due: grey, no warning
    await show(page, base, '/dasbor?month=2026-12', 'Dasbor Desember 2026');
    expect((await tableRows(statusTable(page))).map((r) => r[4])).toEqual(['Belum dibayar Belum jatuh tempo (10 Desember 2026)', 'Belum dibayar Belum jatuh tempo (10 Desember 2026)']);
    expect(await badgeClasses(page, 'Belum')).toEqual(['badge badge--neutral', 'badge badge--neutral', 'badge badge--neutral', 'badge badge--neutral']);
    expect(await page.getByRole('status', { name: /^Lewat jatuh tempo/ }).count()).toBe(0);

    // 6 December: November's month has ended unpaid (Pembayaran says it too); January 2027 is not begun
    t.clock.set(new Date('2026-12-06T03:00:00Z'));
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2027-01' }).expect(201);
    await show(page, base, '/pembayaran?month=2026-11', 'Pembayaran November 2026');
    expect(await page.getByRole('status', { name: 'Lewat jatuh tempo November 2026' }).textContent()).toBe(
      'Iuran November 2026 untuk komitmen APBD-2026 dan TJSLP-KOPI-2026 belum lunas sampai akhir bulan (jatuh tempo 10 November 2026): BPJS Kesehatan mungkin sudah ' +
        'menonaktifkan kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018). Segera bayar atau catat pembayarannya, lalu pastikan status kepesertaan mereka ke BPJS Kesehatan.',
    );
    await show(page, base, '/dasbor?month=2027-01', 'Dasbor Januari 2027');
    expect(await tableRows(statusTable(page))).toEqual([['APBD-2027', 'Rp75.600', 'Rp0', '-Rp75.600', 'Belum dibayar Belum jatuh tempo (10 Januari 2027)']]);
    expect(await page.getByRole('status', { name: /^Lewat jatuh tempo/ }).count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
