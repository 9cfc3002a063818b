/** A payment is recorded once; one entered by mistake can be removed while its month is open. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertPledge } from '../reconciliation/support/seed.js';
import { allocateThrough } from './support/something-due.js';

jest.setTimeout(180_000);

describe('payments: duplicates refused, mistakes removed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-12'); // something due each month: no NOTHING_DUE warnings beside the findings tested here
  });
  afterAll(() => t?.close());

  const payment = { pledgeCode: 'APBD-2026', month: '2026-10', amount: 258_000, paidAt: '2026-11-09', reference: 'SP2D 999/LS/2026' };
  const paid = async () => (await t.dataSource.query(`SELECT count(*)::int AS n, coalesce(sum(amount), 0)::int AS total FROM payment`))[0];

  it('the same pledge, month and reference again is 409, also with other case and spaces, and also when sent twice at once', async () => {
    const api = await t.as(Role.KEUANGAN);
    const first = await api.post('/api/v1/payments').send(payment).expect(201);
    const again = await api.post('/api/v1/payments').send({ ...payment, reference: '  sp2d 999/ls/2026 ' }).expect(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE_PAYMENT', details: { id: first.body.id } });
    expect(again.body.message).toMatch(/sudah tercatat/);
    // a tab or a non-breaking space around it (copied from a spreadsheet or a PDF) is still the same reference (QA)
    const invisible = ['\u200bSP2D 999/LS/2026', 'SP2D 999/LS/2026\u2060', '\u00adSP2D 999/LS/2026\u0085', 'SP2D 999/LS/2026\ufeff'];
    // and so are two spaces, a tab or a non-breaking space inside it, for one space (QA)
    const inner = ['SP2D  999/LS/2026', 'SP2D\t999/LS/2026', 'SP2D\u00a0999/LS/2026', 'SP2D \u200b 999/LS/2026'];
    // and spaces put in or left out (QA: "SP2D / DUP / 9" was recorded beside "SP2D/DUP/9")
    inner.push('SP2D 999 / LS / 2026', 'SP2D999/LS/2026');
    for (const reference of ['SP2D 999/LS/2026\u00a0', '\u00a0SP2D 999/LS/2026', 'SP2D 999/LS/2026\t', ...invisible, ...inner]) {
      await api.post('/api/v1/payments').send({ ...payment, reference }).expect(409);
    }
    for (const reference of ['\u00a0\t ', '\u200b', '\u00ad\u2060']) {
      const blank = await api.post('/api/v1/payments').send({ ...payment, reference }).expect(400);
      expect(blank.body.details).toEqual([{ field: 'reference', messages: ['reference (mis. nomor SP2D) wajib diisi'] }]);
    }
    const both = await Promise.all([1, 2].map(() => api.post('/api/v1/payments').send({ ...payment, reference: 'SP2D 1000' })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    // The same SP2D for another month is another payment.
    await api.post('/api/v1/payments').send({ ...payment, month: '2026-09' }).expect(201);
    expect(await paid()).toEqual({ n: 3, total: 3 * 258_000 });
  });

  it('a sheet: rows already recorded, and rows repeating an earlier row of the file, are rejected naming why', async () => {
    const sheet = ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;NO SP2D', 'APBD-2026;2026-10;258000;2026-11-09;SP2D  999/LS/2026', 'APBD-2026;2026-10;1000;2026-11-09;SP2D 2000', 'APBD-2026;2026-10;1000;2026-11-09;sp2d   2000'].join('\n');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 2, payments: 1 });
    expect(res.body.issues.map((i: { row: number; code: string; message: string }) => [i.row, i.code, i.message])).toEqual([
      [2, 'PAYMENT_DUPLICATE', 'Pembayaran APBD-2026 bulan Oktober 2026 dengan referensi "SP2D 999/LS/2026" sudah tercatat; baris ini diabaikan.'],
      [4, 'PAYMENT_DUPLICATE', 'Pembayaran yang sama (komitmen, bulan, referensi) sudah ada di baris 3 berkas ini; baris ini diabaikan.'],
    ]);
    // The same file again: every row is recorded already, nothing is added; said so, naming the earlier upload (QA:
    // it was 400 NO_ACCEPTED_ROWS, "fix the rejected rows")
    const again = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'pembayaran.csv').expect(201);
    expect(again.body).toMatchObject({ id: res.body.id, recognised: true, payments: 1 });
    expect(again.body.message).toMatch(/^Semua pembayaran di berkas ini sudah tercatat \(unggahan pembayaran\.csv oleh uji-keuangan pada /);
    expect(await paid()).toEqual({ n: 4, total: 3 * 258_000 + 1000 });
  });

  it('DELETE removes a payment of an open month (audited), answers 404 for an unknown one, 403 for an auditor', async () => {
    const api = await t.as(Role.KEUANGAN);
    const [row] = await t.dataSource.query(`SELECT id FROM payment WHERE reference = 'SP2D 2000'`);
    await (await t.as(Role.AUDITOR)).delete(`/api/v1/payments/${row.id}`).expect(403);
    const removed = await api.delete(`/api/v1/payments/${row.id}`).expect(200);
    expect(removed.body).toMatchObject({ id: row.id, amount: 1000, reference: 'SP2D 2000' });
    await api.delete(`/api/v1/payments/${row.id}`).expect(404);
    const [event] = await t.dataSource.query(`SELECT action, entity_id, summary FROM audit_event WHERE action = 'payment.delete'`);
    expect(event).toMatchObject({ action: 'payment.delete', entity_id: row.id });
    // the payment came from a sheet, so no earlier event names it: the delete keeps what it removed (QA)
    const summary = typeof event.summary === 'string' ? JSON.parse(event.summary) : event.summary;
    expect(summary.removed).toMatchObject({ id: row.id, pledgeCode: 'APBD-2026', amount: 1000, reference: 'SP2D 2000' });
    expect(await paid()).toEqual({ n: 3, total: 3 * 258_000 });
  });

  it('refuses to remove a payment of a finalized month', async () => {
    const [row] = await t.dataSource.query(`SELECT id FROM payment WHERE month = '2026-09'`);
    await t.dataSource.query(`INSERT INTO reconciliation_run (id, month, version, status, started_by) VALUES ('00000000-0000-4000-8000-000000000009', '2026-09', 1, 'FINAL', 'uji')`);
    await t.dataSource.query(`INSERT INTO closed_month (month, run_id, closed_by, closed_at) VALUES ('2026-09', '00000000-0000-4000-8000-000000000009', 'uji', now())`);
    const res = await (await t.as(Role.KEUANGAN)).delete(`/api/v1/payments/${row.id}`).expect(409);
    expect(res.body.code).toBe('MONTH_CLOSED');
  });
});
