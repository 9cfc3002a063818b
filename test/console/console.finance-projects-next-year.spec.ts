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
    await page.clock.setFixedTime(t.clock.now()); // the server's day, 15 November 2026: the console reckons next month and next year from it
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
    expect(await cells(months.locator('tfoot tr'))).toEqual([['Jumlah', '', '', 'Rp907.200', 'Rp400.000', 'Rp507.200', '14 peserta-bulan']]);
    const warning = page.locator('.notice--warning', { hasText: 'Proyeksi 2027' });
    expect(await warning.locator('li').allTextContents()).toEqual([
      'Dengan peserta terdaftar saat ini, komitmen tahun anggaran 2027 tidak menutup Rp507.200 (14 peserta-bulan), mulai Juni 2027. Tambah atau revisi komitmen (pagu, kuota, bulan, prioritas) sebelum bulan itu.',
    ]);
    expect(await page.locator('.notice--info', { hasText: 'Catatan:' }).locator('li').allTextContents()).toEqual([
      'Pagu APBD-2027 (Rp400.000) habis pada Juni 2027: sesudah bulan itu sampai Desember 2027 komitmen ini tidak membayar lagi.',
    ]);
    const pledges = page.getByRole('table', { name: 'Komitmen tahun 2027: pagu dan pemakaian setahun menurut proyeksi' });
    expect(await cells(pledges.locator('tbody tr'))).toEqual([['APBD-2027', 'APBD Kabupaten', 'Rp400.000', 'Rp400.000', 'Rp0', 'Juni 2027']]);
    // opened from the Dasbor's link, the answer is brought into view, not left below the pledges (QA)
    await page.waitForFunction(() => {
      const { document, innerHeight } = globalThis as any;
      const box = document.querySelector('.table-wrap[aria-label^="Proyeksi pendanaan per bulan"]')?.getBoundingClientRect();
      return !!box && box.top < innerHeight && box.bottom > 0;
    });
    await screenshot(page, 'finance-projects-next-year');

    // before October the Dasbor links to the month's own year; Komitmen's button computes it on demand
    await page.goto(`${base}/console/#/dasbor?month=2026-09`);
    await page.getByRole('heading', { name: 'Dasbor September 2026', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Periksa apakah komitmen 2026 cukup sampai Desember (proyeksi pendanaan)' }).click();
    await page.locator('.notice--warning', { hasText: 'Belum ada komitmen pendanaan tahun anggaran 2026' }).waitFor();

    // a month past next month is not offered an allocation the API refuses (QA), and a year past next year no projection
    await page.goto(`${base}/console/#/dasbor?month=2027-10`);
    await page.getByText('Belum ada alokasi untuk Oktober 2027. Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau saat rekonsiliasi dijalankan; alokasi paling jauh dapat dihitung untuk Desember 2026. Untuk perkiraannya, lihat proyeksi pendanaan di atas.').waitFor();
    await expect(page.getByRole('button', { name: /^Hitung alokasi/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Periksa apakah komitmen 2027 cukup sampai Desember (proyeksi pendanaan)' }).count()).resolves.toBe(1);
    await page.goto(`${base}/console/#/komitmen?tahun=2028`);
    await page.getByText('Proyeksi pendanaan tersedia sampai tahun anggaran 2027 (tahun berjalan dan tahun berikutnya).').waitFor();
    await expect(page.getByRole('button', { name: 'Hitung proyeksi 2028' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
