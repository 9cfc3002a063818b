/**
 * Cari Peserta offers the results as an enrollment sheet (QA: a death must repeat the participant's whole row, and the
 * operator had no copy of the register to start from).
 */
import { expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { insertParticipants } from '../funding/support/register.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';

describeInBrowser('console: the operator downloads the search results to change and upload back', () => {
  const app = browserApp(async (t) => {
    await insertParticipants(t.dataSource, [
      { nik: '1703015401501302', name: 'Sari Wulandari', village: '17.03.07.2001', tmt: '2026-11-01' },
      { nik: '1703015401501303', name: 'Sari Rahmawati', village: '17.03.06.2001', tmt: '2026-10-01' },
    ]);
  });

  it('searches, then downloads those participants in the template columns', async () => {
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
      ['1703015401501302', 'Sari Wulandari', '17.03.07.2001', '01/11/2026'],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
