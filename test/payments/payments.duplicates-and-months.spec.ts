import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { RECORDED_ALREADY } from '../../src/payments/sql/duplicate-payments.sql.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { Role } from '../../src/users/role.js';
import { allocateThrough, appWithSomethingDue } from './support/something-due.js';
import { openMonthToRecordIn } from '../../src/periods/open-month.js';
import { closeMonth } from '../funding/support/register.js';

jest.setTimeout(180_000);

/**
 * The duplicate check of payments (RECORDED_ALREADY) is set-based: the payments of the pledge-months asked are read
 * once for all candidates, whatever their count, and joined on the key (pledge, month, reference without case or
 * extra spaces). A probe per candidate was planned on PGlite (no autovacuum, so no statistics) as a scan of the
 * pledge-month's payments per candidate: a sheet's cost grew with what was stored (QA: 20,000 rows in one
 * pledge-month 572 s, 500 more 39 s). Asserted without ANALYZE, as PGlite runs it.
 */
describe('payments: the duplicate check reads the stored payments once per batch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await insertPledge(t.dataSource, 'DBH-2026');
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by)
       SELECT 'APBD-2026', '2026-10', 1000, date '2026-10-05', 'SP2D ' || g, 'uji' FROM generate_series(1, 2000) g
       UNION ALL SELECT 'APBD-2026', '2026-11', 1000, '2026-11-05', 'SP2D NOV', 'uji'
       UNION ALL SELECT 'DBH-2026', '2026-10', 1000, '2026-10-05', 'SP2D DBH', 'uji'`,
    );
    // a correction of November recorded in December
    await t.dataSource.query(`INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('APBD-2026', '2026-12', 1000, '2026-12-05', 'SP2D KOR', '2026-11', 'uji')`);
  });
  afterAll(() => t?.close());

  it('finds each recorded candidate (other case and spacing too) and only those, at its position', async () => {
    const candidates: [string, string, string, string | null][] = [
      ['APBD-2026', '2026-10', '  sp2d   7 ', null], // 1: recorded, written otherwise
      ['APBD-2026', '2026-10', 'SP2D 9999', null], // 2: new
      ['APBD-2026', '2026-11', 'SP2D 7', null], // 3: recorded in another month only
      ['APBD-2026', '2026-11', 'sp2d nov', null], // 4: recorded
      ['DBH-2026', '2026-10', 'SP2D 7', null], // 5: recorded for another pledge only
      ['DBH-2026', '2026-10', 'SP2D\tDBH', null], // 6: recorded
      ['APBD-2026', '2026-10', 'SP2D 2000', null], // 7: recorded
      // a correction is the same payment as the payment of the month it corrects, or another correction of it, with its reference
      ['APBD-2026', '2026-12', 'SP2D NOV', '2026-11'], // 8: November's own SP2D
      ['APBD-2027', '2027-01', 'SP2D NOV', '2026-11'], // 9: another pledge
      ['APBD-2026', '2027-01', 'sp2d kor', '2026-11'], // 10: the SP2D of December's correction of November
      ['APBD-2026', '2026-11', 'SP2D KOR', null], // 11: November's own, with the SP2D of a correction of it
      ['APBD-2026', '2026-12', 'SP2D 7', '2026-11'], // 12: an SP2D of October only
      ['APBD-2026', '2027-01', 'SP2D KOR', '2026-10'], // 13: a correction of another month
    ];
    const found: { position: number; id: string; month: string; adjustsMonth: string | null }[] = await t.dataSource.query(RECORDED_ALREADY, [0, 1, 2, 3].map((i) => candidates.map((c) => c[i])));
    expect(found.map((r) => r.position)).toEqual([1, 4, 6, 7, 8, 10, 11]);
    expect(found.slice(4).map((r) => [r.month, r.adjustsMonth])).toEqual([['2026-11', null], ['2026-12', '2026-11'], ['2026-12', '2026-11']]);
    const [stored] = await t.dataSource.query(`SELECT id FROM payment WHERE reference = 'SP2D 7'`);
    expect(found[0].id).toBe(stored.id);
  });

  it('reads the payment table once for 1,000 candidates, not once per candidate', async () => {
    const n = 1000;
    const args = [Array(n).fill('APBD-2026'), Array(n).fill('2026-10'), Array.from({ length: n }, (_, i) => `SP2D ${i * 3}`), Array(n).fill(null)];
    const plan = (await t.dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${RECORDED_ALREADY}`, args)).map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
    const scans = plan.split('\n').filter((line: string) => / on payment x/.test(line));
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatch(/loops=1(\.00)?\)/); // one asked pledge-month: one pass
    const found = await t.dataSource.query(RECORDED_ALREADY, args);
    expect(found).toHaveLength(666); // SP2D 3, 6, …, 1998 are recorded; SP2D 0 and those past 2000 are not
  });
});

