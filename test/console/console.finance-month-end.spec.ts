import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertBill, insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { type Page } from 'playwright-core';
import { tableRows } from './support/downloads.js';
import { billCsv, enrollmentCsv, PEOPLE } from './support/sheets.js';
import { closeMonth } from '../funding/support/register.js';

/**
 * Finalizing a month that has not ended is allowed (the API's rules are unchanged) but is warned about before it is
 * confirmed (QA: on 6 December keuangan ran December 2026 and keuangan2 finalized it, the question saying nothing of
 * December not having ended nor of its 10 December due date; 2026 then had no open month and December's on-time SP2D
 * was refused MONTH_CLOSED). GET /reconciliations/:id says `dueDate` and `monthEnded` (the server's clock, WIB); the
 * finalize question says the month has not ended, that its due date has not passed while funders still owe (how many,
 * how much), and that December's later payments and corrections go to January 2027; the officer who ran it hears the same beside "finalisasi dilakukan oleh petugas
 * keuangan lain".
 *
 * Three participants, Rp37.800 a month each: APBD-2026 (quota 2) and PROV-2026 (quota 1) fund December, Rp75.600 and
 * Rp37.800; APBD-2026 paid Rp50.000 on 5 December, PROV-2026 nothing: both owe, Rp25.600 + Rp37.800 = Rp63.400.
 * December's bill bills all three. The server's and the browser's clock: 6 December 2026, 10:00 WIB.
 */
describeInBrowser('console: finance is warned before finalizing a month that has not ended', () => {
  let runId = '';
  const app = browserApp(async (t) => {
    t.clock.set(new Date('2026-12-06T03:00:00Z'));
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n), noka: `000000000000${n}` })));
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-12', amount: 50000, paidAt: '2026-12-05', reference: 'SP2D 1' }).expect(201);
    await insertBill(t.dataSource, '2026-12', [1, 2, 3].map((n) => ({ nik: nik(n), noka: `000000000000${n}` })));
    runId = (await finance.post('/api/v1/reconciliations').send({ month: '2026-12' }).expect(201)).body.id;
  });

  const NOT_ENDED =
    'Desember 2026 belum berakhir (iuran jatuh tempo 10 Desember 2026): setelah difinalisasi, pembayaran Desember 2026 hanya dapat dicatat sebagai koreksi di bulan berikutnya (Januari 2027, Koreksi untuk bulan Desember 2026), juga yang dibayar tepat waktu.';
  // before the due date: said with the owing funders (QA)
  const OWED = 'Jatuh tempo 10 Desember 2026 belum lewat, tetapi 2 komitmen masih terutang untuk Desember 2026 (belum dibayar atau kurang bayar) sebesar Rp63.400: APBD-2026, PROV-2026;';
  // January 2027 takes 2026's later payments and corrections (QA: "tidak lagi memiliki bulan terbuka" was said)
  const LAST =
    'Desember 2026 adalah bulan terakhir tahun anggaran 2026: setelah difinalisasi, semua bulan tahun 2026 ditutup. Pembayaran dan koreksi tahun 2026 yang datang kemudian dicatat di Januari 2027 ' +
    'sebagai koreksi (Bulan iuran Januari 2027, Koreksi untuk bulan = bulan 2026 yang dikoreksi, komitmen tahun 2026).';
  // this December has no PBI-APBN list: its run says so, and so does the finalize question (QA)
  const NO_PBI = 'Rekonsiliasi ini dijalankan tanpa daftar PBI APBN Desember 2026: kepesertaan ganda (terdaftar juga sebagai PBI APBN) tidak diperiksa, dan setelah difinalisasi daftarnya tidak dapat diunggah lagi.';

  it('the run says when the month is due and whether it has ended, by the server clock (WIB)', async () => {
    const { t } = app;
    const detail = async () => (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}`).expect(200)).body;
    expect(await detail()).toMatchObject({ month: '2026-12', dueDate: '2026-12-10', dueDatePassed: false, monthEnded: false });
    t.clock.set(new Date('2026-12-31T16:59:00Z')); // 31 December 23:59 WIB
    expect((await detail()).monthEnded).toBe(false);
    t.clock.set(new Date('2026-12-31T17:00:00Z')); // 1 January 2027 00:00 WIB
    expect((await detail()).monthEnded).toBe(true);
    t.clock.set(new Date('2026-12-06T03:00:00Z'));
  });

  it('the finalize question of keuangan2, and the note to keuangan who ran it, say so first', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await page.clock.setFixedTime(t.clock.now());
    await login(page, base, await userFor(t, Role.KEUANGAN, '2'), `#/rekonsiliasi/${runId}`);
    await page.getByRole('button', { name: 'Finalisasi rekonsiliasi ini…' }).click();
    const question = page.locator('.notice--warning', { hasText: 'belum berakhir' });
    await question.waitFor();
    const text = (await question.textContent()) ?? '';
    expect(text.startsWith(`${NOT_ENDED} ${OWED}`)).toBe(true);
    expect(text).toContain(LAST);
    expect(text).toContain(NO_PBI);
    expect(text).toContain('Setelah difinalisasi, hasil Desember 2026 dikunci');
    await page.getByRole('button', { name: 'Ya, finalisasi Desember 2026' }).waitFor();
    await context.close();

    const own = await openPage(browser);
    await own.page.clock.setFixedTime(t.clock.now());
    await login(own.page, base, await userFor(t, Role.KEUANGAN), `#/rekonsiliasi/${runId}`);
    const note = own.page.locator('.notice--warning', { hasText: 'belum berakhir' });
    await note.waitFor();
    expect(await note.textContent()).toBe(`${NOT_ENDED} ${OWED} setelah difinalisasi, pembayarannya hanya dapat dicatat sebagai koreksi di bulan berikutnya (Januari 2027). ${LAST} ${NO_PBI}`);
    expect([...errors, ...own.errors]).toEqual([]);
    await own.context.close();
  }, BROWSER_TIMEOUT);
});

