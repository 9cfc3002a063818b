/**
 * Finance officers' main path in the browser: record a pledge (with a field error first) and revise it,
 * record a payment, upload the month's BPJS bill, run the reconciliation, read its findings and payments, see that the
 * officer who ran it is offered no finalize (maker-checker), finalize as a second officer, download the workbook, and see the month on the dashboard.
 */
import { expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Role } from '../../src/users/role.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, logout, openPage, screenshot, userFor } from './support/browser.js';
import { billCsv, enrollmentCsv, PEOPLE } from './support/sheets.js';

const MONTH = '2026-10';

describeInBrowser('console: finance runs and finalizes a reconciliation and downloads the workbook', () => {

  const app = browserApp(async (t) => {
    // The register: five participants covered from January 2026 (uploaded through the API).
    const operator = await t.as(Role.OPERATOR_DINKES);
    await operator.post('/api/v1/enrollment-uploads').attach('file', Buffer.from(enrollmentCsv(PEOPLE)), 'peserta.csv').expect(201);
  });

  const row = (page: Page, table: string, first: string) => page.getByRole('table', { name: table }).locator('tbody tr', { has: page.locator('th, td', { hasText: first }) }).first();
  const cells = (page: Page, table: string, first: string) => row(page, table, first).locator('th, td').allTextContents();

  it('takes a month from pledge to finalized reconciliation', async () => {
    const { t, base, browser } = app;
    const maker = await userFor(t, Role.KEUANGAN);
    const checker = await userFor(t, Role.KEUANGAN, '2');
    const { context, page, errors } = await openPage(browser);
    await login(page, base, maker);
    await page.getByRole('heading', { name: /^Dasbor/ }).waitFor();

    // A pledge: first without a funder, the error appears next to that field.
    await page.getByRole('link', { name: 'Komitmen', exact: true }).click();
    await page.getByRole('link', { name: '+ Komitmen baru' }).click();
    await page.getByLabel('Kode komitmen').fill('APBD-2026');
    // a code naming another year than the fiscal year is asked about before anything is sent (QA: saved for good)
    await page.getByLabel('Tahun anggaran').fill('2027');
    await page.getByRole('button', { name: 'Simpan komitmen' }).click();
    await expect(page.locator('[data-field="fiscalYear"] .field-error').textContent()).resolves.toMatch(/^Kode APBD-2026 memuat tahun 2026, tetapi tahun anggarannya 2027\./);
    await page.getByLabel('Tahun anggaran').fill('2026');
    // a pagu the form cannot read does not hide the API's problems with the other fields (QA: one at a time)
    await page.getByLabel('Pagu setahun (Rp)').fill('lima juta');
    await page.getByLabel('Porsi (%)').fill('-5');
    await page.getByLabel('Kuota peserta per bulan').fill('0');
    await page.getByRole('button', { name: 'Simpan komitmen' }).click();
    const funderError = page.locator('[data-field="funder"] .field-error');
    await funderError.waitFor();
    // the API's "funder (nama pemberi dana) wajib diisi.", said with the field's label
    await expect(funderError.textContent()).resolves.toBe('Pemberi dana wajib diisi.');
    await expect(page.getByLabel('Pemberi dana').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('[data-field="budget"] .field-error:visible').textContent()).resolves.toMatch(/^Tulis jumlah dalam rupiah penuh/);
    await expect(page.locator('[data-field="sharePercent"] .field-error:visible').textContent()).resolves.toBe('Porsi (%) harus bilangan bulat 1 sampai 100.');
    await expect(page.locator('[data-field="quota"] .field-error:visible').textContent()).resolves.toMatch(/^Kuota peserta per bulan harus bilangan bulat lebih dari 0/);
    await page.getByLabel('Pagu setahun (Rp)').fill('Rp 10.000.000');
    await page.getByLabel('Porsi (%)').fill('100');
    await page.getByLabel('Kuota peserta per bulan').fill('');
    await page.getByLabel('Pemberi dana').fill('Pemerintah Kabupaten Bengkulu Utara');
    await page.getByRole('button', { name: 'Simpan komitmen' }).click();
    await page.getByRole('heading', { name: 'Komitmen APBD-2026' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Rp10.000.000');

    // A revision (APBD-P): the reason is kept with the new budget, the first revision stays.
    const revise = page.getByRole('form', { name: 'Revisi komitmen' });
    await revise.getByLabel('Pagu setahun (Rp)').fill('12.000.000');
    await revise.getByLabel('Alasan perubahan').fill('Perubahan pagu APBD-P 2026');
    await revise.getByRole('button', { name: 'Simpan revisi' }).click();
    await page.getByText('Revisi 2 tersimpan.').waitFor();
    expect(await cells(page, 'Revisi (terbaru di atas)', 'Perubahan pagu APBD-P 2026')).toEqual(expect.arrayContaining(['2', 'Rp12.000.000']));
    await expect(page.getByRole('table', { name: 'Revisi (terbaru di atas)' }).locator('tbody tr').count()).resolves.toBe(2);
    // the audit trail records what the revision changed, not every term of the form (QA), and the revision it was made from
    const [revised] = await t.dataSource.query(`SELECT summary FROM audit_event WHERE action = 'pledge.revise' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(revised.summary).body).toEqual({ budget: 12000000, reason: 'Perubahan pagu APBD-P 2026', expectedRevision: 1 });

    // October's premium paid in full on the 8th (SP2D), recorded with the form.
    await page.getByRole('link', { name: 'Pembayaran', exact: true }).click();
    const pay = page.getByRole('form', { name: 'Catat pembayaran' });
    // an empty form: every required field is flagged at once, the amount as required (QA: "tidak terbaca", and alone)
    await pay.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await pay.locator('[data-field="reference"] .field-error').waitFor();
    const fieldErrors = async () => Object.fromEntries(await pay.locator('.field-error:visible').evaluateAll((els: any[]) => els.map((e) => [e.closest('[data-field]').dataset.field, e.textContent])));
    expect(await fieldErrors()).toEqual({
      pledgeCode: 'Komitmen wajib diisi',
      amount: 'Jumlah wajib diisi.',
      paidAt: 'Tanggal bayar wajib diisi',
      reference: 'Referensi (No. SP2D/bukti transfer) wajib diisi',
    });
    await pay.getByLabel('Komitmen').selectOption('APBD-2026');
    await pay.getByLabel('Bulan iuran').fill(MONTH);
    await pay.getByLabel('Jumlah (Rp)').fill('189.000');
    await pay.getByLabel('Tanggal bayar').fill('2026-10-08');
    await pay.getByText('Dipilih: Kamis, 8 Oktober 2026').waitFor(); // the date in words, whatever the picker's locale
    await pay.getByLabel('Referensi (No. SP2D/bukti transfer)').fill('SP2D 0001/LS/2026');
    await pay.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await pay.getByText('Pembayaran Rp189.000 untuk APBD-2026 (Oktober 2026) tersimpan.').waitFor();
    await expect(page.getByRole('table', { name: 'Pembayaran tercatat untuk Oktober 2026' }).textContent()).resolves.toContain('SP2D 0001/LS/2026');

    // The October bill: four lines right, one billed Rp42.000, one NIK nobody registered.
    const bill = billCsv([
      ...PEOPLE.slice(0, 4).map((p) => ({ noka: p.noka!, nik: p.nik, name: p.name, amount: 37800 })),
      { noka: PEOPLE[4].noka!, nik: PEOPLE[4].nik, name: PEOPLE[4].name, amount: 42000 },
      { noka: '0009999999999', nik: '1703061205800099', name: 'Tidak Terdaftar', amount: 37800 },
    ]);
    await page.getByRole('link', { name: 'Tagihan BPJS', exact: true }).click();
    const billSection = page.locator('section', { has: page.getByRole('heading', { name: 'Tagihan BPJS', exact: true }) });
    // the bill's template beside the form (QA: only the columns were named)
    const [template] = await Promise.all([page.waitForEvent('download'), billSection.getByRole('button', { name: 'Unduh templat tagihan (.xlsx)' }).click()]);
    expect(template.suggestedFilename()).toBe('templat-tagihan-bpjs.xlsx');
    await billSection.getByLabel('Bulan').fill(MONTH);
    await billSection.getByLabel('Total invoice (Rp)').fill('231.000');
    await billSection.locator('input[type="file"]').setInputFiles({ name: 'tagihan-oktober.csv', mimeType: 'text/csv', buffer: Buffer.from(bill) });
    await billSection.getByRole('button', { name: 'Unggah tagihan' }).click();
    await billSection.getByText('Tagihan Oktober 2026 tersimpan').waitFor();
    // and October's PBI-APBN list beside it, so double coverage is checked (without it the run warns NO_PBI_LIST)
    const pbiSection = page.locator('section', { has: page.getByRole('heading', { name: 'Daftar PBI APBN', exact: true }) });
    await pbiSection.getByLabel('Bulan').fill(MONTH);
    await pbiSection.locator('input[type="file"]').setInputFiles({ name: 'pbi-apbn-oktober.csv', mimeType: 'text/csv', buffer: Buffer.from('NIK\n1703069999990001\n') });
    await pbiSection.getByRole('button', { name: 'Unggah daftar PBI APBN' }).click();
    await pbiSection.getByText('Daftar PBI APBN Oktober 2026 tersimpan (versi 1): 1 NIK.').waitFor();

    // Start the reconciliation of October.
    await page.goto(`${base}/console/#/rekonsiliasi?month=${MONTH}`);
    await page.getByRole('button', { name: 'Mulai rekonsiliasi Oktober 2026' }).click();
    await page.getByRole('heading', { name: 'Rekonsiliasi Oktober 2026 · versi 1' }).waitFor();
    const runUrl = page.url();

    const stat = (label: string) => page.locator('.stat', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first().textContent();
    expect(await stat('Peserta')).toBe('5');
    expect(await stat('Kewajiban iuran')).toBe('Rp189.000');
    expect(await stat('Total invoice BPJS')).toBe('Rp231.000');
    expect(await stat('Dapat dibayar')).toBe('Rp189.000');
    expect(await stat('Lebih tagih')).toBe('Rp42.000');
    // who started it, by name (the same words as the audit trail's; the schedule's SCHEDULE had shown raw)
    await expect(page.locator('dl.facts dt', { hasText: /^Pemicu$/ }).locator('xpath=following-sibling::dd[1]').textContent()).resolves.toBe('Manual (petugas)');

    // Findings per category with counts and amounts (amounts fill in after the counts).
    const findings = 'Temuan per kategori';
    await page.getByText('Nilai ditagih = jumlah yang ditagih BPJS').waitFor();
    expect(await cells(page, findings, 'AMOUNT_MISMATCH')).toEqual(['Selisih nominal iuran (AMOUNT_MISMATCH)', '1', 'Rp42.000', 'Rp37.800', 'Lihat']);
    expect((await cells(page, findings, 'NOT_REGISTERED')).slice(1, 3)).toEqual(['1', 'Rp37.800']);
    // matched lines are counted, not stored as findings: no Lihat that would list nothing, a hint instead (QA)
    expect(await cells(page, findings, '(MATCHED)')).toEqual(['Sesuai (MATCHED)', '4', 'Rp151.200', 'Rp151.200', '']);
    await expect(row(page, findings, '(MATCHED)').getByRole('button').count()).resolves.toBe(0);
    await page.getByText('Baris tagihan berkategori Sesuai hanya dihitung, tidak dicantumkan satu per satu.').waitFor();
    await row(page, findings, 'NOT_REGISTERED').getByRole('button').click();
    await expect(page.getByRole('table', { name: /Tidak terdaftar: 1 temuan/ }).textContent()).resolves.toContain('1703061205800099');

    // Payments per funder: the pledge owed the month's obligation and paid it on time.
    expect(await cells(page, 'Status pembayaran per pemberi dana', 'APBD-2026')).toEqual(['APBD-2026', 'Rp189.000', 'Rp189.000', 'Rp0', 'Lunas']);
    await screenshot(page, 'finance-reconciliation-draft');

    // The officer who started the run may not finalize it: no button to be refused by, a line saying who finalizes (QA).
    const finalizeSection = page.locator('section', { has: page.getByRole('heading', { name: 'Finalisasi' }) });
    await finalizeSection.getByText(`Anda (${maker.username}) yang menjalankan rekonsiliasi ini; finalisasi dilakukan oleh petugas keuangan lain (prinsip empat mata).`).waitFor();
    await expect(page.getByRole('button', { name: 'Finalisasi rekonsiliasi ini…' }).count()).resolves.toBe(0);
    await logout(page);
    await t.relogin(Role.KEUANGAN); // Keluar ended every session of that officer, the tests' own token too

    // A second finance officer finalizes it.
    await login(page, base, checker);
    await page.goto(runUrl);
    await page.getByRole('button', { name: 'Finalisasi rekonsiliasi ini…' }).click();
    // what finalizing fixes: the month's results, not the register; January to September, not finalized, are closed with it,
    // named with what they still owe and that their payments are then corrections (the API's finalize-preview; QA: unsaid)
    const question = await page.locator('.confirm-step .notice--warning').textContent();
    expect(question).toContain('Daftar peserta tetap dapat diperbarui, tetapi tidak mengubah hasil Oktober 2026.');
    expect(question).toContain('Finalisasi Oktober 2026 juga menutup 9 bulan sebelumnya yang belum difinalisasi, Januari–September 2026 (belum pernah direkonsiliasi: Januari–September 2026).');
    expect(question).toContain('pembayarannya hanya dapat dicatat sebagai koreksi di bulan yang masih terbuka');
    expect(question).not.toContain('(peserta,');
    await page.getByRole('button', { name: 'Ya, finalisasi Oktober 2026' }).click();
    await page.getByText(`Difinalisasi oleh ${checker.username}`).waitFor();
    await expect(page.locator('.page-header .badge').textContent()).resolves.toBe('Final');
    await expect(page.getByRole('button', { name: 'Finalisasi rekonsiliasi ini…' }).count()).resolves.toBe(0);

    // The workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh buku kerja rekonsiliasi (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(expect.arrayContaining(['Ringkasan', 'Temuan', 'Berita Acara']));
    await screenshot(page, 'finance-reconciliation-final');

    // The dashboard of October: figures of the final run and the funding chart.
    await page.goto(`${base}/console/#/dasbor?month=${MONTH}`);
    await page.getByText('Sumber angka: rekonsiliasi versi 1').waitFor();
    await expect(page.getByRole('img', { name: /Iuran menurut sumber dana/ }).count()).resolves.toBe(1);
    await screenshot(page, 'finance-dashboard');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'finance-dashboard-phone');
    await page.setViewportSize({ width: 1366, height: 768 });

    // A correction for finalized October, paid in November: said as a correction, and its month cleared
    // for the next payment (QA: left filled, the next payment became a correction too).
    await page.goto(`${base}/console/#/pembayaran?month=2026-11`);
    const correction = page.getByRole('form', { name: 'Catat pembayaran' });
    await correction.getByLabel('Komitmen').selectOption('APBD-2026');
    await correction.getByLabel('Jumlah (Rp)').fill('1.000');
    await correction.getByLabel('Tanggal bayar').fill('2026-11-10');
    await correction.getByLabel('Referensi (No. SP2D/bukti transfer)').fill('SP2D 0002/LS/2026');
    // first as a payment of October itself: refused beside Bulan iuran, saying to make it an open month and October the
    // correction (QA: only "Koreksi untuk bulan" was named, and the officer kept October)
    await correction.getByLabel('Bulan iuran').fill(MONTH);
    await correction.getByRole('button', { name: 'Simpan pembayaran' }).click();
    const monthError = correction.locator('[data-field="month"] .field-error');
    await monthError.waitFor();
    await expect(monthError.textContent()).resolves.toBe(
      'Bulan Oktober 2026 sudah difinalisasi dan tidak dapat diubah. Catat pembayaran ini di bulan yang masih terbuka (mis. November 2026) dengan Koreksi untuk bulan = Oktober 2026: ubah Bulan iuran menjadi November 2026.',
    );
    await expect(correction.getByLabel('Bulan iuran').getAttribute('aria-invalid')).resolves.toBe('true');
    // September, frozen by October's finalization, takes no payment of its own either: refused beside Bulan iuran,
    // naming the finalization that froze it (QA: a frozen month took payments, its signed figures changed)
    await correction.getByLabel('Bulan iuran').fill('2026-09');
    await correction.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await correction.locator('[data-field="month"] .field-error', { hasText: 'dibekukan' }).waitFor();
    await expect(monthError.textContent()).resolves.toBe(
      'Bulan September 2026 sudah dibekukan karena bulan Oktober 2026 sudah difinalisasi (bulan sebelumnya pada tahun itu ikut dibekukan) dan tidak dapat diubah. ' +
        'Catat pembayaran ini di bulan yang masih terbuka (mis. November 2026) dengan Koreksi untuk bulan = September 2026: ubah Bulan iuran menjadi November 2026.',
    );
    await correction.getByLabel('Bulan iuran').fill('2026-11');
    await correction.getByLabel('Koreksi untuk bulan').fill(MONTH);
    await correction.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await correction.getByText('Pembayaran Rp1.000 untuk APBD-2026 (November 2026) tersimpan sebagai koreksi untuk Oktober 2026.').waitFor();
    // October was paid in full: taken, and the officer is told there was no shortfall (QA: accepted without a word)
    await correction.locator('.notice--warning', { hasText: 'Peringatan: Oktober 2026 tidak kurang bayar untuk komitmen APBD-2026 (iuran Rp189.000, dibayar Rp189.000: lunas)' }).waitFor();
    expect(await Promise.all(['Jumlah (Rp)', 'Referensi (No. SP2D/bukti transfer)', 'Koreksi untuk bulan'].map((l) => correction.getByLabel(l).inputValue()))).toEqual(['', '', '']);

    // A revision after October was finalized names the months it leaves as they were (QA: only "Revisi 3 tersimpan.").
    await page.goto(`${base}/console/#/komitmen/APBD-2026`);
    const later = page.getByRole('form', { name: 'Revisi komitmen' });
    await later.getByLabel('Dasar hukum').fill('Perda No. 5/2026');
    await later.getByLabel('Alasan perubahan').fill('Dasar hukum APBD-P');
    await later.getByRole('button', { name: 'Simpan revisi' }).click();
    await page.getByText('Revisi 3 tersimpan. Berlaku mulai November 2026; Januari–September 2026 tidak dihitung ulang karena sudah dibekukan, Oktober 2026 sudah difinalisasi.').waitFor();

    // September, frozen by October, may still be run (and finalized), and says it is frozen: on Rekonsiliasi and on its run
    // page, as Pembayaran does (QA: a frozen month read as open there)
    await page.goto(`${base}/console/#/rekonsiliasi?month=2026-09`);
    const frozen = page.getByRole('note', { name: 'September 2026 dibekukan' });
    await frozen.waitFor();
    await expect(frozen.textContent()).resolves.toMatch(/^Dibekukan September 2026 dibekukan karena Oktober 2026 sudah difinalisasi .* Rekonsiliasinya masih dapat dijalankan ulang dan difinalisasi;/);
    await page.getByRole('button', { name: 'Mulai rekonsiliasi September 2026' }).click();
    await page.getByRole('link', { name: 'Buka versi 1' }).click();
    await page.getByRole('heading', { name: /^Rekonsiliasi September 2026 · versi 1/ }).waitFor();
    await page.getByRole('note', { name: 'September 2026 dibekukan' }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('adds a village to a pledge by ticking it in the filtered list, keeping those chosen', async () => {
    const { t, base, browser } = app;
    const officer = await userFor(t, Role.KEUANGAN);
    await (await t.as(Role.KEUANGAN))
      .post('/api/v1/pledges')
      .send({ code: 'TJSLP-KEBUN-2026', sourceType: 'TJSLP', funder: 'PT Kebun Sawit', fiscalYear: 2026, scope: 'VILLAGES', villageCodes: ['17.03.06.2001'], sharePercent: 10 })
      .expect(201);
    const { context, page, errors } = await openPage(browser);
    await login(page, base, officer, '#/komitmen/TJSLP-KEBUN-2026');
    const villages = page.getByRole('form', { name: 'Revisi komitmen' }).getByRole('group', { name: 'Desa yang ditanggung' });
    const talangJambu = villages.getByRole('checkbox', { name: 'Kerkap – Talang Jambu (17.03.06.2001)' });
    await expect(talangJambu.isChecked()).resolves.toBe(true);
    await villages.getByText('Terpilih 1 desa: Talang Jambu (17.03.06.2001)').waitFor();
    // typed: only the villages that match show; the one chosen stays chosen while hidden
    await villages.getByLabel('Saring desa').fill('tebat');
    const shown = await villages.locator('.checklist__item:visible').allTextContents();
    expect(shown.every((text) => /tebat/i.test(text))).toBe(true);
    expect(shown.some((text) => text.includes('Kerkap – Tebat Pacur (17.03.06.2002)'))).toBe(true);
    await expect(talangJambu.isVisible()).resolves.toBe(false);
    await villages.getByRole('checkbox', { name: 'Kerkap – Tebat Pacur (17.03.06.2002)' }).check(); // a plain click: nothing else is lost
    await villages.getByLabel('Saring desa').fill('1703062003'); // a code without dots
    await expect(villages.locator('.checklist__item:visible').count()).resolves.toBe(1);
    await villages.getByLabel('Saring desa').fill('zzz');
    await villages.getByText('Tidak ada desa yang cocok dengan saringan.').waitFor();
    await villages.getByLabel('Saring desa').fill('');
    await villages.getByText('Terpilih 2 desa: Talang Jambu (17.03.06.2001), Tebat Pacur (17.03.06.2002)').waitFor();
    await expect(talangJambu.isChecked()).resolves.toBe(true);
    const revise = page.getByRole('form', { name: 'Revisi komitmen' });
    await revise.getByLabel('Alasan perubahan').fill('Tambah Desa Tebat Pacur');
    await revise.getByRole('button', { name: 'Simpan revisi' }).click();
    await page.getByText(/^Revisi 2 tersimpan\./).waitFor();
    const saved = await (await t.as(Role.KEUANGAN)).get('/api/v1/pledges/TJSLP-KEBUN-2026').expect(200);
    expect(saved.body.villageCodes).toEqual(['17.03.06.2001', '17.03.06.2002']);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it("keeps the findings' category and page in the address: a reload and Back show them again", async () => {
    const { t, base, browser } = app;
    const month = '2026-11';
    const finance = await t.as(Role.KEUANGAN);
    // 55 lines nobody registered: two pages of findings (50 a page)
    const strangers = Array.from({ length: 55 }, (_, i) => ({ noka: `00099999990${String(i).padStart(2, '0')}`, nik: `17030612058001${String(i).padStart(2, '0')}`, name: `Tidak Terdaftar ${i}`, amount: 37800 }));
    const bill = billCsv([...PEOPLE.map((p) => ({ noka: p.noka!, nik: p.nik, name: p.name, amount: 37800 })), ...strangers]);
    await finance.post('/api/v1/bills').field('month', month).field('invoiceTotal', String(60 * 37800)).attach('file', Buffer.from(bill), 'tagihan-november.csv').expect(201);
    // a company's CSR pays a tenth of everyone's premium, before the regency: the chart's longest label, "APBD Kabupaten"
    await finance.post('/api/v1/pledges').send({ code: 'TJSLP-CSR-2026', sourceType: 'TJSLP', funder: 'PT Mitra Sawit', fiscalYear: 2026, scope: 'ALL', sharePercent: 10, priority: 5 }).expect(201);
    const runId = (await finance.post('/api/v1/reconciliations').send({ month }).expect(201)).body.id;
    // at 1280 px, as at 1366 and 1440: the summary's half-width boxes
    const { context, page, errors } = await openPage(browser, { width: 1280, height: 800 });
    await login(page, base, await userFor(t, Role.AUDITOR), `#/rekonsiliasi/${runId}`);
    await page.getByRole('heading', { name: /^Rekonsiliasi November 2026/ }).waitFor();

    // The summary: each amount once (QA: a chart of the bill repeated its tiles), every label whole and inside its box
    const summary = page.locator('section', { has: page.getByRole('heading', { name: 'Ringkasan', exact: true }) });
    await expect(summary.getByRole('img').count()).resolves.toBe(1);
    await expect(summary.getByText('Rp2.079.000', { exact: true }).count()).resolves.toBe(1); // overbilled (55 strangers), in its tile only
    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      const overflowing = await summary.evaluate((section: any) => {
        const out: string[] = [];
        for (const svg of section.querySelectorAll('svg.chart')) {
          const box = svg.getBoundingClientRect();
          for (const text of svg.querySelectorAll('text')) {
            const r = text.getBoundingClientRect();
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || text.textContent.includes('…')) out.push(`chart: ${text.textContent}`);
          }
        }
        for (const el of section.querySelectorAll('.stat dt, .stat dd')) if (el.scrollWidth > el.clientWidth) out.push(`tile: ${el.textContent}`);
        return out;
      });
      expect(overflowing).toEqual([]);
    }
    // each source type in the workbooks' words, on one line (QA: "TJSLP (CSR per…"; a two-line label reads and copies
    // whole on the Alokasi page, console.auditor-views)
    const labels = await summary.locator('svg.chart .bar-label').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['APBD Kabupaten', 'TJSLP (CSR)', 'Tidak terdanai']));
    await expect(summary.locator('svg.chart .bar-label tspan').count()).resolves.toBe(0);
    await screenshot(page, 'finance-reconciliation-summary-1440');
    await page.setViewportSize({ width: 1366, height: 768 });
    await row(page, 'Temuan per kategori', 'NOT_REGISTERED').getByRole('button', { name: /^Lihat/ }).click();
    await page.getByRole('table', { name: 'Tidak terdaftar: 55 temuan' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/rekonsiliasi/${runId}?category=NOT_REGISTERED`);
    await page.getByRole('button', { name: 'Berikutnya ›' }).click();
    await page.getByText('Halaman 2 dari 2 (55 baris)').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/rekonsiliasi/${runId}?category=NOT_REGISTERED&page=2`);
    const pageTwo = await page.getByRole('table', { name: 'Tidak terdaftar: 55 temuan' }).locator('tbody tr').count();
    expect(pageTwo).toBe(5);
    // a page past the last typed on the last: it stays, the field says the page shown and why (QA: "99" stayed beside "Halaman 2 dari 2")
    const findingsPager = page.getByRole('navigation', { name: 'Halaman' });
    await findingsPager.getByLabel('Ke halaman').fill('99');
    await findingsPager.getByLabel('Ke halaman').press('Enter');
    await findingsPager.getByRole('status').getByText('"99" bukan nomor halaman: pilih 1–2.').waitFor();
    await expect(findingsPager.getByLabel('Ke halaman').inputValue()).resolves.toBe('2');
    await expect(findingsPager.getByLabel('Ke halaman', { exact: true }).getAttribute('aria-describedby')).resolves.toMatch(/-note$/);
    expect(new URL(page.url()).hash).toBe(`#/rekonsiliasi/${runId}?category=NOT_REGISTERED&page=2`);
    // Back and Forward walk the pages and categories looked at (QA: Back left the run), a reload keeps them
    await page.goBack();
    await page.getByText('Halaman 1 dari 2 (55 baris)').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/rekonsiliasi/${runId}?category=NOT_REGISTERED`);
    await page.goBack();
    await page.getByText('Nilai ditagih = jumlah yang ditagih BPJS').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/rekonsiliasi/${runId}`);
    await expect(page.getByRole('heading', { name: /^Temuan: / }).count()).resolves.toBe(0);
    await page.goForward();
    await page.getByText('Halaman 1 dari 2 (55 baris)').waitFor();
    await page.goForward();
    await page.getByText('Halaman 2 dari 2 (55 baris)').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/rekonsiliasi/${runId}?category=NOT_REGISTERED&page=2`);

    // a reload opens the same category and page
    await page.reload();
    await page.getByText('Halaman 2 dari 2 (55 baris)').waitFor();
    await expect(page.getByRole('table', { name: 'Tidak terdaftar: 55 temuan' }).locator('tbody tr').count()).resolves.toBe(5);
    // a finding's NIK opened, then Back: the same page again
    const nik = (await page.getByRole('table', { name: 'Tidak terdaftar: 55 temuan' }).locator('tbody tr a').first().textContent())!;
    await page.getByRole('link', { name: nik }).click();
    await page.waitForURL((url) => url.hash.startsWith('#/peserta/'));
    await page.goBack();
    await page.getByText('Halaman 2 dari 2 (55 baris)').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/rekonsiliasi/${runId}?category=NOT_REGISTERED&page=2`);
    // the shared pager: first and last page, a page number typed; past the last is the last, in the address too
    await page.getByRole('button', { name: '« Pertama' }).click();
    await page.getByText('Halaman 1 dari 2 (55 baris)').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/rekonsiliasi/${runId}?category=NOT_REGISTERED`);
    await page.getByRole('button', { name: 'Terakhir »' }).click();
    await page.getByText('Halaman 2 dari 2 (55 baris)').waitFor();
    await page.getByRole('navigation', { name: 'Halaman' }).getByLabel('Ke halaman').fill('1');
    await page.getByRole('button', { name: 'Buka' }).click();
    await page.getByText('Halaman 1 dari 2 (55 baris)').waitFor();
    await page.goto(`${base}/console/#/rekonsiliasi/${runId}?category=NOT_REGISTERED&page=9`);
    await page.getByText('Halaman 2 dari 2 (55 baris)').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/rekonsiliasi/${runId}?category=NOT_REGISTERED&page=2`);
    // an address naming a category the run does not list (MATCHED is only counted) shows the categories alone
    await page.goto(`${base}/console/#/rekonsiliasi/${runId}?category=MATCHED`);
    await page.getByText('Nilai ditagih = jumlah yang ditagih BPJS').waitFor();
    await expect(page.getByRole('heading', { name: /^Temuan: / }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('says where the run is started that a month without a BPJS bill gives a run that cannot be finalized (QA: nobody was told)', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/rekonsiliasi?month=2026-12');
    await page.getByRole('button', { name: 'Mulai rekonsiliasi Desember 2026' }).click();
    // the API's NO_BILL warning, on the page the run was started from
    const warning = page.locator('.notice--warning', { hasText: 'Rekonsiliasi versi 1 tersimpan, dengan peringatan:' });
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain(
      'Belum ada tagihan BPJS Kesehatan untuk Desember 2026: rekonsiliasi ini dijalankan tanpa temuan tagihan (tidak ada baris tagihan yang dicocokkan ' +
        'dan tidak ada peserta yang dinyatakan tidak ditagih) dan tidak dapat difinalisasi sampai tagihan Desember 2026 diunggah dan rekonsiliasi bulan itu dijalankan ulang.',
    );
    expect(new URL(page.url()).hash).toBe('#/rekonsiliasi?month=2026-12');
    // the run is listed below it, and the warning leads to the bills of the month and to the run
    await expect(row(page, 'Versi rekonsiliasi Desember 2026 (terbaru di atas)', 'Versi 1').textContent()).resolves.toContain('Belum ada tagihan');
    // and the year's table says December is a draft now, without reloading (QA: it still read as not begun)
    await row(page, 'Status rekonsiliasi per bulan, tahun 2026', 'Desember 2026').filter({ hasText: 'Draf' }).waitFor();
    await expect(warning.getByRole('link', { name: 'Ke halaman tagihan' }).getAttribute('href')).resolves.toBe('#/tagihan?month=2026-12');
    await warning.getByRole('link', { name: 'Buka versi 1' }).click();
    await page.getByRole('heading', { name: 'Rekonsiliasi Desember 2026 · versi 1' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
