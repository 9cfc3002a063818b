import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(180_000);

/**
 * DOMAIN §8 accepts a payment where nothing is due (it shows as OVERPAID) and a correction of a month
 * that had no shortfall (it counts toward its own month); QA found both accepted without a word. They
 * stay accepted, with warnings: `warnings` in the answer of POST /payments, WARN findings of the rows
 * of a payment sheet. A payment with something due, and a correction of an UNDERPAID or UNPAID month,
 * get none. The sheet, sent after the API's payments, finds their corrections of August and September
 * recorded (the describe below has the rules of corrections).
 *
 * Two participants, Rp37.800 each a month (the allocation's tariff), fiscal year 2026, 2026-10
 * allocated (with every month before it, §6), the fixed clock on 15 November 2026:
 * - PAGU-2026 (first, budget Rp37.800, quota 1): one participant in January, its budget used up after;
 * - PROV-2026 (quota 1) and APBD-2026: one participant each, February to October (Rp37.800 due a month);
 * - TJSLP-SHARE-2026: January–June only, SISA-2026: last, left nothing.
 * August and September are finalized; PROV-2026 paid September in full and August over, APBD-2026
 * September short and August not at all.
 */
// Booting the app and allocating ten months can take long on a busy machine (PGlite).
const OUTSIDE = 'Komitmen TJSLP-SHARE-2026 tidak menanggung iuran apa pun pada Oktober 2026 (di luar bulan komitmen: Januari–Juni 2026); pembayaran ini akan tercatat sebagai kelebihan bayar.';
const BUDGET = 'Komitmen PAGU-2026 tidak menanggung iuran apa pun pada Oktober 2026 (pagunya Rp37.800 sudah habis dialokasikan pada bulan-bulan sebelumnya); pembayaran ini akan tercatat sebagai kelebihan bayar.';
const NONE = 'Komitmen SISA-2026 tidak menanggung iuran apa pun pada Oktober 2026 (alokasi bulan itu tidak membebankan iuran peserta mana pun kepadanya); pembayaran ini akan tercatat sebagai kelebihan bayar.';
const NOT_ALLOCATED =
  'Alokasi November 2026 belum dihitung, jadi belum diketahui iuran apa yang ditanggung komitmen APBD-2026 pada bulan itu; bila alokasinya tidak memberi komitmen ini iuran, ' +
  'pembayaran ini akan tercatat sebagai kelebihan bayar. Alokasi dihitung otomatis tanggal 1 pukul 02.00 WIB, atau jalankan alokasi bulan itu.';
const PAID_SEPTEMBER =
  'September 2026 tidak kurang bayar untuk komitmen PROV-2026 (iuran Rp37.800, dibayar Rp37.800: lunas), jadi tidak ada kekurangan yang dikoreksi. ' +
  'Pembayaran ini dihitung di status pembayaran dan rekonsiliasi pada Oktober 2026, bulan pencatatannya; di laporan komitmen, laporan desa dan rekap tahunan pada September 2026, yang menjadi lebih bayar.';
const OVERPAID_AUGUST =
  'Agustus 2026 tidak kurang bayar untuk komitmen PROV-2026 (iuran Rp37.800, dibayar Rp50.000: kelebihan bayar), jadi tidak ada kekurangan yang dikoreksi. ' +
  'Pembayaran ini dihitung di status pembayaran dan rekonsiliasi pada Oktober 2026, bulan pencatatannya; di laporan komitmen, laporan desa dan rekap tahunan pada Agustus 2026, yang menjadi lebih bayar.';
// the sheet after the API's corrections API 6 and API 7 (Rp1.000 each)
const CORRECTED_SEPTEMBER = PAID_SEPTEMBER.replace('dibayar Rp37.800: lunas', 'dibayar Rp37.800, koreksi sebelumnya Rp1.000: kelebihan bayar');
const CORRECTED_AUGUST = OVERPAID_AUGUST.replace('dibayar Rp50.000:', 'dibayar Rp50.000, koreksi sebelumnya Rp1.000:');

