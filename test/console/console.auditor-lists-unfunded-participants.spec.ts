/**
 * Peserta Tidak Terdanai: an auditor opens a month with unfunded participants and reads, under the pledges' pagu and
 * quota as the allocation met them (`limits`), who went unfunded, by village then NIK, with the village filter; a
 * month with none says so, a month never allocated says the API's NOT_ALLOCATED, and the Dasbor's unfunded figure and
 * Alokasi's *Tidak terdanai* row open the list (QA: an auditor could count the unfunded participants but not list them).
 */
import { expect, it } from '@jest/globals';
import type { Locator } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { insertParticipants } from '../funding/support/register.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';

const MONTH = '2026-11';
const KERKAP = '17.03.06.2001';
const OTHER = '17.03.07.2001';
// covered from November 2026, premium Rp37.800 each; allocated by (TMT, NIK): the Kerkap four first
const PEOPLE = [
  { nik: '1703064101900001', name: 'Ani Lestari', village: KERKAP },
  { nik: '1703064101900002', name: 'Bunga Citra', village: KERKAP },
  { nik: '1703064101900003', name: 'Citra Dewi', village: KERKAP },
  { nik: '1703064101900004', name: 'Dewi Sartika', village: KERKAP },
  { nik: '1703074101900005', name: 'Euis Rahayu', village: OTHER },
  { nik: '1703074101900006', name: 'Fitri Handayani', village: OTHER },
];

const cells = (rows: Locator) => rows.evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.children, (td: any) => (td.textContent as string).trim())));

