/**
 * An auditor (Inspektorat, BPK) on Pembayaran, read-only (DOMAIN §1: who paid for whom, when and why):
 * the page is in the auditor's menu; a month's status per funder, its payments a page at a time with
 * the SP2D references, the corrections of a finalized month recorded in later months, and the payment
 * sheets uploaded with their row reports. No form, upload or Hapus…, and no request the API refuses
 * (QA: "Halaman ini tidak tersedia untuk peran Auditor"; only the workbook showed the payments).
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him; 2026-10 allocated (with every month before
 * it). October has 60 payments from a sheet (S-001 … S-060, Rp1.000 each on successive days: two pages
 * of 50), whose one unknown pledge was refused (so the sheet has a row report). July paid nothing and is
 * finalized; its shortfall is corrected in November by Rp20.000 and Rp17.800.
 */
import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, settled, userFor } from './support/browser.js';
import { tableRows } from './support/downloads.js';

const COUNT = 60;
const reference = (i: number) => `S-${String(i).padStart(3, '0')}`;
/**
 * 1 October 2026 plus `i - 1` days: every payment its own day, so listed in that order, none before the month it pays
 * for (PAID_BEFORE_MONTH) nor after the clock's day (20 December, set below).
 */
const paidAt = (i: number) => new Date(Date.UTC(2026, 9, i)).toISOString().slice(0, 10);

