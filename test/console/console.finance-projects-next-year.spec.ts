/**
 * Proyeksi pendanaan: in November a finance officer asks whether next year's pledges pay for next year (QA: nothing
 * warned that the 2027 pagu fell short until January was allocated). The Dasbor of a month from October on links to
 * Komitmen of next year, which computes the projection at once; the page's button does the same.
 *
 * Two participants at Rp37.800 a month, APBD-2027 with a pagu of Rp400.000: January–May cost Rp378.000, June gets the
 * Rp22.000 left (Rp53.600 unfunded), July–December nothing (Rp75.600 a month): Rp507.200 over 14 participant-months.
 */
import { expect, it } from '@jest/globals';
import type { Locator } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { insertParticipants } from '../funding/support/register.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';

const cells = (rows: Locator) => rows.evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.children, (td: any) => (td.textContent as string).trim())));

describeInBrowser('console: the finance officer checks whether next year is funded', () => {
  const app = browserApp(async (t) => {
    await insertParticipants(t.dataSource, [{ nik: '1703064101900001' }, { nik: '1703064101900002' }]);
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2027', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2027, scope: 'ALL', budget: 400_000 }).expect(201);
  });

  it('opens from the Dasbor, says when the pagu runs out and what is left unfunded, month by month', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/dasbor?month=2026-11');
    await page.getByRole('link', { name: 'periksa apakah komitmen 2027 cukup untuk setahun (proyeksi pendanaan)' }).click();
    await page.getByRole('heading', { name: 'Proyeksi pendanaan 2027', level: 2 }).waitFor();

    const months = page.getByRole('table', { name: 'Proyeksi pendanaan per bulan, tahun 2027' });
    await months.waitFor();
    const rows = await cells(months.locator('tbody tr'));
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['Januari 2027', 'Proyeksi', '2', 'Rp75.600', 'Rp75.600', 'Rp0', '0']);
    expect(rows[5]).toEqual(['Juni 2027', 'Proyeksi', '2', 'Rp75.600', 'Rp22.000', 'Rp53.600', '2']);
    expect(rows[11]).toEqual(['Desember 2027', 'Proyeksi', '2', 'Rp75.600', 'Rp0', 'Rp75.600', '2']);
    expect(await cells(months.locator('tfoot tr'))).toEqual([['Jumlah', '', '', 'Rp907.200', 'Rp400.000', 'Rp507.200', '14']]);
    const warning = page.locator('.notice--warning', { hasText: 'Proyeksi 2027' });
    expect(await warning.locator('li').allTextContents()).toEqual([
      'Dengan peserta terdaftar saat ini, komitmen tahun anggaran 2027 tidak menutup Rp507.200 (14 peserta-bulan), mulai Juni 2027. Tambah atau revisi komitmen (pagu, kuota, bulan) sebelum bulan itu.',
      'Pagu APBD-2027 (Rp400.000) habis pada Juni 2027: sesudah bulan itu komitmen ini tidak membayar lagi.',
    ]);
    const pledges = page.getByRole('table', { name: 'Komitmen tahun 2027: pagu dan pemakaian setahun menurut proyeksi' });
    expect(await cells(pledges.locator('tbody tr'))).toEqual([['APBD-2027', 'APBD Kabupaten', 'Rp400.000', 'Rp400.000', 'Rp0', 'Juni 2027']]);
    await screenshot(page, 'finance-projects-next-year');

    // the Dasbor of a month before October has no such link; Komitmen's button computes it on demand
    await page.goto(`${base}/console/#/dasbor?month=2026-09`);
    await page.getByRole('heading', { name: 'Dasbor September 2026', level: 1 }).waitFor();
    await expect(page.getByRole('link', { name: /proyeksi pendanaan/ }).count()).resolves.toBe(0);
    await page.goto(`${base}/console/#/komitmen?tahun=2026`);
    await page.getByRole('button', { name: 'Hitung proyeksi 2026' }).click();
    await page.locator('.notice--warning', { hasText: 'Belum ada komitmen pendanaan tahun anggaran 2026' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
