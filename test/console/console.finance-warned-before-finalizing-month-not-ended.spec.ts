/**
 * Finalizing a month that has not ended is allowed (the API's rules are unchanged) but is warned about before it is
 * confirmed (QA: on 6 December keuangan ran December 2026 and keuangan2 finalized it, the question saying nothing of
 * December not having ended nor of its 10 December due date; 2026 then had no open month and December's on-time SP2D
 * was refused MONTH_CLOSED). GET /reconciliations/:id says `dueDate` and `monthEnded` (the server's clock, WIB); the
 * finalize question says the month has not ended, how many funders still owe and how much, and that December leaves
 * the year without an open month; the officer who ran it hears the same beside "finalisasi dilakukan oleh petugas
 * keuangan lain".
 *
 * Three participants, Rp37.800 a month each: APBD-2026 (quota 2) and PROV-2026 (quota 1) fund December, Rp75.600 and
 * Rp37.800; APBD-2026 paid Rp50.000 on 5 December, PROV-2026 nothing: both owe, Rp25.600 + Rp37.800 = Rp63.400.
 * December's bill bills all three. The server's and the browser's clock: 6 December 2026, 10:00 WIB.
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { insertBill, insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';

describeInBrowser('console: finance is warned before finalizing a month that has not ended', () => {
  let runId = '';
  const app = browserApp(async (t) => {
    t.clock.set(new Date('2026-12-06T03:00:00Z'));
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n), noka: `000000000000${n}` })));
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-12', amount: 50000, paidAt: '2026-12-05', reference: 'SP2D 1' }).expect(201);
    await insertBill(t.dataSource, '2026-12', [1, 2, 3].map((n) => ({ nik: nik(n), noka: `000000000000${n}` })));
    runId = (await finance.post('/api/v1/reconciliations').send({ month: '2026-12' }).expect(201)).body.id;
  });

  const NOT_ENDED =
    'Desember 2026 belum berakhir (premi jatuh tempo 10 Desember 2026): setelah difinalisasi, pembayaran Desember hanya dapat dicatat sebagai koreksi di bulan berikutnya (Koreksi untuk bulan Desember 2026), juga yang dibayar tepat waktu.';
  const OWED = '2 komitmen masih terutang untuk Desember 2026 (belum dibayar atau kurang bayar) sebesar Rp63.400: APBD-2026, PROV-2026;';
  const LAST = 'Desember 2026 adalah bulan terakhir tahun anggaran 2026: setelah difinalisasi, tahun 2026 tidak lagi memiliki bulan terbuka untuk mencatat pembayaran atau koreksi.';

  it('the run says when the month is due and whether it has ended, by the server clock (WIB)', async () => {
    const { t } = app;
    const detail = async () => (await (await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}`).expect(200)).body;
    expect(await detail()).toMatchObject({ month: '2026-12', dueDate: '2026-12-10', monthEnded: false });
    t.clock.set(new Date('2026-12-31T16:59:00Z')); // 31 December 23:59 WIB
    expect((await detail()).monthEnded).toBe(false);
    t.clock.set(new Date('2026-12-31T17:00:00Z')); // 1 January 2027 00:00 WIB
    expect((await detail()).monthEnded).toBe(true);
    t.clock.set(new Date('2026-12-06T03:00:00Z'));
  });

  it('the finalize question of keuangan2, and the note to keuangan who ran it, say so first', async () => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await page.clock.setFixedTime(t.clock.now());
    await login(page, base, await userFor(t, Role.KEUANGAN, '2'), `#/rekonsiliasi/${runId}`);
    await page.getByRole('button', { name: 'Finalisasi rekonsiliasi ini…' }).click();
    const question = page.locator('.notice--warning', { hasText: 'belum berakhir' });
    await question.waitFor();
    const text = (await question.textContent()) ?? '';
    expect(text.startsWith(`${NOT_ENDED} ${OWED}`)).toBe(true);
    expect(text).toContain(LAST);
    expect(text).toContain('Setelah difinalisasi, hasil Desember 2026 dikunci');
    await page.getByRole('button', { name: 'Ya, finalisasi Desember 2026' }).waitFor();
    await context.close();

    const own = await openPage(browser);
    await own.page.clock.setFixedTime(t.clock.now());
    await login(own.page, base, await userFor(t, Role.KEUANGAN), `#/rekonsiliasi/${runId}`);
    const note = own.page.locator('.notice--warning', { hasText: 'belum berakhir' });
    await note.waitFor();
    expect(await note.textContent()).toBe(`${NOT_ENDED} ${OWED} setelah difinalisasi, pembayarannya hanya dapat dicatat sebagai koreksi di bulan berikutnya. ${LAST}`);
    expect([...errors, ...own.errors]).toEqual([]);
    await own.context.close();
  }, BROWSER_TIMEOUT);
});
