/**
 * Komitmen in the browser: the pledge sheets saved are listed under the upload form (file, when, who,
 * accepted, refused) with the row report of the refused rows, as the Pembayaran page lists payment
 * sheets, and are there again after leaving the page. Refused `Daftar` rows are counted apart (Daftar
 * ditolak), and a sheet whose only refused rows are on `Daftar` offers its report too (QA). A dry run is not stored: not listed, its
 * refused rows offered as CSV. An auditor sees the same list (who uploaded which sheet) and its reports. The pledge form offers the source types in DOMAIN §5's order.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { downloadWorkbook, sheetRows, tableRows } from './support/downloads.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHEET = [
  'KODE,SUMBER,PEMBERI_DANA,TAHUN,CAKUPAN,KODE_DESA,PERSEN',
  'TJSLP-BANK-2026,TJSLP,PT Bank Bengkulu,2026,VILLAGES,17.03.06.2001,50',
  'TJSLP-SALAH-2026,TJSLP,PT Salah Kode,2026,VILLAGES,1703999999,100',
].join('\n');

describeInBrowser('console: the pledge sheet history on Komitmen', () => {
  const app = browserApp();

  it('lists the saved sheets with their report, not the dry runs', async () => {
    const { t, base, browser } = app;
    const officer = await userFor(t, Role.KEUANGAN);
    const { context, page, errors } = await openPage(browser);
    await login(page, base, officer, '#/komitmen?tahun=2026');
    await page.getByText('Belum ada lembar komitmen yang diunggah.').waitFor();
    const sheet = page.getByRole('form', { name: 'Unggah lembar komitmen' });
    const file = { name: 'komitmen-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(`${SHEET}\n`) };

    // a dry run: checked, not stored, so not listed; its refused rows as CSV
    await sheet.locator('input[type="file"]').setInputFiles(file);
    await sheet.getByLabel('Periksa saja, jangan simpan').check();
    await sheet.getByRole('button', { name: 'Unggah komitmen' }).click();
    await sheet.getByText('Hanya diperiksa, tidak ada yang disimpan: 1 komitmen dapat disimpan, 1 baris ditolak.').waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), sheet.getByRole('button', { name: 'Unduh daftar baris bermasalah (.csv)' }).click()]);
    expect(csv.suggestedFilename()).toBe('baris-bermasalah-komitmen-2026.csv');
    const lines = readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['Lembar,Baris,Kolom,Pesan', expect.stringMatching(/^Komitmen,3,KODE_DESA,.*Kode desa tidak dikenal/)]);
    expect(await page.getByText('Belum ada lembar komitmen yang diunggah.').count()).toBe(1);

    // saved: listed at once, with who, when, the counts and the report
    await sheet.getByLabel('Periksa saja, jangan simpan').uncheck();
    await sheet.locator('input[type="file"]').setInputFiles(file);
    await sheet.getByRole('button', { name: 'Unggah komitmen' }).click();
    await sheet.getByText('Lembar diproses: 1 komitmen tersimpan, 1 baris ditolak.').waitFor();
    const history = page.getByRole('table', { name: 'Riwayat unggahan lembar komitmen' });
    await history.waitFor();
    expect(await tableRows(history)).toEqual([['15 November 2026 10.00 WIB', officer.username, 'komitmen-2026.csv', '1', '1', '0', 'Unduh']]);

    // found again after leaving the page, and its report downloaded from the list
    await page.goto(`${base}/#/pembayaran`);
    await page.getByRole('heading', { name: 'Pembayaran' }).first().waitFor();
    await page.goto(`${base}/#/komitmen?tahun=2026`);
    await history.waitFor();
    const report = await downloadWorkbook(() => history.getByRole('button', { name: 'Unduh' }).click(), page);
    expect(report.name).toMatch(/^laporan-unggahan-komitmen-komitmen-2026-2026-11-15-[0-9a-f]{8}\.xlsx$/);
    // laid out as the file was: KODE_DESA its sixth column
    expect(sheetRows(report.workbook.getWorksheet('Perbaiki')!).map((r) => [r[0], r[5], r[15], r[16]])).toEqual([
      ['KODE', 'KODE_DESA', 'BARIS', 'STATUS'],
      ['TJSLP-SALAH-2026', '1703999999', 3, 'DITOLAK'],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a sheet whose only refused rows are on Daftar says so, heads the table by rows and lists its report', async () => {
    const { t, base, browser } = app;
    const officer = await userFor(t, Role.KEUANGAN, 'daftar');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Komitmen').addRows([['KODE', 'SUMBER', 'PEMBERI_DANA', 'TAHUN', 'CAKUPAN', 'PERSEN'], ['QA-DAF-2027', 'APBD', 'Pemkab', 2027, 'ALL', 1]]);
    wb.addWorksheet('Daftar').addRows([['KODE', 'NILAI'], ['QA-DAF-2027', '17.03.01.2001'], ['QA-TYPO-2027', '1703011505900901']]);
    const { context, page, errors } = await openPage(browser);
    await login(page, base, officer, '#/komitmen?tahun=2027');
    const sheet = page.getByRole('form', { name: 'Unggah lembar komitmen' });
    await sheet.locator('input[type="file"]').setInputFiles({ name: 'daftar-2027.xlsx', mimeType: XLSX, buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await sheet.getByRole('button', { name: 'Unggah komitmen' }).click();
    await sheet.getByText('Lembar diproses: 1 komitmen tersimpan, 2 baris Daftar ditolak.').waitFor();
    const stat = (label: string) => sheet.locator('.stat', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first().textContent();
    expect([await stat('Ditolak'), await stat('Baris Daftar ditolak')]).toEqual(['0', '2']);
    expect((await tableRows(sheet.getByRole('table', { name: 'Baris ditolak (2 baris)' }))).map((r) => r.slice(0, 2))).toEqual([['Daftar', '2'], ['Daftar', '3']]);
    expect(await sheet.getByRole('button', { name: 'Unduh laporan baris bermasalah (.xlsx)' }).count()).toBe(1);
    const history = page.getByRole('table', { name: 'Riwayat unggahan lembar komitmen' });
    const row = history.locator('tbody tr', { hasText: 'daftar-2027.xlsx' });
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).slice(3)).toEqual(['1', '0', '2', 'Unduh']);
    const report = await downloadWorkbook(() => row.getByRole('button', { name: 'Unduh' }).click(), page);
    expect(sheetRows(report.workbook.getWorksheet('Daftar')!).map((r) => [r[0], r[3]])).toEqual([['KODE', 'STATUS'], ['QA-DAF-2027', 'DITOLAK'], ['QA-TYPO-2027', 'DITOLAK']]);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('an auditor sees who uploaded which pledge sheet, with its report, and no upload form', async () => {
    const { t, base, browser } = app;
    const finance = await t.as(Role.KEUANGAN);
    const sheet = SHEET.replaceAll('-2026', '-AUDIT-2026');
    await finance.post('/api/v1/pledge-uploads').attach('file', Buffer.from(`${sheet}\n`), 'komitmen-diperiksa.csv').expect(201);
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), '#/komitmen?tahun=2026');
    const history = page.getByRole('table', { name: 'Riwayat unggahan lembar komitmen' });
    await history.waitFor();
    expect(await page.getByRole('heading', { name: 'Lembar komitmen yang diunggah' }).count()).toBe(1);
    expect(await page.getByRole('form', { name: 'Unggah lembar komitmen' }).count()).toBe(0);
    const row = history.locator('tbody tr', { hasText: 'komitmen-diperiksa.csv' });
    expect(await row.locator('td').allTextContents()).toEqual(['15 November 2026 10.00 WIB', 'uji-keuangan', 'komitmen-diperiksa.csv', '1', '1', '0', 'Unduh']);
    const report = await downloadWorkbook(() => row.getByRole('button', { name: 'Unduh' }).click(), page);
    expect(sheetRows(report.workbook.getWorksheet('Perbaiki')!)[1][0]).toBe('TJSLP-SALAH-AUDIT-2026');
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('offers the source types APBD first, as DOMAIN §5 lists them', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN, 'form'), '#/komitmen/baru');
    const source = page.getByLabel('Sumber dana');
    await source.waitFor();
    expect(await source.locator('option').evaluateAll((os: any[]) => os.map((o) => o.value))).toEqual(['APBD', 'APBD_PROV', 'DESA', 'TJSLP']);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
