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
const CARDED = '1703015401501304';

describeInBrowser('console: the operator’s participant pages: no funding history; the search as a sheet', () => {
  const app = browserApp(async (t) => {
    // funded in December by the province, 40 %: there is a funding history the operator is not to read
    await insertParticipants(t.dataSource, [
      { nik: NIK, name: 'Sari Wulandari', village: '17.03.07.2001', tmt: '2026-11-01' },
      { nik: '1703015401501303', name: 'Sari Rahmawati', village: '17.03.06.2001', tmt: '2026-10-01' },
      { nik: CARDED, name: 'Rina Salah Kartu', village: '17.03.06.2001', tmt: '2026-10-01' },
    ]);
    await t.dataSource.query(`UPDATE participant SET noka = '0001000000777' WHERE nik = $1`, [CARDED]);
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

  // a wrong card is taken away with a reason, asked twice; the page then shows the participant without it and the change
  // with who and why in its history; the roles that may not do it are not offered it
  it('takes a wrong card away (Hapus NOKA), asked with a reason; the page shows the new state; offered to the operator only', async () => {
    const { t, base, browser } = app;
    for (const role of [Role.KEUANGAN, Role.ADMIN, Role.AUDITOR]) {
      const other = await openPage(browser);
      await login(other.page, base, await userFor(t, role), `#/peserta/${CARDED}`);
      await other.page.getByRole('heading', { name: 'Riwayat perubahan data' }).waitFor();
      await settled(other.page);
      await other.page.getByText('0001000000777', { exact: true }).waitFor();
      await expect(other.page.getByRole('button', { name: /Hapus NOKA/ }).count()).resolves.toBe(0);
      await expect(other.page.getByRole('heading', { name: 'Hapus NOKA' }).count()).resolves.toBe(0);
      expect(other.errors).toEqual([]);
      await other.context.close();
    }

    const { context, page, errors } = await openPage(browser);
    const operator = await userFor(t, Role.OPERATOR_DINKES);
    await login(page, base, operator, `#/peserta/${CARDED}`);
    const facts = page.locator('dl.facts');
    await facts.getByText('0001000000777', { exact: true }).waitFor();
    const clearing = page.locator('section', { has: page.getByRole('heading', { name: 'Hapus NOKA' }) });
    await clearing.getByText('Untuk kartu BPJS yang salah tercatat pada peserta ini').waitFor();
    await clearing.getByRole('button', { name: 'Hapus NOKA…' }).click();
    await clearing.getByText('Hapus NOKA 0001000000777 dari Rina Salah Kartu (NIK 1703015401501304)? Peserta ini menjadi tanpa kartu.').waitFor();
    await clearing.getByRole('button', { name: 'Ya, hapus NOKA 0001000000777' }).click();
    await clearing.getByText('Alasan penghapusan NOKA wajib diisi.').waitFor(); // no reason: nothing sent
    expect(await t.dataSource.query('SELECT noka FROM participant WHERE nik = $1', [CARDED])).toEqual([{ noka: '0001000000777' }]);
    await clearing.getByLabel('Alasan penghapusan NOKA').fill('Kartu milik NIK lain, salah ketik');
    await clearing.getByRole('button', { name: 'Ya, hapus NOKA 0001000000777' }).click();
    await page.locator('.notice--success', { hasText: 'NOKA 0001000000777 dihapus dari Rina Salah Kartu (NIK 1703015401501304).' }).waitFor(); // announced too: not getByText
    expect(await t.dataSource.query('SELECT noka FROM participant WHERE nik = $1', [CARDED])).toEqual([{ noka: null }]);
    // the new state: no card, the change in the history with who and why, nothing left to take away
    await facts.getByText('Belum ada kartu', { exact: true }).waitFor();
    const history = page.getByRole('table', { name: /Perubahan data peserta/ });
    const row = history.locator('tbody tr', { hasText: 'NOKA: 0001000000777 → –. Alasan: Kartu milik NIK lain, salah ketik.' });
    await row.waitFor();
    await expect(row.locator('td').allTextContents()).resolves.toEqual([expect.any(String), 'Diubah', 'NOKA: 0001000000777 → –. Alasan: Kartu milik NIK lain, salah ketik.', operator.username, '–']);
    await expect(page.getByRole('heading', { name: 'Hapus NOKA' }).count()).resolves.toBe(0);
    await screenshot(page, 'operator-participant-noka-cleared');
    expect(errors).toEqual([]);
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
