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
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';

const ENDED = 'Sesi Anda berakhir. Silakan masuk lagi.';
const TOKEN_KEY = 'jamkesda.accessToken';

describeInBrowser('console: admin manages users; a session no longer valid is said on the login page', () => {
  const app = browserApp();

  const statusOf = (page: Page, username: string) =>
    page.getByRole('table', { name: /\d+ pengguna/ }).locator('tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${username}( \\(Anda\\))?$`) }) }).locator('td').nth(2).textContent();
  const roleOf = (page: Page, username: string) =>
    page.getByRole('table', { name: /\d+ pengguna/ }).locator('tbody tr', { has: page.locator('td', { hasText: new RegExp(`^${username}$`) }) }).locator('td').nth(1).textContent();

  it('opens on the login page with the message when the stored token is no longer valid, and without it on a first visit', async () => {
    const { t, base, browser } = app;
    const operator = await userFor(t, Role.OPERATOR_DINKES, 'sesi');
    const { context, page, errors } = await openPage(browser);

    // a first visit, no token at all: no message
    await page.goto(`${base}/console/#/peserta`);
    await page.getByRole('heading', { name: 'Masuk ke Konsol Jamkesda' }).waitFor();
    await expect(page.locator('main .notice').count()).resolves.toBe(0);

    // garbage in sessionStorage, then a reload of the bookmark
    await page.evaluate(([key]) => sessionStorage.setItem(key, 'bukan-token'), [TOKEN_KEY]);
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
});
