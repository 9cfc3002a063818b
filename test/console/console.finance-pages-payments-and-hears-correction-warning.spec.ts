/**
 * Finance officers in the browser, on Pembayaran: a month with more payments than a page is listed with
 * the shared pager (it fetched up to 500 at once and showed them all), the page in the address; a
 * payment removed on the last page leaves that page shown; a finalized month still lists its payments
 * without Hapus…; a correction larger than what its month still lacks is saved with the API's
 * warning shown under the form (EXCEEDS_SHORTFALL); and a withdrawn pledge is marked in the form.
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him; 2026-10 allocated. October has 120
 * payments from a sheet (P-001 … P-120, paid on 120 successive days, so listed in that order: three
 * pages of 50); September was paid Rp20.000 (Rp17.800 short) and is finalized, which freezes August (paid in full). QA-A2-2026, added after October was
 * allocated, is withdrawn: the form's Komitmen marks it "(dicabut)" and a payment to it says so in its warning (QA); Alokasi's
 * and Laporan's pledge pickers mark it too.
 */
import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { tableRows } from './support/downloads.js';

const COUNT = 120;
const reference = (i: number) => `P-${String(i).padStart(3, '0')}`;
/** 1 January 2026 plus `i - 1` days: every payment its own day, inside the fiscal year and before the clock's 15 November. */
const paidAt = (i: number) => new Date(Date.UTC(2026, 0, i)).toISOString().slice(0, 10);

