/**
 * Pembayaran's status table says what of a month's paid is corrections of earlier months recorded in it
 * (GET /payments/status `corrections`, `correctedMonths`, `lateOnlyByCorrections`): they count toward the
 * month (§8) and can make it OVERPAID and late, which read as the month's own (QA). Under the paid amount,
 * "termasuk koreksi Juli 2026 Rp37.800"; a month late only because its corrections were paid after the 10th
 * reads "Terlambat (hanya koreksi)", one with an ordinary late payment plainly "Terlambat".
 *
 * Two participants, Rp37.800 a month each to PROV-2026 (quota 1) and APBD-2026; 2026-10 allocated (with
 * every month before it), July finalized and paid nothing. In October APBD-2026 paid on time and corrected
 * July by Rp37.800 after the 10th; PROV-2026 paid late and corrected July by Rp1.000.
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';
import { tableRows } from './support/downloads.js';

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
    const status = page.getByRole('table', { name: 'Status pembayaran per penyandang dana' });
    await status.getByText('termasuk koreksi Juli 2026 Rp37.800').waitFor();
    expect(await tableRows(status)).toEqual([
      ['APBD-2026', 'Rp37.800', 'Rp75.600 termasuk koreksi Juli 2026 Rp37.800', 'Rp37.800', 'Lebih bayar Terlambat (hanya koreksi)'],
      ['PROV-2026', 'Rp37.800', 'Rp38.800 termasuk koreksi Juli 2026 Rp1.000', 'Rp1.000', 'Lebih bayar Terlambat'],
    ]);

    // July, the month corrected: its own figures, nothing under them
    const picker = page.getByRole('form', { name: 'Pilih bulan' });
    await picker.getByLabel('Bulan iuran').fill('2026-07');
    await picker.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByRole('heading', { name: 'Pembayaran Juli 2026' }).waitFor();
    const july = page.getByRole('table', { name: 'Status pembayaran per penyandang dana' });
    await july.getByText('Belum dibayar').first().waitFor();
    expect(await tableRows(july)).toEqual([
      ['APBD-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo'],
      ['PROV-2026', 'Rp37.800', 'Rp0', '-Rp37.800', 'Belum dibayar Lewat jatuh tempo'],
    ]);

    expect(errors).toEqual([]);
    await context.close();
  }, BROWSER_TIMEOUT);
});