describe('payments: warned when nothing is due or a correction has no shortfall, and still recorded', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [1, 2].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, 'PAGU-2026', { priority: 5, quota: 1 });
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    await insertPledge(t.dataSource, 'TJSLP-SHARE-2026', { sourceType: 'TJSLP', priority: 30 });
    await insertPledge(t.dataSource, 'SISA-2026', { priority: 40 });
    await t.dataSource.query(`UPDATE pledge SET budget = 37800 WHERE code = 'PAGU-2026'`);
    await t.dataSource.query(`UPDATE pledge SET from_month = 1, to_month = 6 WHERE code = 'TJSLP-SHARE-2026'`);
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    const pay = (pledgeCode: string, month: string, amount: number) =>
      finance.post('/api/v1/payments').send({ pledgeCode, month, amount, paidAt: `${month}-05`, reference: `SP2D ${pledgeCode} ${month}` }).expect(201);
    await pay('PROV-2026', '2026-09', 37800);
    await pay('PROV-2026', '2026-08', 50000);
    await pay('APBD-2026', '2026-09', 10000);
    await closeMonth(t.dataSource, '2026-08');
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const body = (pledgeCode: string, month: string, reference: string, adjustsMonth?: string) => ({
    pledgeCode,
    month,
    amount: 1000,
    paidAt: '2026-11-02',
    reference,
    ...(adjustsMonth ? { adjustsMonth } : {}),
  });

  it('POST /payments answers the payment with its warnings, and records it all the same', async () => {
    const finance = await t.as(Role.KEUANGAN);
    const warningsOf = async (b: ReturnType<typeof body>) => {
      const res = await finance.post('/api/v1/payments').send(b).expect(201);
      expect(res.body).toMatchObject({ pledgeCode: b.pledgeCode, month: b.month, amount: 1000, adjustsMonth: b.adjustsMonth ?? null });
      return res.body.warnings;
    };
    // something due: no warning
    expect(await warningsOf(body('APBD-2026', '2026-10', 'API 1'))).toEqual([]);
    // nothing due, each with its reason
    expect(await warningsOf(body('TJSLP-SHARE-2026', '2026-10', 'API 2'))).toEqual([{ code: 'NOTHING_DUE', field: 'month', message: OUTSIDE }]);
    expect(await warningsOf(body('PAGU-2026', '2026-10', 'API 3'))).toEqual([{ code: 'NOTHING_DUE', field: 'month', message: BUDGET }]);
    expect(await warningsOf(body('SISA-2026', '2026-10', 'API 4'))).toEqual([{ code: 'NOTHING_DUE', field: 'month', message: NONE }]);
    expect(await warningsOf(body('APBD-2026', '2026-11', 'API 5'))).toEqual([{ code: 'NOTHING_DUE', field: 'month', message: NOT_ALLOCATED }]);
    // a correction of a PAID or OVERPAID month
    expect(await warningsOf(body('PROV-2026', '2026-10', 'API 6', '2026-09'))).toEqual([{ code: 'NO_SHORTFALL', field: 'adjustsMonth', message: PAID_SEPTEMBER }]);
    expect(await warningsOf(body('PROV-2026', '2026-10', 'API 7', '2026-08'))).toEqual([{ code: 'NO_SHORTFALL', field: 'adjustsMonth', message: OVERPAID_AUGUST }]);
    // a correction of an UNDERPAID or UNPAID month: none
    expect(await warningsOf(body('APBD-2026', '2026-10', 'API 8', '2026-09'))).toEqual([]);
    expect(await warningsOf(body('APBD-2026', '2026-10', 'API 9', '2026-08'))).toEqual([]);
    const listed = (await finance.get('/api/v1/payments?month=2026-10&pageSize=100').expect(200)).body;
    expect(listed.items.filter((p: { reference: string }) => p.reference.startsWith('API ')).length).toBe(8);
  });

  it('the payment sheet gives each row the same warnings (WARN, on BULAN or PENYESUAIAN_BULAN) and records every row', async () => {
    const rows = [
      ['APBD-2026', '2026-10', '', 'LEMBAR 1'],
      ['TJSLP-SHARE-2026', '2026-10', '', 'LEMBAR 2'],
      ['PAGU-2026', '2026-10', '', 'LEMBAR 3'],
      ['SISA-2026', '2026-10', '', 'LEMBAR 4'],
      ['APBD-2026', '2026-11', '', 'LEMBAR 5'],
      ['PROV-2026', '2026-10', '2026-09', 'LEMBAR 6'],
      ['PROV-2026', '2026-10', '2026-08', 'LEMBAR 7'],
      ['APBD-2026', '2026-10', '2026-09', 'LEMBAR 8'],
      ['APBD-2026', '2026-10', '2026-08', 'LEMBAR 9'],
    ];
    const file = Buffer.from(
      ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;KOREKSI BULAN', ...rows.map(([code, month, adjusts, reference]) => `${code};${month};1000;2026-11-02;${reference};${adjusts}`)].join('\n'),
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-peringatan.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 9, accepted: 9, rejected: 0, warnings: 6, payments: 9, amount: 9000 });
    expect(res.body.issues).toEqual([
      { row: 3, column: 'BULAN', severity: 'WARN', code: 'NOTHING_DUE', message: OUTSIDE },
      { row: 4, column: 'BULAN', severity: 'WARN', code: 'NOTHING_DUE', message: BUDGET },
      { row: 5, column: 'BULAN', severity: 'WARN', code: 'NOTHING_DUE', message: NONE },
      { row: 6, column: 'BULAN', severity: 'WARN', code: 'NOTHING_DUE', message: NOT_ALLOCATED },
      // named as the file headed the column (KOREKSI BULAN), as every finding is
      { row: 7, column: 'KOREKSI BULAN', severity: 'WARN', code: 'NO_SHORTFALL', message: CORRECTED_SEPTEMBER },
      { row: 8, column: 'KOREKSI BULAN', severity: 'WARN', code: 'NO_SHORTFALL', message: CORRECTED_AUGUST },
    ]);
  });
});