/** A payment is recorded once; one entered by mistake can be removed while its month is open. */
describe('payments: duplicates refused, mistakes removed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithSomethingDue('2026-12'); // something due each month: no NOTHING_DUE warnings beside the findings tested here
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
      [2, 'PAYMENT_DUPLICATE', 'Pembayaran APBD-2026 bulan Oktober 2026 dengan referensi "SP2D 999/LS/2026" sudah tercatat dengan jumlah, tanggal bayar dan Koreksi untuk bulan yang sama; baris ini ditolak dan tidak dicatat lagi.'],
      [4, 'PAYMENT_DUPLICATE', 'Pembayaran yang sama (komitmen, bulan, referensi, jumlah, tanggal bayar dan Koreksi untuk bulan) sudah ada di baris 3 berkas ini dan dicatat dari baris itu; baris ini ditolak agar tidak tercatat dua kali.'],
    ]);
    // The same file again: every row is recorded already, nothing is added; said so, naming the earlier upload (QA:
    // it was 400 NO_ACCEPTED_ROWS, "fix the rejected rows")
    const again = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'pembayaran.csv').expect(201);
    expect(again.body).toMatchObject({ id: res.body.id, recognised: true, payments: 1 });
    expect(again.body.message).toMatch(/^Semua pembayaran di berkas ini sudah tercatat \(unggahan pembayaran\.csv oleh uji-keuangan pada /);
    expect(await paid()).toEqual({ n: 4, total: 3 * 258_000 + 1000 });
  });

  it('DELETE removes a payment of an open month with a reason (audited), answers 404 for an unknown one, 403 for an auditor', async () => {
    const api = await t.as(Role.KEUANGAN);
    const [row] = await t.dataSource.query(`SELECT id FROM payment WHERE reference = 'SP2D 2000'`);
    await (await t.as(Role.AUDITOR)).delete(`/api/v1/payments/${row.id}`).send({ reason: 'Tercatat keliru' }).expect(403);
    // without a reason, or a blank one, nothing is removed (QA: a payment could be deleted without a word of why)
    for (const body of [{}, { reason: ' ' }]) {
      const refused = await api.delete(`/api/v1/payments/${row.id}`).send(body).expect(400);
      expect(JSON.stringify(refused.body)).toContain('reason (alasan penghapusan) wajib diisi');
    }
    // two officers delete it at once: one removes it, the other hears who did, when and why (QA: "tidak ditemukan" and a UUID)
    const both = await Promise.all([1, 2].map(() => api.delete(`/api/v1/payments/${row.id}`).send({ reason: 'Tercatat keliru' })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 404]);
    const [removed, late] = both[0].status === 200 ? both : [both[1], both[0]];
    expect(removed.body).toMatchObject({ id: row.id, amount: 1000, reference: 'SP2D 2000' });
    const deleted = {
      statusCode: 404,
      code: 'PAYMENT_NOT_FOUND',
      message: 'Pembayaran APBD-2026 bulan Oktober 2026 sebesar Rp1.000 dengan referensi "SP2D 2000" sudah dihapus oleh uji-keuangan pada 15 November 2026 10.00 WIB (alasan: Tercatat keliru); tidak ada yang perlu dilakukan lagi.',
      details: { id: row.id, deleted: { by: 'uji-keuangan', at: '2026-11-15T03:00:00.000Z', reason: 'Tercatat keliru', pledgeCode: 'APBD-2026', month: '2026-10', amount: 1000, reference: 'SP2D 2000' } },
    };
    expect(late.body).toEqual(deleted);
    // and so is a later one
    expect((await api.delete(`/api/v1/payments/${row.id}`).send({ reason: 'Lagi' }).expect(404)).body).toEqual(deleted);
    const unknown = await api.delete('/api/v1/payments/00000000-0000-4000-8000-0000000000ff').send({ reason: 'x' }).expect(404);
    expect(unknown.body.message).toBe('Pembayaran "00000000-0000-4000-8000-0000000000ff" tidak ditemukan.');
    const [event] = await t.dataSource.query(`SELECT action, entity_id, summary FROM audit_event WHERE action = 'payment.delete'`);
    expect(event).toMatchObject({ action: 'payment.delete', entity_id: row.id });
    // the payment came from a sheet, so no earlier event names it: the delete keeps what it removed (QA)
    const summary = typeof event.summary === 'string' ? JSON.parse(event.summary) : event.summary;
    expect(summary.removed).toMatchObject({ id: row.id, pledgeCode: 'APBD-2026', amount: 1000, reference: 'SP2D 2000' });
    expect(summary.body).toEqual({ reason: 'Tercatat keliru' });
    expect(await paid()).toEqual({ n: 3, total: 3 * 258_000 });
  });

  it('refuses to remove a payment of a finalized month', async () => {
    const [row] = await t.dataSource.query(`SELECT id FROM payment WHERE month = '2026-09'`);
    await t.dataSource.query(`INSERT INTO reconciliation_run (id, month, version, status, started_by) VALUES ('00000000-0000-4000-8000-000000000009', '2026-09', 1, 'FINAL', 'uji')`);
    await t.dataSource.query(`INSERT INTO closed_month (month, run_id, closed_by, closed_at) VALUES ('2026-09', '00000000-0000-4000-8000-000000000009', 'uji', now())`);
    const res = await (await t.as(Role.KEUANGAN)).delete(`/api/v1/payments/${row.id}`).send({ reason: 'Tercatat keliru' }).expect(409);
    expect(res.body.code).toBe('MONTH_CLOSED');
  });

  /**
   * QA: the 409 said only "sudah tercatat", so an officer re-sending an SP2D could not tell whether the recorded one had
   * the amount and date just sent. An identical repeat says so (nothing to do), one with another amount or date says
   * what is recorded, what was sent and how to replace it, in the words a sheet row repeating it hears; `details` has
   * the recorded payment and the differences, `field` reference (the console's form shows it beside Referensi).
   */
  it('POST /payments repeating a recorded payment says whether amount and date are the same, else what differs and how to replace it', async () => {
    const api = await t.as(Role.KEUANGAN);
    const nov = { pledgeCode: 'APBD-2026', month: '2026-11', amount: 1_000_000, paidAt: '2026-11-05', reference: 'SP2D 5/LS/2026' };
    const { id } = (await api.post('/api/v1/payments').send(nov).expect(201)).body;
    const head = 'Pembayaran APBD-2026 bulan November 2026 dengan referensi "SP2D 5/LS/2026" sudah tercatat';
    const details = { field: 'reference', pledgeCode: 'APBD-2026', month: '2026-11', reference: 'SP2D 5/LS/2026', id, recorded: { id, month: '2026-11', amount: 1_000_000, paidAt: '2026-11-05', adjustsMonth: null } };
    const replace = 'Bila yang tercatat salah, hapus pembayaran itu di halaman Pembayaran (bulan November 2026, tombol Hapus…), lalu catat ulang pembayaran ini.';

    // the same amount and day (a timestamp of that day in WIB too): recorded already, nothing to do
    for (const paidAt of ['2026-11-05', '2026-11-04T20:00:00Z']) {
      const same = await api.post('/api/v1/payments').send({ ...nov, paidAt }).expect(409);
      expect(same.body).toEqual({
        statusCode: 409,
        code: 'DUPLICATE_PAYMENT',
        message: `${head} dengan jumlah, tanggal bayar dan Koreksi untuk bulan yang sama (Rp1.000.000, tanggal 5 November 2026); tidak ada yang perlu dicatat lagi.`,
        details: { ...details, differences: [] },
      });
    }
    // another amount and day, another amount, another day: each said, with both values in details
    const amount = { field: 'amount', recorded: 1_000_000, sent: 1_200_000 };
    const day = { field: 'paidAt', recorded: '2026-11-05', sent: '2026-11-06' };
    for (const [sent, written, differences] of [
      [{ amount: 1_200_000, paidAt: '2026-11-06' }, 'Rp1.200.000 (tanggal 6 November 2026)', [amount, day]],
      [{ amount: 1_200_000 }, 'Rp1.200.000', [amount]],
      [{ paidAt: '2026-11-06' }, 'tanggal 6 November 2026', [day]],
    ] as const) {
      const res = await api.post('/api/v1/payments').send({ ...nov, ...sent }).expect(409);
      expect(res.body).toEqual({
        statusCode: 409,
        code: 'DUPLICATE_PAYMENT',
        message: `${head} dengan jumlah Rp1.000.000 (tanggal 5 November 2026); yang dikirim ${written} dan tidak dicatat. ${replace}`,
        details: { ...details, differences },
      });
    }
    // a sheet row repeating it hears the same, as a row
    const row = 'KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI\nAPBD-2026;2026-11;1200000;2026-11-06;SP2D 5/LS/2026';
    const sheet = await api.post('/api/v1/payment-uploads').attach('file', Buffer.from(row), 'ulang.csv').expect(400);
    expect(sheet.body.details.issues.map((i: { message: string }) => i.message)).toEqual([
      `${head} dengan jumlah Rp1.000.000 (tanggal 5 November 2026); baris ini menulis Rp1.200.000 (tanggal 6 November 2026) dan tidak dicatat. ` +
        replace.replace('catat ulang pembayaran ini', 'unggah ulang baris ini'),
    ]);
    const november = async () => t.dataSource.query(`SELECT amount::int AS amount, paid_at::text AS "paidAt" FROM payment WHERE month = '2026-11'`);
    expect(await november()).toEqual([{ amount: 1_000_000, paidAt: '2026-11-05' }]);
    // as told: the recorded one removed, the payment is recorded as sent
    await api.delete(`/api/v1/payments/${id}`).send({ reason: 'Tercatat keliru' }).expect(200);
    await api.post('/api/v1/payments').send({ ...nov, amount: 1_200_000, paidAt: '2026-11-06' }).expect(201);
    expect(await november()).toEqual([{ amount: 1_200_000, paidAt: '2026-11-06' }]);
  });
});

