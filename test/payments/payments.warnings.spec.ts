import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Role } from '../../src/users/role.js';
import { closeMonth, whileClosed } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

/**
 * An ordinary payment (no `adjustsMonth`) that takes its pledge-month's paid above what is due is accepted,
 * as §8 accepts every payment, but warned about (QA: DESA-1703112009-2026 paid Rp900.000 of Rp869.400 due and
 * heard nothing until the status read OVERPAID): EXCEEDS_DUE on `amount` (sheet: JUMLAH), giving the due, what
 * was already paid and the excess in rupiah. Already paid is the month's own payments (and in a sheet the rows
 * above): the corrections of earlier months recorded in it are left out, and named, since they pay those months,
 * not this one's premium (QA: December's own exact payment warned "kelebihan" after a correction of November).
 * Exactly the due is no warning; a month with nothing due hears NOTHING_DUE alone.
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him (SISA-2026, last, is left nothing); 2026-10
 * allocated (with every month before it, §6), March and August finalized, the fixed clock on 15 November 2026.
 */
// Booting the app and allocating ten months can take long on a busy machine (PGlite).
const exceedsDue = (month: string, paid: string, excess: string, corrections?: string) =>
  `Pembayaran ini melebihi yang terutang untuk ${month}: terutang Rp37.800, sudah dibayar ${paid}` +
  (corrections ? ` (koreksi bulan lain ${corrections} yang tercatat di bulan ini tidak dihitung)` : '') +
  `, kelebihan ${excess}.`;

