import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth, insertParticipants } from '../funding/support/register.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';
import { type Page } from 'playwright-core';
import { VILLAGE } from './support/sheets.js';

/**
 * The participant page says, month by month, the premium owed, who paid what, and what nobody funded
 * (QA: NIK 1703015401501302 showed only APBD Provinsi Rp15.120 in December, not the Rp22.680 of its
 * Rp37.800 left unfunded, and a month nobody funded was not listed: an auditor could not tell a fully
 * funded month from a partly funded one).
 */
const NIK = '1703015401501302';
/** The seeded LOCAL tariff rows of 2026 under a month's Iuran (DOMAIN §3: Rp35.000 + Rp2.800 = Rp37.800). */
const TARIFF_2026 = 'Tarif: Iuran Rp35.000 (Perpres 64/2020) + Bantuan iuran daerah Rp2.800 (PMK 78/2020 jo. PMK 51/2024)';

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
      ['Desember 2026', `Rp37.800${TARIFF_2026}`, 'PROV-2026 rev. 1 · APBD Provinsi · Pemerintah Provinsi Bengkulu: Rp15.120', 'Rp15.120', 'Tidak terdanai Rp22.680'],
      // covered, and no pledge paid anything: listed all the same, all of it unfunded
      ['November 2026', `Rp37.800${TARIFF_2026}`, 'Tidak ada komitmen yang menanggung', 'Rp0', 'Tidak terdanai Rp37.800'],
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

  it("writes her village's long label in two lines on the Alokasi chart, reading and copying whole (QA: \"TJSLP (CSRperusahaan)\")", async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), '#/alokasi?month=2026-12&groupBy=village');
    // "Tanjung Raman (17.03.07.2001)", longer than the chart's 28 characters a line: broken at its space
    const chart = page.locator('svg.chart', { has: page.locator('.bar-label tspan') });
    await chart.waitFor();
    const twoLines = chart.locator('.bar-label', { has: page.locator('tspan') });
    await expect(twoLines.count()).resolves.toBe(1);
    await expect(twoLines.locator('tspan').allTextContents()).resolves.toEqual(['Tanjung Raman', ' (17.03.07.2001)']);
    const copied = await twoLines.evaluate((text: any) => {
      const selection = text.ownerDocument.getSelection();
      selection.selectAllChildren(text);
      const out = selection.toString();
      selection.removeAllRanges();
      return out;
    });
    expect(copied.replace(/\s+/g, ' ').trim()).toBe('Tanjung Raman (17.03.07.2001)');
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});

/**
 * The participant page marks a finalized month the register no longer covers (a death reported later: December stays
 * allocated, owed and finalized), and a finalized month the register covers now without an obligation (registered late)
 * is listed with Rp0 and says why, not "Belum ada iuran tercatat … (bulan yang belum dialokasikan tidak tampil)" (QA).
 */
const DEAD = '1703015401501302';
const LATE = '1703015401501303';
const GONE = 'Sudah difinalisasi; menurut daftar peserta saat ini tidak lagi ditanggung — koreksi dicatat sebagai penyesuaian di bulan terbuka';