/**
 * A payment for a finalized month is refused saying what to change (QA: the refusal named "Koreksi untuk
 * bulan" only, and the officer kept the closed month as Bulan iuran): record it in an open month, named
 * when one is known (the latest month up to the current one, later than the finalized month, neither
 * finalized nor frozen), with the finalized month as its correction. The form's route and the sheet say it alike.
 */
describe('openMonthToRecordIn', () => {
  // the closed months as ClosedMonths.closedBy reads them (FROZEN_MONTHS): the finalized ones and the months they froze
  const upTo = (last: string) => new Set(Array.from({ length: Number(last.slice(5)) }, (_, i) => `${last.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`));
  const closed = (...lasts: string[]) => new Set(lasts.flatMap((last) => [...upTo(last)]));
  it('is the current month when it is open, else the latest open month after the closed one, never a frozen one', () => {
    expect(openMonthToRecordIn('2026-10', '2026-12', closed('2026-10'))).toBe('2026-12');
    // none open up to the current month: the first open month after it, crossing the year (QA: December 2026 finalized)
    expect(openMonthToRecordIn('2026-10', '2026-12', closed('2026-12'))).toBe('2027-01'); // November frozen by December
    expect(openMonthToRecordIn('2026-12', '2026-12', closed('2026-12'))).toBe('2027-01');
    expect(openMonthToRecordIn('2026-12', '2027-02', closed('2026-12', '2027-02'))).toBe('2027-03'); // January 2027 frozen by February
    expect(openMonthToRecordIn('2026-11', '2027-01', closed('2026-12', '2027-01'))).toBe('2027-02');
    expect(openMonthToRecordIn('2026-11', '2027-01', closed('2026-11', '2027-01'))).toBe('2026-12'); // December 2026: another year than January's
    expect(openMonthToRecordIn('2026-11', '2026-11', closed('2026-11'))).toBe('2026-12'); // no month after it has begun: the next one
    expect(openMonthToRecordIn('2026-06', '2026-12', closed('2026-11'))).toBe('2026-12'); // June frozen by November
  });
});
describe('payments: the refusal of a finalized month names the open month to record it in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // today 15 November 2026 (WIB)
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-11');
    await closeMonth(t.dataSource, '2026-09');
    await closeMonth(t.dataSource, '2026-10');
  });
  afterAll(() => t?.close());

  const payment = { pledgeCode: 'APBD-2026', month: '2026-10', amount: 37_800, paidAt: '2026-11-09', reference: 'SP2D 77/LS/2026' };
  const SAID =
    'Bulan Oktober 2026 sudah difinalisasi dan tidak dapat diubah. Catat pembayaran ini di bulan yang masih terbuka (mis. November 2026) dengan Koreksi untuk bulan = Oktober 2026: ' +
    'ubah Bulan iuran menjadi November 2026.';

  it('POST /payments: 409 MONTH_CLOSED saying Bulan iuran becomes November 2026, and Koreksi untuk bulan October; so recorded it is taken', async () => {
    const api = await t.as(Role.KEUANGAN);
    const refused = await api.post('/api/v1/payments').send(payment).expect(409);
    expect(refused.body).toEqual({ statusCode: 409, code: 'MONTH_CLOSED', message: SAID, details: { month: '2026-10', field: 'month' } });
    // beside another field's problem, it is the month field's message
    const both = await api.post('/api/v1/payments').send({ ...payment, amount: -1 }).expect(400);
    expect(both.body.details).toEqual(expect.arrayContaining([{ field: 'month', messages: [SAID] }]));
    await api.post('/api/v1/payments').send({ ...payment, month: '2026-11', adjustsMonth: '2026-10' }).expect(201);
  });

  it('no open month up to today once November is finalized: the refusal names December, the first open month after it', async () => {
    await closeMonth(t.dataSource, '2026-11');
    const refused = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send({ ...payment, reference: 'SP2D 78/LS/2026' }).expect(409);
    expect(refused.body.message).toBe(
      'Bulan Oktober 2026 sudah difinalisasi dan tidak dapat diubah. Catat pembayaran ini di bulan yang masih terbuka (mis. Desember 2026) dengan Koreksi untuk bulan = Oktober 2026: ubah Bulan iuran menjadi Desember 2026.',
    );
    await t.dataSource.query(`DELETE FROM closed_month WHERE month = '2026-11'`);
  });

  it('the payment sheet says it with its columns as the file wrote them', async () => {
    const sheet = 'KODE_KOMITMEN,BULAN IURAN,JUMLAH,TANGGAL_BAYAR,REFERENSI\nAPBD-2026,2026-09,37800,2026-11-09,SP2D 79/LS/2026\n';
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'bayar.csv').expect(400);
    expect(res.body.details.issues).toEqual([
      expect.objectContaining({
        column: 'BULAN IURAN',
        code: 'MONTH_CLOSED',
        message: 'Bulan September 2026 sudah difinalisasi. Catat pembayaran ini di bulan yang masih terbuka (mis. November 2026): BULAN IURAN = 2026-11 dan KOREKSI_UNTUK_BULAN = 2026-09.',
      }),
    ]);
  });
});