describe('payments: an ordinary payment above what its month still owes is warned about, and recorded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    await insertPledge(t.dataSource, 'SISA-2026', { priority: 40 });
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await closeMonth(t.dataSource, '2026-03');
  });
  afterAll(() => t?.close());

  const pay = async (month: string, amount: number, reference: string, extra: { pledgeCode?: string; adjustsMonth?: string } = {}) => {
    const body = { pledgeCode: 'APBD-2026', month, amount, paidAt: '2026-11-02', reference, ...extra };
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(body).expect(201);
    expect(res.body).toMatchObject({ month, amount, reference });
    return res.body.warnings;
  };
  const status = async (month: string) => (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments/status?month=${month}`).expect(200)).body;

  it('POST /payments: exactly the due is no warning; Rp1.000 more is EXCEEDS_DUE on amount, and recorded (OVERPAID)', async () => {
    expect(await pay('2026-10', 37800, 'API 1')).toEqual([]);
    expect(await pay('2026-10', 1000, 'API 2')).toEqual([{ code: 'EXCEEDS_DUE', field: 'amount', message: exceedsDue('Oktober 2026', 'Rp37.800', 'Rp1.000') }]);
    expect(await status('2026-10')).toMatchObject([{ pledgeCode: 'APBD-2026', due: 37800, paid: 38800, status: 'OVERPAID' }]);
  });

  // August finalized for this test only: it freezes April–July, which the sheet below pays (§9)
  it("POST /payments: a correction of August recorded in September does not count toward September's own payments", () => whileClosed(t.dataSource, '2026-08', async () => {
    expect(await pay('2026-09', 30000, 'API 3', { adjustsMonth: '2026-08' })).toEqual([]);
    expect(await pay('2026-09', 37800, 'API 4')).toEqual([]);
    expect(await pay('2026-09', 2200, 'API 4B')).toEqual([{ code: 'EXCEEDS_DUE', field: 'amount', message: exceedsDue('September 2026', 'Rp37.800', 'Rp2.200', 'Rp30.000') }]);
  }));

  it('POST /payments: nothing due is NOTHING_DUE alone, not EXCEEDS_DUE as well', async () => {
    expect((await pay('2026-10', 1000, 'API 5', { pledgeCode: 'SISA-2026' })).map((w: { code: string }) => w.code)).toEqual(['NOTHING_DUE']);
    expect((await pay('2026-11', 1000, 'API 6')).map((w: { code: string }) => w.code)).toEqual(['NOTHING_DUE']);
  });

  it('the payment sheet warns on JUMLAH, counting the ordinary payments of the rows above as recorded, not the corrections', async () => {
    const rows = [
      ['APBD-2026', '2026-07', '20000', '', 'LEMBAR 1'], // July: none
      ['APBD-2026', '2026-07', '20000', '', 'LEMBAR 2'], // with the row above, over July's due by Rp2.200
      ['APBD-2026', '2026-06', '17800', '', 'LEMBAR 3'],
      ['APBD-2026', '2026-06', '20000', '', 'LEMBAR 4'], // with the row above, exactly June's due: none
      ['APBD-2026', '2026-05', '30000', '2026-03', 'LEMBAR 5'], // a correction of March, recorded in May: not May's own
      ['APBD-2026', '2026-05', '40000', '', 'LEMBAR 6'], // over May's due by Rp2.200, the correction above left out
      ['SISA-2026', '2026-10', '1000', '', 'LEMBAR 7'], // nothing due: NOTHING_DUE alone
    ];
    const file = Buffer.from(
      ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;PENYESUAIAN_BULAN', ...rows.map(([code, month, amount, adjusts, reference]) => `${code};${month};${amount};2026-11-02;${reference};${adjusts}`)].join('\n'),
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-lebih.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 7, accepted: 7, rejected: 0, warnings: 3, payments: 7, amount: 148800 });
    expect(res.body.issues).toEqual([
      { row: 3, column: 'JUMLAH', severity: 'WARN', code: 'EXCEEDS_DUE', message: exceedsDue('Juli 2026', 'Rp20.000', 'Rp2.200') },
      { row: 7, column: 'JUMLAH', severity: 'WARN', code: 'EXCEEDS_DUE', message: exceedsDue('Mei 2026', 'Rp0', 'Rp2.200', 'Rp30.000') },
      { row: 8, column: 'BULAN', severity: 'WARN', code: 'NOTHING_DUE', message: expect.stringMatching(/^Komitmen SISA-2026 tidak menanggung iuran apa pun pada Oktober 2026/) },
    ]);
    expect(await status('2026-06')).toMatchObject([{ pledgeCode: 'APBD-2026', due: 37800, paid: 37800, status: 'PAID' }]);
  });
});

/**
 * A payment dated before the first day of the month it pays for (`adjustsMonth` for a correction, else `month`) is
 * accepted with PAID_BEFORE_MONTH on `paidAt` (TANGGAL_BAYAR on the sheet): advances exist, but a correction of
 * September 2026 paid on 9 January 2026 has its year typed wrong (QA: accepted with `warnings: []`).
 * The fixed clock: 15 November 2026; September 2026 is finalized.
 */
type Warning = { code: string };
const paidBefore = (warnings: Warning[]) => warnings.filter((w) => w.code === 'PAID_BEFORE_MONTH');

describe('payments: paid before the month it pays for is warned about, naming the date and the month', () => {
  let t: TestApp;
  let finance: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp();
    finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'TJSLP-SAWIT-2026', { sourceType: 'TJSLP' });
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const pay = async (paidAt: string, reference: string, adjustsMonth?: string) => {
    const body = { pledgeCode: 'TJSLP-SAWIT-2026', month: '2026-11', amount: 1000, paidAt, reference, ...(adjustsMonth ? { adjustsMonth } : {}) };
    return paidBefore((await finance.post('/api/v1/payments').send(body).expect(201)).body.warnings);
  };

  it('POST /payments: a correction judged by the month it corrects, an ordinary payment by its own month', async () => {
    expect(await pay('2026-01-09', 'SP2D 1', '2026-09')).toEqual([
      { code: 'PAID_BEFORE_MONTH', field: 'paidAt', message: 'Tanggal bayar 9 Januari 2026 sebelum bulan yang dibayar (September 2026): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.' },
    ]);
    expect(await pay('2026-09-01', 'SP2D 2', '2026-09')).toEqual([]);
    expect(await pay('2026-10-28', 'SP2D 3')).toEqual([
      { code: 'PAID_BEFORE_MONTH', field: 'paidAt', message: 'Tanggal bayar 28 Oktober 2026 sebelum bulan yang dibayar (November 2026): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.' },
    ]);
    expect(await pay('2026-11-01', 'SP2D 4')).toEqual([]);
  });

  it('the payment sheet warns its rows the same way, on TANGGAL_BAYAR', async () => {
    const rows = [
      ['2026-01-09', 'LEMBAR 1', '2026-09'],
      ['2026-09-30', 'LEMBAR 2', '2026-09'],
      ['2026-10-28', 'LEMBAR 3', ''],
    ];
    const file = Buffer.from(['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;PENYESUAIAN_BULAN', ...rows.map(([paidAt, reference, adjusts]) => `TJSLP-SAWIT-2026;2026-11;1000;${paidAt};${reference};${adjusts}`)].join('\n'));
    const res = await finance.post('/api/v1/payment-uploads').attach('file', file, 'pembayaran.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 3, accepted: 3, rejected: 0 });
    expect(paidBefore(res.body.issues)).toEqual([
      { row: 2, column: 'TANGGAL_BAYAR', severity: 'WARN', code: 'PAID_BEFORE_MONTH', message: 'Tanggal bayar 9 Januari 2026 sebelum bulan yang dibayar (September 2026): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.' },
      { row: 4, column: 'TANGGAL_BAYAR', severity: 'WARN', code: 'PAID_BEFORE_MONTH', message: 'Tanggal bayar 28 Oktober 2026 sebelum bulan yang dibayar (November 2026): periksa tanggal dan tahunnya; bila memang dibayar di muka, abaikan peringatan ini.' },
    ]);
  });
});

/**
 * A correction pays the shortfall of the month it corrects (§9). One larger than what that month still
 * lacks (its due less its payments and the corrections of it recorded before) is accepted, as §8 accepts
 * every payment, but warned about: EXCEEDS_SHORTFALL on `amount` (sheet: JUMLAH), saying in rupiah what
 * the month owed, what was paid and corrected before, what was still short and by how much this
 * correction goes over it. A correction of exactly the shortfall has no warning; two that only together
 * exceed warn on the second; in a sheet, the corrections of the rows above count as recorded.
 *
 * One participant, Rp37.800 a month, APBD-2026 pays for him; 2026-10 allocated (with every month before
 * it, §6), the fixed clock on 15 November 2026. May to September were paid Rp20.000 each (Rp17.800
 * short) and are finalized; the corrections are recorded in October.
 */
// Booting the app and allocating ten months can take long on a busy machine (PGlite).
const CLOSED = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];
const TAIL = (month: string) => `Pembayaran ini dihitung di status pembayaran dan rekonsiliasi pada Oktober 2026, bulan pencatatannya; di laporan komitmen, laporan desa dan rekap tahunan pada ${month}.`;
// the shortfall and the excess each named (QA: "melebihi kekurangan November 2026 sebesar Rp488.000" read as the shortfall)
const exceeds = (amount: string, month: string, over: string, figures: string) => {
  const [paid, short] = figures.split(': kurang ');
  return `Koreksi ${amount} untuk komitmen APBD-2026 melebihi kekurangan ${month}: kekurangannya ${short} (iuran Rp37.800, ${paid}), jadi koreksi ini lebih ${over} dari kekurangan itu. ${TAIL(month)}`;
};

describe('payments: a correction larger than the shortfall still left is warned about, and recorded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    for (const month of CLOSED) {
      await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month, amount: 20000, paidAt: `${month}-05`, reference: `SP2D ${month}` }).expect(201);
    }
    for (const month of CLOSED) await closeMonth(t.dataSource, month);
  });
  afterAll(() => t?.close());

  const correct = async (adjustsMonth: string, amount: number, reference: string) => {
    const body = { pledgeCode: 'APBD-2026', month: '2026-10', amount, paidAt: '2026-11-02', reference, adjustsMonth };
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(body).expect(201);
    expect(res.body).toMatchObject({ month: '2026-10', amount, adjustsMonth, reference });
    return res.body.warnings;
  };

  it('POST /payments: Rp40.000 for September, Rp17.800 short, goes over by Rp22.200; exactly the shortfall is no warning', async () => {
    expect(await correct('2026-09', 40000, 'API 1')).toEqual([
      { code: 'EXCEEDS_SHORTFALL', field: 'amount', message: exceeds('Rp40.000', 'September 2026', 'Rp22.200', 'dibayar Rp20.000: kurang Rp17.800') },
    ]);
    expect(await correct('2026-08', 17800, 'API 2')).toEqual([]);
    // recorded all the same, in October
    const listed = (await (await t.as(Role.KEUANGAN)).get('/api/v1/payments?month=2026-10').expect(200)).body;
    expect(listed.items.map((p: { reference: string; amount: number }) => [p.reference, p.amount])).toEqual(
      expect.arrayContaining([
        ['API 1', 40000],
        ['API 2', 17800],
      ]),
    );
  });

  it('POST /payments: two corrections of July that only together go over it warn on the second, counting the first', async () => {
    expect(await correct('2026-07', 10000, 'API 3')).toEqual([]);
    expect(await correct('2026-07', 10000, 'API 4')).toEqual([
      { code: 'EXCEEDS_SHORTFALL', field: 'amount', message: exceeds('Rp10.000', 'Juli 2026', 'Rp2.200', 'dibayar Rp20.000, koreksi sebelumnya Rp10.000: kurang Rp7.800') },
    ]);
    // July is now covered: a third correction hears NO_SHORTFALL, not that it exceeds
    expect((await correct('2026-07', 500, 'API 5')).map((w: { code: string }) => w.code)).toEqual(['NO_SHORTFALL']);
  });

  it('the payment sheet warns on JUMLAH, counting the corrections of the rows above as recorded (two rows that together go over)', async () => {
    const rows = [
      ['40000', '2026-05', 'LEMBAR 1'], // May, Rp17.800 short: over by Rp22.200
      ['10000', '2026-06', 'LEMBAR 2'], // June, Rp17.800 short: none
      ['10000', '2026-06', 'LEMBAR 3'], // with the row above, over June's shortfall by Rp2.200
      ['1000', '2026-06', 'LEMBAR 4'], // June covered by the rows above: NO_SHORTFALL, not EXCEEDS_SHORTFALL
    ];
    const file = Buffer.from(
      ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;PENYESUAIAN_BULAN', ...rows.map(([amount, adjusts, reference]) => `APBD-2026;2026-10;${amount};2026-11-02;${reference};${adjusts}`)].join('\n'),
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-koreksi.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 4, rejected: 0, warnings: 3, payments: 4, amount: 61000 });
    expect(res.body.issues).toEqual([
      { row: 2, column: 'JUMLAH', severity: 'WARN', code: 'EXCEEDS_SHORTFALL', message: exceeds('Rp40.000', 'Mei 2026', 'Rp22.200', 'dibayar Rp20.000: kurang Rp17.800') },
      { row: 4, column: 'JUMLAH', severity: 'WARN', code: 'EXCEEDS_SHORTFALL', message: exceeds('Rp10.000', 'Juni 2026', 'Rp2.200', 'dibayar Rp20.000, koreksi sebelumnya Rp10.000: kurang Rp7.800') },
      { row: 5, column: 'PENYESUAIAN_BULAN', severity: 'WARN', code: 'NO_SHORTFALL', message: expect.stringMatching(/^Juni 2026 tidak kurang bayar .*koreksi sebelumnya Rp20\.000: kelebihan bayar/) },
    ]);
  });
});

/**
 * A correction may give money back: a negative amount recorded in an open month for a closed month that was overpaid
 * (a participant found dead after it was finalized, a BPJS credit note). An ordinary payment stays above 0, and no
 * payment is 0 (the DTO, the sheet's JUMLAH and CHK_payment_amount). Warned, mirroring a shortfall's: a negative
 * correction giving back more than its month was overpaid (EXCEEDS_OVERPAYMENT on amount), and one of a month not
 * overpaid (NO_OVERPAYMENT on adjustsMonth). It lowers the paid of the month it is recorded in and is never late.
 * One participant, Rp37.800 a month; August paid exactly, September Rp60.480 (Rp22.680 over), both finalized (and the
 * months before them frozen); the corrections are recorded in October. Golden file test/fixtures/payments/not-ok/jumlah-negatif.csv.
 */
describe('payments: a negative correction gives back what a closed month was overpaid', () => {
  let t: TestApp;
  const TAIL_BACK = (month: string) => `Koreksi ini mengurangi yang dibayar: di status pembayaran dan rekonsiliasi pada Oktober 2026, bulan pencatatannya; di laporan komitmen, laporan desa dan rekap tahunan pada ${month}.`;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-08', amount: 37800, paidAt: '2026-08-05', reference: 'SP2D AGUSTUS' }).expect(201);
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026', month: '2026-09', amount: 60480, paidAt: '2026-09-05', reference: 'SP2D SEPTEMBER' }).expect(201);
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const correct = async (adjustsMonth: string, amount: number, reference: string) => {
    const body = { pledgeCode: 'APBD-2026', month: '2026-10', amount, paidAt: '2026-11-02', reference, adjustsMonth };
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(body).expect(201);
    expect(res.body).toMatchObject({ month: '2026-10', amount, adjustsMonth, reference });
    return res.body.warnings;
  };

  it('POST /payments: more than the overpayment is EXCEEDS_OVERPAYMENT, a month not overpaid NO_OVERPAYMENT; October counts them, not late', async () => {
    expect(await correct('2026-09', -30000, 'NOTA KREDIT 1')).toEqual([
      {
        code: 'EXCEEDS_OVERPAYMENT',
        field: 'amount',
        message:
          'Koreksi -Rp30.000 untuk komitmen APBD-2026 melebihi kelebihan bayar September 2026: kelebihan bayarnya Rp22.680 (iuran Rp37.800, dibayar Rp60.480), ' +
          `jadi koreksi ini mengembalikan Rp7.320 lebih banyak dari kelebihan bayar itu. ${TAIL_BACK('September 2026')}`,
      },
    ]);
    // September is now Rp7.320 short with it: a positive correction of that much has no warning
    expect(await correct('2026-09', 7320, 'SP2D KOREKSI 1')).toEqual([]);
    expect(await correct('2026-08', -1000, 'NOTA KREDIT 2')).toEqual([
      {
        code: 'NO_OVERPAYMENT',
        field: 'adjustsMonth',
        message: `Agustus 2026 tidak kelebihan bayar untuk komitmen APBD-2026 (iuran Rp37.800, dibayar Rp37.800: lunas), jadi tidak ada kelebihan bayar yang dikembalikan dengan koreksi -Rp1.000 ini. ${TAIL_BACK('Agustus 2026')}`,
      },
    ]);
    const [october] = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-10').expect(200)).body;
    // paid after the 10th, but only the positive correction is late: money given back pays no premium
    expect(october).toMatchObject({ pledgeCode: 'APBD-2026', due: 37800, paid: -23680, corrections: -23680, correctedMonths: ['2026-08', '2026-09'], ownPaid: 0, late: true, lateOnlyByCorrections: true });
  });

  it('an ordinary payment is never negative, and no payment is 0: refused by the request and by the table', async () => {
    const api = await t.as(Role.KEUANGAN);
    const base = { pledgeCode: 'APBD-2026', month: '2026-10', paidAt: '2026-11-02', reference: 'SP2D NEGATIF' };
    const ordinary = await api.post('/api/v1/payments').send({ ...base, amount: -1000 }).expect(400);
    expect(ordinary.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(ordinary.body.details)).toContain('amount harus lebih dari 0 (jumlah negatif hanya untuk koreksi yang mengembalikan kelebihan bayar: isi adjustsMonth)');
    const zero = await api.post('/api/v1/payments').send({ ...base, amount: 0, adjustsMonth: '2026-09' }).expect(400);
    expect(JSON.stringify(zero.body.details)).toContain('amount tidak boleh 0');
    const insert = (amount: number, adjusts: string | null) =>
      t.dataSource.query(`INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('APBD-2026', '2026-10', $1, '2026-11-02', $2, $3, 'uji')`, [amount, `SQL ${amount} ${adjusts}`, adjusts]);
    await expect(insert(-1000, null)).rejects.toThrow(/CHK_payment_amount/);
    await expect(insert(0, '2026-09')).rejects.toThrow(/CHK_payment_amount/);
    await insert(-1, '2026-09'); // a correction giving money back
  });

  it('the payment sheet: JUMLAH negative with PENYESUAIAN_BULAN is taken and warned as the request is, without it refused (golden file)', async () => {
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', readFileSync('test/fixtures/payments/not-ok/jumlah-negatif.csv'), 'jumlah-negatif.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 4, accepted: 2, rejected: 2, payments: 2, amount: -2000 });
    expect(res.body.issues.map((i: { row: number; column: string; severity: string; code: string }) => [i.row, i.column, i.severity, i.code])).toEqual([
      [2, 'PENYESUAIAN_BULAN', 'WARN', 'NO_OVERPAYMENT'], // September was given back all it was overpaid above
      [3, 'JUMLAH', 'REJECT', 'NEGATIVE_WITHOUT_ADJUSTMENT'],
      [4, 'JUMLAH', 'REJECT', 'AMOUNT_FORMAT'],
      [5, 'PENYESUAIAN_BULAN', 'WARN', 'NO_OVERPAYMENT'],
    ]);
    expect(res.body.issues[1].message).toBe(
      'JUMLAH -Rp500 negatif tanpa PENYESUAIAN_BULAN: jumlah negatif hanya untuk koreksi yang mengembalikan kelebihan bayar bulan yang sudah ditutup. Isi PENYESUAIAN_BULAN dengan bulan yang dikoreksi, atau tulis jumlah lebih dari 0.',
    );
    expect(res.body.issues[2].message).toMatch(/^JUMLAH harus bilangan bulat rupiah bukan 0, .*negatif, mis\. -22680, hanya untuk koreksi/);
  });
});

/**
 * A payment to a withdrawn pledge (dicabut) is recorded, as money received must be (the month reads it OVERPAID),
 * and its NOTHING_DUE says first that the pledge was withdrawn, when and by whom, by the form (POST /payments) and
 * the sheet alike (QA: QA-A2-2026 heard only "alokasi bulan itu tidak membebankan iuran peserta mana pun kepadanya").
 * Withdrawn after October was allocated, so October is STALE and still holds its split until recomputed: it owes
 * nothing there all the same (and, recomputed, has no split there). The fixed clock: 15 November 2026. Golden file test/fixtures/payments/ok/komitmen-dicabut.csv.
 */
describe('payments: a payment to a withdrawn pledge says it was withdrawn, and is recorded', () => {
  let t: TestApp;
  const withdrawn = (month: string) =>
    `Komitmen QA-A2-2026 sudah dicabut pada 15 November 2026 oleh uji-keuangan; komitmen ini tidak menanggung iuran apa pun pada ${month}; ` +
    'pembayaran ini akan tercatat sebagai kelebihan bayar.';
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [{ nik: nik(1) }]);
    await insertPledge(t.dataSource, 'QA-A2-2026', { priority: 10 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await (await t.as(Role.KEUANGAN)).post('/api/v1/pledges/QA-A2-2026/withdraw').send({ reason: 'Komitmen ganda' }).expect(201);
  });
  afterAll(() => t?.close());

  it('POST /payments: NOTHING_DUE names the withdrawal, for a month STALE since and one not allocated yet; recorded', async () => {
    for (const [month, name] of [['2026-10', 'Oktober 2026'], ['2026-11', 'November 2026']]) {
      const body = { pledgeCode: 'QA-A2-2026', month, amount: 1000, paidAt: '2026-11-02', reference: `SP2D/CABUT/API/${month}` };
      const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(body).expect(201);
      expect(res.body.warnings).toEqual([{ code: 'NOTHING_DUE', field: 'month', message: withdrawn(name) }]);
    }
  });

  it('the payment sheet, October recomputed without it: the row paying it warns the same on BULAN; the pledge standing hears nothing', async () => {
    await (await t.as(Role.KEUANGAN)).post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    const file = readFileSync('test/fixtures/payments/ok/komitmen-dicabut.csv');
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'komitmen-dicabut.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 2, accepted: 2, rejected: 0, warnings: 1, payments: 2, amount: 75600 });
    expect(res.body.issues).toEqual([{ row: 3, column: 'BULAN', severity: 'WARN', code: 'NOTHING_DUE', message: withdrawn('Oktober 2026') }]);
  });
});