/**
 * A correction pays the shortfall of the month it corrects (`adjustsMonth`, §9), so its warnings judge
 * that month, not the month it is recorded in: no NOTHING_DUE because the pledge owes nothing in the
 * month it is recorded in (an ordinary payment is still judged by its own month), NOTHING_DUE when the
 * corrected month owed nothing, and NO_SHORTFALL once the corrected month's payments and the
 * corrections of it recorded before cover what it owed (QA: a second correction of the same shortfall
 * was taken without a word). POST /payments and the payment sheet (which the console uses) say the same.
 *
 * Two participants, Rp37.800 each a month, fiscal year 2026, 2026-10 allocated (with every month
 * before it, §6), the fixed clock on 15 November 2026:
 * - EARLY-2026 (first, quota 1): one participant January–September, nothing in October (outside its months);
 * - LATE-2026 (second, quota 1): one participant October–December, nothing in September;
 * - APBD-2026: the rest.
 * August and September are finalized; EARLY-2026 paid August Rp30.000 and September Rp20.000.
 */
// Booting the app and allocating ten months can take long on a busy machine (PGlite).
const TAIL = (month: string, result = '') => `Pembayaran ini dihitung di status pembayaran dan rekonsiliasi pada Oktober 2026, bulan pencatatannya; di laporan komitmen, laporan desa dan rekap tahunan pada ${month}${result}.`;
const EARLY_OCTOBER = 'Komitmen EARLY-2026 tidak menanggung iuran apa pun pada Oktober 2026 (di luar bulan komitmen: Januari–September 2026); pembayaran ini akan tercatat sebagai kelebihan bayar.';
const LATE_SEPTEMBER = `Komitmen LATE-2026 tidak menanggung iuran apa pun pada September 2026 (di luar bulan komitmen: Oktober–Desember 2026), jadi tidak ada kekurangan yang dikoreksi. ${TAIL('September 2026')}`;
const covered = (month: string, paid: string, corrected: string, status: string) =>
  `${month} tidak kurang bayar untuk komitmen EARLY-2026 (iuran Rp37.800, dibayar ${paid}, koreksi sebelumnya ${corrected}: ${status}), jadi tidak ada kekurangan yang dikoreksi. ${TAIL(month, ', yang menjadi lebih bayar')}`;

