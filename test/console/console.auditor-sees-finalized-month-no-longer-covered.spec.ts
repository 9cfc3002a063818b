/**
 * The participant page marks a finalized month the register no longer covers (a death reported later: December stays
 * allocated, owed and finalized), and a finalized month the register covers now without an obligation (registered late)
 * is listed with Rp0 and says why, not "Belum ada iuran tercatat … (bulan yang belum dialokasikan tidak tampil)" (QA).
 */
import { expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth, insertParticipants } from '../funding/support/register.js';
import { BROWSER_TIMEOUT, browserApp, describeInBrowser, login, openPage, userFor } from './support/browser.js';

const DEAD = '1703015401501302';
const LATE = '1703015401501303';
const GONE = 'Sudah difinalisasi; menurut register saat ini tidak lagi ditanggung — koreksi dicatat sebagai penyesuaian di bulan terbuka';

describeInBrowser('console: finalized months that no longer match the register', () => {
  const app = browserApp(async (t) => {
    await insertParticipants(t.dataSource, [{ nik: DEAD, name: 'Sari Wulandari', village: '17.03.07.2001', tmt: '2026-11-01' }]);
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2026-12' }).expect(201);
    await closeMonth(t.dataSource, '2026-12'); // November frozen by it
    // her death on 20 November, reported after December was finalized; and a resident registered after both months
    await t.dataSource.query(`UPDATE participant SET tat = '2026-11-20', end_reason = 'MENINGGAL' WHERE nik = $1`, [DEAD]);
    await insertParticipants(t.dataSource, [{ nik: LATE, name: 'Rina Lestari', village: '17.03.07.2001', tmt: '2026-11-01' }]);
  });

  const rowsOf = async (nik: string, name: string) => {
    const { t, base, browser } = app;
    const { context, page, errors } = await openPage(browser);
    await login(page, base, await userFor(t, Role.AUDITOR), `#/peserta/${nik}`);
    await page.getByRole('heading', { name }).waitFor();
    const history = page.getByRole('table', { name: 'Iuran dan pendanaan per bulan' });
    await history.waitFor();
    const rows = await history.locator('tbody tr').evaluateAll((trs: any[]) => trs.map((tr) => [tr.children[0].textContent, tr.children[1].textContent, tr.children[4].textContent]));
    expect(errors).toEqual([]);
    await context.close();
    return rows;
  };

  it('a death reported later: December, finalized and no longer covered, says so; November does not', async () => {
    expect(await rowsOf(DEAD, 'Sari Wulandari')).toEqual([
      ['Desember 2026', 'Rp37.800', `Tidak terdanai Rp37.800${GONE}`],
      ['November 2026', 'Rp37.800', 'Tidak terdanai Rp37.800'],
    ]);
  }, BROWSER_TIMEOUT);

  it('a late registration: the finalized months covered now are listed with Rp0 and why', async () => {
    const rows = await rowsOf(LATE, 'Rina Lestari');
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['Desember 2026', 'Rp0'],
      ['November 2026', 'Rp0'],
    ]);
    for (const r of rows) expect(r[2]).toMatch(/^Sudah dialokasikan dan difinalisasi tanpa iuran peserta ini/);
  }, BROWSER_TIMEOUT);
});