describeInBrowser('console: an auditor reads Pembayaran, and can change nothing there', () => {
  const app = browserApp(async (t) => {
    t.clock.set(new Date('2026-12-20T03:00:00Z'));
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await closeMonth(t.dataSource, '2026-07');
    const rows = Array.from({ length: COUNT }, (_, k) => `APBD-2026;2026-10;1000;${paidAt(k + 1)};${reference(k + 1)}`);
    const sheet = Buffer.from(['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI', ...rows, 'TIDAK-ADA-2026;2026-10;5000;2026-10-05;S-999'].join('\n'));
    await finance.post('/api/v1/payment-uploads').attach('file', sheet, 'pembayaran-oktober.csv').expect(201);
    for (const [amount, ref, day] of [[20000, 'KOREKSI 1', '2026-11-02'], [17800, 'KOREKSI 2', '2026-11-03']] as const) {
      await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-11', amount, paidAt: day, reference: ref, adjustsMonth: '2026-07' }).expect(201);
    }
  });

  /** Nothing on the page writes: the month picker, the pagers and the reports' Unduh are its only controls. */
  const expectNoWriteControls = async (page: Page) => {
    const main = page.locator('main');
    expect(await main.getByRole('form').evaluateAll((forms: any[]) => forms.map((f) => f.getAttribute('aria-label')))).toEqual(['Pilih bulan']);
    expect(await main.locator('input[type="file"], textarea, select').count()).toBe(0);
    const buttons = new Set(await main.getByRole('button').allTextContents());
    expect([...buttons].filter((b) => !['Tampilkan', 'Unduh', '« Pertama', '‹ Sebelumnya', 'Berikutnya ›', 'Terakhir »', 'Buka'].includes(b))).toEqual([]);
    expect(await main.getByText(/Hapus|Catat pembayaran|Unggah/).count()).toBe(0);
  };

  it('opens Pembayaran from the menu: statuses, payments with the pager, corrections and the sheets uploaded', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    // every answer the auditor is refused, and every request that is not a read
    const refused: string[] = [];
    const writes: string[] = [];
    page.on('response', (res) => {
      if (res.status() === 403) refused.push(`${res.request().method()} ${res.url()}`);
    });
    page.on('request', (req) => {
      if (req.url().includes('/api/') && req.method() !== 'GET' && !req.url().endsWith('/api/v1/auth/login')) writes.push(`${req.method()} ${req.url()}`);
    });
    await login(page, base, await userFor(t, Role.AUDITOR));
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pembayaran' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pembayaran' }).waitFor();
    await page.getByText('Hanya baca.', { exact: false }).waitFor();

    // finalized July: its own figures, the corrections recorded in November, and no way to change them
    const picker = page.getByRole('form', { name: 'Pilih bulan' });
    await picker.getByLabel('Bulan iuran').fill('2026-07');
    await picker.getByRole('button', { name: 'Tampilkan' }).click();
    const status = page.getByRole('table', { name: 'Status pembayaran per pemberi dana' });
    await page.getByRole('heading', { name: 'Pembayaran Juli 2026' }).waitFor();
    await status.waitFor();
    expect((await tableRows(status))[0]).toEqual(['APBD-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo 10 Juli 2026']);
    const note = page.getByRole('note', { name: 'Koreksi untuk Juli 2026' });
    expect(await tableRows(note.getByRole('table', { name: 'Kekurangan Juli 2026 setelah koreksi' }))).toEqual([
      ['APBD-2026', 'Rp37.800', 'Rp37.800', 'Rp0', 'Lunas setelah koreksi'],
    ]);
    expect(await tableRows(note.getByRole('table', { name: 'Koreksi untuk Juli 2026' }))).toEqual([
      ['APBD-2026', 'November 2026', '2 November 2026', 'KOREKSI 1', 'Rp20.000'],
      ['APBD-2026', 'November 2026', '3 November 2026', 'KOREKSI 2', 'Rp17.800'],
    ]);
    await page.getByText('Juli 2026 sudah difinalisasi: pembayarannya tetap seperti tercatat; koreksinya dicatat di bulan yang masih terbuka.').waitFor();
    await page.getByText('Belum ada pembayaran tercatat untuk bulan ini.').waitFor();
    await expectNoWriteControls(page);

    // November lists the corrections as its payments: who paid, when, which reference, for which month, who recorded them and when
    await picker.getByLabel('Bulan iuran').fill('2026-11');
    await picker.getByRole('button', { name: 'Tampilkan' }).click();
    const november = page.getByRole('table', { name: 'Pembayaran tercatat untuk November 2026' });
    await november.waitFor();
    expect(await november.locator('thead th').allTextContents()).toEqual(['Komitmen', 'Tanggal bayar', 'Referensi', 'Koreksi bulan', 'Dicatat oleh', 'Jumlah']);
    expect(await tableRows(november)).toEqual([
      ['APBD-2026', '2 November 2026', 'KOREKSI 1', 'Juli 2026', 'uji-keuangan pada 20 Desember 2026 10.00 WIB', 'Rp20.000'],
      ['APBD-2026', '3 November 2026', 'KOREKSI 2', 'Juli 2026', 'uji-keuangan pada 20 Desember 2026 10.00 WIB', 'Rp17.800'],
    ]);

    // open October: 60 payments, two pages, without Hapus…; the page in the address
    await picker.getByLabel('Bulan iuran').fill('2026-10');
    await picker.getByRole('button', { name: 'Tampilkan' }).click();
    const pager = page.getByRole('navigation', { name: 'Halaman pembayaran Oktober 2026' });
    await pager.getByText('Halaman 1 dari 2 (60 baris)').waitFor();
    const october = page.getByRole('table', { name: 'Pembayaran tercatat untuk Oktober 2026' });
    expect((await tableRows(october)).map((r) => r[2])).toEqual(Array.from({ length: 50 }, (_, k) => reference(k + 1)));
    // the sheet's payments say which file they came from (QA: an auditor could not trace them)
    expect((await tableRows(october))[0][4]).toBe('uji-keuangan pada 20 Desember 2026 10.00 WIB, dari berkas pembayaran-oktober.csv');
    expect(await october.locator('thead th').allTextContents()).not.toContain('Tindakan');
    await pager.getByRole('button', { name: 'Terakhir »' }).click();
    await pager.getByText('Halaman 2 dari 2 (60 baris)').waitFor();
    expect((await tableRows(october)).map((r) => r[2])).toEqual(Array.from({ length: 10 }, (_, k) => reference(k + 51)));
    expect(new URL(page.url()).hash).toBe('#/pembayaran?month=2026-10&page=2');
    expect((await tableRows(status))[0]).toEqual(['APBD-2026', 'Rp37.800', 'Rp60.000', 'Rp22.200', 'Lebih bayar Dibayar terlambat']); // paid up to 29 November

    // the payment sheets uploaded, with the row report of the refused row
    const history = page.getByRole('table', { name: 'Riwayat unggahan lembar pembayaran' });
    await history.waitFor();
    const [sheet] = await tableRows(history);
    // warned: the 23 rows that each take October past its Rp37.800 due (EXCEEDS_DUE, the 38th Rp1.000 onward)
    expect(sheet.slice(1, 6)).toEqual(['uji-keuangan', 'pembayaran-oktober.csv', '60 (Rp60.000)', '1', '23']);
    const [report] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: 'Unduh' }).click()]);
    expect(report.suggestedFilename()).toMatch(/^laporan-unggahan-pembayaran-[\w-]+-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.xlsx$/);
    await expectNoWriteControls(page);
    await screenshot(page, 'auditor-payments');

    await settled(page);
    expect({ refused, writes }).toEqual({ refused: [], writes: [] });
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