/**
 * Year end (QA, 6 December 2026, December finalized): a payment for December correcting November was told to set
 * Koreksi untuk bulan = Desember 2026, and the open month was left unnamed. The month it corrects stays November, and the
 * first open month after it, January 2027, is named; for a frozen June alike, on the form's route and in the sheet.
 */
describe('payments: with December finalized the refusal names January of the next year and keeps the corrected month', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-12-06T03:00:00Z'));
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-12');
    await closeMonth(t.dataSource, '2026-12');
  });
  afterAll(() => t?.close());

  const december = { pledgeCode: 'APBD-2026', month: '2026-12', amount: 37_800, paidAt: '2026-12-04', reference: 'SP2D 120/LS/2026', adjustsMonth: '2026-11' };

  it('POST /payments: a correction of November sent for December keeps Koreksi untuk bulan November, recorded in January 2027', async () => {
    const api = await t.as(Role.KEUANGAN);
    const refused = await api.post('/api/v1/payments').send(december).expect(409);
    expect(refused.body.message).toBe(
      'Bulan Desember 2026 sudah difinalisasi dan tidak dapat diubah. Catat pembayaran ini di bulan yang masih terbuka (mis. Januari 2027) dengan Koreksi untuk bulan tetap November 2026: ' +
        'ubah Bulan iuran menjadi Januari 2027.',
    );
    const june = await api.post('/api/v1/payments').send({ ...december, month: '2026-06', adjustsMonth: undefined }).expect(409);
    expect(june.body.message).toBe(
      'Bulan Juni 2026 sudah dibekukan karena bulan Desember 2026 sudah difinalisasi (bulan sebelumnya pada tahun itu ikut dibekukan) dan tidak dapat diubah. ' +
        'Catat pembayaran ini di bulan yang masih terbuka (mis. Januari 2027) dengan Koreksi untuk bulan = Juni 2026: ubah Bulan iuran menjadi Januari 2027.',
    );
    // as told, it is taken
    await api.post('/api/v1/payments').send({ ...december, month: '2027-01' }).expect(201);
  });

  it('the payment sheet says it alike, PENYESUAIAN_BULAN kept when the row has one', async () => {
    const sheet = ['KODE_KOMITMEN,BULAN,JUMLAH,TANGGAL_BAYAR,REFERENSI,PENYESUAIAN_BULAN', 'APBD-2026,2026-12,37800,2026-12-04,SP2D 121/LS/2026,2026-11', 'APBD-2026,2026-06,37800,2026-12-04,SP2D 122/LS/2026,'].join('\n');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'akhir-tahun.csv').expect(400);
    expect(res.body.details.issues.map((i: { row: number; message: string }) => [i.row, i.message])).toEqual([
      [2, 'Bulan Desember 2026 sudah difinalisasi. Catat pembayaran ini di bulan yang masih terbuka (mis. Januari 2027): BULAN = 2027-01 dan PENYESUAIAN_BULAN tetap 2026-11.'],
      [3, 'Bulan Juni 2026 sudah dibekukan karena bulan Desember 2026 sudah difinalisasi. Catat pembayaran ini di bulan yang masih terbuka (mis. Januari 2027): BULAN = 2027-01 dan PENYESUAIAN_BULAN = 2026-06.'],
    ]);
  });
});

