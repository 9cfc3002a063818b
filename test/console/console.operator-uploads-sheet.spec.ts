/**
 * Operator's main path in the browser: drop an enrollment sheet with bad rows onto the upload page,
 * follow the background processing, read the rejected rows, download the report and the template,
 * then find an accepted participant.
 */
import { expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';
import { enrollmentCsv, PEOPLE } from './support/sheets.js';

describeInBrowser('console: operator uploads a sheet with bad rows and downloads the report', () => {
  // Every upload goes to the background, so the page has to poll for progress.
  const app = browserApp(undefined, { uploadBackgroundBytes: 1 });

  it('shows counts and rejected rows, and offers the report and the template', async () => {
    const { t, base, browser } = app;
    const sheet = enrollmentCsv([
      ...PEOPLE,
      { nik: '1701061205800009', name: 'Fajar Dari Kaur' }, // issued elsewhere: warning only
      { nik: '17030612058A0007', name: 'Gita Salah Nik' }, // letters: rejected
      { nik: '1703061205800008', name: 'Hadi Desa Asing', village: '17.03.06.9999' }, // unknown village: rejected
    ]);
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.OPERATOR_DINKES));

    // The operator lands on the upload page and sees only the operator's pages.
    await page.getByRole('heading', { name: 'Unggah Daftar Peserta' }).waitFor();
    const menu = await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link').allTextContents();
    expect(menu).toEqual(['Unggah Peserta', 'Cari Peserta']);

    // Drop the file on the drop zone (as a person dragging it from the file manager would).
    const dataTransfer = await page.evaluateHandle((content) => {
      const browser = globalThis as any; // runs in the page
      const dt = new browser.DataTransfer();
      dt.items.add(new browser.File([content], 'peserta-oktober.csv', { type: 'text/csv' }));
      return dt;
    }, sheet);
    await page.dispatchEvent('.dropzone', 'drop', { dataTransfer });
    await expect(page.locator('.file-name').textContent()).resolves.toContain('peserta-oktober.csv');
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();

    const result = page.locator('section', { has: page.getByRole('heading', { name: 'Hasil unggahan' }) });
    await result.waitFor();
    const stat = (label: string) => result.locator('.stat', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first().textContent();
    expect(await stat('Baris dibaca')).toBe('8');
    expect(await stat('Diterima')).toBe('6');
    expect(await stat('Ditolak')).toBe('2');
    expect(await stat('Diterima dengan peringatan')).toBe('1');

    // The rejected and warned rows with their messages, by row number (row 1 is the header).
    const issues = result.getByRole('table', { name: /Baris ditolak dan peringatan/ });
    await issues.waitFor();
    const rows = await issues.locator('tbody tr').evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.children, (td: any) => (td.textContent ?? '') as string)));
    const byRow = new Map(rows.map((r) => [r[0], r]));
    expect(byRow.get('7')?.[1]).toBe('Peringatan');
    expect(byRow.get('8')?.[1]).toBe('Ditolak');
    expect(byRow.get('9')?.[1]).toBe('Ditolak');
    for (const r of rows) expect(r[3].length).toBeGreaterThan(5);
    await screenshot(page, 'operator-upload-result');

    // The report workbook: the two rejected rows (and the warned one) with an error column.
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Unduh laporan baris bermasalah/ }).first().click()]);
    expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await report.path())!) as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(cells).toEqual(expect.arrayContaining(['17030612058A0007', '1703061205800008']));

    // The template.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh templat (.xlsx)' }).click()]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(readFileSync((await template.path())!).subarray(0, 2).toString()).toBe('PK');

    // The upload is in the history, and an accepted participant can be found by NIK.
    await expect(page.getByRole('table', { name: 'Unggahan terakhir' }).textContent()).resolves.toContain('peserta-oktober.csv');
    await page.getByRole('link', { name: 'Cari Peserta' }).click();
    await page.getByLabel('NIK').fill(PEOPLE[1].nik);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('heading', { name: PEOPLE[1].name }).waitFor();
    const changes = await page.getByRole('table', { name: /Perubahan data peserta/ }).textContent();
    expect(changes).toContain('Didaftarkan');
    expect(changes).toContain('peserta-oktober.csv'); // the upload by its file name, not its id alone
    // and its id below the name, small and muted (README; QA: only a hover title had it)
    const [upload] = await t.dataSource.query(`SELECT id FROM enrollment_upload WHERE filename = 'peserta-oktober.csv'`);
    const uploadCell = page.getByRole('table', { name: /Perubahan data peserta/ }).locator('tbody tr').first().locator('td').last();
    await expect(uploadCell.locator('.upload-id.hint').textContent()).resolves.toBe(upload.id);
    expect(await uploadCell.innerText()).toBe(`peserta-oktober.csv\n${upload.id}`);

    // Readable on a phone too.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/console/#/unggah-peserta`);
    await page.getByRole('heading', { name: 'Unggah Daftar Peserta' }).waitFor();
    await screenshot(page, 'operator-upload-phone');

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
