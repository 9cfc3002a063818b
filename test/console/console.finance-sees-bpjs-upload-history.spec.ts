/**
 * The BPJS inputs page in the browser: under each form, the earlier uploads of the month chosen in
 * it (version, when, by whom, which file, counts and the bill's totals), refreshed after an upload and when the month changes, with
 * the row report of a version that had rejected rows; uploading a PBI-APBN list; the month picked kept
 * in the address. The auditor reads the same histories, without the forms.
 */
import { expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';
import { downloadWorkbook, sheetRows, tableRows } from './support/downloads.js';
import { billCsv, PEOPLE } from './support/sheets.js';

const MONTH = '2026-10';
/** The test app's clock (2026-11-15T03:00:00Z) stamps every upload. */
const UPLOADED_AT = '15 November 2026 10.00 WIB';
const FIXTURES = join(process.cwd(), 'test', 'fixtures');

describeInBrowser('console: finance sees the upload history of the month on the BPJS inputs page', () => {

  const app = browserApp(async (t) => {
    // A first version of October's bill, uploaded earlier by another finance officer (through the API).
    const bill = billCsv(PEOPLE.slice(0, 2).map((p) => ({ noka: p.noka!, nik: p.nik, name: p.name, amount: 37800 })));
    await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', MONTH).field('invoiceTotal', '75600').attach('file', Buffer.from(bill), 'tagihan-awal.csv').expect(201);
  });

  const sectionOf = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });

  it('bill: the month\'s versions, a new one with rejected rows, and its row report from the history', async () => {
    const { t, base, browser } = app;
    const officer = await userFor(t, Role.KEUANGAN, '2');
    const { context, page, errors } = await openPage(browser);
    await login(page, base, officer, '#/tagihan');
    const bills = sectionOf(page, 'Tagihan BPJS');

    // Choosing October shows the version uploaded before.
    await bills.getByLabel('Bulan').fill(MONTH);
    const history = bills.getByRole('table', { name: 'Riwayat unggahan tagihan Oktober 2026' });
    await history.waitFor();
    expect(await tableRows(history)).toEqual([['1 terbaru', UPLOADED_AT, 'uji-keuangan', 'tagihan-awal.csv', '2', 'Rp75.600', 'Rp75.600', '0', '0', '–', 'Unduh baris tagihan (.xlsx)']]);

    // A second version with three unreadable rows (a NIK with letters, a formula, a fraction).
    await bills.getByLabel('Total invoice (Rp)').fill('75.600');
    await bills.locator('input[type="file"]').setInputFiles(join(FIXTURES, 'bills', 'not-ok', 'report-rows.csv'));
    await bills.getByRole('button', { name: 'Unggah tagihan' }).click();
    await bills.getByText('Tagihan Oktober 2026 tersimpan (versi 2).').waitFor();

    // The history is refreshed: the new version on top, by this officer, with its report.
    await history.locator('tbody tr').nth(1).waitFor();
    const rows = await tableRows(history);
    expect(rows[0]).toEqual(['2 terbaru', UPLOADED_AT, officer.username, 'report-rows.csv', '1', 'Rp75.600', 'Rp37.800', '3', '0', 'Unduh', 'Unduh baris tagihan (.xlsx)']);
    expect(rows[1]).toEqual(['1', UPLOADED_AT, 'uji-keuangan', 'tagihan-awal.csv', '2', 'Rp75.600', 'Rp75.600', '0', '0', '–', 'Unduh baris tagihan (.xlsx)']);
    // at 1366 px the eleven columns fit their box: no sideways scroll to reach Baris tagihan's download (QA)
    expect(await history.evaluate((t) => t.scrollWidth <= t.closest('.table-wrap')!.clientWidth)).toBe(true);
    const lines = await history.getByRole('button', { name: 'Unduh baris tagihan (.xlsx)' }).first().boundingBox();
    expect(lines!.x + lines!.width).toBeLessThanOrEqual(1366);
    await screenshot(page, 'finance-bpjs-upload-history');

    // The row report of version 2, from the history row: its first sheet repeats the rejected rows.
    const v2 = history.locator('tbody tr').first();
    const { name, workbook } = await downloadWorkbook(() => v2.getByRole('button', { name: 'Unduh', exact: true }).click(), page);
    expect(name).toBe('laporan-tagihan-2026-10-v2.xlsx');
    const fix = sheetRows(workbook.worksheets[0]);
    expect(workbook.worksheets[0].name).toBe('Perbaiki');
    expect(fix[0]).toEqual(['NOKA', 'NIK', 'NAMA', 'IURAN', 'BARIS', 'STATUS', 'KETERANGAN']);
    expect(fix.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['0001234567891', '17030601018OOO02', 'NIK berhuruf', '37800', 3, 'DITOLAK'],
      ['0001234567892', '1703060101800003', 'Iuran rumus', '=1+1', 4, 'DITOLAK'],
      ['0001234567893', '1703060101800004', 'Iuran pecahan', '37800.5', 5, 'DITOLAK'],
    ]);
    await v2.getByText('Diunduh: laporan-tagihan-2026-10-v2.xlsx').waitFor();

    // Another month: a sentence, no empty table; back to October: the two versions again.
    await bills.getByLabel('Bulan').fill('2026-09');
    await bills.getByText('Belum ada tagihan yang diunggah untuk September 2026.').waitFor();
    await expect(bills.getByRole('table', { name: /Riwayat unggahan/ }).count()).resolves.toBe(0);
    await bills.getByLabel('Bulan').fill(MONTH);
    await history.locator('tbody tr').nth(1).waitFor();
    expect((await tableRows(history)).map((r) => r[0])).toEqual(['2 terbaru', '1']);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a corrected bill a few lines shorter says plainly which version it replaced; one with at most half the lines warns (QA: 2823 for 2826 read as "only fixed rows")', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/tagihan?month=2026-08');
    const bills = sectionOf(page, 'Tagihan BPJS');
    const upload = async (people: typeof PEOPLE, version: number) => {
      const csv = billCsv(people.map((p) => ({ noka: p.noka!, nik: p.nik, name: p.name, amount: 37800 })));
      await bills.getByLabel('Total invoice (Rp)').fill(String(people.length * 37800));
      await bills.locator('input[type="file"]').setInputFiles({ name: `tagihan-v${version}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await bills.getByRole('button', { name: 'Unggah tagihan' }).click();
      await bills.getByText(`Tagihan Agustus 2026 tersimpan (versi ${version}).`).waitFor();
    };
    await upload(PEOPLE.slice(0, 4), 1);
    await upload(PEOPLE.slice(0, 3), 2); // BPJS removed a line
    await bills.getByText('Versi ini menggantikan versi 1 (4 baris tagihan) sebagai tagihan Agustus 2026.').waitFor();
    await expect(bills.locator('.notice--warning', { hasText: 'Versi baru ini memuat' }).count()).resolves.toBe(0);
    await upload(PEOPLE.slice(0, 1), 3); // only the row fixed
    await bills.locator('.notice--warning', { hasText: 'Versi baru ini memuat 1 baris tagihan, sedangkan versi 2 yang digantikannya memuat 3.' }).waitFor();
    await expect(bills.getByText('Versi ini menggantikan versi').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('PBI-APBN list: upload with a rejected NIK, the count of NIKs, and the report from the history', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/tagihan');
    const pbi = sectionOf(page, 'Daftar PBI APBN');

    await pbi.getByLabel('Bulan').fill(MONTH);
    await pbi.getByText('Belum ada daftar PBI APBN yang diunggah untuk Oktober 2026.').waitFor();

    // Four rows: one NIK twice, one NIK from outside the register (kept), one too short (rejected).
    await pbi.locator('input[type="file"]').setInputFiles(join(FIXTURES, 'pbi-apbn', 'ok', 'pbi-apbn-2026-10.csv'));
    await pbi.getByRole('button', { name: 'Unggah daftar PBI APBN' }).click();
    await pbi.getByText('Daftar PBI APBN Oktober 2026 tersimpan (versi 1): 2 NIK.').waitFor();
    const issues = await tableRows(pbi.getByRole('table', { name: 'Baris ditolak dan peringatan (1 baris)' }));
    expect(issues).toEqual([['5', 'Ditolak', 'NIK', 'NIK "17030601018" harus 16 digit angka.']]);

    const history = pbi.getByRole('table', { name: 'Riwayat unggahan daftar PBI APBN Oktober 2026' });
    await history.waitFor();
    expect(await tableRows(history)).toEqual([['1 terbaru', UPLOADED_AT, 'uji-keuangan', 'pbi-apbn-2026-10.csv', '2', '1', '0', 'Unduh']]);

    const { name, workbook } = await downloadWorkbook(() => history.getByRole('button', { name: 'Unduh' }).click(), page);
    expect(name).toBe('laporan-pbi-apbn-2026-10-v1.xlsx');
    expect(sheetRows(workbook.worksheets[0])).toEqual([
      ['NIK', 'BARIS', 'STATUS', 'KETERANGAN'],
      ['17030601018', 5, 'DITOLAK', 'NIK "17030601018" harus 16 digit angka.'],
    ]);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('opens on the month in the address (the run page links "#/tagihan?month="), and says a month it cannot read', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await page.clock.setFixedTime(t.clock.now()); // the server's day, 15 November 2026: the usual month is October
    // QA: the page ignored ?month and opened on the month before this one, so a bill could go to the wrong month
    await login(page, base, await userFor(t, Role.KEUANGAN), `#/tagihan?month=${MONTH}`);
    const bills = sectionOf(page, 'Tagihan BPJS');
    const pbi = sectionOf(page, 'Daftar PBI APBN');
    const history = bills.getByRole('table', { name: 'Riwayat unggahan tagihan Oktober 2026' });
    await history.waitFor();
    // October's first version (later tests of this file may have added a second)
    const first = (await tableRows(history)).at(-1)!;
    expect(first[0]).toMatch(/^1( terbaru)?$/);
    expect(first.slice(1, 3)).toEqual([UPLOADED_AT, 'uji-keuangan']);
    await expect(bills.getByLabel('Bulan').inputValue()).resolves.toBe(MONTH);
    await expect(pbi.getByLabel('Bulan').inputValue()).resolves.toBe(MONTH);
    await pbi.getByText(/daftar PBI APBN .*Oktober 2026/).first().waitFor();
    await screenshot(page, 'finance-bpjs-month-from-address');

    // a month that is not one: said, and the page opens on its usual month (the one before this one), not the one
    // picked last (September, so the usual October cannot pass for a month kept from before)
    await bills.getByLabel('Bulan').fill('2026-09');
    await bills.getByText('Belum ada tagihan yang diunggah untuk September 2026.').waitFor();
    await page.goto(`${base}/console/#/tagihan?month=2026-13`);
    await page.getByText('Bulan "2026-13" di alamat tidak valid (gunakan YYYY-MM, mis. 2026-10); yang ditampilkan Oktober 2026.').waitFor();
    await expect(sectionOf(page, 'Tagihan BPJS').getByLabel('Bulan').inputValue()).resolves.toBe('2026-10');
    await expect(sectionOf(page, 'Daftar PBI APBN').getByLabel('Bulan').inputValue()).resolves.toBe('2026-10');
    await screenshot(page, 'finance-bpjs-month-invalid');

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('the month picked in either form goes into the address, so a reload opens both forms on it', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    // QA: the page read ?month= but never wrote it, so a reload or a shared link lost the month picked
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/tagihan?month=2026-09');
    const bills = sectionOf(page, 'Tagihan BPJS');
    const pbi = sectionOf(page, 'Daftar PBI APBN');
    await bills.getByText('Belum ada tagihan yang diunggah untuk September 2026.').waitFor();

    await bills.getByLabel('Bulan').fill(MONTH);
    await bills.getByRole('table', { name: 'Riwayat unggahan tagihan Oktober 2026' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/tagihan?month=${MONTH}`);
    await pbi.getByLabel('Bulan').fill('2026-08');
    await pbi.getByText('Belum ada daftar PBI APBN yang diunggah untuk Agustus 2026.').waitFor();
    expect(new URL(page.url()).hash).toBe('#/tagihan?month=2026-08');
    // a field emptied is no month to keep: the address keeps the last one
    await pbi.getByLabel('Bulan').fill('');
    await pbi.getByText('Isi bulan (YYYY-MM) untuk melihat riwayat unggahan daftar PBI APBN.').waitFor();
    expect(new URL(page.url()).hash).toBe('#/tagihan?month=2026-08');

    await page.reload();
    await sectionOf(page, 'Daftar PBI APBN').getByText('Belum ada daftar PBI APBN yang diunggah untuk Agustus 2026.').waitFor();
    await expect(sectionOf(page, 'Tagihan BPJS').getByLabel('Bulan').inputValue()).resolves.toBe('2026-08');
    await expect(sectionOf(page, 'Daftar PBI APBN').getByLabel('Bulan').inputValue()).resolves.toBe('2026-08');

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a file with no acceptable row: refused, and the rows that failed are listed under the form', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/tagihan');
    const pbi = sectionOf(page, 'Daftar PBI APBN');
    await pbi.getByLabel('Bulan').fill('2026-11');
    await pbi.locator('input[type="file"]').setInputFiles({ name: 'pbi-salah.csv', mimeType: 'text/csv', buffer: Buffer.from('NIK\n17030601018\nabc\n') });
    await pbi.getByRole('button', { name: 'Unggah daftar PBI APBN' }).click();
    const refused = pbi.getByRole('table', { name: 'Baris ditolak (2)' });
    await refused.waitFor();
    expect(await tableRows(refused)).toEqual([
      ['2', 'Ditolak', 'NIK', 'NIK "17030601018" harus 16 digit angka.'],
      ['3', 'Ditolak', 'NIK', 'NIK "abc" bukan NIK: bila baris ini tanda tangan atau keterangan di bawah daftar, hapus baris ini dari berkas.'], // words, no digit (NOT_LIST_ROW)
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
  it('the auditor reads the same histories, with no form (QA: the bills were readable through the API only)', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/tagihan?month=${MONTH}`);
    const bills = sectionOf(page, 'Tagihan BPJS');
    const history = bills.getByRole('table', { name: 'Riwayat unggahan tagihan Oktober 2026' });
    await history.waitFor();
    const rows = await tableRows(history);
    expect(rows.at(-1)!.slice(1)).toEqual([UPLOADED_AT, 'uji-keuangan', 'tagihan-awal.csv', '2', 'Rp75.600', 'Rp75.600', '0', '0', '–', 'Unduh baris tagihan (.xlsx)']); // version 1
    // every line of version 1, as stored (QA: the auditor could not get the lines that were reconciled)
    const v1 = history.locator('tbody tr').last();
    const lines = await downloadWorkbook(() => v1.getByRole('button', { name: 'Unduh baris tagihan (.xlsx)' }).click(), page);
    expect(lines.name).toBe('baris-tagihan-2026-10-v1.xlsx');
    const stored = sheetRows(lines.workbook.getWorksheet('Baris Tagihan')!);
    const header = stored.findIndex((r) => r[0] === 'Baris Berkas');
    expect(stored.slice(header + 1, header + 3).map((r) => [r[1], r[4]])).toEqual(PEOPLE.slice(0, 2).map((p) => [p.nik, 37800]));
    expect(stored[header + 3][0]).toBe('JUMLAH');
    await expect(bills.getByRole('cell', { name: 'tagihan-awal.csv' }).locator('span').getAttribute('title')).resolves.toMatch(/^SHA-256 [0-9a-f]{64}$/);
    // the list uploaded above (or, run alone, none yet)
    const pbi = sectionOf(page, 'Daftar PBI APBN');
    await pbi.getByRole('table', { name: 'Riwayat unggahan daftar PBI APBN Oktober 2026' }).or(pbi.getByText('Belum ada daftar PBI APBN yang diunggah untuk Oktober 2026.')).waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Unggah/ }).count()).toBe(0);

    // another month, chosen on the page
    await page.getByRole('textbox', { name: 'Bulan' }).fill('2026-09');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await bills.getByText('Belum ada tagihan yang diunggah untuk September 2026.').waitFor();
    expect(page.url()).toMatch(/#\/tagihan\?month=2026-09$/);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