/**
 * A month frozen by a later finalized month of its year (§9) is closed for payments as a finalized one is: it takes no
 * payment of its own, a correction of it is taken, its payments are not deleted (QA: with November finalized a payment
 * for September was taken, and one for June after December was finalized too, while a correction of June was refused;
 * the village statement, marked final, then changed its paid figure). Today 15 November 2026; October finalized, so
 * January–September are frozen.
 */
describe('payments: a frozen month is closed for payments', () => {
  let t: TestApp;
  let juneId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-11');
    [{ id: juneId }] = await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by) VALUES ('APBD-2026', '2026-06', 37800, '2026-06-05', 'SP2D JUNI', 'uji') RETURNING id`,
    );
    await closeMonth(t.dataSource, '2026-10');
  });
  afterAll(() => t?.close());

  const june = { pledgeCode: 'APBD-2026', month: '2026-06', amount: 37_800, paidAt: '2026-11-09', reference: 'SP2D 90/LS/2026' };
  const SAID =
    'Bulan Juni 2026 sudah dibekukan karena bulan Oktober 2026 sudah difinalisasi (bulan sebelumnya pada tahun itu ikut dibekukan) dan tidak dapat diubah. ' +
    'Catat pembayaran ini di bulan yang masih terbuka (mis. November 2026) dengan Koreksi untuk bulan = Juni 2026: ubah Bulan iuran menjadi November 2026.';

  it('POST /payments: 409 MONTH_CLOSED as for a finalized month, naming the finalization that froze it; as a correction in November it is taken', async () => {
    const api = await t.as(Role.KEUANGAN);
    const refused = await api.post('/api/v1/payments').send(june).expect(409);
    expect(refused.body).toEqual({ statusCode: 409, code: 'MONTH_CLOSED', message: SAID, details: { month: '2026-06', closedMonth: '2026-10', field: 'month' } });
    // beside another field's problem, it is the month field's message, as the console's form shows it beside Bulan iuran
    const both = await api.post('/api/v1/payments').send({ ...june, amount: 'x' }).expect(400);
    expect(both.body.details).toEqual(expect.arrayContaining([{ field: 'month', messages: [SAID] }]));
    const saved = await api.post('/api/v1/payments').send({ ...june, month: '2026-11', adjustsMonth: '2026-06' }).expect(201);
    expect(saved.body).toMatchObject({ month: '2026-11', adjustsMonth: '2026-06', amount: 37_800 });
    expect((await api.get('/api/v1/payments?month=2026-06').expect(200)).body.total).toBe(1); // June's own stays as it was
  });

  it('the payment sheet refuses a frozen BULAN saying so, and takes a correction of it (no ADJUSTS_OPEN_MONTH)', async () => {
    const sheet = ['KODE_KOMITMEN,BULAN,JUMLAH,TANGGAL_BAYAR,REFERENSI,PENYESUAIAN_BULAN', 'APBD-2026,2026-06,37800,2026-11-09,SP2D 91/LS/2026,', 'APBD-2026,2026-11,37800,2026-11-09,SP2D 92/LS/2026,2026-08'].join('\n');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'beku.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
    expect(res.body.issues.filter((i: { severity: string }) => i.severity === 'REJECT')).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'BULAN',
        code: 'MONTH_CLOSED',
        message: 'Bulan Juni 2026 sudah dibekukan karena bulan Oktober 2026 sudah difinalisasi. Catat pembayaran ini di bulan yang masih terbuka (mis. November 2026): BULAN = 2026-11 dan PENYESUAIAN_BULAN = 2026-06.',
      }),
    ]);
  });

  it('DELETE /payments/:id of a frozen month is refused as a finalized month\'s', async () => {
    const res = await (await t.as(Role.KEUANGAN)).delete(`/api/v1/payments/${juneId}`).send({ reason: 'Tercatat keliru' }).expect(409);
    expect(res.body).toMatchObject({ code: 'MONTH_CLOSED', details: { month: '2026-06', closedMonth: '2026-10' } });
    expect(res.body.message).toMatch(/^Bulan Juni 2026 sudah dibekukan karena bulan Oktober 2026 sudah difinalisasi .* Koreksi yang menyangkut bulan itu dicatat/);
    expect((await t.dataSource.query('SELECT 1 FROM payment WHERE id = $1', [juneId])).length).toBe(1);
  });

  it('the open month after the finalized one still takes its own payments, and corrections of the finalized one', async () => {
    const api = await t.as(Role.KEUANGAN);
    await api.post('/api/v1/payments').send({ ...june, month: '2026-11', reference: 'SP2D 93/LS/2026' }).expect(201);
    const open = await api.post('/api/v1/payments').send({ ...june, month: '2026-11', adjustsMonth: '2026-10', reference: 'SP2D 94/LS/2026' }).expect(201);
    expect(open.body.adjustsMonth).toBe('2026-10'); // October itself is finalized: a correction of it is what it takes
  });
});

/**
 * A recorded payment sent again is DUPLICATE_PAYMENT whatever its month's state, and a correction carrying the SP2D of
 * the payment of the month it corrects (or of another correction of it) is that payment again (QA: November's
 * payment sent again was answered MONTH_CLOSED, advising to record it in December as a correction of November; so
 * sent, it was taken, and Rp87.185.700 counted twice). A correction is a new transfer with its own SP2D. Today
 * 15 November 2026; October finalized, its payment SP2D 901/LS/2026 recorded.
 */
describe('payments: a recorded payment of a closed month sent again, or as its correction, is a duplicate', () => {
  let t: TestApp;
  let octoberId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await insertPledge(t.dataSource, 'APBD-2026');
    await allocateThrough(t, '2026-11');
    [{ id: octoberId }] = await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, created_by) VALUES ('APBD-2026', '2026-10', 87185700, '2026-10-09', 'SP2D 901/LS/2026', 'uji') RETURNING id`,
    );
    await closeMonth(t.dataSource, '2026-10');
  });
  afterAll(() => t?.close());

  const october = { pledgeCode: 'APBD-2026', month: '2026-10', amount: 87_185_700, paidAt: '2026-10-09', reference: 'SP2D 901/LS/2026' };
  const head = 'Pembayaran APBD-2026 bulan Oktober 2026 dengan referensi "SP2D 901/LS/2026" sudah tercatat';
  const recorded = () => ({ id: octoberId, month: '2026-10', amount: 87_185_700, paidAt: '2026-10-09', adjustsMonth: null });
  const paid = async () => (await t.dataSource.query(`SELECT count(*)::int AS n, sum(amount)::bigint::text AS total FROM payment`))[0];

  it('POST /payments: the payment of the closed month again is DUPLICATE_PAYMENT (not MONTH_CLOSED), identical or not', async () => {
    const api = await t.as(Role.KEUANGAN);
    const same = await api.post('/api/v1/payments').send(october).expect(409);
    expect(same.body).toEqual({
      statusCode: 409,
      code: 'DUPLICATE_PAYMENT',
      message: `${head} dengan jumlah, tanggal bayar dan Koreksi untuk bulan yang sama (Rp87.185.700, tanggal 9 Oktober 2026); tidak ada yang perlu dicatat lagi.`,
      details: { field: 'reference', pledgeCode: 'APBD-2026', month: '2026-10', reference: 'SP2D 901/LS/2026', id: octoberId, recorded: recorded(), differences: [] },
    });
    // another amount: nothing of a closed month can be removed, so no "hapus" advice, but a correction with its own SP2D
    const other = await api.post('/api/v1/payments').send({ ...october, amount: 87_000_000 }).expect(409);
    expect(other.body.code).toBe('DUPLICATE_PAYMENT');
    expect(other.body.message).toBe(
      `${head} dengan jumlah Rp87.185.700 (tanggal 9 Oktober 2026); yang dikirim Rp87.000.000 dan tidak dicatat. ` +
        'Bulan Oktober 2026 sudah ditutup, jadi pembayaran itu tidak dapat dihapus: bila ada selisih, catat koreksinya di bulan yang masih terbuka ' +
        'dengan Koreksi untuk bulan = Oktober 2026 dan nomor SP2D/bukti transfer koreksi itu.',
    );
    // a payment of October the recorded one is not: MONTH_CLOSED, as before
    expect((await api.post('/api/v1/payments').send({ ...october, reference: 'SP2D 902/LS/2026' }).expect(409)).body.code).toBe('MONTH_CLOSED');
  });

  it('POST /payments: a correction of October in November with October\'s SP2D is DUPLICATE_PAYMENT naming the recorded payment', async () => {
    const api = await t.as(Role.KEUANGAN);
    const res = await api.post('/api/v1/payments').send({ ...october, month: '2026-11', adjustsMonth: '2026-10', reference: ' sp2d 901/ls/2026' }).expect(409);
    expect(res.body).toEqual({
      statusCode: 409,
      code: 'DUPLICATE_PAYMENT',
      message:
        'Referensi "sp2d 901/ls/2026" sudah tercatat untuk APBD-2026 sebagai pembayaran bulan Oktober 2026 (Rp87.185.700, tanggal 9 Oktober 2026). ' +
        'Pembayaran yang dikirim, koreksi untuk bulan Oktober 2026 (dicatat di bulan November 2026) dengan referensi yang sama, adalah pembayaran itu lagi dan tidak dicatat agar tidak terhitung dua kali. ' +
        'Koreksi adalah transfer baru dengan nomor SP2D sendiri: bila memang ada transfer koreksi, catat dengan referensi SP2D transfer itu.',
      details: {
        field: 'reference',
        pledgeCode: 'APBD-2026',
        month: '2026-11',
        reference: 'sp2d 901/ls/2026',
        id: octoberId,
        recorded: recorded(),
        differences: [
          { field: 'month', recorded: '2026-10', sent: '2026-11' },
          { field: 'adjustsMonth', recorded: null, sent: '2026-10' },
        ],
      },
    });
    expect(await paid()).toEqual({ n: 1, total: '87185700' });
  });

  it('a correction with an SP2D of its own is taken; October sent again with that SP2D is the correction again', async () => {
    const api = await t.as(Role.KEUANGAN);
    const correction = await api.post('/api/v1/payments').send({ ...october, month: '2026-11', adjustsMonth: '2026-10', amount: 500_000, paidAt: '2026-11-10', reference: 'SP2D 950/LS/2026' }).expect(201);
    const res = await api.post('/api/v1/payments').send({ ...october, amount: 500_000, paidAt: '2026-11-10', reference: 'SP2D 950/LS/2026' }).expect(409);
    expect(res.body).toMatchObject({ code: 'DUPLICATE_PAYMENT', details: { id: correction.body.id, recorded: { month: '2026-11', adjustsMonth: '2026-10' } } });
    expect(res.body.message).toMatch(/^Referensi "SP2D 950\/LS\/2026" sudah tercatat untuk APBD-2026 sebagai koreksi untuk bulan Oktober 2026 \(dicatat di bulan November 2026\) \(Rp500\.000, tanggal 10 November 2026\)\. Pembayaran yang dikirim, pembayaran bulan Oktober 2026 dengan referensi yang sama/);
    expect(await paid()).toEqual({ n: 2, total: '87685700' });
  });

  /**
   * "Koreksi untuk bulan" is compared as amount and date are (QA: the correction of October re-sent without it, or with
   * another month, was called the same payment, "tidak ada yang perlu dicatat lagi").
   */
  it('a repeat differing only in Koreksi untuk bulan says so: without it, with another month; the same correction again is identical', async () => {
    const api = await t.as(Role.KEUANGAN);
    const correction = { ...october, month: '2026-11', adjustsMonth: '2026-10', amount: 500_000, paidAt: '2026-11-10', reference: 'SP2D 950/LS/2026' };
    const head950 = 'Pembayaran APBD-2026 bulan November 2026 dengan referensi "SP2D 950/LS/2026" sudah tercatat';
    const replace = 'Bila yang tercatat salah, hapus pembayaran itu di halaman Pembayaran (bulan November 2026, tombol Hapus…), lalu catat ulang pembayaran ini.';
    const without = await api.post('/api/v1/payments').send({ ...correction, adjustsMonth: undefined }).expect(409);
    expect(without.body).toMatchObject({
      code: 'DUPLICATE_PAYMENT',
      message: `${head950} dengan jumlah Rp500.000 (tanggal 10 November 2026), Koreksi untuk bulan Oktober 2026; yang dikirim tanpa Koreksi untuk bulan dan tidak dicatat. ${replace}`,
      details: { differences: [{ field: 'adjustsMonth', recorded: '2026-10', sent: null }] },
    });
    const another = await api.post('/api/v1/payments').send({ ...correction, adjustsMonth: '2026-09', amount: 600_000 }).expect(409);
    expect(another.body).toMatchObject({
      code: 'DUPLICATE_PAYMENT',
      message: `${head950} dengan jumlah Rp500.000 (tanggal 10 November 2026), Koreksi untuk bulan Oktober 2026; yang dikirim Rp600.000, Koreksi untuk bulan September 2026 dan tidak dicatat. ${replace}`,
      details: {
        differences: [
          { field: 'amount', recorded: 500_000, sent: 600_000 },
          { field: 'adjustsMonth', recorded: '2026-10', sent: '2026-09' },
        ],
      },
    });
    const same = await api.post('/api/v1/payments').send(correction).expect(409);
    expect(same.body).toMatchObject({
      message: `${head950} dengan jumlah, tanggal bayar dan Koreksi untuk bulan yang sama (Rp500.000, tanggal 10 November 2026, Koreksi untuk bulan Oktober 2026); tidak ada yang perlu dicatat lagi.`,
      details: { differences: [] },
    });
    expect(await paid()).toEqual({ n: 2, total: '87685700' });
  });

  it('a payment sheet: the closed month\'s payment again and a correction with its SP2D are PAYMENT_DUPLICATE, not MONTH_CLOSED', async () => {
    const sheet = [
      'KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;PENYESUAIAN_BULAN',
      'APBD-2026;2026-10;87185700;2026-10-09;SP2D 901/LS/2026;',
      'APBD-2026;2026-11;87185700;2026-10-09;SP2D 901/LS/2026;2026-10',
      'APBD-2026;2026-10;1000;2026-10-09;SP2D 903/LS/2026;',
      'APBD-2026;2026-11;1000;2026-11-09;SP2D 904/LS/2026;2026-10',
    ].join('\n');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'ulang.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 1, rejected: 3, payments: 1, amount: 1000 });
    const rejects = res.body.issues.filter((i: { severity: string }) => i.severity === 'REJECT').map((i: { row: number; code: string; message: string }) => [i.row, i.code, i.message]);
    expect(rejects).toEqual([
      [2, 'PAYMENT_DUPLICATE', `${head} dengan jumlah, tanggal bayar dan Koreksi untuk bulan yang sama; baris ini ditolak dan tidak dicatat lagi.`],
      [
        3,
        'PAYMENT_DUPLICATE',
        'Referensi "SP2D 901/LS/2026" sudah tercatat untuk APBD-2026 sebagai pembayaran bulan Oktober 2026 (Rp87.185.700, tanggal 9 Oktober 2026). ' +
          'Baris ini, koreksi untuk bulan Oktober 2026 (dicatat di bulan November 2026) dengan referensi yang sama, adalah pembayaran itu lagi dan ditolak agar tidak terhitung dua kali. ' +
          'Koreksi adalah transfer baru dengan nomor SP2D sendiri: bila memang ada transfer koreksi, catat dengan referensi SP2D transfer itu.',
      ],
      [4, 'MONTH_CLOSED', expect.stringMatching(/^Bulan Oktober 2026 sudah difinalisasi\./)],
    ]);
  });

  it('a sheet whose every row is the closed month\'s recorded payment is ALREADY_RECORDED', async () => {
    const sheet = 'KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI\nAPBD-2026;2026-10;87185700;2026-10-09;SP2D 901/LS/2026';
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', Buffer.from(sheet), 'oktober.csv').expect(409);
    expect(res.body.code).toBe('ALREADY_RECORDED');
  });
});

