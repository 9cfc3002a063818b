/**
 * The native file and date inputs follow the browser's language ("Choose File / No file chosen",
 * mm/dd/yyyy); in an English browser the console still says them in Indonesian: every upload page's file
 * chooser is a "Pilih berkas…" button over a visually hidden input with the chosen file's name beside it,
 * and a picked or typed date is written out with its weekday under the picker.
 */
import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, fileChooserOf, login, openPage, screenshot, userFor } from './support/browser.js';
import { tableRows } from './support/downloads.js';

const ENGLISH = { locale: 'en-US' };
const SHEET = ['KODE,SUMBER,PEMBERI_DANA,TAHUN,CAKUPAN,KODE_DESA,PERSEN', 'TJSLP-BANK-2026,TJSLP,PT Bank Bengkulu,2026,VILLAGES,17.03.06.2001,50'].join('\n');

/**
 * Every file input of the page: whether it is drawn (more than a 1×1 px clip), the visible texts of the
 * labels that name it, and the text beside it that names the chosen file.
 */
function fileInputs(page: Page) {
  return page.locator('input[type="file"]').evaluateAll((inputs: any[]) =>
    inputs.map((input) => {
      const box = input.getBoundingClientRect();
      const shown = (el: any) => el.getBoundingClientRect().width > 1 && el.checkVisibility();
      return {
        drawn: box.width > 1 || box.height > 1,
        labels: Array.from(input.labels as any[]).filter(shown).map((l) => l.textContent.trim()),
        chosen: (input.getAttribute('aria-describedby') ?? '').split(' ').map((id: string) => input.ownerDocument.getElementById(id)).find((el: any) => el?.classList.contains('file-name'))?.textContent,
      };
    }),
  );
}

describeInBrowser('console: file and date inputs in Indonesian in an English browser', () => {
  const app = browserApp();

  it('shows "Pilih berkas…" and no bare native file input on every upload page', async () => {
    const { t, base, browser } = app;
    const pages: [Role, string, string, string[]][] = [
      [Role.OPERATOR_DINKES, '#/unggah-peserta', 'Unggah Daftar Peserta', ['Berkas daftar peserta']],
      [Role.KEUANGAN, '#/komitmen?tahun=2026', 'Komitmen Dana', ['Lembar komitmen']],
      [Role.KEUANGAN, '#/tagihan?month=2026-10', 'Tagihan BPJS & Daftar PBI APBN', ['Berkas (.xlsx atau .csv)', 'Berkas (.xlsx atau .csv)']],
      [Role.KEUANGAN, '#/pembayaran?month=2026-10', 'Pembayaran', ['Lembar pembayaran']],
    ];
    for (const [role, at, heading, fieldLabels] of pages) {
      const { context, page, errors } = await openPage(browser, undefined, ENGLISH);
      await login(page, base, await userFor(t, role), at);
      await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
      await page.locator('.file-picker').nth(fieldLabels.length - 1).waitFor();
      const inputs = await fileInputs(page);
      expect([at, inputs]).toEqual([at, fieldLabels.map((label) => ({ drawn: false, labels: [label, 'Pilih berkas…'], chosen: 'Belum ada berkas dipilih' }))]);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, BROWSER_TIMEOUT);

  it('opens the chooser from its button and from the keyboard, names the chosen file and uploads it', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser, undefined, ENGLISH);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/komitmen?tahun=2026');
    await page.getByText('Belum ada komitmen untuk tahun 2026.').waitFor();
    const sheet = page.getByRole('form', { name: 'Unggah lembar komitmen' });
    const button = sheet.getByText('Pilih berkas…');
    const chosen = sheet.locator('.file-name');
    expect(await chosen.textContent()).toBe('Belum ada berkas dipilih');

    // keyboard: the hidden input sits in the tab order just before the submit button, and its focus shows on the button
    await sheet.getByRole('button', { name: 'Unggah komitmen' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab'); // past the "Periksa saja" checkbox
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.type)).toBe('file');
    expect(await button.evaluate((el: any) => (globalThis as any).getComputedStyle(el).outlineStyle)).toBe('solid');
    const byKeyboard = await fileChooserOf(page, () => page.keyboard.press('Space'));
    expect(byKeyboard.isMultiple()).toBe(false);
    await byKeyboard.setFiles([]);
    const byEnter = await fileChooserOf(page, () => page.keyboard.press('Enter'));
    await byEnter.setFiles([]);

    // mouse: the button is the input's label, so a click opens the browser's chooser
    const chooser = await fileChooserOf(page, () => button.click());
    await chooser.setFiles({ name: 'komitmen-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(`${SHEET}\n`) });
    expect(await chosen.textContent()).toBe(`komitmen-2026.csv (${SHEET.length + 1} byte)`);
    await screenshot(page, 'file-picker-in-english-browser');

    await sheet.getByRole('button', { name: 'Unggah komitmen' }).click();
    await sheet.getByText('Lembar diproses: 1 komitmen tersimpan.').waitFor();
    expect(await chosen.textContent()).toBe('Belum ada berkas dipilih'); // the box is emptied for the next sheet
    const list = page.getByRole('table', { name: 'Komitmen tahun 2026' });
    await list.waitFor();
    expect((await tableRows(list)).map((r) => r.slice(0, 2))).toEqual([['TJSLP-BANK-2026', 'PT Bank Bengkulu']]);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('writes a typed or picked date out with its weekday, and says when it is incomplete', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser, undefined, ENGLISH);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/pembayaran?month=2026-10');
    const paidAt = page.getByLabel('Tanggal bayar');
    await paidAt.waitFor();
    const echo = page.locator(`[id="${await paidAt.getAttribute('id')}-echo"]`);
    expect(await echo.textContent()).toBe('');

    // typed as an English browser orders it (month first): only the month so far, then the rest
    await paidAt.click();
    await page.keyboard.type('12');
    await page.getByText('Tanggal belum lengkap.').waitFor();
    await page.keyboard.type('052026');
    await page.getByText('Dipilih: Sabtu, 5 Desember 2026').waitFor();
    await screenshot(page, 'date-in-words-in-english-browser');
    expect(await paidAt.inputValue()).toBe('2026-12-05');
    expect((await paidAt.getAttribute('aria-describedby'))?.split(' ')).toContain(`${await paidAt.getAttribute('id')}-echo`);

    await paidAt.fill('2026-10-08');
    expect(await echo.textContent()).toBe('Dipilih: Kamis, 8 Oktober 2026');
    await paidAt.fill('');
    expect(await echo.textContent()).toBe('');

    expect(errors).toEqual([]);
    await context.close();

    // the same on another page's date fields, also for a date the address brings
    const auditor = await openPage(browser, undefined, ENGLISH);
    await login(auditor.page, base, await userFor(t, Role.AUDITOR), '#/jejak-audit?from=2026-10-01');
    await auditor.page.getByLabel('Dari tanggal').waitFor();
    await auditor.page.getByText('Dipilih: Kamis, 1 Oktober 2026').waitFor();
    expect(auditor.errors).toEqual([]);
    await auditor.context.close();
  }, BROWSER_TIMEOUT);
});
