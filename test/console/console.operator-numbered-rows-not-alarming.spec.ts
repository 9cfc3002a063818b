/**
 * A template's pre-numbered empty rows are skipped as empty and said once (NUMBERED_ROWS); the result's headline does
 * not ask the operator to check and fix the file for them alone (QA: "… ada 1 peringatan tentang berkas ini (di bawah):
 * periksa, dan bila perlu perbaiki berkasnya lalu unggah ulang." for three rows of data and 297 numbers).
 */
import { expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';

describeInBrowser('console: an enrollment sheet with numbered empty rows', () => {
  const app = browserApp();

  it('says every row was accepted, and the skipped numbers once below', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.OPERATOR_DINKES));
    await page.getByRole('heading', { name: 'Unggah Daftar Peserta' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'numbered.csv', mimeType: 'text/csv', buffer: readFileSync('test/fixtures/enrollment/ok/numbered-empty-rows.csv') });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const result = page.locator('section', { has: page.getByRole('heading', { name: 'Hasil unggahan' }) });
    await result.getByText('Semua baris diterima.', { exact: true }).waitFor();
    await expect(result.getByText(/hanya berisi nomor urut/).count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
