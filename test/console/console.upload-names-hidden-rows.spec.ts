/**
 * The console shows an upload's `sheetWarnings` beside its other warnings: an operator who uploads an
 * enrollment sheet filtered down to one village, and a finance officer who uploads a bill with rows
 * hidden by hand, read that the hidden rows were read all the same, by row number.
 */
import { expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { PEOPLE, VILLAGE } from './support/sheets.js';

/** One sheet, `header` and `rows` as text cells, the row numbers in `hide` hidden. */
async function xlsx(sheet: string, header: string[], rows: (string | number)[][], hide: number[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = header.map(() => ({ style: { numFmt: '@' } }));
  [header, ...rows].forEach((r) => ws.addRow(r));
  for (const n of hide) ws.getRow(n).hidden = true;
  ws.autoFilter = { from: 'A1', to: { row: rows.length + 1, column: header.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeInBrowser('console: an upload names the rows Excel hid', () => {
  const app = browserApp();

  it('enrollment sheet and bill: a warning notice names the hidden rows', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.OPERATOR_DINKES));
    await page.getByRole('heading', { name: 'Unggah Daftar Peserta' }).waitFor();
    const header = ['NIK', 'NO_KK', 'NAMA', 'TANGGAL_LAHIR', 'JENIS_KELAMIN', 'KODE_DESA', 'NOKA', 'TMT'];
    const people = PEOPLE.slice(0, 4).map((p) => [p.nik, '1703060101200001', p.name, '1980-05-12', 'L', VILLAGE, '', '2025-01-01']);
    const sheet = await xlsx('Daftar Peserta', header, people, [2, 3, 5]);
    await page.locator('input[type="file"]').setInputFiles({ name: 'desa-tersaring.xlsx', mimeType: XLSX, buffer: sheet });
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    const result = page.locator('section', { has: page.getByRole('heading', { name: 'Hasil unggahan' }) });
    await result.waitFor();
    const warning = result.locator('.notice--warning', { hasText: 'tersembunyi di Excel' });
    await expect(warning.textContent()).resolves.toBe(
      'Peringatan: Baris 2–3 dan 5 (3 baris) tersembunyi di Excel (disembunyikan atau tersaring) dan tetap dibaca seperti baris lain. ' +
        'Jika hanya baris yang terlihat yang dimaksud, hapus baris tersembunyi itu dari berkas.',
    );
    // a warning about the file is not a success (QA: "Semua baris diterima." headed it)
    expect(await result.locator('.notice--success').count()).toBe(0);
    await expect(result.locator('.notice--warning').first().textContent()).resolves.toBe(
      'Semua baris yang dibaca diterima, tetapi ada 1 peringatan tentang berkas ini (di bawah): periksa, dan bila perlu perbaiki berkasnya lalu unggah ulang.',
    );
    await result.getByRole('button', { name: 'Unduh laporan unggahan (.xlsx)' }).waitFor();
    // the history marks the file's warning beside the rows warned, and offers the report (QA: "0" and "–")
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'Riwayat unggahan' }) });
    const row = history.locator('tbody tr', { hasText: 'desa-tersaring.xlsx' });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells[7]).toBe(`${await result.locator('.stat', { hasText: 'Diterima dengan peringatan' }).locator('dd').first().textContent()} + 1 tentang berkas`);
    await expect(row.locator('td').nth(7).locator('span').getAttribute('title')).resolves.toMatch(/^Baris 2–3 dan 5 \(3 baris\) tersembunyi di Excel/);
    await row.getByRole('button', { name: 'Unduh' }).waitFor();

    // a finance officer's bill
    const officer = await openPage(browser);
    await login(officer.page, base, await userFor(t, Role.KEUANGAN), '#/tagihan');
    const bills = officer.page.locator('section', { has: officer.page.getByRole('heading', { name: 'Tagihan BPJS', exact: true }) });
    await bills.getByLabel('Bulan').fill('2026-10');
    await bills.getByLabel('Total invoice (Rp)').fill('75.600');
    const lines = PEOPLE.slice(0, 2).map((p, i) => [`000100000000${i}`, p.nik, p.name, 37800]);
    await bills.locator('input[type="file"]').setInputFiles({ name: 'tagihan.xlsx', mimeType: XLSX, buffer: await xlsx('Tagihan', ['NOKA', 'NIK', 'NAMA', 'IURAN'], lines, [3]) });
    await bills.getByRole('button', { name: 'Unggah tagihan' }).click();
    await bills.getByText('Tagihan Oktober 2026 tersimpan (versi 1).').waitFor();
    await expect(bills.locator('.notice--warning', { hasText: 'tersembunyi di Excel' }).textContent()).resolves.toMatch(/^Peringatan: Baris 3 tersembunyi di Excel/);

    expect(errors).toEqual([]);
    expect(officer.errors).toEqual([]);
    await officer.context.close();
    await context.close();
  }, BROWSER_TIMEOUT);
});
