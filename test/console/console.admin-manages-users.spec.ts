/**
 * The admin manages users on the Pengguna page through PATCH /api/v1/users/:id: changes a role, sets a
 * new password (the server's refusal beside the field; the user's old sessions end), deactivates after
 * confirming and activates again; the server's refusal to deactivate the last admin is shown as it says
 * it. A session whose token is no longer valid when the console opens (deactivated user, garbage in
 * sessionStorage) lands on the login page with the same message as a 401 mid-session; a first visit
 * without any token shows none (QA).
 */
import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, settled, userFor } from './support/browser.js';

const ENDED = 'Sesi Anda berakhir. Silakan masuk lagi.';
const TOKEN_KEY = 'jamkesda.accessToken';

describeInBrowser('console: admin manages users; a session no longer valid is said on the login page', () => {
  const app = browserApp();

  const statusOf = (page: Page, username: string) =>
    page.getByRole('table', { name: /\d+ pengguna/ }).locator('tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${username}( \\(Anda\\))?$`) }) }).locator('td').nth(2).textContent();
  const roleOf = (page: Page, username: string) =>
    page.getByRole('table', { name: /\d+ pengguna/ }).locator('tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${username}$`) }) }).locator('td').nth(1).textContent();

  it('shows the auditor the users read-only: no form, no Kelola', async () => {
    const { t, base, browser } = app;
    const auditor = await userFor(t, Role.AUDITOR, 'baca');
    const { context, page, errors } = await openPage(browser);
    await login(page, base, auditor);
    await page.goto(`${base}/console/#/pengguna`);
    await page.getByRole('table', { name: /\d+ pengguna/ }).waitFor();
    await page.getByText('Hanya baca: akun diatur oleh admin.').waitFor();
    await page.getByRole('table', { name: /\d+ pengguna/ }).getByText(`${auditor.username} (Anda)`).waitFor();
    expect(await page.getByRole('form', { name: 'Pengguna baru' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Kelola / }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('changes a role, sets a password, deactivates and activates a user, and shows the refusals', async () => {
    const { t, base, browser } = app;
    const admin = await userFor(t, Role.ADMIN);
    const officer = await userFor(t, Role.KEUANGAN, 'kelola');
    const { context, page, errors } = await openPage(browser);
    const other = await openPage(browser);
    await login(other.page, base, officer);
    await other.page.getByRole('heading', { name: /^Dasbor/ }).waitFor();

    await login(page, base, admin);
    await page.goto(`${base}/console/#/pengguna`);
    await page.getByRole('button', { name: `Kelola ${officer.username}` }).click();
    const editor = page.locator('.user-editor');
    await editor.getByRole('heading', { name: `Kelola ${officer.username}` }).waitFor();

    // the role
    await editor.getByRole('form', { name: `Peran ${officer.username}` }).getByLabel('Peran').selectOption('AUDITOR');
    await editor.getByRole('button', { name: 'Simpan peran' }).click();
    await page.locator('#main').getByText(`Peran ${officer.username} sekarang Auditor.`).waitFor();
    await expect(roleOf(page, officer.username)).resolves.toBe('Auditor');

    // a password too short: the server's message beside the field, in the field's words
    const passwordForm = editor.getByRole('form', { name: `Kata sandi ${officer.username}` });
    await passwordForm.getByLabel('Kata sandi baru').fill('pendek');
    await passwordForm.getByRole('button', { name: 'Setel kata sandi' }).click();
    await expect(passwordForm.locator('[data-field="password"] .field-error:visible').textContent()).resolves.toBe('Kata sandi baru minimal 12 karakter');
    // the server's 400 VALIDATION_FAILED, every message beside its field: headed as the form's own checks are (QA: "Data yang dikirim tidak valid.")
    await expect(passwordForm.locator('.form-summary').textContent()).resolves.toBe('Periksa isian yang ditandai di bawah.');
    await passwordForm.getByLabel('Kata sandi baru').fill('kata-sandi-baru-2026');
    await passwordForm.getByRole('button', { name: 'Setel kata sandi' }).click();
    await page.locator('#main').getByText(`Kata sandi ${officer.username} diubah.`, { exact: false }).waitFor();
    await t.http.post('/api/v1/auth/login').send({ username: officer.username, password: officer.password }).expect(401);
    await t.http.post('/api/v1/auth/login').send({ username: officer.username, password: 'kata-sandi-baru-2026' }).expect(200);
    // the officer's open session ended with the old password: a reload says so on the login page
    await other.page.reload();
    await other.page.getByRole('heading', { name: 'Masuk ke Konsol Jamkesda' }).waitFor();
    await other.page.locator('#main').getByText(ENDED).waitFor();

    // deactivating is asked first; Batal takes it back
    await editor.getByRole('button', { name: `Nonaktifkan ${officer.username}…` }).click();
    await editor.getByText(`${officer.username} tidak dapat masuk lagi`, { exact: false }).waitFor();
    await editor.getByRole('button', { name: 'Batal' }).click();
    await expect(statusOf(page, officer.username)).resolves.toBe('Aktif');
    await editor.getByRole('button', { name: `Nonaktifkan ${officer.username}…` }).click();
    await editor.getByRole('button', { name: `Ya, nonaktifkan ${officer.username}` }).click();
    await page.locator('#main').getByText(`${officer.username} dinonaktifkan.`).waitFor();
    await expect(statusOf(page, officer.username)).resolves.toBe('Nonaktif');
    await t.http.post('/api/v1/auth/login').send({ username: officer.username, password: 'kata-sandi-baru-2026' }).expect(401);
    await screenshot(page, 'admin-users-deactivated');
    await page.getByRole('button', { name: `Aktifkan ${officer.username}` }).click();
    await page.locator('#main').getByText(`${officer.username} diaktifkan kembali.`).waitFor();
    await expect(statusOf(page, officer.username)).resolves.toBe('Aktif');

    // the only active admin cannot deactivate or demote itself: the server's 409, as it says it
    await page.getByRole('button', { name: `Kelola ${admin.username}` }).click();
    await editor.getByRole('heading', { name: `Kelola ${admin.username} (Anda)` }).waitFor();
    await editor.getByRole('button', { name: `Nonaktifkan ${admin.username}…` }).click();
    await editor.getByText('Anda menonaktifkan akun Anda sendiri', { exact: false }).waitFor();
    await editor.getByRole('button', { name: `Ya, nonaktifkan ${admin.username}` }).click();
    await editor.locator('.notice--error').getByText(`"${admin.username}" adalah satu-satunya Admin aktif`, { exact: false }).waitFor();
    await editor.getByRole('form', { name: `Peran ${admin.username}` }).getByLabel('Peran').selectOption('AUDITOR');
    await editor.getByRole('button', { name: 'Simpan peran' }).click();
    await editor.locator('.form-summary').getByText(`"${admin.username}" adalah satu-satunya Admin aktif`, { exact: false }).waitFor();
    await expect(statusOf(page, admin.username)).resolves.toBe('Aktif');
    expect(errors).toEqual([]);
    await other.context.close();
    await context.close();
  }, BROWSER_TIMEOUT);

  it('opens on the login page with the message when the stored token is no longer valid, and without it on a first visit', async () => {
    const { t, base, browser } = app;
    const operator = await userFor(t, Role.OPERATOR_DINKES, 'sesi');
    const { context, page, errors } = await openPage(browser);

    // a first visit, no token at all: no message
    await page.goto(`${base}/console/#/peserta`);
    await page.getByRole('heading', { name: 'Masuk ke Konsol Jamkesda' }).waitFor();
    await expect(page.locator('main .notice').count()).resolves.toBe(0);

    // garbage in sessionStorage, then a reload of the bookmark
    await page.evaluate(([key]) => (globalThis as any).sessionStorage.setItem(key, 'bukan-token'), [TOKEN_KEY]);
    await page.reload();
    await page.locator('#main').getByText(ENDED).waitFor();
    expect(new URL(page.url()).hash).toBe('#/masuk?lanjut=%2Fpeserta');

    // a user deactivated while signed in: a reload
    await login(page, base, operator);
    await page.getByRole('heading', { name: 'Unggah Daftar Peserta' }).waitFor();
    const [row] = await t.dataSource.query('SELECT id FROM app_user WHERE username = $1', [operator.username]);
    await (await t.as(Role.ADMIN)).patch(`/api/v1/users/${row.id}`).send({ active: false }).expect(200);
    await page.reload();
    await page.getByRole('heading', { name: 'Masuk ke Konsol Jamkesda' }).waitFor();
    await page.locator('#main').getByText(ENDED).waitFor();
    expect(new URL(page.url()).hash).toBe('#/masuk?lanjut=%2Funggah-peserta');
    await screenshot(page, 'login-after-deactivation');
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a session ended in another tab: Komitmen, with its requests at once, says so on the login page too (QA: bare login page)', async () => {
    const { t, base, browser } = app;
    const finance = await userFor(t, Role.KEUANGAN, 'tab');
    const { context, page, errors } = await openPage(browser);
    await login(page, base, finance, '#/tarif');
    await page.getByRole('heading', { name: /^Tarif/ }).first().waitFor();
    // the other tab's Keluar: every session of the user ends on the server
    const token = await page.evaluate(([key]) => (globalThis as any).sessionStorage.getItem(key), [TOKEN_KEY]);
    await t.http.post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Komitmen' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Konsol Jamkesda' }).waitFor();
    await page.locator('#main').getByText(ENDED).waitFor();
    await settled(page);
    await expect(page.locator('#main').getByText(ENDED).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a role changed while signed in: the next refusal redraws the menu and the page for the new role, saying so (QA)', async () => {
    const { t, base, browser } = app;
    const finance = await userFor(t, Role.KEUANGAN, 'peran');
    const { context, page, errors } = await openPage(browser);
    await login(page, base, finance, '#/tarif');
    await page.getByRole('heading', { name: /^Tarif/ }).first().waitFor();
    const menu = page.getByRole('navigation', { name: 'Menu utama' });
    const [row] = await t.dataSource.query('SELECT id FROM app_user WHERE username = $1', [finance.username]);
    await (await t.as(Role.ADMIN)).patch(`/api/v1/users/${row.id}`).send({ role: Role.OPERATOR_DINKES }).expect(200);
    // the old menu still offers Pembayaran: opening it is refused (403), the user is read again
    await menu.getByRole('link', { name: 'Pembayaran' }).click();
    await page.locator('#main').getByText('Peran Anda berubah menjadi Operator Dinkes.', { exact: false }).waitFor();
    await page.locator('#main').getByText('Halaman ini tidak tersedia untuk peran Operator Dinkes.', { exact: false }).waitFor();
    await expect(menu.getByRole('link', { name: 'Pembayaran' }).count()).resolves.toBe(0);
    await menu.getByRole('link', { name: 'Unggah Peserta' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('says a wrong password once, and asks for a role before adding a user', async () => {
    const { t, base, browser } = app;
    const admin = await userFor(t, Role.ADMIN);
    const { context, page, errors } = await openPage(browser);

    // a wrong password: the API's message alone (QA: "Periksa isian yang ditandai di bawah." stood above it)
    await page.goto(`${base}/console/`);
    await page.getByLabel('Nama pengguna').fill(admin.username);
    await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    const summary = page.locator('.form-summary:visible');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toBe('Nama pengguna atau kata sandi salah.');
    await expect(page.locator('main').getByText('Periksa isian yang ditandai di bawah.').count()).resolves.toBe(0);
    await expect(page.locator('.field-error:visible').count()).resolves.toBe(0);

    // a new user: no role until one is picked (QA: Operator Dinkes without a choice)
    await login(page, base, admin);
    await page.goto(`${base}/console/#/pengguna`);
    const create = page.getByRole('form', { name: 'Pengguna baru' });
    await expect(create.getByLabel('Peran').inputValue()).resolves.toBe('');
    await expect(create.getByLabel('Peran').locator('option:checked').textContent()).resolves.toBe('— pilih peran —');
    await create.getByLabel('Nama pengguna').fill('petugas-baru');
    await create.getByLabel('Kata sandi awal').fill('sandi-awal-2026-panjang');
    await create.getByRole('button', { name: 'Tambah pengguna' }).click();
    await expect(create.locator('[data-field="role"] .field-error:visible').textContent()).resolves.toBe('Peran wajib dipilih.');
    await expect(create.getByLabel('Peran').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(t.dataSource.query(`SELECT 1 FROM app_user WHERE username = 'petugas-baru'`)).resolves.toEqual([]);
    await create.getByLabel('Peran').selectOption('KEUANGAN');
    await create.getByRole('button', { name: 'Tambah pengguna' }).click();
    await create.getByText('Pengguna petugas-baru (Keuangan) dibuat.').waitFor();
    await expect(create.getByLabel('Peran').inputValue()).resolves.toBe(''); // the form starts over without a role
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  // last: it changes the test admin's password, which ends the token the other tests call the API with
  it("signs the admin out after setting the admin's own password, to log in again with it", async () => {
    const { t, base, browser } = app;
    const admin = await userFor(t, Role.ADMIN);
    const { context, page, errors } = await openPage(browser);
    await login(page, base, admin);
    await page.goto(`${base}/console/#/pengguna`);
    await page.getByRole('button', { name: `Kelola ${admin.username}` }).click();
    const passwordForm = page.getByRole('form', { name: `Kata sandi ${admin.username}` });
    await passwordForm.getByText('Semua sesi Anda berakhir', { exact: false }).waitFor();
    await passwordForm.getByLabel('Kata sandi baru').fill('admin-sandi-baru-2026');
    await passwordForm.getByRole('button', { name: 'Setel kata sandi' }).click();
    await page.getByRole('heading', { name: 'Masuk ke Konsol Jamkesda' }).waitFor();
    await page.locator('#main').getByText('Kata sandi Anda diubah. Silakan masuk lagi dengan kata sandi baru.').waitFor();
    await login(page, base, { username: admin.username, password: 'admin-sandi-baru-2026' });
    await page.getByRole('heading', { name: /^Dasbor/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
