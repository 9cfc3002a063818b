/**
 * The operator's participant page: identity, coverage and change history, and in place of the funding
 * history a note saying who may read it (QA: the API gave the operator pledge codes and rupiah per
 * month; without them, an empty table would read as a participant nobody funded).
 */
import { expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { insertParticipants } from '../funding/support/register.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, settled, userFor } from './support/browser.js';

const NIK = '1703015401501302';
const NOTE = 'Riwayat pendanaan hanya dapat dilihat oleh Keuangan, Auditor dan Admin.';

describeInBrowser('console: the operator’s participant pages: no funding history; the search as a sheet', () => {
  const app = browserApp(async (t) => {
    // funded in December by the province, 40 %: there is a funding history the operator is not to read
    await insertParticipants(t.dataSource, [
      { nik: NIK, name: 'Sari Wulandari', village: '17.03.07.2001', tmt: '2026-11-01' },
      { nik: '1703015401501303', name: 'Sari Rahmawati', village: '17.03.06.2001', tmt: '2026-10-01' },
    ]);
    const finance = await t.as(Role.KEUANGAN);
    await finance
      .post('/api/v1/pledges')
      .send({ code: 'PROV-2026', sourceType: 'APBD_PROV', funder: 'Pemerintah Provinsi Bengkulu', fiscalYear: 2026, fromMonth: 12, scope: 'RESIDENTS', niks: [NIK], sharePercent: 40 })
      .expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
  });

  it('shows the participant and the note, no funding table, amounts or links to funding pages', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    const asked: string[] = [];
    page.on('request', (req) => asked.push(new URL(req.url()).pathname));
    await login(page, base, await userFor(t, Role.OPERATOR_DINKES), `#/peserta/${NIK}`);
    await page.getByRole('heading', { name: 'Sari Wulandari' }).waitFor();
    await settled(page);

    const funding = page.locator('section', { has: page.getByRole('heading', { name: 'Riwayat pendanaan' }) });
    await expect(funding.textContent()).resolves.toBe(`Riwayat pendanaan${NOTE}`);
    await expect(page.getByRole('table', { name: 'Iuran dan pendanaan per bulan' }).count()).resolves.toBe(0);
    await expect(page.getByText(/Tidak terdanai|Terdanai penuh|PROV-2026|Alokasi Dana/).count()).resolves.toBe(0);
    // the rest of the page as for every role
    await page.getByRole('heading', { name: 'Riwayat perubahan data' }).waitFor();
    await expect(page.locator('.notice--error').count()).resolves.toBe(0);
    // nothing asked that the operator is refused
    expect(asked.filter((path) => /\/api\/v1\/(pledges|splits|allocations)/.test(path))).toEqual([]);
    await screenshot(page, 'operator-participant-no-funding');
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  // a registration entered in error (a mistyped NIK) is voided with a reason, asked twice; the NIK's page then says so
  it('voids a registration entered in error, asked twice; the NIK\'s page then says who voided it and why', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.OPERATOR_DINKES), '#/peserta/1703015401501303');
    const voiding = page.locator('section', { has: page.getByRole('heading', { name: 'Batalkan pendaftaran' }) });
    await voiding.getByText('Hanya untuk pendaftaran yang salah catat').waitFor();
    await voiding.getByRole('button', { name: 'Batalkan pendaftaran…' }).click();
    await voiding.getByRole('button', { name: 'Ya, batalkan NIK 1703015401501303' }).click();
    await voiding.getByText('Alasan pembatalan wajib diisi').waitFor(); // no reason: refused, nothing voided
    await voiding.getByLabel('Alasan pembatalan').fill('NIK salah ketik');
    await voiding.getByRole('button', { name: 'Batalkan pendaftaran…' }).click();
    await voiding.getByRole('button', { name: 'Ya, batalkan NIK 1703015401501303' }).click();
    await page.locator('.notice--success', { hasText: 'Pendaftaran Sari Rahmawati (NIK 1703015401501303) dibatalkan.' }).waitFor(); // announced too: not getByText
    expect(await t.dataSource.query(`SELECT nik FROM participant WHERE nik = '1703015401501303'`)).toEqual([]);
    await page.goto(`${base}/#/peserta/1703015401501303`);
    await page.getByText(/^Pendaftaran peserta dengan NIK 1703015401501303 dibatalkan oleh .+: NIK salah ketik\./).waitFor();
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  // Cari Peserta offers the results as an enrollment sheet (QA: a death must repeat the participant's whole row, and
  // the operator had no copy of the register to start from)
  it('downloads the search results in the template columns, to change and upload back', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.OPERATOR_DINKES), '#/peserta?name=sari+w');
    await page.getByRole('table', { name: /Hasil pencarian: 1 peserta/ }).waitFor();
    await page.getByText('lalu unggah berkas itu di Unggah Peserta').waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh 1 peserta ini (.xlsx)' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^peserta-jamkesda-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path())!);
    const rows = wb.getWorksheet('Daftar Peserta')!.getSheetValues().slice(1) as unknown[][];
    expect(rows.map((r) => [r[1], r[3], r[6], r[8]])).toEqual([
      ['NIK', 'NAMA', 'KODE_DESA', 'TMT'],
      [NIK, 'Sari Wulandari', '17.03.07.2001', '01/11/2026'],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
