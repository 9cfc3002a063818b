/**
 * An upload that brings ended participants back is not a plain success: the result's headline is amber, says how many
 * came back and how many of them were recorded dead, and what to do, above the list of their rows (QA: an older master
 * sheet uploaded again reinstated four, two of them dead, under a green "Semua baris diterima.").
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Role } from '../../src/users/role.js';
import { upload } from '../register/support.js';
import { consoleModule } from './support/console-module.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';

describeInBrowser('console: an upload that reinstates ended participants', () => {
  const app = browserApp(async (t) => {
    await upload(t, 'ok/reinstate-master.csv');
    await upload(t, 'ok/reinstate-mutations.csv');
    t.clock.set(new Date('2026-11-16T03:00:00Z')); // another day: the master sheet is applied again
  });

  it('says so in an amber headline, the dead counted, with their rows listed below', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.OPERATOR_DINKES));
    await page.getByRole('heading', { name: 'Unggah Daftar Peserta' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'master-lama.csv', mimeType: 'text/csv', buffer: readFileSync('test/fixtures/enrollment/ok/reinstate-master.csv') });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const result = page.locator('section', { has: page.getByRole('heading', { name: 'Hasil unggahan' }) });
    const headline =
      'Semua baris diterima, tetapi 4 peserta yang sudah berakhir diaktifkan kembali (2 di antaranya tercatat meninggal). ' +
      'Periksa daftar di bawah: bila tidak dimaksud, unggah ulang TAT dan alasannya.';
    const notice = result.getByText(headline, { exact: true });
    await notice.waitFor();
    expect(await notice.getAttribute('class')).toBe('notice notice--warning');
    await expect(result.getByText('Semua baris diterima.', { exact: true }).count()).resolves.toBe(0);
    // the rows brought back, listed: the deaths undone say so
    await result.getByText(/catatan kematian itu dibatalkan/).first().waitFor();
    await expect(result.getByText(/catatan kematian itu dibatalkan/).count()).resolves.toBe(2);
    await expect(result.getByText(/tercatat berakhir 30 September 2026 \(PINDAH\)/).count()).resolves.toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});

describe('console: the result headline with participants reinstated', () => {
  it('is amber beside rejected rows or file warnings too, and says nothing of deaths when none', async () => {
    const enrollment = await consoleModule('pages/enrollment.js');
    const done = { status: 'DONE', rowsRead: 10, accepted: 10, rejected: 0, warnings: 0, created: 0, updated: 0, unchanged: 10, reinstated: 0, reinstatedDeaths: 0 };
    expect(enrollment.resultHeadline(done)).toEqual({ tone: 'success', headline: 'Semua baris diterima.' });
    expect(enrollment.resultHeadline({ ...done, reinstated: 1 })).toEqual({
      tone: 'warning',
      headline: 'Semua baris diterima, tetapi 1 peserta yang sudah berakhir diaktifkan kembali. Periksa daftar di bawah: bila tidak dimaksud, unggah ulang TAT dan alasannya.',
    });
    expect(enrollment.resultHeadline({ ...done, rejected: 2, reinstated: 3, reinstatedDeaths: 1 })).toEqual({
      tone: 'warning',
      headline:
        '2 baris ditolak. Unduh laporan, perbaiki baris tersebut, lalu unggah ulang. Selain itu, 3 peserta yang sudah berakhir diaktifkan kembali ' +
        '(1 di antaranya tercatat meninggal). Periksa daftar di bawah: bila tidak dimaksud, unggah ulang TAT dan alasannya.',
    });
    expect(enrollment.resultHeadline({ ...done, reinstated: 2 }, 1).headline).toMatch(/^Semua baris yang dibaca diterima, tetapi ada 1 peringatan tentang berkas ini .* Selain itu, 2 peserta yang sudah berakhir diaktifkan kembali\. /);
    expect(enrollment.resultCounts({ ...done, reinstated: 4, reinstatedDeaths: 2 }).at(-1)).toEqual({ label: 'Diaktifkan kembali', value: '4', tone: 'warn', hint: '2 di antaranya tercatat meninggal' });
  });
});