/**
 * Dasbor and Pembayaran tell a month past its due date from one not yet due (§8, QA: on 6 December 2026
 * November, December and January 2027 all showed the same red "Belum dibayar"): a month still owed reads
 * "Lewat jatuh tempo" (red) with one warning line naming its pledges and the suspension risk, or "Belum jatuh
 * tempo (10 Desember 2026)" (grey) with no warning; a month not begun is never overdue. The server's clock
 * (FixedClock) decides, in WIB.
 *
 * Two participants, Rp37.800 a month each to APBD-2026 and TJSLP-KOPI-2026 (quota 1 each); APBD-2027 funds both
 * in 2027. Nothing is paid.
 */
describeInBrowser('console: a month past its due date is told from one not yet due', () => {
  const app = browserApp(async (t) => {
    t.clock.set(new Date('2026-11-20T03:00:00Z')); // 20 November 2026, 10:00 WIB
    await insertParticipants(t.dataSource, [1, 2].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'TJSLP-KOPI-2026', { sourceType: 'TJSLP', priority: 20, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2027', { fiscalYear: 2027 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-11' }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
  });

  const statusTable = (page: Page) => page.getByRole('table', { name: 'Status pembayaran per pemberi dana' });
  const show = async (page: Page, base: string, path: string, heading: string) => {
    await page.goto(`${base}/console/#${path}`);
    await page.getByRole('heading', { name: heading }).waitFor();
    await statusTable(page).waitFor();
  };
  const badgeClasses = (page: Page, text: string) => statusTable(page).locator('.badge', { hasText: text }).evaluateAll((els) => els.map((e) => e.className));

  // the auditor reads the facts, with no instruction to pay or record (QA: "Segera bayar atau catat pembayarannya")
  it('November after the 10th, December not yet due; then, on 6 December, November ended unpaid and January not begun', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), '#/dasbor?month=2026-11');
    await statusTable(page).waitFor();
    expect(await tableRows(statusTable(page))).toEqual([
      ['APBD-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo 10 November 2026'],
      ['TJSLP-KOPI-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo 10 November 2026'],
    ]);
    expect(await badgeClasses(page, 'Lewat jatuh tempo')).toEqual(['badge badge--bad', 'badge badge--bad']);
    expect(await page.getByRole('status', { name: 'Lewat jatuh tempo November 2026' }).textContent()).toBe(
      'Iuran November 2026 untuk komitmen APBD-2026 dan TJSLP-KOPI-2026 belum lunas dan sudah lewat jatuh tempo 10 November 2026: bila belum lunas pada akhir bulan, ' +
        'BPJS Kesehatan dapat menonaktifkan kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018).',
    );

    // December, not yet due: grey, no warning
    await show(page, base, '/dasbor?month=2026-12', 'Dasbor Desember 2026');
    expect((await tableRows(statusTable(page))).map((r) => r[4])).toEqual(['Belum dibayar Jatuh tempo 10 Desember 2026', 'Belum dibayar Jatuh tempo 10 Desember 2026']);
    expect(await badgeClasses(page, 'Belum')).toEqual(['badge badge--neutral', 'badge badge--neutral']);
    expect(await badgeClasses(page, 'Jatuh tempo')).toEqual(['badge badge--neutral', 'badge badge--neutral']);
    expect(await page.getByRole('status', { name: /^Lewat jatuh tempo/ }).count()).toBe(0);

    // 6 December: November's month has ended unpaid (Pembayaran says it too); January 2027 is not begun
    t.clock.set(new Date('2026-12-06T03:00:00Z'));
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2027-01' }).expect(201);
    await show(page, base, '/pembayaran?month=2026-11', 'Pembayaran November 2026');
    expect(await page.getByRole('status', { name: 'Lewat jatuh tempo November 2026' }).textContent()).toBe(
      'Iuran November 2026 untuk komitmen APBD-2026 dan TJSLP-KOPI-2026 belum lunas sampai akhir bulan (jatuh tempo 10 November 2026): BPJS Kesehatan mungkin sudah ' +
        'menonaktifkan kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018).',
    );
    await show(page, base, '/dasbor?month=2027-01', 'Dasbor Januari 2027');
    expect(await tableRows(statusTable(page))).toEqual([['APBD-2027', 'Rp75.600', 'Rp0', '-Rp75.600', 'Belum dibayar Jatuh tempo 10 Januari 2027']]);
    expect(await page.getByRole('status', { name: /^Lewat jatuh tempo/ }).count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});

/**
 * The run page offers finalize only to those the API lets finalize the run (QA): the officer who started it saw the
 * Finalisasi button and the whole question, and was then refused (SAME_PERSON, maker-checker). That officer now sees,
 * in its place, that another finance officer finalizes it; another finance officer still sees the button (the admin, whom
 * the API refuses finalize, never did).
 */
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

/**
 * The Tagihan page in the browser: a finalized month is said above the forms before anything is uploaded, in the words
 * of the console (no API field), and a bill file that is another month's stored bill is warned about after the upload
 * (QA: both were learnt only from a refusal, or not at all).
 */
const BILL = billCsv(PEOPLE.slice(0, 2).map((p) => ({ noka: p.noka!, nik: p.nik, name: p.name, amount: 37800 })));

describeInBrowser('console: the Tagihan page says a month is finalized, and that a file is another month\'s bill', () => {
  const app = browserApp(async (t) => {
    await (await t.as(Role.KEUANGAN)).post('/api/v1/bills').field('month', '2026-09').field('invoiceTotal', '75600').attach('file', Buffer.from(BILL), 'tagihan-september.csv').expect(201);
    await closeMonth(t.dataSource, '2026-09');
  });

  const sectionOf = (page: Page, heading: string) => page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });

  it('warns above the form for September, not for October, and names September\'s bill when its file is uploaded for October', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/tagihan?month=2026-09');
    const bills = sectionOf(page, 'Tagihan BPJS');
    const closed = bills.getByText(/^September 2026 sudah difinalisasi: tagihannya tidak dapat diganti\./);
    await closed.waitFor();
    await expect(closed.textContent()).resolves.toContain('("Koreksi untuk bulan" pada formulir Pembayaran, atau kolom KOREKSI_UNTUK_BULAN pada lembar pembayaran)');
    await sectionOf(page, 'Daftar PBI APBN').getByText('September 2026 sudah difinalisasi: daftar PBI APBN-nya tidak dapat diganti.').waitFor();
    // and the forms take nothing for it: Unggah, the file and the total disabled, the month left to pick another (QA)
    await expect(bills.getByRole('button', { name: 'Unggah tagihan' }).isDisabled()).resolves.toBe(true);
    await expect(bills.getByLabel('Total invoice (Rp)').isDisabled()).resolves.toBe(true);
    await expect(bills.locator('input[type="file"]').isDisabled()).resolves.toBe(true);
    await expect(bills.getByLabel('Bulan').isDisabled()).resolves.toBe(false);
    await expect(sectionOf(page, 'Daftar PBI APBN').getByRole('button', { name: 'Unggah daftar PBI APBN' }).isDisabled()).resolves.toBe(true);

    await bills.getByLabel('Bulan').fill('2026-10');
    await bills.getByText('Belum ada tagihan yang diunggah untuk Oktober 2026.').waitFor();
    await expect(closed.count()).resolves.toBe(0);
    await expect(bills.getByRole('button', { name: 'Unggah tagihan' }).isEnabled()).resolves.toBe(true);

    await bills.getByLabel('Total invoice (Rp)').fill('75.600');
    await bills.locator('input[type="file"]').setInputFiles({ name: 'tagihan-oktober.csv', mimeType: 'text/csv', buffer: Buffer.from(BILL) });
    await bills.getByRole('button', { name: 'Unggah tagihan' }).click();
    await bills.getByText('Tagihan Oktober 2026 tersimpan (versi 1).').waitFor();
    await bills.getByText('Berkas ini sama persis dengan tagihan September 2026 (versi 1) yang sudah tersimpan: periksa bulannya.').waitFor();
    // the month's history says it too, after the answer is gone (QA: it showed 0 warnings)
    await page.reload();
    await bills.getByLabel('Bulan').fill('2026-10');
    const history = page.getByRole('table', { name: 'Riwayat unggahan tagihan Oktober 2026' });
    const badge = history.getByText('sama dengan tagihan September 2026 v1', { exact: true });
    await badge.waitFor();
    await expect(badge.getAttribute('title')).resolves.toBe('Berkas ini sama persis dengan tagihan September 2026 (versi 1) yang sudah tersimpan: periksa bulannya.');

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
