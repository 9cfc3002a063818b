/**
 * Komitmen in the browser: a finance officer downloads the pledge template, uploads a pledge sheet with one
 * bad row, sees the row refused (sheet, row, column, message) and the pledge created, in the answer and in the
 * year's list, and downloads the stored sheet's row report; the auditor's Komitmen page has no upload.
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';
import { downloadWorkbook, sheetRows, tableRows } from './support/downloads.js';

const SHEET = [
  'KODE,SUMBER,PEMBERI_DANA,TAHUN,CAKUPAN,KODE_DESA,PERSEN',
  'TJSLP-BANK-2026,TJSLP,PT Bank Bengkulu,2026,VILLAGES,17.03.06.2001,50',
  'TJSLP-SALAH-2026,TJSLP,PT Salah Kode,2026,VILLAGES,1703999999,100',
].join('\n');

describeInBrowser('console: finance uploads a pledge sheet', () => {
  const app = browserApp();

  it('saves the good row, reports the bad one, lists the new pledge and offers the row report of the refused rows', async () => {
    const { t, base, browser } = app;
    const officer = await userFor(t, Role.KEUANGAN);
    const { context, page, errors } = await openPage(browser);
    await login(page, base, officer, '#/komitmen?tahun=2026');
    await page.getByText('Belum ada komitmen untuk tahun 2026.').waitFor();
    const sheet = page.getByRole('form', { name: 'Unggah lembar komitmen' });

    const template = await downloadWorkbook(() => sheet.getByRole('button', { name: 'Unduh templat (.xlsx)' }).click(), page);
    expect(template.name).toBe('templat-komitmen-pendanaan.xlsx');

    await sheet.locator('input[type="file"]').setInputFiles({ name: 'komitmen-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(`${SHEET}\n`) });
    // checked first, then saved from the answer: the file stays chosen (QA: it had to be picked again)
    await sheet.getByLabel('Periksa saja, jangan simpan').check();
    await sheet.getByRole('button', { name: 'Unggah komitmen' }).click();
    await sheet.getByText('Hanya diperiksa, tidak ada yang disimpan: 1 komitmen dapat disimpan, 1 baris ditolak.').waitFor();
    await sheet.getByRole('button', { name: 'Simpan lembar ini' }).click();
    await sheet.getByText('Lembar diproses: 1 komitmen tersimpan, 1 baris ditolak.').waitFor();
    await expect(sheet.getByLabel('Periksa saja, jangan simpan').isChecked()).resolves.toBe(false);
    const stat = (label: string) => sheet.locator('.stat', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first().textContent();
    expect([await stat('Baris dibaca'), await stat('Diterima'), await stat('Ditolak')]).toEqual(['2', '1', '1']);
    expect(await tableRows(sheet.getByRole('table', { name: 'Komitmen tersimpan (1)' }))).toEqual([['2', 'TJSLP-BANK-2026', '–']]);
    const refused = await tableRows(sheet.getByRole('table', { name: 'Baris ditolak (1 baris)' }));
    expect(refused).toEqual([['Komitmen', '3', 'Ditolak', 'KODE_DESA', expect.stringContaining('Kode desa tidak dikenal')]]);

    // the sheet was stored: its refused rows as its row report, to fix and upload again
    const report = await downloadWorkbook(() => sheet.getByRole('button', { name: 'Unduh laporan baris bermasalah (.xlsx)' }).click(), page);
    expect(report.name).toMatch(/^laporan-unggahan-komitmen-komitmen-2026-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.xlsx$/);
    const perbaiki = sheetRows(report.workbook.getWorksheet('Perbaiki')!);
    // read by header: the report lays the file's columns out in its order, the ones it lacked after them
    const at = (name: string) => perbaiki[0].indexOf(name);
    expect(perbaiki[0].slice(0, 7)).toEqual(SHEET.split('\n')[0].split(','));
    expect(perbaiki.map((r) => [r[at('KODE')], r[at('KODE_DESA')], r[at('BARIS')], r[at('STATUS')]])).toEqual([
      ['KODE', 'KODE_DESA', 'BARIS', 'STATUS'],
      ['TJSLP-SALAH-2026', '1703999999', 3, 'DITOLAK'],
    ]);
    expect(await sheet.getByRole('button', { name: 'Unduh daftar baris bermasalah (.csv)' }).count()).toBe(0);

    // the year's list now has the pledge
    const list = page.getByRole('table', { name: 'Komitmen tahun 2026' });
    await list.waitFor();
    expect((await tableRows(list)).map((r) => r.slice(0, 2))).toEqual([['TJSLP-BANK-2026', 'PT Bank Bengkulu']]);
    await screenshot(page, 'finance-pledge-sheet');
    await sheet.getByRole('link', { name: 'TJSLP-BANK-2026' }).click();
    await page.getByRole('heading', { name: /TJSLP-BANK-2026/ }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it("has no upload on the auditor's Komitmen page", async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), '#/komitmen?tahun=2026');
    await page.getByRole('heading', { name: 'Komitmen Dana' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('form', { name: 'Pilih tahun anggaran' }).count()).toBe(1);
    expect(await page.getByRole('form', { name: 'Unggah lembar komitmen' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