describeInBrowser('console: the auditor lists the month\'s unfunded participants', () => {
  const app = browserApp(async (t) => {
    await insertParticipants(t.dataSource, PEOPLE.map((p) => ({ ...p, tmt: '2026-11-01' })));
    const finance = await t.as(Role.KEUANGAN);
    // the regency's pagu pays Ani in full and Bunga in part; the province pays 40 % for one participant a month (Bunga's)
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2026, scope: 'ALL', budget: 50_000 }).expect(201);
    await finance.post('/api/v1/pledges').send({ code: 'PROV-2026', sourceType: 'APBD_PROV', funder: 'Pemerintah Provinsi Bengkulu', fiscalYear: 2026, scope: 'ALL', sharePercent: 40, quota: 1 }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: MONTH }).expect(201);
  });

  it('shows the pagu and quota reached, the unfunded participants by village, and filters them by village', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/tidak-terdanai?month=${MONTH}`);
    await page.getByRole('heading', { name: 'Peserta Tidak Terdanai', level: 1 }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Tidak Terdanai' }).getAttribute('aria-current')).resolves.toBe('page');

    await page.getByRole('heading', { name: 'Pagu dan kuota bulan ini', level: 2 }).waitFor();
    const limits = page.getByRole('table', { name: 'Pagu dan kuota komitmen, November 2026' });
    expect(await limits.locator('thead th').allTextContents()).toEqual(['Kode komitmen', 'Sumber dana', 'Pagu', 'Terpakai s.d. bulan ini', 'Sisa', 'Kuota', 'Peserta bulan ini', 'Batas tercapai']);
    expect(await cells(limits.locator('tbody tr'))).toEqual([
      ['APBD-2026', 'APBD Kabupaten', 'Rp50.000', 'Rp50.000', 'Rp0', 'Tanpa kuota', '2', 'Pagu habis'],
      ['PROV-2026', 'APBD Provinsi', 'Tanpa pagu', 'Rp15.120', '–', '1', '1', 'Kuota penuh'],
    ]);
    await expect(limits.locator('tbody tr').first().locator('.badge--bad').textContent()).resolves.toBe('Pagu habis');

    const list = page.getByRole('table', { name: 'Peserta tidak terdanai November 2026: 5 peserta' });
    await list.waitFor();
    expect(await list.locator('thead th').allTextContents()).toEqual(['NIK', 'Nama', 'Desa', 'Iuran', 'Didanai', 'Tidak terdanai']);
    const rows = await cells(list.locator('tbody tr'));
    expect(rows.map((r) => r[0])).toEqual(PEOPLE.slice(1).map((p) => p.nik));
    // Bunga: Rp12.200 of the pagu left and the province's 40 % (Rp15.120); the others nothing
    expect(rows[0]).toEqual([PEOPLE[1].nik, 'Bunga Citra', expect.stringMatching(/\(17\.03\.06\.2001\)$/), 'Rp37.800', 'Rp27.320', 'Rp10.480']);
    expect(rows[3]).toEqual([PEOPLE[4].nik, 'Euis Rahayu', expect.stringMatching(/\(17\.03\.07\.2001\)$/), 'Rp37.800', 'Rp0', 'Rp37.800']);
    expect(await list.locator('tfoot tr').first().evaluate((tr: any) => Array.from(tr.children, (c: any) => c.textContent))).toEqual(['Jumlah di halaman ini', 'Rp189.000', 'Rp27.320', 'Rp161.680']);
    await page.getByText('5 peserta, Rp161.680 tidak terdanai pada November 2026 (seluruh desa).').waitFor();
    await screenshot(page, 'auditor-unfunded-participants');

    // the village filter, kept in the address
    await page.getByRole('form', { name: 'Saring peserta tidak terdanai' }).getByLabel('Desa/kelurahan').selectOption(OTHER);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const other = page.getByRole('table', { name: /^Peserta tidak terdanai November 2026 di .*17\.03\.07\.2001.*: 2 peserta$/ });
    await other.waitFor();
    expect((await cells(other.locator('tbody tr'))).map((r) => r[1])).toEqual(['Euis Rahayu', 'Fitri Handayani']);
    await page.getByText(/^2 peserta, Rp75\.600 tidak terdanai pada November 2026 di .*\(17\.03\.07\.2001\)\.$/).waitFor();
    expect(page.url()).toContain(`#/tidak-terdanai?month=${MONTH}&villageCode=${OTHER}&page=1`);

    // a village code without dots picks its village
    await page.goto(`${base}/console/#/tidak-terdanai?month=${MONTH}&villageCode=${KERKAP.replace(/\./g, '')}`);
    await page.getByRole('table', { name: /17\.03\.06\.2001.*: 3 peserta$/ }).waitFor();
    await expect(page.getByLabel('Desa/kelurahan').inputValue()).resolves.toBe(KERKAP);

    // the NIK opens the participant
    await page.getByRole('link', { name: PEOPLE[2].nik }).click();
    await page.getByRole('heading', { name: 'Citra Dewi' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('says when a month has none, and NOT_ALLOCATED for a month never allocated', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    // October was allocated with November (the months of the year before it), nobody covered yet
    await login(page, base, await userFor(t, Role.AUDITOR), '#/tidak-terdanai?month=2026-10');
    await page.getByText('Tidak ada peserta yang tidak terdanai pada Oktober 2026.').waitFor();
    await page.goto(`${base}/console/#/tidak-terdanai?month=2025-11`);
    await page.locator('.notice--error').getByText('Bulan November 2025 belum dialokasikan', { exact: false }).waitFor();
    await expect(page.locator('table').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('opens from the Dasbor\'s unfunded figure, from Alokasi\'s "Tidak terdanai" row, and from a village\'s totals', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), `#/dasbor?month=${MONTH}`);
    await page.getByRole('link', { name: 'Lihat peserta tidak terdanai' }).click();
    await page.getByRole('table', { name: 'Peserta tidak terdanai November 2026: 5 peserta' }).waitFor();

    await page.goto(`${base}/console/#/alokasi?month=${MONTH}`);
    await page.getByRole('table', { name: /^Total menurut/ }).getByRole('link', { name: 'Tidak terdanai' }).click();
    await page.getByRole('table', { name: 'Peserta tidak terdanai November 2026: 5 peserta' }).waitFor();

    // a village's totals have no Tidak terdanai row: a link below them opens that village's list (QA)
    await page.goto(`${base}/console/#/alokasi?month=${MONTH}&villageCode=${KERKAP}`);
    await page.getByRole('link', { name: 'Lihat peserta tidak terdanai di desa ini' }).click();
    await page.waitForURL(/#\/tidak-terdanai\?month=2026-11&villageCode=/);
    await page.getByRole('table', { name: /^Peserta tidak terdanai November 2026 di .*17\.03\.06\.2001.*: 3 peserta$/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