describeInBrowser('console: finalized months that no longer match the register', () => {
  const app = browserApp(async (t) => {
    await insertParticipants(t.dataSource, [{ nik: DEAD, name: 'Sari Wulandari', village: '17.03.07.2001', tmt: '2026-11-01' }]);
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    await closeMonth(t.dataSource, '2026-12'); // November frozen by it
    // her death on 20 November, reported after December was finalized; and a resident registered after both months
    await t.dataSource.query(`UPDATE participant SET tat = '2026-11-20', end_reason = 'MENINGGAL' WHERE nik = $1`, [DEAD]);
    await insertParticipants(t.dataSource, [{ nik: LATE, name: 'Rina Lestari', village: '17.03.07.2001', tmt: '2026-11-01' }]);
  });

  const rowsOf = async (nik: string, name: string) => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/peserta/${nik}`);
    await page.getByRole('heading', { name }).waitFor();
    const history = page.getByRole('table', { name: 'Iuran dan pendanaan per bulan' });
    await history.waitFor();
    const rows = await history.locator('tbody tr').evaluateAll((trs: any[]) => trs.map((tr) => [tr.children[0].textContent, tr.children[1].textContent, tr.children[4].textContent]));
    expect(errors).toEqual([]);
    await context.close();
    return rows;
  };

  it('a death reported later: December, finalized and no longer covered, says so; November does not', async () => {
    expect(await rowsOf(DEAD, 'Sari Wulandari')).toEqual([
      ['Desember 2026 Difinalisasi', `Rp37.800${TARIFF_2026}`, `Tidak terdanai Rp37.800${GONE}`],
      ['November 2026 Dibekukan', `Rp37.800${TARIFF_2026}`, 'Tidak terdanai Rp37.800'], // frozen by December, not finalized itself
    ]);
  }, BROWSER_TIMEOUT);

  it('a late registration: the finalized months covered now are listed with Rp0 and why', async () => {
    const rows = await rowsOf(LATE, 'Rina Lestari');
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['Desember 2026 Difinalisasi', 'Rp0'], // no tariff line under Rp0: it is not made of the month's rows
      ['November 2026 Dibekukan', 'Rp0'],
    ]);
    // "difinalisasi" for the month finalized, "dibekukan" for the one it froze, as their badges say (QA)
    expect(rows[0][2]).toMatch(/^Sudah dialokasikan dan difinalisasi tanpa iuran peserta ini/);
    expect(rows[1][2]).toMatch(/^Sudah dialokasikan dan dibekukan tanpa iuran peserta ini/);
  }, BROWSER_TIMEOUT);
});

/**
 * Alokasi, opened on a filter its pickers do not list (a pledge code in the wrong case, a village outside
 * the regency): the API's 404 is said once, beside the filter, also when Unduh Excel is pressed, and the
 * "(tidak ada di daftar)" option stands for the address's value only until another value is picked.
 */
const UNKNOWN_VILLAGE = '17.03.99.2001';
const VILLAGE_404 = `Desa/kelurahan dengan kode "${UNKNOWN_VILLAGE}" tidak ada di Kabupaten Bengkulu Utara`;

describeInBrowser('console: Alokasi opened on a filter its pickers lack', () => {
  const app = browserApp(async (t) => {
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2026, scope: 'ALL' }).expect(201);
    await finance.post('/api/v1/pledges').send({ code: 'APBD_PROV-2026', sourceType: 'APBD_PROV', funder: 'Pemerintah Provinsi Bengkulu', fiscalYear: 2026, scope: 'ALL', sharePercent: 10 }).expect(201);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2027', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2027, scope: 'ALL' }).expect(201);
  });

  const filtersOf = (page: Page) => page.getByRole('form', { name: 'Saring alokasi' });
  const unlistedOptions = (page: Page, label: string) => filtersOf(page).getByLabel(label, { exact: true }).locator('option', { hasText: '(tidak ada di daftar)' });

  it('Unduh Excel on an unknown village downloads nothing and does not say the 404 a second time beside the button', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/alokasi?villageCode=${UNKNOWN_VILLAGE}`);
    const filters = filtersOf(page);
    await filters.locator('[data-field="villageCode"] .field-error').getByText(VILLAGE_404, { exact: false }).waitFor();

    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await page.getByRole('button', { name: 'Unduh Excel (semua hasil)' }).click();
    // QA: the button's line repeated the message shown beside the village picker
    await page.locator('.inline-status .error-text').getByText('Tidak diunduh: perbaiki saringan yang ditandai.').waitFor();
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
    const pledge = filters.getByLabel('Komitmen', { exact: true });
    await expect(unlistedOptions(page, 'Komitmen').count()).resolves.toBe(1);
    // QA: after picking the pledge meant, "apbd-2026 (tidak ada di daftar)" could still be picked again
    await pledge.selectOption('APBD-2026');
    await expect(unlistedOptions(page, 'Komitmen').count()).resolves.toBe(0);
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

  it('the pledge picker lists the chosen month\'s fiscal year only, APBD before APBD_PROV (QA: January 2027 listed 2026\'s pledges)', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), '#/alokasi?month=2027-01');
    const filters = filtersOf(page);
    const pledge = filters.getByLabel('Komitmen', { exact: true });
    await pledge.waitFor();
    const options = () => pledge.locator('option').allTextContents();
    await expect(options()).resolves.toEqual(['Semua komitmen', 'APBD-2027 – Pemerintah Kabupaten Bengkulu Utara']);
    // another month in the form: the picker follows it at once
    await filters.getByLabel('Bulan').fill('2026-10');
    await expect(options()).resolves.toEqual(['Semua komitmen', 'APBD-2026 – Pemerintah Kabupaten Bengkulu Utara', 'APBD_PROV-2026 – Pemerintah Provinsi Bengkulu']);
    // a pledge chosen stays chosen when the month moves to another year, its year said
    await pledge.selectOption('APBD_PROV-2026');
    await filters.getByLabel('Bulan').fill('2027-01');
    await expect(pledge.inputValue()).resolves.toBe('APBD_PROV-2026');
    await expect(options()).resolves.toEqual(['Semua komitmen', 'APBD-2027 – Pemerintah Kabupaten Bengkulu Utara', 'APBD_PROV-2026 – Pemerintah Provinsi Bengkulu (tahun anggaran 2026)']);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
