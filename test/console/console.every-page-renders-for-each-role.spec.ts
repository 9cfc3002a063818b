/**
 * Every page of the console, opened by every role that may see it, on a laptop and on a phone: the
 * page renders its heading without script errors, CSP violations or error boxes. Screenshots of each
 * are kept under test/screenshots/pages/ for a person to look at.
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, settled, userFor } from './support/browser.js';
import { billCsv, enrollmentCsv, PEOPLE, VILLAGE } from './support/sheets.js';

const MONTH = '2026-10';

describeInBrowser('console: every page renders for each role that may see it', () => {
  let runId: string;

  const app = browserApp(async (t) => {
    const operator = await t.as(Role.OPERATOR_DINKES);
    const sheet = enrollmentCsv([...PEOPLE, { nik: '17030612058A0007', name: 'Huruf Di Nik' }]);
    await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(sheet), 'peserta.csv').expect(201);
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ code: 'DESA-1703062001-2026', sourceType: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', fiscalYear: 2026, scope: 'VILLAGES', villageCodes: [VILLAGE], sharePercent: 40 }).expect(201);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2026, scope: 'ALL', budget: 5_000_000 }).expect(201);
    const bill = billCsv(PEOPLE.map((p, i) => ({ noka: p.noka!, nik: p.nik, name: p.name, amount: i === 0 ? 42000 : 37800 })));
    await finance.post('/api/v1/bills').field('month', MONTH).field('invoiceTotal', '193200').attach('file', Buffer.from(bill), 'tagihan.csv').expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: MONTH, amount: 113400, paidAt: '2026-10-12', reference: 'SP2D 001/2026' }).expect(201);
    runId = (await finance.post('/api/v1/reconciliations').send({ month: MONTH }).expect(201)).body.id;
  });

  const pages: Record<string, string[]> = {
    [Role.OPERATOR_DINKES]: ['/unggah-peserta', `/peserta?name=a`, `/peserta/${PEOPLE[0].nik}`],
    [Role.KEUANGAN]: ['/dasbor', `/dasbor?month=${MONTH}`, '/komitmen?tahun=2026', '/komitmen/baru', '/komitmen/DESA-1703062001-2026', '/tarif', '/tagihan', `/pembayaran?month=${MONTH}`, `/rekonsiliasi?month=${MONTH}`, 'RUN', `/alokasi?month=${MONTH}&groupBy=sourceType`, `/tidak-terdanai?month=${MONTH}`, `/laporan?month=${MONTH}`],
    [Role.AUDITOR]: [`/dasbor?month=${MONTH}`, '/komitmen/APBD-2026', '/tarif', `/tagihan?month=${MONTH}`, `/pembayaran?month=${MONTH}`, 'RUN', `/alokasi?month=${MONTH}&villageCode=${VILLAGE}`, `/tidak-terdanai?month=${MONTH}&villageCode=${VILLAGE}`, '/jejak-audit', `/peserta/${PEOPLE[1].nik}`],
    [Role.ADMIN]: ['/pengguna', '/tarif', '/jejak-audit', `/dasbor?month=${MONTH}`, `/tidak-terdanai?month=${MONTH}`, `/tagihan?month=${MONTH}`, `/pembayaran?month=${MONTH}`, 'RUN'],
  };

  it.each(Object.keys(pages))('as %s', async (role) => {
    const { t, base, browser } = app;
    for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      const { context, page, errors } = await openPage(browser, viewport);
      await login(page, base, await userFor(t, role as Role));
      for (const route of pages[role]) {
        const path = route === 'RUN' ? `/rekonsiliasi/${runId}` : route;
        await page.goto(`${base}/console/#${path}`);
        await page.locator('main h1').first().waitFor();
        await settled(page);
        const problems = await page.locator('.notice--error, .form-summary:not([hidden])').allTextContents();
        expect({ path, problems }).toEqual({ path, problems: [] });
        const name = `${role.toLowerCase()}${path.split('?')[0].replace(/[/:]+/g, '-').replace(/-[0-9a-f]{8}-[0-9a-f-]{27}$/, '-run')}-${viewport.width}`;
        await screenshot(page, `pages/${name}`);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  }, BROWSER_TIMEOUT);

  it('is usable from the keyboard: skip link first, visible focus, the menu reachable', async () => {
    const { t, base, browser } = app;
    const { context, page } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN));
    // After each page change the focus moves to the page's heading (screen readers read it out).
    await page.getByRole('heading', { name: /^Dasbor/ }).waitFor();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.tagName === 'H1');
    // Going back with Shift+Tab passes the menu and reaches the skip link, which then shows with an outline.
    const active = () => page.evaluate(() => (globalThis as any).document.activeElement?.textContent as string);
    const visited: string[] = [];
    for (let i = 0; i < 30 && visited.at(-1) !== 'Langsung ke isi halaman'; i += 1) {
      await page.keyboard.press('Shift+Tab');
      visited.push(await active());
    }
    expect(visited).toEqual(expect.arrayContaining(['Keluar', 'Rekonsiliasi', 'Dasbor', 'Langsung ke isi halaman']));
    expect(visited.at(-1)).toBe('Langsung ke isi halaman');
    const skip = await page.evaluate(() => {
      const g = globalThis as any;
      const el = g.document.activeElement;
      return { outline: g.getComputedStyle(el).outlineStyle, left: el.getBoundingClientRect().left };
    });
    expect(skip.outline).not.toBe('none');
    expect(skip.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => (globalThis as any).document.activeElement?.id)).resolves.toBe('main');
    // The phone menu opens with the keyboard and closes when a page is chosen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Menu' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).resolves.toBe('true');
    await screenshot(page, 'pages/keuangan-menu-open-390');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Rekonsiliasi' }).click();
    // The menu closes as the page changes (on the route change, a moment after the click): wait for it.
    await page.locator('button[aria-expanded="false"]', { hasText: 'Menu' }).waitFor();
    await context.close();
  }, BROWSER_TIMEOUT);

  it('leaves the focus where the user put it while the page\'s slower parts still load', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    // the upload history of the Komitmen page answers only when let go: the list above it is shown first
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    await page.route(/\/api\/v1\/pledge-uploads(\?|$)/, async (route) => {
      await held;
      await route.continue();
    });
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/komitmen?tahun=2026');
    await page.getByRole('table', { name: 'Komitmen tahun 2026' }).waitFor();
    const submit = page.getByRole('button', { name: 'Unggah komitmen' });
    await submit.focus();
    letGo();
    await page.getByText('Belum ada lembar komitmen yang diunggah.').waitFor();
    await page.evaluate(() => new Promise((r) => (globalThis as any).setTimeout(r, 50))); // the render's last step
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Unggah komitmen');

    // a page opened with nothing chosen in it still puts the focus on its heading
    await page.getByRole('link', { name: 'Pembayaran' }).first().click();
    await page.waitForFunction(() => (globalThis as any).document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Pembayaran');
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a run without the month\'s PBI-APBN list says double coverage was not checked, not 0, and why (QA: read as checked)', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/rekonsiliasi/${runId}`);
    await page.getByText('Peringatan saat dijalankan: ').first().waitFor();
    await page.getByText(/Belum ada daftar PBI APBN untuk Oktober 2026: kepesertaan ganda \(terdaftar juga sebagai PBI APBN\) tidak diperiksa\./).waitFor();
    // the Dana Desa rule of the village pledge that funds October, where the month is looked at (QA: only on Komitmen)
    await page.getByText(/^DESA-1703062001-2026: .*Dana Desa/).waitFor();
    const row = page.locator('tr[data-category="DOUBLE_COVERAGE"]');
    expect(await row.locator('td').first().textContent()).toBe('tidak diperiksa');
    // its name and code without brackets in brackets (QA: "Terdaftar ganda (PBI APBN) (DOUBLE_COVERAGE)")
    expect(await row.locator('th').textContent()).toBe('Terdaftar ganda, PBI APBN (DOUBLE_COVERAGE)');
    expect(await page.locator('tr[data-category="MATCHED"] td').first().textContent()).not.toBe('tidak diperiksa');
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a month not yet allocated: finance computes it from the Dasbor and sees its figures; the auditor only reads (QA: only a reconciliation could)', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/dasbor?month=2026-11');
    const button = page.getByRole('button', { name: 'Hitung alokasi November 2026 sekarang' });
    await button.click();
    await page.getByText('Sumber angka', { exact: false }).or(page.locator('.stat')).first().waitFor();
    await expect(button.count()).resolves.toBe(0);
    const [allocation] = await t.dataSource.query(`SELECT status, allocated_by FROM allocation_month WHERE month = '2026-11'`);
    expect(allocation).toEqual({ status: 'CURRENT', allocated_by: (await userFor(t, Role.KEUANGAN)).username });
    expect(errors).toEqual([]);
    await context.close();

    const auditor = await openPage(browser);
    await login(auditor.page, base, await userFor(t, Role.AUDITOR), '#/dasbor?month=2026-12');
    await auditor.page.getByText('Belum ada alokasi untuk Desember 2026. Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau saat rekonsiliasi dijalankan.').waitFor();
    await expect(auditor.page.getByRole('button', { name: /Hitung alokasi/ }).count()).resolves.toBe(0);
    await auditor.context.close();
  }, BROWSER_TIMEOUT);

  it('the admin reads the finance pages without their data-entry forms, and has no enrollment upload nor finalize (README: separation of duties)', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.ADMIN));
    const menu = page.getByRole('navigation', { name: 'Menu utama' });
    for (const name of ['Tagihan BPJS', 'Pembayaran', 'Pengguna', 'Tarif']) await menu.getByRole('link', { name }).waitFor();
    expect(await menu.getByRole('link', { name: 'Unggah Peserta' }).count()).toBe(0);
    await page.goto(`${base}/console/#/pembayaran?month=${MONTH}`);
    await page.getByRole('heading', { name: 'Rincian pembayaran' }).waitFor();
    expect(await page.getByRole('button', { name: 'Simpan pembayaran' }).count()).toBe(0);
    expect(await page.getByText('Segera bayar atau catat pembayarannya').count()).toBe(0);
    await page.goto(`${base}/console/#/tagihan?month=${MONTH}`);
    await page.locator('main h1').first().waitFor();
    await settled(page);
    expect(await page.getByRole('button', { name: 'Unggah tagihan', exact: true }).count()).toBe(0);
    await page.goto(`${base}/console/#/rekonsiliasi?month=${MONTH}`);
    await page.locator('main h1').first().waitFor();
    await settled(page);
    expect(await page.getByRole('button', { name: /^Mulai rekonsiliasi/ }).count()).toBe(0);
    await page.goto(`${base}/console/#/rekonsiliasi/${runId}`);
    await page.locator('main h1').first().waitFor();
    await settled(page);
    await expect(page.getByRole('button', { name: /Finalisasi/ }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('Rekonsiliasi lists every month of the year with where it stands, each a link to its runs (QA: only month by month)', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), '#/rekonsiliasi?month=2026-10');
    const year = page.getByRole('table', { name: 'Status rekonsiliasi per bulan, tahun 2026' });
    await year.waitFor();
    const rows = await year.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(12);
    expect(rows[9].replace(/\s+/g, ' ').trim()).toBe('Oktober 2026 Draf');
    expect(rows[8].replace(/\s+/g, ' ').trim()).toBe('September 2026 Belum direkonsiliasi');
    await year.getByRole('link', { name: 'September 2026' }).click();
    await page.getByText('Belum ada rekonsiliasi untuk September 2026.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a run with double coverage says under its findings that Nilai ditagih is not a sum of the bill (QA: it added up to more, unsaid)', async () => {
    const { t, base, browser } = app;
    const finance = await t.as(Role.KEUANGAN);
    // one participant billed in October is on the central PBI-APBN list too: DOUBLE_COVERAGE beside its line's own category (DOMAIN §7)
    await finance.post('/api/v1/pbi-apbn-lists').field('month', MONTH).attach('file', Buffer.from(`NIK\n${PEOPLE[1].nik}\n`), 'pbi.csv').expect(201);
    const rerun = (await finance.post('/api/v1/reconciliations').send({ month: MONTH }).expect(201)).body.id;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/rekonsiliasi/${rerun}`);
    const row = page.locator('tr[data-category="DOUBLE_COVERAGE"]');
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toBe('1');
    await expect(page.locator('.not-a-sum').textContent()).resolves.toBe(
      'Kolom Nilai ditagih bukan jumlah tagihan: peserta Terdaftar ganda, PBI APBN juga dihitung pada kategori lainnya (kategori baris tagihannya, atau Tidak ditagih).',
    );
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
