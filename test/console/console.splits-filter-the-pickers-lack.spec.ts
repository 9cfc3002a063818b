/**
 * Alokasi, opened on a filter its pickers do not list (a pledge code in the wrong case, a village outside
 * the regency): the API's 404 is said once, beside the filter, also when Ekspor CSV is pressed, and the
 * "(tidak ada di daftar)" option stands for the address's value only until another value is picked.
 */
import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';
import { VILLAGE } from './support/sheets.js';

const UNKNOWN_VILLAGE = '17.03.99.2001';
const VILLAGE_404 = `Desa/kelurahan dengan kode "${UNKNOWN_VILLAGE}" tidak ada di Kabupaten Bengkulu Utara`;

describeInBrowser('console: Alokasi opened on a filter its pickers lack', () => {
  const app = browserApp(async (t) => {
    await (await t.as(Role.KEUANGAN)).post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2026, scope: 'ALL' }).expect(201);
  });

  const filtersOf = (page: Page) => page.getByRole('form', { name: 'Saring alokasi' });
  const unlistedOptions = (page: Page, label: string) => filtersOf(page).getByLabel(label).locator('option', { hasText: '(tidak ada di daftar)' });

  it('Ekspor CSV on an unknown village downloads nothing and does not say the 404 a second time beside the button', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/alokasi?villageCode=${UNKNOWN_VILLAGE}`);
    const filters = filtersOf(page);
    await filters.locator('[data-field="villageCode"] .field-error').getByText(VILLAGE_404, { exact: false }).waitFor();

    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('button', { name: 'Ekspor CSV (semua hasil)' }).click();
    // QA: the button's line repeated the message shown beside the village picker
    await page.locator('.inline-status .error-text').getByText('Tidak diekspor: perbaiki saringan yang ditandai.').waitFor();
    await expect(page.getByText(VILLAGE_404, { exact: false }).count()).resolves.toBe(1);
    await expect(filters.locator('[data-field="villageCode"] .field-error:visible').textContent()).resolves.toContain(VILLAGE_404);
    await expect(filters.getByLabel('Desa/kelurahan').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(downloaded).toBe(false);
    await screenshot(page, 'splits-unknown-village-export');

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('the "(tidak ada di daftar)" option goes once another value is picked', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), '#/alokasi?pledgeCode=apbd-2026');
    const filters = filtersOf(page);
    await filters.locator('[data-field="pledgeCode"] .field-error').getByText('Komitmen pendanaan "apbd-2026" tidak ditemukan.', { exact: false }).waitFor();
    const pledge = filters.getByLabel('Penyandang dana (komitmen)');
    await expect(unlistedOptions(page, 'Penyandang dana (komitmen)').count()).resolves.toBe(1);
    // QA: after picking the pledge meant, "apbd-2026 (tidak ada di daftar)" could still be picked again
    await pledge.selectOption('APBD-2026');
    await expect(unlistedOptions(page, 'Penyandang dana (komitmen)').count()).resolves.toBe(0);
    await expect(pledge.inputValue()).resolves.toBe('APBD-2026');

    // the village picker the same way, "Semua desa" picked; a village it lists stays chosen as it was
    await page.goto(`${base}/console/#/alokasi?villageCode=${UNKNOWN_VILLAGE}`);
    await filters.locator('[data-field="villageCode"] .field-error').getByText(VILLAGE_404, { exact: false }).waitFor();
    const village = filters.getByLabel('Desa/kelurahan');
    await expect(unlistedOptions(page, 'Desa/kelurahan').count()).resolves.toBe(1);
    await village.selectOption('');
    await expect(unlistedOptions(page, 'Desa/kelurahan').count()).resolves.toBe(0);
    await village.selectOption(VILLAGE);
    await expect(village.inputValue()).resolves.toBe(VILLAGE);
    await screenshot(page, 'splits-unlisted-option-gone');

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