describe('payments: a correction is warned about as a payment of the month it corrects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertParticipants(t.dataSource, [1, 2].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, 'EARLY-2026', { priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'LATE-2026', { priority: 15, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    await t.dataSource.query(`UPDATE pledge SET from_month = 1, to_month = 9 WHERE code = 'EARLY-2026'`);
    await t.dataSource.query(`UPDATE pledge SET from_month = 10, to_month = 12 WHERE code = 'LATE-2026'`);
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    for (const [month, amount] of [['2026-08', 30000], ['2026-09', 20000]] as const) {
      await finance.post('/api/v1/payments').send({ pledgeCode: 'EARLY-2026', month, amount, paidAt: `${month}-05`, reference: `SP2D ${month}` }).expect(201);
    }
    await closeMonth(t.dataSource, '2026-08');
    await closeMonth(t.dataSource, '2026-09');
  });
  afterAll(() => t?.close());

  const warningsOf = async (pledgeCode: string, amount: number, reference: string, adjustsMonth?: string) => {
    const body = { pledgeCode, month: '2026-10', amount, paidAt: '2026-11-02', reference, ...(adjustsMonth ? { adjustsMonth } : {}) };
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payments').send(body).expect(201);
    return res.body.warnings;
  };

  it('POST /payments: judged by the corrected month; the second correction of one shortfall hears NO_SHORTFALL', async () => {
    // an ordinary payment is still judged by its own month: EARLY-2026 owes nothing in October
    expect(await warningsOf('EARLY-2026', 1000, 'API 1')).toEqual([{ code: 'NOTHING_DUE', field: 'month', message: EARLY_OCTOBER }]);
    // a correction of September's shortfall (Rp17.800) is not told that October owes nothing, in two parts
    expect(await warningsOf('EARLY-2026', 10000, 'API 2', '2026-09')).toEqual([]);
    expect(await warningsOf('EARLY-2026', 7800, 'API 3', '2026-09')).toEqual([]);
    // the same shortfall corrected again: September's Rp20.000 and the earlier corrections cover Rp37.800
    expect(await warningsOf('EARLY-2026', 7800, 'API 4', '2026-09')).toEqual([
      { code: 'NO_SHORTFALL', field: 'adjustsMonth', message: covered('September 2026', 'Rp20.000', 'Rp17.800', 'lunas') },
    ]);
    // and once more: the corrections now go over what September owed
    expect(await warningsOf('EARLY-2026', 100, 'API 5', '2026-09')).toEqual([
      { code: 'NO_SHORTFALL', field: 'adjustsMonth', message: covered('September 2026', 'Rp20.000', 'Rp25.600', 'kelebihan bayar') },
    ]);
    // LATE-2026 owes something in October but owed nothing in September: nothing to correct
    expect(await warningsOf('LATE-2026', 1000, 'API 6', '2026-09')).toEqual([{ code: 'NOTHING_DUE', field: 'adjustsMonth', message: LATE_SEPTEMBER }]);
    // every one recorded all the same, in October
    const listed = (await (await t.as(Role.KEUANGAN)).get('/api/v1/payments?month=2026-10&pageSize=100').expect(200)).body;
    expect(listed.items.filter((p: { reference: string }) => p.reference.startsWith('API ')).length).toBe(6);
  });

  it('the payment sheet judges its rows the same way, counting the corrections of earlier rows but not a duplicate row', async () => {
    const rows = [
      ['EARLY-2026', '5000', '2026-08', 'LEMBAR 1'], // August short Rp7.800: none
      ['EARLY-2026', '2800', '2026-08', 'LEMBAR 2'], // Rp35.000 so far: none
      ['EARLY-2026', '2800', '2026-08', 'LEMBAR 2'], // the row above again: rejected, and no correction of August
      ['EARLY-2026', '1000', '2026-08', 'LEMBAR 3'], // Rp30.000 + Rp7.800 of the rows above: covered
      ['EARLY-2026', '1000', '', 'LEMBAR 4'], // an ordinary payment: October owes nothing
      ['LATE-2026', '1000', '2026-09', 'LEMBAR 5'], // September owed nothing
    ];
    const file = Buffer.from(
      ['KODE_KOMITMEN;BULAN;JUMLAH;TANGGAL_BAYAR;REFERENSI;PENYESUAIAN_BULAN', ...rows.map(([code, amount, adjusts, reference]) => `${code};2026-10;${amount};2026-11-02;${reference};${adjusts}`)].join('\n'),
    );
    const res = await (await t.as(Role.KEUANGAN)).post('/api/v1/payment-uploads').attach('file', file, 'pembayaran-koreksi.csv').expect(201);
    expect(res.body).toMatchObject({ rowsRead: 6, accepted: 5, rejected: 1, warnings: 3, payments: 5, amount: 10800 });
    expect(res.body.issues).toEqual([
      { row: 4, column: 'REFERENSI', severity: 'REJECT', code: 'PAYMENT_DUPLICATE', message: 'Pembayaran yang sama (komitmen, bulan, referensi, jumlah, tanggal bayar dan Koreksi untuk bulan) sudah ada di baris 3 berkas ini dan dicatat dari baris itu; baris ini ditolak agar tidak tercatat dua kali.' },
      { row: 5, column: 'PENYESUAIAN_BULAN', severity: 'WARN', code: 'NO_SHORTFALL', message: covered('Agustus 2026', 'Rp30.000', 'Rp7.800', 'lunas') },
      { row: 6, column: 'BULAN', severity: 'WARN', code: 'NOTHING_DUE', message: EARLY_OCTOBER },
      { row: 7, column: 'PENYESUAIAN_BULAN', severity: 'WARN', code: 'NOTHING_DUE', message: LATE_SEPTEMBER },
    ]);
    // the sheet's corrections are recorded: POST /payments (the console's form) counts them as earlier corrections
    expect(await warningsOf('EARLY-2026', 500, 'API 7', '2026-08')).toEqual([
      { code: 'NO_SHORTFALL', field: 'adjustsMonth', message: covered('Agustus 2026', 'Rp30.000', 'Rp8.800', 'kelebihan bayar') },
    ]);
  });
});
