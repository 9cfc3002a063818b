/**
 * Finance officers in the browser: download the payment template and upload it filled in (.xlsx as typed in Excel: a date cell,
 * a bad row) on the payments page and see the month's status per funder change, then download the
 * village statement for the kepala desa and find the same payment and the village's share in it.
 */
import { expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, screenshot, userFor } from './support/browser.js';
import { downloadWorkbook, sheetRows, tableRows } from './support/downloads.js';
import { enrollmentCsv, PEOPLE, VILLAGE } from './support/sheets.js';

const MONTH = '2026-10';
const DESA = 'DESA-1703062001-2026';

/** The payments of October as a finance officer types them into the template (its sheet Pembayaran): the paid date as a date cell. */
async function paymentSheet(wb: ExcelJS.Workbook): Promise<Buffer> {
  const ws = wb.getWorksheet('Pembayaran')!;
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['KODE_KOMITMEN', 'BULAN', 'JUMLAH', 'TANGGAL_BAYAR', 'REFERENSI', 'KOREKSI_UNTUK_BULAN']);
  ws.addRow([DESA, MONTH, 75600, new Date(Date.UTC(2026, 9, 8)), 'SP2D 0007/DD/2026']);
  ws.addRow(['APBD-2026', MONTH, 100000, new Date(Date.UTC(2026, 9, 14)), 'SP2D 0101/LS/2026']);
  ws.addRow(['TIDAK-ADA-2026', MONTH, 5000, new Date(Date.UTC(2026, 9, 14)), 'SP2D 0102/LS/2026']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeInBrowser('console: finance uploads a payment sheet and downloads the village statement', () => {

  const app = browserApp(async (t) => {
    // Five residents of Talang Jambu; the village pays 40% of their premium (Dana Desa), the regency the rest.
    await (await t.as(Role.OPERATOR_DINKES)).post('/api/v1/enrollment-uploads').attach('file', Buffer.from(enrollmentCsv(PEOPLE)), 'peserta.csv').expect(201);
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/pledges').send({ code: DESA, sourceType: 'DESA', fund: 'DANA_DESA', funder: 'Desa Talang Jambu', fiscalYear: 2026, scope: 'VILLAGES', villageCodes: [VILLAGE], sharePercent: 40 }).expect(201);
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2026, scope: 'ALL', budget: 5_000_000 }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: MONTH }).expect(201);
  });

  // a row by its pledge code; the Dana Desa pledge's first cell also carries its §5 warning (checked once below)
  const statusOf = async (page: Page, pledge: string) => {
    const row = (await tableRows(page.getByRole('table', { name: 'Status pembayaran per pemberi dana' }))).find((r) => r[0].startsWith(pledge));
    return row && [pledge, ...row.slice(1)];
  };

  it('records the sheet\'s good rows, reports the bad one, and the statement shows the village\'s payment', async () => {
    const { t, base, browser } = app;
    const officer = await userFor(t, Role.KEUANGAN);
    const { context, page, errors } = await openPage(browser);
    await login(page, base, officer, `#/pembayaran?month=${MONTH}`);
    await page.getByRole('heading', { name: 'Pembayaran Oktober 2026' }).waitFor();
    await page.getByRole('table', { name: 'Status pembayaran per pemberi dana' }).waitFor();
    // Before: both pledges owe October and nothing is paid (5 × Rp37.800 = Rp189.000, 40% by the village).
    // On the test clock's 15 November 2026 October has ended unpaid: past due, and one line says the suspension risk (§8).
    expect(await statusOf(page, DESA)).toEqual([DESA, 'Rp75.600', 'Rp0', '-Rp75.600', 'Belum dibayar Lewat jatuh tempo 10 Oktober 2026']);
    const desaCell = (await tableRows(page.getByRole('table', { name: 'Status pembayaran per pemberi dana' }))).find((r) => r[0].startsWith(DESA))![0];
    expect(desaCell).toContain('Peringatan Dana Desa');
    expect(await statusOf(page, 'APBD-2026')).toEqual(['APBD-2026', 'Rp113.400', 'Rp0', '-Rp113.400', 'Belum dibayar Lewat jatuh tempo 10 Oktober 2026']);
    const overdue = page.getByRole('status', { name: 'Lewat jatuh tempo Oktober 2026' });
    expect(await overdue.textContent()).toBe(
      `Iuran Oktober 2026 untuk komitmen APBD-2026 dan ${DESA} belum lunas sampai akhir bulan (jatuh tempo 10 Oktober 2026): BPJS Kesehatan mungkin sudah ` +
        'menonaktifkan kepesertaan peserta yang didanai komitmen tersebut (Perpres 82/2018). Segera bayar atau catat pembayarannya, lalu pastikan status kepesertaan mereka ke BPJS Kesehatan.',
    );

    const sheet = page.getByRole('form', { name: 'Unggah lembar pembayaran' });
    // the template beside the upload, as on Komitmen (QA: Pembayaran had none), filled in and uploaded
    const template = await downloadWorkbook(() => sheet.getByRole('button', { name: 'Unduh templat (.xlsx)' }).click(), page);
    expect(template.name).toBe('templat-pembayaran.xlsx');
    await sheet.locator('input[type="file"]').setInputFiles({ name: 'pembayaran-oktober.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await paymentSheet(template.workbook) });
    await sheet.getByRole('button', { name: 'Unggah pembayaran' }).click();
    await sheet.getByText('Lembar diproses: 2 pembayaran tercatat (Rp175.600), 1 baris ditolak.').waitFor();
    // keyboard focus on the answer's notice, not on the page's body (QA: focus fell to BODY after an upload)
    await expect(page.evaluate(() => (globalThis as any).document.activeElement.textContent)).resolves.toBe('Lembar diproses: 2 pembayaran tercatat (Rp175.600), 1 baris ditolak.');
    const stat = (label: string) => sheet.locator('.stat', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first().textContent();
    expect([await stat('Baris dibaca'), await stat('Diterima'), await stat('Ditolak')]).toEqual(['3', '2', '1']);
    expect(await tableRows(sheet.getByRole('table', { name: 'Baris ditolak dan peringatan (1 baris)' }))).toEqual([
      ['4', 'Ditolak', 'KODE_KOMITMEN', 'Komitmen pendanaan "TIDAK-ADA-2026" tidak ditemukan.'],
    ]);
    // The rejected row can be downloaded to fix and upload again, as for every other upload.
    const [report] = await Promise.all([page.waitForEvent('download'), sheet.getByRole('button', { name: /Unduh laporan baris bermasalah/ }).click()]);
    expect(report.suggestedFilename()).toMatch(/^laporan-unggahan-pembayaran-[\w-]+-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.xlsx$/);
    // and found again in the sheets' history, after leaving the page
    const history = page.getByRole('table', { name: 'Riwayat unggahan lembar pembayaran' });
    await history.waitFor();
    expect((await tableRows(history))[0].slice(2, 6)).toEqual(['pembayaran-oktober.xlsx', '2 (Rp175.600)', '1', '0']);
    // at 1366 px it fits its box, across the page's width under the month (QA: in the half-width upload box it was
    // cramped): the report button is in view, not behind a sideways scroll (QA)
    expect(await history.evaluate((t) => t.scrollWidth <= t.closest('.table-wrap')!.clientWidth)).toBe(true);
    // the day and the time each on one line, the file name broken only after its dash or dot (QA: mid-word, the date over 4 lines)
    const wrapping = await history.evaluate((table: any) => {
      const g = globalThis as any;
      const row = table.querySelector('tbody tr');
      const lines = (node: any) => {
        const range = g.document.createRange();
        range.selectNodeContents(node);
        return range.getClientRects().length;
      };
      const texts = (cell: any) => {
        const walker = g.document.createTreeWalker(cell, 4); // text nodes
        const found = [];
        while (walker.nextNode()) found.push(walker.currentNode);
        return found;
      };
      return { date: [...row.cells[0].querySelectorAll('.nowrap')].map(lines), file: texts(row.cells[2]).map((n: any) => ({ text: n.textContent, lines: lines(n) })) };
    });
    expect(wrapping.date).toEqual([1, 1]);
    expect(wrapping.file.map((p: { text: string }) => p.text).join('')).toBe('pembayaran-oktober.xlsx');
    for (const part of wrapping.file) expect(part).toEqual({ text: part.text, lines: 1 });

    // The month's status and payments are refreshed: the village paid in full by the 10th, the regency
    // paid less and late (14 October).
    const payments = page.getByRole('table', { name: 'Pembayaran tercatat untuk Oktober 2026' });
    await payments.waitFor();
    const rows = await tableRows(payments);
    expect(rows.map((r) => r.at(-1)!.slice(0, 6))).toEqual(['Hapus…', 'Hapus…']); // each removable (asked twice)
    expect(rows.map((r) => r.slice(0, -1))).toEqual(
      expect.arrayContaining([
        // who recorded it, when and from which sheet (QA: a sheet's payments could not be traced to it)
        ['APBD-2026', '14 Oktober 2026', 'SP2D 0101/LS/2026', '–', `${officer.username} pada 15 November 2026 10.00 WIB, dari berkas pembayaran-oktober.xlsx`, 'Rp100.000'],
        [DESA, '8 Oktober 2026', 'SP2D 0007/DD/2026', '–', `${officer.username} pada 15 November 2026 10.00 WIB, dari berkas pembayaran-oktober.xlsx`, 'Rp75.600'],
      ]),
    );
    expect(await tableRows(payments)).toHaveLength(2);
    expect(await statusOf(page, DESA)).toEqual([DESA, 'Rp75.600', 'Rp75.600', 'Rp0', 'Lunas']);
    expect(await statusOf(page, 'APBD-2026')).toEqual(['APBD-2026', 'Rp113.400', 'Rp100.000', '-Rp13.400', 'Kurang bayar Lewat jatuh tempo 10 Oktober 2026 Dibayar terlambat']);
    expect(await overdue.textContent()).toMatch(/^Iuran Oktober 2026 untuk komitmen APBD-2026 belum lunas sampai akhir bulan/);
    await screenshot(page, 'finance-payment-sheet');

    // The rest of the regency's payment, typed as Indonesians write rupiah: "5 juta" is refused at the
    // field, "Rp 13.400,00" is Rp13.400 (QA: it was saved as Rp1.340.000).
    const single = page.getByRole('form', { name: 'Catat pembayaran' });
    await single.getByLabel('Komitmen').selectOption('APBD-2026');
    await single.getByLabel('Tanggal bayar').fill('2026-10-20');
    await single.getByLabel('Referensi (No. SP2D/bukti transfer)').fill('SP2D 0102/LS/2026');
    await single.getByLabel('Jumlah (Rp)').fill('5 juta');
    await single.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await expect(single.locator('[data-field="amount"] .field-error:visible').textContent()).resolves.toMatch(/^Tulis jumlah dalam rupiah penuh dengan angka/);
    await single.getByLabel('Jumlah (Rp)').fill('Rp 13.400,00');
    // the chosen pledge's funder reads in full in the select, at 1366 and 1280 px (QA: "DESA-1703112010-2026 – Pem")
    for (const width of [1366, 1280]) {
      await page.setViewportSize({ width, height: 768 });
      const fit = await single.getByLabel('Komitmen').evaluate((el: any) => {
        const g = globalThis as any;
        const style = g.getComputedStyle(el);
        const ctx = g.document.createElement('canvas').getContext('2d');
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = el.selectedOptions[0].textContent;
        return { text, need: Math.ceil(ctx.measureText(text).width), room: el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24 }; // 24: the arrow
      });
      expect(fit.text).toBe('APBD-2026 – Pemerintah Kabupaten Bengkulu Utara');
      expect({ width, fits: fit.need <= fit.room }).toEqual({ width, fits: true });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    // saved with Enter on the button, as QA did: keyboard focus then on the saved payment's notice, not on the page's
    // body (QA: BODY from 50 ms to 3 s after Enter), and still there once the month's tables are refreshed
    await single.getByRole('button', { name: 'Simpan pembayaran' }).press('Enter');
    await single.getByText('Pembayaran Rp13.400 untuk APBD-2026 (Oktober 2026) tersimpan.').waitFor();
    await page.getByRole('table', { name: 'Pembayaran tercatat untuk Oktober 2026' }).locator('tbody tr', { hasText: 'SP2D 0102/LS/2026' }).waitFor();
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => {
      const active = (globalThis as any).document.activeElement;
      return { tag: active.tagName, className: active.className, text: active.textContent, tabindex: active.getAttribute('tabindex') };
    })).resolves.toEqual({ tag: 'DIV', className: 'notice notice--success', text: 'Pembayaran Rp13.400 untuk APBD-2026 (Oktober 2026) tersimpan.', tabindex: '-1' });
    expect(await statusOf(page, 'APBD-2026')).toEqual(['APBD-2026', 'Rp113.400', 'Rp113.400', 'Rp0', 'Lunas Dibayar terlambat']);
    expect(await page.getByRole('status', { name: 'Lewat jatuh tempo Oktober 2026' }).count()).toBe(0); // paid in full: no warning
    // The same SP2D sent again with another amount: refused beside Referensi, saying what is recorded and what was sent (QA: only "sudah tercatat")
    await single.getByLabel('Referensi (No. SP2D/bukti transfer)').fill('SP2D 0102/LS/2026');
    await single.getByLabel('Jumlah (Rp)').fill('15.000');
    await single.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await expect(single.locator('[data-field="reference"] .field-error:visible').textContent()).resolves.toBe(
      'Pembayaran APBD-2026 bulan Oktober 2026 dengan referensi "SP2D 0102/LS/2026" sudah tercatat dengan jumlah Rp13.400 (tanggal 20 Oktober 2026); yang dikirim Rp15.000 dan tidak dicatat. ' +
        'Bila yang tercatat salah, hapus pembayaran itu di halaman Pembayaran (bulan Oktober 2026, tombol Hapus…), lalu catat ulang pembayaran ini.',
    );
    expect(await single.getByLabel('Referensi (No. SP2D/bukti transfer)').getAttribute('aria-invalid')).toBe('true');
    expect(await single.locator('.form-summary').textContent()).toBe('Periksa isian yang ditandai di bawah.');
    expect(await statusOf(page, 'APBD-2026')).toEqual(['APBD-2026', 'Rp113.400', 'Rp113.400', 'Rp0', 'Lunas Dibayar terlambat']);

    // The village statement of October, for the kepala desa: first without a village (the field says so).
    await page.getByRole('link', { name: 'Laporan', exact: true }).click();
    const village = page.getByRole('form', { name: 'Laporan desa' });
    // only the chosen period's field shows
    expect(await village.getByLabel('Tahun').isVisible()).toBe(false);
    await village.getByLabel('Periode').selectOption('year');
    const shown = async () => Promise.all(['Bulan', 'Triwulan', 'Tahun'].map((l) => village.getByLabel(l).isVisible()));
    expect(await shown()).toEqual([false, false, true]);
    await village.getByLabel('Periode').selectOption('quarter');
    expect(await shown()).toEqual([false, true, true]);
    await village.getByLabel('Periode').selectOption('month');
    await village.getByLabel('Bulan').fill(MONTH);
    await village.getByRole('button', { name: 'Unduh (.xlsx)' }).click();
    await expect(village.locator('[data-field="code"] .field-error:visible').textContent()).resolves.toBe('Pilih desa.');
    await village.getByLabel('Desa/kelurahan').selectOption(VILLAGE);
    const { name, workbook } = await downloadWorkbook(() => village.getByRole('button', { name: 'Unduh (.xlsx)' }).click(), page);
    expect(name).toBe('laporan-desa-1703062001-2026-10.xlsx');
    await village.getByText(`Diunduh: ${name}`).waitFor();
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Ringkasan', 'Peserta', 'Pembayaran']);

    // Ringkasan: participants, premium, the village's share and what others paid, owed and paid by the village, balance, status.
    const october = sheetRows(workbook.getWorksheet('Ringkasan')!).find((r) => r[0] === 'Oktober 2026');
    expect(october).toEqual(['Oktober 2026', 5, 189000, 75600, 113400, 0, 75600, 75600, 0, 'Lunas']);
    // Peserta: the five residents; Pembayaran: the village's payment from the sheet, not the regency's.
    const residents = sheetRows(workbook.getWorksheet('Peserta')!).filter((r) => PEOPLE.some((p) => p.nik === r[1]));
    expect(residents.map((r) => [r[1], r[4], r[5]])).toEqual(PEOPLE.map((p) => [p.nik, 37800, 15120]));
    const paid = sheetRows(workbook.getWorksheet('Pembayaran')!).flat().map(String);
    expect(paid).toContain('SP2D 0007/DD/2026');
    expect(paid).not.toContain('SP2D 0101/LS/2026');

    // The same village for the quarter October–December: a triwulan of the year, October's figures in it.
    await village.getByLabel('Periode').selectOption('quarter');
    await village.getByLabel('Triwulan').selectOption('4');
    await village.getByLabel('Tahun').fill('2026');
    const quarter = await downloadWorkbook(() => village.getByRole('button', { name: 'Unduh (.xlsx)' }).click(), page);
    expect(quarter.name).toBe('laporan-desa-1703062001-2026-TW4.xlsx');
    const quarterRows = sheetRows(quarter.workbook.getWorksheet('Ringkasan')!);
    expect(String(quarterRows[1][0])).toMatch(/^Triwulan IV 2026 \(Oktober–Desember\)/);
    expect(quarterRows.find((r) => r[0] === 'Oktober 2026')).toEqual(october);

    // The year-end recap across all funders: October's obligations as the village statement has them
    const recap = page.getByRole('form', { name: 'Rekap tahunan' });
    await recap.getByLabel('Tahun').fill('2026');
    const year = await downloadWorkbook(() => recap.getByRole('button', { name: 'Unduh rekap (.xlsx)' }).click(), page);
    expect(year.name).toBe('rekap-tahunan-jamkesda-2026.xlsx');
    expect(year.workbook.worksheets.map((ws) => ws.name)).toEqual(['Per Pemberi Dana', 'Per Bulan', 'Keterangan']);
    expect(sheetRows(year.workbook.getWorksheet('Per Bulan')!).find((r) => r[0] === 'Oktober 2026')?.slice(0, 3)).toEqual(['Oktober 2026', 5, 189000]);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
