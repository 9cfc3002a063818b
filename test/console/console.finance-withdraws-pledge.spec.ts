/**
 * A finance officer withdraws a pledge entered twice (Cabut komitmen: a reason, then asked twice), sees the
 * pledge page say it is withdrawn with Pulihkan komitmen in place of the revision form, the list mark it
 * "Dicabut", and reinstates it. A missing reason is told beside its field.
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';

const apbd = { sourceType: 'APBD', funder: 'Pemkab Bengkulu Utara', fiscalYear: 2026, scope: 'ALL' };

describeInBrowser('console: withdrawing and reinstating a pledge', () => {
  const app = browserApp(async (t) => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-2026' }).expect(201);
    await finance.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-2026-B' }).expect(201);
  });

  it('Cabut komitmen, the notice and the badge, then Pulihkan komitmen', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await page.clock.setFixedTime(t.clock.now());
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/komitmen/APBD-2026-B');
    await page.getByRole('heading', { name: 'Cabut komitmen' }).waitFor();

    // no reason: asked, refused beside the field
    await page.getByRole('button', { name: 'Cabut komitmen…' }).click();
    await page.getByText('Cabut komitmen APBD-2026-B? Bulan yang belum difinalisasi dihitung ulang tanpa komitmen ini.').waitFor();
    await page.getByRole('button', { name: 'Ya, cabut APBD-2026-B' }).click();
    await page.getByText('Alasan pencabutan wajib diisi').waitFor();

    await page.getByLabel('Alasan pencabutan').fill('Komitmen ganda: sudah dicatat sebagai APBD-2026');
    await page.getByRole('button', { name: 'Cabut komitmen…' }).click();
    await page.getByRole('button', { name: 'Ya, cabut APBD-2026-B' }).click();
    await page.getByText('Komitmen dicabut (revisi 2).').waitFor();
    expect(await page.locator('.notice--error').textContent()).toBe(
      'Komitmen ini dicabut pada 15 November 2026 10.00 WIB oleh uji-keuangan: tidak ikut dialokasikan pada bulan yang belum difinalisasi.',
    );
    await page.getByRole('heading', { name: 'Pulihkan komitmen' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Ubah komitmen (revisi)' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Cabut komitmen' }).count()).toBe(0);
    await page.getByRole('cell', { name: 'Dicabut', exact: true }).waitFor(); // the revision's "Yang berubah"

    await page.goto(`${base}/console/#/komitmen?tahun=2026`);
    const row = page.getByRole('row', { name: /APBD-2026-B/ });
    expect(await row.locator('.badge').textContent()).toBe('Dicabut');
    expect(await page.getByRole('row', { name: /APBD-2026 / }).locator('.badge').count()).toBe(0);

    await page.goto(`${base}/console/#/komitmen/APBD-2026-B`);
    await page.getByLabel('Alasan pemulihan').fill('Bukan ganda');
    await page.getByRole('button', { name: 'Pulihkan komitmen…' }).click();
    await page.getByRole('button', { name: 'Ya, pulihkan APBD-2026-B' }).click();
    await page.getByText('Komitmen dipulihkan (revisi 3).').waitFor();
    await page.getByText(/^Periksa: Sudah ada komitmen APBD kabupaten tahun 2026/).waitFor(); // SAME_FUNDING_TWICE again
    await page.getByRole('heading', { name: 'Cabut komitmen' }).waitFor();
    expect(await page.locator('.notice--error').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