describeInBrowser('console: Pembayaran pages a month of many payments and shows a correction\'s warning', () => {
  const app = browserApp(async (t) => {
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-09', amount: 20000, paidAt: '2026-09-05', reference: 'SP2D SEPTEMBER' }).expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-08', amount: 37800, paidAt: '2026-08-05', reference: 'SP2D AGUSTUS' }).expect(201);
    await closeMonth(t.dataSource, '2026-09'); // freezes August (§9)
    const rows = Array.from({ length: COUNT }, (_, k) => `APBD-2026;2026-10;1000;${paidAt(k + 1)};${reference(k + 1)}`);
    const sheet = Buffer.from(['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI', ...rows].join('\n'));
    await finance.post('/api/v1/payment-uploads').attach('file', sheet, 'pembayaran-oktober.csv').expect(201);
    await insertPledge(t.dataSource, 'QA-A2-2026', { priority: 90 }); // after the allocation: nothing due, then withdrawn
    await finance.post('/api/v1/pledges/QA-A2-2026/withdraw').send({ reason: 'Komitmen ganda' }).expect(201);
  });

  /** The references listed, after the pager says `where` (e.g. "3 dari 3 (120 baris)"). */
  const shown = async (page: Page, where: string) => {
    await page.getByRole('navigation', { name: 'Halaman pembayaran Oktober 2026' }).getByText(`Halaman ${where}`).waitFor();
    return (await tableRows(page.getByRole('table', { name: 'Pembayaran tercatat untuk Oktober 2026' }))).map((r) => r[2]);
  };
  const references = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => reference(from + k));

  it('pages the month\'s payments: last page, go to a page, the address, a removal, a finalized month', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/pembayaran?month=2026-10');
    const pager = page.getByRole('navigation', { name: 'Halaman pembayaran Oktober 2026' });
    expect(await shown(page, '1 dari 3 (120 baris)')).toEqual(references(1, 50));

    await pager.getByRole('button', { name: 'Terakhir »' }).click();
    expect(await shown(page, '3 dari 3 (120 baris)')).toEqual(references(101, 120));
    expect(new URL(page.url()).hash).toBe('#/pembayaran?month=2026-10&page=3');
    // keyboard focus on the list's heading, not lost to the top of the page
    await expect(page.evaluate(() => (globalThis as any).document.activeElement?.id)).resolves.toBe('rincian-pembayaran');

    await pager.getByLabel('Ke halaman').fill('2');
    await pager.getByLabel('Ke halaman').press('Enter');
    expect(await shown(page, '2 dari 3 (120 baris)')).toEqual(references(51, 100));
    expect(new URL(page.url()).hash).toBe('#/pembayaran?month=2026-10&page=2');
    // Back shows the page before
    await page.goBack();
    expect(await shown(page, '3 dari 3 (120 baris)')).toEqual(references(101, 120));

    // each payment of an open month keeps its Hapus…: removing the last one leaves the last page shown
    const payments = page.getByRole('table', { name: 'Pembayaran tercatat untuk Oktober 2026' });
    const last = payments.locator('tbody tr', { hasText: 'P-120' });
    await last.getByRole('button', { name: 'Hapus…' }).click();
    await last.getByLabel('Alasan penghapusan').fill('Tercatat dua kali');
    await last.getByRole('button', { name: 'Ya, hapus' }).click();
    expect(await shown(page, '3 dari 3 (119 baris)')).toEqual(references(101, 119));
    expect((await tableRows(payments)).every((r) => r.at(-1)!.startsWith('Hapus…'))).toBe(true);

    // an old address with a page past the last shows the last, and says so
    await page.goto(`${base}/console/#/pembayaran?month=2026-10&page=40`);
    expect(await shown(page, '3 dari 3 (119 baris)')).toEqual(references(101, 119));
    await page.waitForURL((url) => url.hash === '#/pembayaran?month=2026-10&page=3');

    // another month starts at its first page: finalized September lists its payment without Hapus…
    const picker = page.getByRole('form', { name: 'Pilih bulan' });
    await picker.getByLabel('Bulan iuran').fill('2026-09');
    await picker.getByRole('button', { name: 'Tampilkan' }).click();
    const september = page.getByRole('table', { name: 'Pembayaran tercatat untuk September 2026' });
    await september.waitFor();
    expect((await tableRows(september)).map((r) => r.slice(0, 3))).toEqual([['APBD-2026', '5 September 2026', 'SP2D SEPTEMBER']]);
    await page.getByText('September 2026 sudah difinalisasi: pembayarannya tidak dapat dihapus.', { exact: false }).waitFor();
    expect(await september.getByRole('button', { name: 'Hapus…' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Halaman pembayaran September 2026' }).count()).toBe(0); // one page: no pager
    expect(new URL(page.url()).hash).toBe('#/pembayaran?month=2026-09');

    // August, frozen by September's finalization, is closed the same: no Hapus… the API would refuse (QA), said so
    await picker.getByLabel('Bulan iuran').fill('2026-08');
    await picker.getByRole('button', { name: 'Tampilkan' }).click();
    const august = page.getByRole('table', { name: 'Pembayaran tercatat untuk Agustus 2026' });
    await august.waitFor();
    expect((await tableRows(august)).map((r) => r.slice(0, 3))).toEqual([['APBD-2026', '5 Agustus 2026', 'SP2D AGUSTUS']]);
    await page.getByText('Agustus 2026 sudah dibekukan (September 2026 difinalisasi): pembayarannya tidak dapat dihapus.', { exact: false }).waitFor();
    expect(await august.getByRole('button', { name: 'Hapus…' }).count()).toBe(0);
    await expect(page.getByRole('note', { name: 'Agustus 2026 dibekukan' }).textContent()).resolves.toContain('Agustus 2026 dibekukan karena September 2026 sudah difinalisasi');
    // the Dasbor says it too
    await page.goto(`${base}/console/#/dasbor?month=2026-08`);
    await page.getByRole('heading', { name: 'Dasbor Agustus 2026' }).waitFor();
    await expect(page.getByRole('note', { name: 'Agustus 2026 dibekukan' }).textContent()).resolves.toContain('Agustus 2026 dibekukan karena September 2026 sudah difinalisasi');

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a correction larger than what September still lacks is saved, with the warning under the form', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/pembayaran?month=2026-10&page=3');
    await shown(page, '3 dari 3 (119 baris)');
    const single = page.getByRole('form', { name: 'Catat pembayaran' });
    await single.getByLabel('Komitmen').selectOption('APBD-2026');
    await single.getByLabel('Jumlah (Rp)').fill('Rp 40.000');
    await single.getByLabel('Tanggal bayar').fill('2026-11-02');
    await single.getByLabel('Referensi (No. SP2D/bukti transfer)').fill('SP2D KOREKSI SEPTEMBER');
    await single.getByLabel('Koreksi untuk bulan').fill('2026-09');
    await single.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await single.getByText('Pembayaran Rp40.000 untuk APBD-2026 (Oktober 2026) tersimpan sebagai koreksi untuk September 2026.').waitFor();
    const warning = single.locator('.notice--warning');
    await warning.waitFor();
    expect(await warning.textContent()).toBe(
      'Peringatan: Koreksi Rp40.000 untuk komitmen APBD-2026 melebihi kekurangan September 2026: kekurangannya Rp17.800 (iuran Rp37.800, dibayar Rp20.000), jadi koreksi ini lebih Rp22.200 dari kekurangan itu. ' +
        'Pembayaran ini dihitung di status pembayaran dan rekonsiliasi pada Oktober 2026, bulan pencatatannya; di laporan komitmen, laporan desa dan rekap tahunan pada September 2026.',
    );
    // recorded all the same: the page shown stays, and the correction (paid last) ends it
    expect((await shown(page, '3 dari 3 (120 baris)')).at(-1)).toBe('SP2D KOREKSI SEPTEMBER');

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('a withdrawn pledge is marked (dicabut) in Komitmen; a payment to it is saved, the warning saying when and by whom it was withdrawn', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/pembayaran?month=2026-10');
    const single = page.getByRole('form', { name: 'Catat pembayaran' });
    const options = single.getByLabel('Komitmen').locator('option');
    await options.nth(2).waitFor({ state: 'attached' });
    expect(await options.allTextContents()).toEqual(['(pilih komitmen)', 'APBD-2026 – Penyandang dana uji', 'QA-A2-2026 – Penyandang dana uji (dicabut)']);
    await single.getByLabel('Komitmen').selectOption('QA-A2-2026');
    await single.getByLabel('Jumlah (Rp)').fill('258000');
    await single.getByLabel('Tanggal bayar').fill('2026-11-03');
    await single.getByLabel('Referensi (No. SP2D/bukti transfer)').fill('SP2D DICABUT');
    await single.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await single.getByText('Pembayaran Rp258.000 untuk QA-A2-2026 (Oktober 2026) tersimpan.').waitFor();
    expect(await single.locator('.notice--warning').textContent()).toBe(
      'Peringatan: Komitmen QA-A2-2026 sudah dicabut pada 15 November 2026 oleh uji-keuangan; komitmen ini tidak menanggung iuran apa pun pada Oktober 2026; ' +
        'pembayaran ini akan tercatat sebagai kelebihan bayar.',
    );

    // Alokasi's Komitmen and Laporan's Komitmen mark it the same way (QA: Alokasi listed it unmarked)
    const marked = ['APBD-2026 – Penyandang dana uji', 'QA-A2-2026 – Penyandang dana uji (dicabut)'];
    await page.goto(`${base}/#/alokasi?month=2026-10`);
    const picker = page.getByRole('form', { name: 'Saring alokasi' }).getByLabel('Komitmen', { exact: true }).locator('option');
    await picker.nth(2).waitFor({ state: 'attached' });
    expect(await picker.allTextContents()).toEqual(['Semua komitmen', ...marked]);
    await page.goto(`${base}/#/laporan?month=2026-10`);
    const statement = page.getByRole('form', { name: 'Laporan komitmen' }).getByLabel('Komitmen').locator('option');
    await statement.nth(2).waitFor({ state: 'attached' });
    expect(await statement.allTextContents()).toEqual(['(pilih komitmen)', ...marked]);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
