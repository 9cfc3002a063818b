/**
 * The participant page says, month by month, the premium owed, who paid what, and what nobody funded
 * (QA: NIK 1703015401501302 showed only APBD Provinsi Rp15.120 in December, not the Rp22.680 of its
 * Rp37.800 left unfunded, and a month nobody funded was not listed: an auditor could not tell a fully
 * funded month from a partly funded one).
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertParticipants } from '../funding/support/register.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';

const NIK = '1703015401501302';

describeInBrowser('console: the participant page shows what nobody funded', () => {
  const app = browserApp(async (t) => {
    // covered from November; the province pays 40 % of her premium from December, nobody else anything
    await insertParticipants(t.dataSource, [{ nik: NIK, name: 'Sari Wulandari', village: '17.03.07.2001', tmt: '2026-11-01' }]);
    const finance = await t.as(Role.KEUANGAN);
    await finance
      .post('/api/v1/pledges')
      .send({ code: 'PROV-2026', sourceType: 'APBD_PROV', funder: 'Pemerintah Provinsi Bengkulu', fiscalYear: 2026, fromMonth: 12, scope: 'RESIDENTS', niks: [NIK], sharePercent: 40 })
      .expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
  });

  it('lists each month with its premium, which pledges bear it (the allocation) and "Tidak terdanai" with the remainder', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/peserta/${NIK}`);
    await page.getByRole('heading', { name: 'Sari Wulandari' }).waitFor();

    const history = page.getByRole('table', { name: 'Iuran dan pendanaan per bulan' });
    await history.waitFor();
    expect(await history.locator('thead th').allTextContents()).toEqual(['Bulan', 'Iuran', 'Ditanggung oleh (alokasi)', 'Terdanai', 'Sisa']);
    const rows = await history.locator('tbody tr').evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.children, (td: any) => td.textContent)));
    expect(rows).toEqual([
      ['Desember 2026', 'Rp37.800', 'PROV-2026 · APBD Provinsi · Pemerintah Provinsi Bengkulu: Rp15.120', 'Rp15.120', 'Tidak terdanai Rp22.680'],
      // covered, and no pledge paid anything: listed all the same, all of it unfunded
      ['November 2026', 'Rp37.800', 'Tidak ada komitmen yang menanggung', 'Rp0', 'Tidak terdanai Rp37.800'],
    ]);
    expect(await history.locator('tfoot td').allTextContents()).toEqual(['Rp75.600', '', 'Rp15.120', 'Tidak terdanai Rp60.480']);
    // the table is the allocation, not what was paid (QA: "Dibayar oleh" for a funder that never paid); payments are on Pembayaran
    await expect(page.locator('main p.hint', { hasText: 'Tabel ini menunjukkan alokasi' }).textContent()).resolves.toBe(
      'Tabel ini menunjukkan alokasi: komitmen yang menanggung iuran peserta, bukan yang sudah membayar. Pembayaran dicatat per komitmen dan bulan, di halaman Pembayaran.',
    );
    expect(await page.locator('main p.hint').getByRole('link', { name: 'Pembayaran' }).getAttribute('href')).toBe('#/pembayaran');
    // the remainder is marked as a problem, not plain text beside the amounts
    await expect(history.locator('tbody tr').first().locator('.badge--bad').textContent()).resolves.toBe('Tidak terdanai Rp22.680');
    await screenshot(page, 'auditor-participant-unfunded');

    // the pledge that paid opens from the month's line
    await history.getByRole('link', { name: 'PROV-2026' }).click();
    await page.getByRole('heading', { name: /PROV-2026/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
