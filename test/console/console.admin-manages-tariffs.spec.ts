/**
 * Tarif in the browser: the admin adds a tariff row (the server's refusals beside their fields, the
 * interlude's resumed open tariff said in words, a component at Rp0 warned about) and sees it listed with
 * the history it closed; the auditor reads the same table without the form.
 */
import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';
import { tableRows } from './support/downloads.js';

/** The components by the names the participant page gives them (format.js COMPONENT_LABELS; QA: "Tarif BANTUAN_DAERAH"). */
const COMPONENT_NAMES: Record<string, string> = { IURAN: 'Iuran', BANTUAN_DAERAH: 'Bantuan iuran daerah', BANTUAN_PUSAT: 'Bantuan iuran Pemerintah Pusat' };

describeInBrowser('console: admin manages tariffs; auditor reads them', () => {
  const app = browserApp();

  const rowsOf = async (page: Page, component: string) => (await tableRows(page.getByRole('table', { name: `Tarif ${COMPONENT_NAMES[component]}` }))).map((r) => r.slice(0, 6));

  it('adds an IURAN interlude, says the open tariff resumes after it, warns of a component at Rp0, and lists the rows', async () => {
    const { t, base, browser } = app;
    const admin = await userFor(t, Role.ADMIN);
    const { context, page, errors } = await openPage(browser);
    await login(page, base, admin);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Tarif', exact: true }).click();
    await page.getByRole('heading', { name: 'Tarif', exact: true }).waitFor();
    await page.getByRole('table', { name: 'Tarif Iuran' }).waitFor();
    expect(await rowsOf(page, 'IURAN')).toEqual([
      ['1 Januari 2018', '31 Juli 2019', 'Rp23.000', 'Daerah (LOCAL)', 'Perpres 82/2018', 'sistem'],
      ['1 Agustus 2019', '31 Desember 2020', 'Rp42.000', 'Daerah (LOCAL)', 'Perpres 75/2019', 'sistem'],
      ['1 Januari 2021', 'seterusnya', 'Rp35.000', 'Daerah (LOCAL)', 'Perpres 64/2020', 'sistem'],
    ]);
    expect(await rowsOf(page, 'BANTUAN_PUSAT')).toEqual([['1 Januari 2021', 'seterusnya', 'Rp4.200', 'Pemerintah pusat (CENTRAL)', 'PMK 78/2020 jo. PMK 51/2024', expect.any(String)]]);

    const add = page.getByRole('form', { name: 'Tambah baris tarif' });
    const fieldError = (name: string) => add.locator(`[data-field="${name}"] .field-error:visible`).textContent();
    // IURAN at Rp0 and no legal basis: both refusals beside their fields, in the fields' words
    await add.getByLabel('Komponen').fill('IURAN');
    await add.getByLabel('Besaran per peserta per bulan (Rp)').fill('0');
    await add.getByLabel('Berlaku mulai').fill('2027-03-01');
    await add.getByRole('button', { name: 'Simpan tarif' }).click();
    await expect(fieldError('legalBasis')).resolves.toBe('Dasar hukum wajib diisi');
    await add.getByLabel('Dasar hukum').fill('Perpres 1/2027');
    await add.getByRole('button', { name: 'Simpan tarif' }).click();
    await expect(fieldError('amount')).resolves.toContain('tidak boleh Rp0 untuk IURAN');

    // an interlude: Rp36.500 for March–May 2027; Rp35.000 resumes from June
    await add.getByLabel('Besaran per peserta per bulan (Rp)').fill('Rp 36.500');
    await add.getByLabel('Berlaku sampai').fill('2027-05-31');
    await add.getByRole('button', { name: 'Simpan tarif' }).click();
    await add
      .getByText('Tarif IURAN Rp36.500 (1 Maret 2027 s.d. 31 Mei 2027) ditambahkan. Tarif IURAN yang berlaku sebelumnya (Rp35.000, Perpres 64/2020) berlaku lagi mulai 1 Juni 2027: baris itu ditambahkan otomatis.')
      .waitFor();
    // keyboard focus on the saved row's notice, not on the page's body (QA: focus fell to BODY after a save)
    await expect(page.evaluate(() => (globalThis as any).document.activeElement.className)).resolves.toBe('notice notice--success');
    await page.getByRole('table', { name: 'Tarif Iuran' }).locator('tbody tr', { hasText: 'Perpres 1/2027' }).waitFor();
    expect((await rowsOf(page, 'IURAN')).slice(2)).toEqual([
      ['1 Januari 2021', '28 Februari 2027', 'Rp35.000', 'Daerah (LOCAL)', 'Perpres 64/2020', 'sistem'],
      ['1 Maret 2027', '31 Mei 2027', 'Rp36.500', 'Daerah (LOCAL)', 'Perpres 1/2027', admin.username],
      ['1 Juni 2027', 'seterusnya', 'Rp35.000', 'Daerah (LOCAL)', 'Perpres 64/2020', admin.username],
    ]);
    // who ended each row (QA: the seeded row the admin closed read "Dicatat oleh system" beside its new end)
    const endedBy = (await tableRows(page.getByRole('table', { name: 'Tarif Iuran' }))).map((r) => r[7]);
    expect(endedBy).toEqual([
      'tanggal akhir diisi saat dicatat',
      'tanggal akhir diisi saat dicatat',
      expect.stringMatching(new RegExp(`^${admin.username}, \\d+ \\w+ \\d{4} \\d{2}\\.\\d{2} WIB \\(baris berikutnya ditambahkan\\)$`)),
      'tanggal akhir diisi saat dicatat',
      '–',
    ]);
    // the form is cleared for the next row, the component kept
    await expect(add.getByLabel('Dasar hukum').inputValue()).resolves.toBe('');

    // BANTUAN_DAERAH abolished from July 2027: taken, with the server's warning
    await add.getByLabel('Komponen').fill('BANTUAN_DAERAH');
    await add.getByLabel('Besaran per peserta per bulan (Rp)').fill('0');
    await add.getByLabel('Berlaku mulai').fill('2027-07-01');
    await add.getByLabel('Dasar hukum').fill('Perbup 9/2027');
    await add.getByRole('button', { name: 'Simpan tarif' }).click();
    await add.getByText('Tarif BANTUAN_DAERAH Rp0 (mulai 1 Juli 2027, seterusnya) ditambahkan.').waitFor();
    await add.locator('.notice--warning').getByText('Tarif BANTUAN_DAERAH Rp0: komponen ini tidak lagi ditagihkan', { exact: false }).waitFor();
    await page.getByRole('table', { name: 'Tarif Bantuan iuran daerah' }).locator('tbody tr', { hasText: 'Perbup 9/2027' }).waitFor();
    expect(await rowsOf(page, 'BANTUAN_DAERAH')).toEqual([
      ['1 Januari 2021', '30 Juni 2027', 'Rp2.800', 'Daerah (LOCAL)', 'PMK 78/2020 jo. PMK 51/2024', expect.any(String)],
      ['1 Juli 2027', 'seterusnya', 'Rp0', 'Daerah (LOCAL)', 'Perbup 9/2027', admin.username],
    ]);

    // that row was a mistake: a row from the same day, with a reason, replaces it; the replaced row stays, struck through
    await expect(add.getByText('isi Berlaku mulai dengan tanggal yang sama', { exact: false }).count()).resolves.toBe(1);
    await add.getByLabel('Besaran per peserta per bulan (Rp)').fill('2.800');
    await add.getByLabel('Berlaku mulai').fill('2027-07-01');
    await add.getByLabel('Dasar hukum').fill('PMK 51/2024');
    await add.getByLabel('Alasan penggantian').fill('Salah input: belum dihapus');
    await add.getByRole('button', { name: 'Simpan tarif' }).click();
    await add.getByText('Baris ini menggantikan tarif #', { exact: false }).waitFor();
    await page.getByRole('table', { name: 'Tarif Bantuan iuran daerah' }).locator('tbody tr', { hasText: 'PMK 51/2024' }).nth(1).waitFor();
    expect(await rowsOf(page, 'BANTUAN_DAERAH')).toEqual([
      ['1 Januari 2021', '30 Juni 2027', 'Rp2.800', 'Daerah (LOCAL)', 'PMK 78/2020 jo. PMK 51/2024', expect.any(String)],
      ['1 Juli 2027', 'tidak pernah berlaku', 'Rp0', 'Daerah (LOCAL)', 'Perbup 9/2027', admin.username],
      ['1 Juli 2027', 'seterusnya', 'Rp2.800', 'Daerah (LOCAL)', 'PMK 51/2024', admin.username],
    ]);
    const replaced = (await tableRows(page.getByRole('table', { name: 'Tarif Bantuan iuran daerah' })))[1][7];
    expect(replaced).toMatch(new RegExp(`^Diganti oleh #\\d+ \\(alasan: Salah input: belum dihapus\\), ${admin.username}, `));
    await expect(page.getByRole('table', { name: 'Tarif Bantuan iuran daerah' }).locator('tbody tr').nth(1).locator('s').textContent()).resolves.toBe('Rp0');
    await screenshot(page, 'admin-tariffs');
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('shows the auditor the table read-only: no form; at 1366 px the tables by name, their columns alike, a footnote apart from the next table', async () => {
    const { t, base, browser } = app;
    const auditor = await userFor(t, Role.AUDITOR);
    const { context, page, errors } = await openPage(browser, { width: 1366, height: 768 });
    await login(page, base, auditor);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Tarif', exact: true }).click();
    await page.getByRole('table', { name: 'Tarif Iuran' }).waitFor();
    await page.getByText('Hanya baca: tarif diatur oleh admin.', { exact: false }).waitFor();
    expect((await rowsOf(page, 'IURAN'))[0]).toEqual(['1 Januari 2018', '31 Juli 2019', 'Rp23.000', 'Daerah (LOCAL)', 'Perpres 82/2018', expect.any(String)]);
    expect(await page.getByRole('form', { name: 'Tambah baris tarif' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Simpan tarif' }).count()).toBe(0);
    // the three tables titled by the components' names, no raw code, and so is the footnote under a table
    const captions = await page.locator('.tariff-table caption').allTextContents();
    expect(captions).toEqual(['Tarif Iuran', 'Tarif Bantuan iuran daerah', 'Tarif Bantuan iuran Pemerintah Pusat']);
    await expect(page.locator('.tariff-note').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/^Baris terakhir Iuran \(/)]));
    await expect(page.locator('.tariff-note', { hasText: /IURAN|BANTUAN_/ }).count()).resolves.toBe(0);
    const layout = await page.evaluate(() => {
      const g = globalThis as any;
      const tables = [...g.document.querySelectorAll('.tariff-table')];
      const widths = tables.map((w: any) => [...w.querySelectorAll('thead th')].map((th: any) => Math.round(th.getBoundingClientRect().width)));
      // from the bottom of what is under a table (its footnote, or the table) to the next table
      const gaps = tables.slice(1).map((w: any) => w.getBoundingClientRect().top - w.previousElementSibling.getBoundingClientRect().bottom);
      return { widths, gaps };
    });
    expect(layout.widths[1]).toEqual(layout.widths[0]);
    expect(layout.widths[2]).toEqual(layout.widths[0]);
    for (const gap of layout.gaps) expect(gap).toBeGreaterThanOrEqual(16);
    await screenshot(page, 'layout/tariffs-1366');
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
