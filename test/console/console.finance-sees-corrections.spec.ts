import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { tableRows } from './support/downloads.js';

/**
 * Pembayaran's status table says what of a month's paid is corrections of earlier months recorded in it
 * (GET /payments/status `corrections`, `correctedMonths`, `lateOnlyByCorrections`): they count toward the
 * month (§8) and can make it OVERPAID and late, which read as the month's own (QA). Under the paid amount,
 * "termasuk koreksi Juli 2026 Rp37.800"; a month late only because its corrections were paid after the 10th
 * reads "Dibayar terlambat (hanya koreksi)", one with an ordinary late payment plainly "Dibayar terlambat".
 *
 * Two participants, Rp37.800 a month each to PROV-2026 (quota 1) and APBD-2026; 2026-10 allocated (with
 * every month before it), July finalized and paid nothing. In October APBD-2026 paid on time and corrected
 * July by Rp37.800 after the 10th; PROV-2026 paid late and corrected July by Rp1.000.
 */
describeInBrowser('console: Pembayaran status names the corrections counted in the month', () => {
  const app = browserApp(async (t) => {
    await insertParticipants(t.dataSource, [1, 2].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await closeMonth(t.dataSource, '2026-07');
    const pay = (pledgeCode: string, amount: number, paidAt: string, reference: string, adjustsMonth?: string) =>
      finance.post('/api/v1/payments').send({ pledgeCode, month: '2026-10', amount, paidAt, reference, ...(adjustsMonth ? { adjustsMonth } : {}) }).expect(201);
    await pay('APBD-2026', 37800, '2026-10-05', 'SP2D APBD');
    await pay('APBD-2026', 20000, '2026-10-20', 'KOREKSI 1', '2026-07');
    await pay('APBD-2026', 17800, '2026-10-21', 'KOREKSI 2', '2026-07');
    await pay('PROV-2026', 37800, '2026-10-15', 'SP2D PROV');
    await pay('PROV-2026', 1000, '2026-10-20', 'KOREKSI PROV', '2026-07');
  });

  it('October: the corrections under the paid amount, and a late flag caused by corrections only said so', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/pembayaran?month=2026-10');
    const status = page.getByRole('table', { name: 'Status pembayaran per pemberi dana' });
    await status.getByText('termasuk koreksi Juli 2026 Rp37.800').waitFor();
    expect(await tableRows(status)).toEqual([
      // the month's own status and Selisih, as the workbook's Pembayaran, the correction said under them (QA: the row read
      // both "Lebih bayar" and "Lunas (ditambah koreksi …)", and its Selisih Rp37.800 against the total's Rp0)
      ['APBD-2026', 'Rp37.800', 'Rp75.600 termasuk koreksi Juli 2026 Rp37.800', 'Rp0 tanpa koreksi bulan lain', 'Lunas Dibayar terlambat (hanya koreksi) ditambah koreksi Juli 2026 Rp37.800'],
      ['PROV-2026', 'Rp37.800', 'Rp38.800 termasuk koreksi Juli 2026 Rp1.000', 'Rp0 tanpa koreksi bulan lain', 'Lunas Dibayar terlambat ditambah koreksi Juli 2026 Rp1.000'],
    ]);
    // the totals: October's own payments apart from the corrections of closed July, as the workbook's Pembayaran (QA:
    // January 2027, paid only by corrections of 2026 months, read as if 70 % paid)
    const footer = await status.locator('tfoot tr').evaluateAll((trs: any[]) => trs.map((tr) => Array.from(tr.children, (td: any) => String(td.textContent).trim())));
    expect(footer).toEqual([
      ['Total bulan ini', 'Rp75.600', 'Rp75.600', 'Rp0', 'pembayaran bulan ini sendiri, tanpa koreksi'],
      ['Koreksi Juli 2026', '', 'Rp38.800', '', 'koreksi bulan yang sudah ditutup, dicatat bulan ini: bukan kelebihan atau kekurangan bulan ini'],
      ['Jumlah dicatat', '', 'Rp114.400', '', 'termasuk koreksi'],
    ]);

    // July, the month corrected: its own figures, nothing under them
    const picker = page.getByRole('form', { name: 'Pilih bulan' });
    await picker.getByLabel('Bulan iuran').fill('2026-07');
    await picker.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByRole('heading', { name: 'Pembayaran Juli 2026' }).waitFor();
    const july = page.getByRole('table', { name: 'Status pembayaran per pemberi dana' });
    await july.getByText('Belum dibayar').first().waitFor();
    expect(await tableRows(july)).toEqual([
      ['APBD-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo 10 Juli 2026'],
      ['PROV-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo 10 Juli 2026'],
    ]);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});

/**
 * A month made PAID by §8's sum only by a correction of another month recorded in it does not read as a plain
 * "Lunas" (QA: TJSLP-KOPI-2026 left November unpaid; its correction, recorded in December, made December Lunas on
 * Pembayaran and the Dasbor while December's own premium was unpaid). Its status says "Lunas menurut jumlah", the
 * due-ness of its own premium ("Lewat jatuh tempo" after the 10th) and "iuran Desember 2026 sendiri belum dibayar",
 * with the correction named under the paid amount; the overdue warning names the pledge.
 *
 * Three participants, Rp37.800 a month each, all funded by TJSLP-KOPI-2026 (Rp113.400 a month); November allocated,
 * paid nothing and closed; its correction of Rp113.400 recorded in December. The server's and the browser's clock: 11
 * December 2026 (WIB).
 */
const CODE = 'TJSLP-KOPI-2026';

describeInBrowser('console: a month paid only by a correction of another month says its own premium is unpaid', () => {
  const app = browserApp(async (t) => {
    t.clock.set(new Date('2026-12-11T03:00:00Z')); // 11 December 2026, 10:00 WIB
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, CODE, { sourceType: 'TJSLP', priority: 10 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-11' }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    await closeMonth(t.dataSource, '2026-11');
    await finance
      .post('/api/v1/payments')
      .send({ pledgeCode: CODE, month: '2026-12', adjustsMonth: '2026-11', amount: 113400, paidAt: '2026-12-04', reference: 'KOREKSI NOV KOPI' })
      .expect(201);
  });

  const row = [CODE, 'Rp113.400', 'Rp113.400 termasuk koreksi November 2026 Rp113.400', '-Rp113.400 tanpa koreksi bulan lain', 'Lunas menurut jumlah iuran Desember 2026 sendiri belum dibayar – lewat jatuh tempo 10 Desember 2026'];

  it('Pembayaran, the Dasbor and the run page: "Lunas menurut jumlah", overdue, the own premium unpaid', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await page.clock.setFixedTime(t.clock.now());
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/pembayaran?month=2026-12');
    const status = page.getByRole('table', { name: 'Status pembayaran per pemberi dana' });
    await status.getByText('iuran Desember 2026 sendiri belum dibayar').waitFor();
    expect(await tableRows(status)).toEqual([row]);
    expect(await status.getByTitle('Lunas menurut jumlah (termasuk koreksi November 2026 Rp113.400); iuran Desember 2026 sendiri belum dibayar – lewat jatuh tempo 10 Desember 2026').count()).toBe(1);
    expect(await page.getByRole('status', { name: 'Lewat jatuh tempo Desember 2026' }).textContent()).toContain(`komitmen ${CODE}`);

    await page.goto(`${base}/#/dasbor?month=2026-12`);
    const dashboard = page.getByRole('table', { name: 'Status pembayaran per pemberi dana' });
    await dashboard.getByText('iuran Desember 2026 sendiri belum dibayar').waitFor();
    expect(await tableRows(dashboard)).toEqual([row]);

    // the run page says the same of the run's row (QA: plain Lunas there), with today's due-ness as Pembayaran's (QA: none)
    const { body: run } = await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-12' }).expect(201);
    await page.goto(`${base}/#/rekonsiliasi/${run.id}`);
    const runPayments = page.getByRole('table', { name: 'Status pembayaran per pemberi dana' });
    await runPayments.getByText('iuran Desember 2026 sendiri belum dibayar').waitFor();
    expect(await tableRows(runPayments)).toEqual([row]);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});

/**
 * Pembayaran of a month names the corrections recorded for it in other months (§9), with what is still
 * short after them, beside its own figures, which stay as they are (QA: finalized July read "Kurang bayar
 * −Rp37.800" with no hint after three corrections of it were recorded in October, and could be paid again).
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him; 2026-10 allocated (with every month before
 * it). July paid nothing and is finalized; its shortfall is corrected in November by Rp20.000, Rp17.800 and
 * Rp1.000. October (open) was paid Rp30.000, and a correction of it (Rp5.000) is recorded in November, as
 * one was stored before corrections of an open month were refused.
 */
describeInBrowser('console: Pembayaran names the corrections of the month recorded in other months', () => {
  const app = browserApp(async (t) => {
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await closeMonth(t.dataSource, '2026-07');
    const pay = (month: string, amount: number, reference: string, paidAt: string, adjustsMonth?: string) =>
      finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month, amount, paidAt, reference, ...(adjustsMonth ? { adjustsMonth } : {}) }).expect(201);
    await pay('2026-10', 30000, 'SP2D OKTOBER', '2026-10-05');
    await pay('2026-11', 20000, 'KOREKSI 1', '2026-11-02', '2026-07');
    await pay('2026-11', 17800, 'KOREKSI 2', '2026-11-03', '2026-07');
    await pay('2026-11', 1000, 'KOREKSI 3', '2026-11-04', '2026-07');
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('APBD-2026', '2026-11', 5000, '2026-11-03', 'KOREKSI OKTOBER', '2026-10', 'uji')`,
    );
  });

  it('finalized July: its figures stay, and the note lists the corrections and says it is covered', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.KEUANGAN), '#/pembayaran?month=2026-07');
    const status = page.getByRole('table', { name: 'Status pembayaran per pemberi dana' });
    await status.waitFor();
    expect((await tableRows(status))[0]).toEqual(['APBD-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo 10 Juli 2026']);
    // past due by its own payments, but the corrections cover it: no warning to pay it again
    expect(await page.getByRole('status', { name: 'Lewat jatuh tempo Juli 2026' }).count()).toBe(0);
    const note = page.getByRole('note', { name: 'Koreksi untuk Juli 2026' });
    await note.getByText('Angka di atas tetap angka Juli 2026 sendiri.', { exact: false }).waitFor();
    expect(await tableRows(note.getByRole('table', { name: 'Kekurangan Juli 2026 setelah koreksi' }))).toEqual([
      ['APBD-2026', 'Rp37.800', 'Rp38.800', 'Lebih bayar Rp1.000', 'Lunas setelah koreksi (lebih Rp1.000)'],
    ]);
    expect(await tableRows(note.getByRole('table', { name: 'Koreksi untuk Juli 2026' }))).toEqual([
      ['APBD-2026', 'November 2026', '2 November 2026', 'KOREKSI 1', 'Rp20.000'],
      ['APBD-2026', 'November 2026', '3 November 2026', 'KOREKSI 2', 'Rp17.800'],
      ['APBD-2026', 'November 2026', '4 November 2026', 'KOREKSI 3', 'Rp1.000'],
    ]);
    // the month's own list is July's payments: none
    await page.getByText('Belum ada pembayaran tercatat untuk bulan ini.').waitFor();

    // open October: the correction of it recorded in November is named, and what is still short after it
    const picker = page.getByRole('form', { name: 'Pilih bulan' });
    await picker.getByLabel('Bulan iuran').fill('2026-10');
    await picker.getByRole('button', { name: 'Tampilkan' }).click();
    const october = page.getByRole('note', { name: 'Koreksi untuk Oktober 2026' });
    expect(await tableRows(october.getByRole('table', { name: 'Kekurangan Oktober 2026 setelah koreksi' }))).toEqual([
      ['APBD-2026', 'Rp7.800', 'Rp5.000', 'Rp2.800', 'Masih kurang Rp2.800'],
    ]);
    expect(await tableRows(october.getByRole('table', { name: 'Koreksi untuk Oktober 2026' }))).toEqual([
      ['APBD-2026', 'November 2026', '3 November 2026', 'KOREKSI OKTOBER', 'Rp5.000'],
    ]);
    expect((await tableRows(page.getByRole('table', { name: 'Status pembayaran per pemberi dana' })))[0]).toEqual(['APBD-2026', 'Rp37.800', 'Rp30.000', '-Rp7.800', 'Kurang bayar Lewat jatuh tempo 10 Oktober 2026']);

    // a month no correction names has no note
    await picker.getByLabel('Bulan iuran').fill('2026-09');
    await picker.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByRole('table', { name: 'Status pembayaran per pemberi dana' }).getByText('Belum dibayar').waitFor();
    await page.getByRole('heading', { name: 'Pembayaran September 2026' }).waitFor();
    expect(await page.getByRole('note').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);

  it('the Dasbor says the same under its payment status, from the allocation and from a run (QA: November still read "Belum dibayar" with no word of its correction)', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    const expectNote = async () => {
      const note = page.getByRole('note', { name: 'Koreksi untuk Oktober 2026' });
      expect(await tableRows(note.getByRole('table', { name: 'Kekurangan Oktober 2026 setelah koreksi' }))).toEqual([['APBD-2026', 'Rp7.800', 'Rp5.000', 'Rp2.800', 'Masih kurang Rp2.800']]);
      expect((await tableRows(page.getByRole('table', { name: /^Status pembayaran per pemberi dana/ })))[0]).toEqual(['APBD-2026', 'Rp37.800', 'Rp30.000', '-Rp7.800', 'Kurang bayar Lewat jatuh tempo 10 Oktober 2026']);
    };
    // October not reconciled: the allocation's figures
    await login(page, base, await userFor(t, Role.AUDITOR), '#/dasbor?month=2026-10');
    await page.getByText('Oktober 2026 belum direkonsiliasi', { exact: false }).waitFor();
    await expectNote();
    // a draft run of October: its figures, payments as recorded now
    const run = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-10' }).expect(201)).body;
    await page.reload();
    await page.getByText(`Sumber angka: rekonsiliasi versi ${run.version}`, { exact: false }).waitFor();
    await expectNote();
    // September: no correction, no note
    await page.goto(`${base}/console/#/dasbor?month=2026-09`);
    await page.getByRole('heading', { name: 'Dasbor September 2026' }).waitFor();
    await page.getByRole('table', { name: 'Status pembayaran per pemberi dana' }).waitFor();
    expect(await page.getByRole('note').count()).toBe(0);
    // October finalized: the final run's rows keep Pembayaran's due-ness, on the Dasbor and the run page (QA: "Kurang bayar" alone)
    await t.dataSource.query(`UPDATE reconciliation_run SET status = 'FINAL', finalized_by = 'uji', finalized_at = now() WHERE id = $1`, [run.id]);
    await t.dataSource.query(`INSERT INTO closed_month (month, run_id, closed_by) VALUES ('2026-10', $1, 'uji')`, [run.id]);
    await page.goto(`${base}/console/#/dasbor?month=2026-10`);
    await page.getByText(`Sumber angka: rekonsiliasi versi ${run.version}`, { exact: false }).waitFor();
    expect((await tableRows(page.getByRole('table', { name: /^Status pembayaran per pemberi dana/ })))[0]).toEqual(['APBD-2026', 'Rp37.800', 'Rp30.000', '-Rp7.800', 'Kurang bayar Lewat jatuh tempo 10 Oktober 2026']);
    await page.goto(`${base}/console/#/rekonsiliasi/${run.id}`);
    const runStatus = page.getByRole('table', { name: 'Status pembayaran per pemberi dana' });
    await runStatus.waitFor();
    expect((await tableRows(runStatus))[0]).toEqual(['APBD-2026', 'Rp37.800', 'Rp30.000', '-Rp7.800', 'Kurang bayar Lewat jatuh tempo 10 Oktober 2026']);
    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
