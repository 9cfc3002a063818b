/**
 * The Tagihan page in the browser: a finalized month is said above the forms before anything is uploaded, in the words
 * of the console (no API field), and a bill file that is another month's stored bill is warned about after the upload
 * (QA: both were learnt only from a refusal, or not at all).
 */
import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { billCsv, PEOPLE } from './support/sheets.js';

const BILL = billCsv(PEOPLE.slice(0, 2).map((p) => ({ noka: p.noka!, nik: p.nik, name: p.name, amount: 37800 })));

describeInBrowser('console: the Tagihan page says a month is finalized, and that a file is another month\'s bill', () => {
  const app = browserApp(async (t) => {
    await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-09').field('invoiceTotal', '75600').attach('file', Buffer.from(BILL), 'tagihan-september.csv').expect(201);
    await closeMonth(t.dataSource, '2026-09');
  });

  const sectionOf = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });

  it('warns above the form for September, not for October, and names September\'s bill when its file is uploaded for October', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/tagihan?month=2026-09');
    const bills = sectionOf(page, 'Tagihan BPJS');
    const closed = bills.getByText(/^September 2026 sudah difinalisasi: tagihannya tidak dapat diganti\./);
    await closed.waitFor();
    await expect(closed.textContent()).resolves.toContain('("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom PENYESUAIAN_BULAN pada lembar pembayaran)');
    await sectionOf(page, 'Daftar PBI APBN').getByText('September 2026 sudah difinalisasi: daftar PBI APBN-nya tidak dapat diganti.').waitFor();

    await bills.getByLabel('Bulan').fill('2026-10');
    await bills.getByText('Belum ada tagihan yang diunggah untuk Oktober 2026.').waitFor();
    await expect(closed.count()).resolves.toBe(0);

    await bills.getByLabel('Total invoice (Rp)').fill('75.600');
    await bills.locator('input[type="file"]').setInputFiles({ name: 'tagihan-oktober.csv', mimeType: 'text/csv', buffer: Buffer.from(BILL) });
    await bills.getByRole('button', { name: 'Unggah tagihan' }).click();
    await bills.getByText('Tagihan Oktober 2026 tersimpan (versi 1).').waitFor();
    await bills.getByText('Berkas ini sama persis dengan tagihan September 2026 (versi 1) yang sudah tersimpan: periksa bulannya.').waitFor();
    // the month's history says it too, after the answer is gone (QA: it showed 0 warnings)
    await page.reload();
    await bills.getByLabel('Bulan').fill('2026-10');
    const history = page.getByRole('table', { name: 'Riwayat unggahan tagihan Oktober 2026' });
    const badge = history.getByText('sama dengan tagihan September 2026 v1', { exact: true });
    await badge.waitFor();
    await expect(badge.getAttribute('title')).resolves.toBe('Berkas ini sama persis dengan tagihan September 2026 (versi 1) yang sudah tersimpan: periksa bulannya.');

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