/**
 * `GET /api/v1/payments?adjustsMonth=`: the corrections of a month, recorded in later (open) months (§9),
 * so that the finalized month's Pembayaran page can name them (QA: July read "Kurang bayar" after its
 * shortfall had been corrected in October). Without the filter every payment is listed, as before; the
 * month's own status stays as it was.
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him; 2026-10 allocated (with every month before
 * it); July paid nothing and is finalized; October holds an ordinary payment and three corrections of July.
 */
describe('payments: the corrections of a month are listed by adjustsMonth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await closeMonth(t.dataSource, '2026-07');
    const pay = (amount: number, reference: string, paidAt: string, adjustsMonth?: string) =>
      finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-10', amount, paidAt, reference, ...(adjustsMonth ? { adjustsMonth } : {}) }).expect(201);
    await pay(37800, 'SP2D OKTOBER', '2026-10-05');
    await pay(20000, 'KOREKSI 1', '2026-10-20', '2026-07');
    await pay(17800, 'KOREKSI 2', '2026-10-21', '2026-07');
    await pay(1000, 'KOREKSI 3', '2026-11-02', '2026-07');
  });
  afterAll(() => t?.close());

  const list = async (query: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments?${query}`).expect(200)).body;

  it('lists the corrections of July, wherever they were recorded, and no other payment', async () => {
    const july = await list('adjustsMonth=2026-07');
    expect(july.total).toBe(3);
    expect(july.items.map((p: Record<string, unknown>) => [p.month, p.adjustsMonth, p.amount, p.paidAt, p.reference])).toEqual([
      ['2026-10', '2026-07', 20000, '2026-10-20', 'KOREKSI 1'],
      ['2026-10', '2026-07', 17800, '2026-10-21', 'KOREKSI 2'],
      ['2026-10', '2026-07', 1000, '2026-11-02', 'KOREKSI 3'],
    ]);
    // with the other filters and paging, as every listing
    expect((await list('adjustsMonth=2026-07&month=2026-10&pledgeCode=APBD-2026&page=2&pageSize=2')).items.map((p: { reference: string }) => p.reference)).toEqual(['KOREKSI 3']);
    expect(await list('adjustsMonth=2026-07&month=2026-09')).toEqual({ items: [], total: 0 });
    expect(await list('adjustsMonth=2026-10')).toEqual({ items: [], total: 0 });
  });

  it('without it every payment is listed, as before, and July\'s own figures are unchanged', async () => {
    expect((await list('month=2026-10')).total).toBe(4);
    expect((await list('month=2026-07')).total).toBe(0);
    const status = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-07').expect(200)).body;
    expect(status).toEqual([
      { pledgeCode: 'APBD-2026', due: 37800, paid: 0, ownPaid: 0, status: 'UNPAID', ownStatus: 'UNPAID', late: false, corrections: 0, correctedMonths: [], lateOnlyByCorrections: false, dueDate: '2026-07-10', overdue: true, suspensionRisk: 'MONTH_ENDED' },
    ]);
  });

  it('a malformed adjustsMonth is refused as month is', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/payments?adjustsMonth=2026-7').expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.details)).toContain('adjustsMonth: bulan harus berformat YYYY-MM dengan tahun 2000–2099');
  });
});
