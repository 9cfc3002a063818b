/**
 * The run page offers finalize only to those the API lets finalize the run (QA): the officer who started it saw the
 * Finalisasi button and the whole question, and was then refused (SAME_PERSON, maker-checker). That officer now sees,
 * in its place, that another finance officer finalizes it; another finance officer still sees the button (the admin, whom
 * the API refuses finalize, never did).
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { billCsv, enrollmentCsv, PEOPLE } from './support/sheets.js';

const MONTH = '2026-10';
const FINALIZE = 'Finalisasi rekonsiliasi ini…';

describeInBrowser('console: the officer who started a run is offered no finalize', () => {
  let runId: string;
  let starter: string;

  const app = browserApp(async (t) => {
    await (await t.as(Role.OPERATOR_DINKES)).post('/api/v1/enrollment-uploads').attach('file', Buffer.from(enrollmentCsv(PEOPLE)), 'peserta.csv').expect(201);
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2026, scope: 'ALL' }).expect(201);
    const bill = billCsv(PEOPLE.map((p) => ({ noka: p.noka!, nik: p.nik, name: p.name, amount: 37800 })));
    await finance.post('/api/v1/bills').field('month', MONTH).field('invoiceTotal', String(5 * 37800)).attach('file', Buffer.from(bill), 'tagihan.csv').expect(201);
    const run = (await finance.post('/api/v1/reconciliations').send({ month: MONTH }).expect(201)).body;
    runId = run.id;
    starter = (await finance.get(`/api/v1/reconciliations/${runId}`).expect(200)).body.startedBy;
  });

  it('says to its starter that another officer finalizes it, without the button; another officer gets the button', async () => {
    const { t, base, browser } = app;
    const officer = await userFor(t, Role.KEUANGAN); // the tests' finance officer, who started the run
    expect(starter).toBe(officer.username);

    const own = await openPage(browser);
    await login(own.page, base, officer, `#/rekonsiliasi/${runId}`);
    const section = own.page.locator('section', { has: own.page.getByRole('heading', { name: 'Finalisasi', exact: true }) });
    await section.getByText(`Anda (${officer.username}) yang menjalankan rekonsiliasi ini; finalisasi dilakukan oleh petugas keuangan lain (prinsip empat mata).`).waitFor();
    expect(await own.page.getByRole('button', { name: FINALIZE }).count()).toBe(0);
    expect(await own.page.locator('.confirm-step').count()).toBe(0);
    expect(own.errors).toEqual([]);
    await own.context.close();

    const other = await openPage(browser);
    await login(other.page, base, await userFor(t, Role.KEUANGAN, '2'), `#/rekonsiliasi/${runId}`);
    await other.page.getByRole('button', { name: FINALIZE }).waitFor();
    expect(await other.page.getByText('yang menjalankan rekonsiliasi ini').count()).toBe(0);
    expect(other.errors).toEqual([]);
    await other.context.close();

    // the admin, whom the API does not let finalize (KEUANGAN only), was never offered it, and is not told it started the run
    const admin = await openPage(browser);
    await login(admin.page, base, await userFor(t, Role.ADMIN), `#/rekonsiliasi/${runId}`);
    await admin.page.getByRole('heading', { name: 'Ringkasan', exact: true }).waitFor();
    expect(await admin.page.getByRole('button', { name: FINALIZE }).count()).toBe(0);
    expect(await admin.page.getByText('yang menjalankan rekonsiliasi ini').count()).toBe(0);
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  }, BROWSER_TIMEOUT);
});
