/**
 * Console layout at the widths officers use (QA): at 1366 px the top menu of every role stays on one line (it wrapped
 * onto a second); at 390 px a wide table scrolls inside its own box, the page itself never wider than the screen, and
 * its first column stays in view while the table is scrolled to its status column; the run's bill checksum is shown to
 * auditors as a labelled, muted fingerprint, not a raw `checksum …`; at 1280 px a month field's hint keeps its example whole.
 */
import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, settled, userFor } from './support/browser.js';
import { billCsv, enrollmentCsv, PEOPLE, VILLAGE } from './support/sheets.js';

const MONTH = '2026-10';

describeInBrowser('console: layout at 1366 px and 390 px', () => {
  let runId: string;

  const app = browserApp(async (t) => {
    const operator = await t.as(Role.OPERATOR_DINKES);
    await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(enrollmentCsv(PEOPLE)), 'peserta.csv').expect(201);
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ code: 'DESA-1703062001-2026', sourceType: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', fiscalYear: 2026, scope: 'VILLAGES', villageCodes: [VILLAGE], sharePercent: 40 }).expect(201);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2026, scope: 'ALL', budget: 5_000_000 }).expect(201);
    const bill = billCsv(PEOPLE.map((p) => ({ noka: p.noka!, nik: p.nik, name: p.name, amount: 37800 })));
    await finance.post('/api/v1/bills').field('month', MONTH).field('invoiceTotal', String(37800 * PEOPLE.length)).attach('file', Buffer.from(bill), 'tagihan.csv').expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: MONTH, amount: 113400, paidAt: '2026-10-12', reference: 'SP2D 001/2026' }).expect(201);
    runId = (await finance.post('/api/v1/reconciliations').send({ month: MONTH }).expect(201)).body.id;
  });

  const show = async (page: Page, base: string, path: string) => {
    await page.goto(`${base}/console/#${path}`);
    await page.locator('main h1').first().waitFor();
    await settled(page);
  };

  it('at 1366 px the menu of every role fits on one line, beside a long user name too', async () => {
    const { t, base, browser } = app;
    // the menus with most items (the operator's has two); the admin's (the readers' pages, Jejak Audit and Pengguna),
    // beside a long name cut with an ellipsis (CI time: a login each)
    const users = [
      ...[Role.KEUANGAN, Role.AUDITOR].map((role) => ({ role, suffix: undefined })),
      { role: Role.ADMIN, suffix: 'inspektorat-kabupaten-bengkulu-utara' },
    ];
    for (const { role, suffix } of users) {
      const { context, page } = await openPage(browser, { width: 1366, height: 768 });
      await login(page, base, await userFor(t, role, suffix));
      const menu = await page.evaluate(() => {
        const g = globalThis as any;
        const items = [...g.document.querySelectorAll('#nav li')].map((li: any) => li.getBoundingClientRect());
        const bar = g.document.querySelector('.topbar').getBoundingClientRect();
        const brand = g.document.querySelector('.brand').getBoundingClientRect();
        const user = g.document.querySelector('#user').getBoundingClientRect();
        return { count: items.length, tops: [...new Set(items.map((r: any) => Math.round(r.top)))], bar: bar.height, brandTop: brand.top, userTop: user.top, right: Math.max(...items.map((r: any) => r.right)), userLeft: user.left };
      });
      // every item on one line, the user box beside the menu on the same bar, no item hidden
      expect({ role, lines: menu.tops.length }).toEqual({ role, lines: 1 });
      expect(menu.count).toBeGreaterThanOrEqual(2);
      expect(menu.right).toBeLessThanOrEqual(menu.userLeft);
      expect(Math.abs(menu.userTop - menu.brandTop)).toBeLessThan(20);
      expect(menu.bar).toBeLessThan(70);
      // the user's name and role each in full, the role on its own line (QA: "keuangan (Keuang…"); only the long name is cut
      const who = await page.evaluate(() => {
        const g = globalThis as any;
        const cut = (el: any) => el.scrollWidth > el.clientWidth;
        const login = g.document.querySelector('#user .user-login');
        const roleEl = g.document.querySelector('#user .role');
        return { login: login.textContent, loginCut: cut(login), role: roleEl.textContent, roleCut: cut(roleEl), below: roleEl.getBoundingClientRect().top >= login.getBoundingClientRect().bottom - 1 };
      });
      expect({ role: who.role, roleCut: who.roleCut, below: who.below, loginCut: who.loginCut }).toEqual({ role: { KEUANGAN: 'Keuangan', AUDITOR: 'Auditor', ADMIN: 'Admin' }[role as string], roleCut: false, below: true, loginCut: Boolean(suffix) });
      await screenshot(page, `layout/menu-1366-${role.toLowerCase()}${suffix ? '-long-name' : ''}`);
      await context.close();
    }
  }, BROWSER_TIMEOUT);

  it('at 390 px a wide table scrolls in its own box with its first column in view, the page no wider than the screen', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
    await login(page, base, await userFor(t, Role.KEUANGAN));
    for (const path of [`/dasbor?month=${MONTH}`, `/rekonsiliasi?month=${MONTH}`, `/pembayaran?month=${MONTH}`]) {
      await show(page, base, path);
      const pageWidth = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth);
      expect({ path, pageWidth }).toEqual({ path, pageWidth: 390 });
    }
    // the payment status per funder: its Status column is the last, scrolled to; the funder stays in view beside it
    await show(page, base, `/dasbor?month=${MONTH}`);
    const wrap = page.locator('.table-wrap', { has: page.locator('th', { hasText: /^Status$/ }) }).first();
    const scrolled = await wrap.evaluate((el: any) => {
      el.scrollLeft = el.scrollWidth;
      const box = el.getBoundingClientRect();
      const headers = [...el.querySelectorAll('thead th')].map((th: any) => th.textContent);
      const row = el.querySelector('tbody tr');
      const first = row.cells[0].getBoundingClientRect();
      const status = row.cells[headers.indexOf('Status')].getBoundingClientRect();
      return { wider: el.scrollWidth > el.clientWidth, wrapLeft: box.left, wrapRight: box.right, firstLeft: first.left, firstRight: first.right, statusLeft: status.left, statusRight: status.right };
    });
    await screenshot(page, 'layout/dashboard-status-scrolled-390');
    expect(scrolled.wider).toBe(true); // the table is wider than the phone: the case at hand
    expect(scrolled.wrapRight).toBeLessThanOrEqual(390);
    expect(scrolled.firstLeft).toBeGreaterThanOrEqual(scrolled.wrapLeft - 1); // the first column stuck at the left edge
    expect(scrolled.statusRight).toBeLessThanOrEqual(scrolled.wrapRight + 1);
    expect(scrolled.statusLeft).toBeGreaterThanOrEqual(scrolled.firstRight - 1); // the status beside it, not under it
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it("at 1280 px a month field's hint keeps its example on one line (QA: it wrapped between \"2026-\" and \"11\")", async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser, { width: 1280, height: 720 });
    await login(page, base, await userFor(t, Role.KEUANGAN));
    await show(page, base, `/pembayaran?month=${MONTH}`);
    await page.getByRole('table', { name: 'Status pembayaran per pemberi dana' }).waitFor();
    const hints = await page.locator('.field .hint', { hasText: 'Format YYYY-MM' }).evaluateAll((ps: any[]) =>
      ps.map((p) => ({ text: p.textContent, example: [...p.querySelectorAll('.nowrap')].map((s: any) => ({ text: s.textContent, lines: s.getClientRects().length })) })),
    );
    expect(hints.length).toBeGreaterThanOrEqual(2); // the form's Bulan iuran and the month picker
    for (const hint of hints) expect(hint).toEqual({ text: 'Format YYYY-MM, mis. 2026-11', example: [{ text: 'mis. 2026-11', lines: 1 }] });
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('the run shows its bill fingerprint to auditors labelled and muted, no raw checksum', async () => {
    const { t, base, browser } = app;
    const { context, page } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR));
    await show(page, base, `/rekonsiliasi/${runId}`);
    const facts = page.locator('dl.facts');
    const bill = facts.locator('dt', { hasText: 'Tagihan yang dipakai' }).locator('xpath=following-sibling::dd[1]');
    await expect(bill.textContent()).resolves.not.toMatch(/checksum/i);
    const fingerprint = bill.locator('.fingerprint');
    await expect(fingerprint.textContent()).resolves.toMatch(/^Sidik data berkas tagihan \(untuk auditor\): [0-9a-f]{12}…$/);
    const style = await fingerprint.evaluate((el: any) => {
      const g = globalThis as any;
      const own = g.getComputedStyle(el);
      const dd = g.getComputedStyle(el.parentElement);
      return { size: parseFloat(own.fontSize), ddSize: parseFloat(dd.fontSize), weight: own.fontWeight, color: own.color, ddColor: dd.color };
    });
    await screenshot(page, 'layout/run-facts-fingerprint');
    expect(style.size).toBeLessThan(style.ddSize);
    expect(Number(style.weight)).toBeLessThan(600);
    expect(style.color).not.toBe(style.ddColor);
    await context.close();
  }, BROWSER_TIMEOUT);
});
