import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, readWorkbook, rowOf, rowWhere } from './support/xlsx.js';
import { fitsOneLine, LINE_POINTS, wrappedLines } from '../../src/common/spreadsheet/workbook-style.js';
import { octoberWithCorrections } from '../payments/support/october-with-corrections.js';

jest.setTimeout(180_000);

/**
 * A shortfall of the year's last months paid in the next year, recorded there as a correction (DOMAIN §8/§9). QA:
 * December's Dana Desa shortfall, paid and recorded in January as a correction for December, was in no statement's
 * total. A statement counts a correction under the month it corrects, whenever recorded (statementMonth): the old
 * year's statements count it in October, the next year's village statement names the old-year pledge that has a
 * payment recorded in its months and says, under the table, that it counts in October, outside its totals.
 */
const EARLIER = 'Koreksi untuk bulan sebelum periode ini yang dicatat dalam periode ini: Rp75.600 (Rp75.600 untuk Oktober 2026 (SP2D 0007/LS/2027), dicatat pada Januari 2027). Dihitung pada bulan yang dikoreksi, tidak termasuk jumlah di atas.';
/** A formula cell's cached result (ExcelJS drops a result of 0). */
const result = (row: ExcelJS.Row, column: number) => {
  const v = row.getCell(column).value as unknown;
  return v && typeof v === 'object' && 'formula' in v ? ((v as { result?: number }).result ?? 0) : v;
};

/**
 * A statement's Pembayaran sheet: its JUMLAH (column E), each row's [Bulan, Jumlah, Dibayar Terlambat, Keterangan] by
 * reference (column D), and whether the row stands above the JUMLAH (counted) or under it (listed only).
 */
const pembayaran = (ws: ExcelJS.Worksheet) => {
  const total = rowOf(ws, 'JUMLAH');
  const row = (reference: string) => {
    const r = rowWhere(ws, 4, reference);
    return [r.getCell(1).value, r.getCell(5).value, r.getCell(6).value, r.getCell(7).value, r.number < total.number ? 'dihitung' : 'di luar jumlah'];
  };
  return { total: result(total, 5), row };
};
const PAID_LATE = 'Dibayar Terlambat (setelah tanggal 10)';

const texts = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((r) => out.push(String(r.getCell(1).value)));
  return out;
};

describe('a correction recorded in the next year', () => {
  let t: TestApp;
  const sheet = async (path: string, name = 'Ringkasan') => (await readWorkbook((await download((await t.as(Role.AUDITOR)).get(path))).body)).getWorksheet(name)!;

  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
    // a correction for October of the village's pledge, paid and recorded in January 2027
    await t.dataSource.query(`INSERT INTO allocation_month (month, fiscal_year, status) VALUES ('2027-01', 2027, 'CURRENT')`);
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('DESA-1703062001-2026', '2027-01', 75600, '2027-01-09', 'SP2D 0007/LS/2027', '2026-10', 'uji')`,
    );
  });
  afterAll(() => t.close());

  it("is named in the next year's village statement, in January, under the old year's pledge named with its year, outside its totals", async () => {
    const ws = await sheet('/api/v1/statements/villages/1703062001.xlsx?month=2027-01');
    expect(rowOf(ws, 'Januari 2027').getCell(8).value).toBe(0); // Dibayar Desa: the correction is October's
    // the row says what the payment was for (QA: it read as January's surplus)
    expect(rowOf(ws, 'Januari 2027').getCell(11).value).toBe('Pembayaran Rp75.600 (SP2D 0007/LS/2027) adalah koreksi untuk Oktober 2026, dihitung pada bulan itu');
    expect(texts(ws)).toContain(EARLIER);
    expect(texts(ws)).toContain('Desa Talang Jambu — APBDes, DESA-1703062001-2026 (tahun anggaran 2026; pembayarannya dicatat pada periode ini): Dana Desa, tanpa pagu, PKS DESA-1703062001-2026');
    const payments = await sheet('/api/v1/statements/villages/1703062001.xlsx?month=2027-01', 'Pembayaran');
    const january = rowOf(payments, 'Januari 2027').values as unknown[];
    expect(january).toEqual(expect.arrayContaining(['DESA-1703062001-2026', 75600, 'SP2D 0007/LS/2027']));
    // listed as the month rows treat it: under the JUMLAH, outside it, as October's (QA: counted in the sheet's total,
    // Rp75.600 against the Ringkasan's Dibayar Rp0)
    expect(pembayaran(payments).row('SP2D 0007/LS/2027')).toEqual(['Januari 2027', 75600, 'Tidak', 'Koreksi untuk Oktober 2026 (sebelum periode ini)', 'di luar jumlah']);
    expect(pembayaran(payments).total).toBe(0);
    expect(texts(payments)).toContain('Koreksi untuk bulan sebelum periode ini yang dicatat dalam periode ini (dihitung pada bulan yang dikoreksi, tidak termasuk JUMLAH di atas)');
  });

  /**
   * QA (year end): a 2026 statement left what was paid for its months after the year (recorded in 2027's months, as
   * corrections) out of its Dibayar and Selisih; for an auditor it is 2026 spending of the pledge. It counts in
   * October, the month it corrects, so the JUMLAH and the Jumlah under it hold it.
   */
  it("the old year's village and pledge statements count what came in after the year under the month it corrects", async () => {
    const village = await sheet('/api/v1/statements/villages/1703062001.xlsx?year=2026');
    // Terutang Rp151.200 (September and October), Dibayar Rp50.000 + Rp75.600, Selisih −Rp101.200 + Rp75.600
    expect([7, 8, 9].map((c) => result(rowOf(village, 'JUMLAH'), c))).toEqual([151200, 125600, -25600]);
    expect(rowOf(village, 'Dibayar desa').getCell(4).value).toBe(125600);
    expect(texts(village).some((x) => x.startsWith('Koreksi '))).toBe(false);
    expect([8, 9].map((c) => result(rowOf(village, 'Oktober 2026'), c))).toEqual([125600, 50000]);
    expect(rowOf(village, 'Oktober 2026').getCell(10).value).toBe('Lebih bayar (termasuk koreksi Rp75.600 yang dicatat pada Januari 2027)');
    // and what October is left with after it, as the pledge statement says (its own Rp50.000 of Rp75.600 due, then
    // Rp75.600 more: over by Rp50.000)
    expect(rowOf(village, 'Oktober 2026').getCell(7).value).toBe(75600);
    expect(rowOf(village, 'Oktober 2026').getCell(11).value).toBe(
      'Dikoreksi dengan pembayaran Rp75.600 (SP2D 0007/LS/2027) yang dicatat pada Januari 2027; Lunas setelah koreksi (lebih Rp50.000)',
    );
    expect(rowOf(village, 'September 2026').getCell(11).value).toBe(null);
    expect(rowOf(await sheet('/api/v1/statements/villages/1703062001.xlsx?month=2026-10'), 'Oktober 2026').getCell(8).value).toBe(125600);
    const pledge = await sheet('/api/v1/statements/pledges/DESA-1703062001-2026.xlsx?year=2026');
    expect([3, 4, 5].map((c) => result(rowOf(pledge, 'JUMLAH'), c))).toEqual([151200, 125600, -25600]);
    expect(rowOf(pledge, 'Dibayar').getCell(4).value).toBe(125600);
    expect(rowOf(pledge, 'Oktober 2026').getCell(4).value).toBe(125600);
    // the pledge's villages by name beside their codes (QA: codes only)
    const cakupan = rowOf(await sheet('/api/v1/statements/pledges/DESA-1703062001-2026.xlsx?year=2026'), 'Cakupan');
    expect(cakupan.getCell(3).value).toBe('Desa tertentu: Talang Jambu (17.03.06.2001)');
    // nothing of the kind where no correction came later
    expect(texts(await sheet('/api/v1/statements/pledges/APBD-2026.xlsx?year=2026')).some((x) => x.startsWith('Koreksi'))).toBe(false);
  });

  it("the old year's Pembayaran lists the correction recorded after the year, marked so, and adds up to the Ringkasan's Dibayar (QA: left out)", async () => {
    for (const path of ['villages/1703062001.xlsx?year=2026', 'villages/1703062001.xlsx?month=2026-10', 'pledges/DESA-1703062001-2026.xlsx?year=2026']) {
      const sheets = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/${path}`))).body);
      const paid = pembayaran(sheets.getWorksheet('Pembayaran')!);
      expect([path, ...paid.row('SP2D 0007/LS/2027')]).toEqual([path, 'Januari 2027', 75600, 'Tidak', 'Koreksi untuk Oktober 2026, dicatat pada Januari 2027 (sesudah periode ini)', 'dihitung']);
      // Rp50.000 of October's own + Rp75.600: the Ringkasan's JUMLAH Dibayar (village: column H, pledge: column D)
      const ringkasan = sheets.getWorksheet('Ringkasan')!;
      expect([path, paid.total]).toEqual([path, result(rowOf(ringkasan, 'JUMLAH'), path.startsWith('villages') ? 8 : 4)]);
      expect(paid.total).toBe(125600);
    }
  });
});

/**
 * QA (November 2026, end to end): a village paid its own month in full and, in the same month, a correction for an
 * earlier month. The statements read the month "Lebih bayar", Selisih + the correction, the Jumlah's words "lebih
 * bayar …", and the year statement the corrected month "Kurang bayar – lewat jatuh tempo" as well: one settled arrear
 * as two discrepancies. A month counts its own payments and the corrections recorded for it, in month, quarter and year
 * statements alike. Here the fixture's Dana Desa pledge of Talang Jambu: October's Rp75.600 paid in full (Rp50.000 +
 * Rp25.600) and September's Rp75.600, never paid, paid by a correction recorded in October.
 */
describe('village and pledge statements: a month with its own payment and a correction for an earlier month', () => {
  let t: TestApp;
  const ringkasan = async (path: string) => (await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/${path}`))).body)).getWorksheet('Ringkasan')!;
  /** The Jumlah block's line `label`: its figure and its words. */
  const jumlah = (ws: ExcelJS.Worksheet, label: string) => [4, 5].map((c) => rowOf(ws, label).getCell(c).value);
  const NOTE = 'Pembayaran Rp75.600 (KOREKSI SEP DESA) adalah koreksi untuk September 2026, dihitung pada bulan itu';
  const SEPTEMBER = 'Lunas (termasuk koreksi Rp75.600 yang dicatat pada Oktober 2026)';

  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by)
       VALUES ('DESA-1703062001-2026', '2026-10', 25600, '2026-10-06', 'SP2D DESA OKT 2', NULL, 'uji'),
              ('DESA-1703062001-2026', '2026-10', 75600, '2026-10-07', 'KOREKSI SEP DESA', '2026-09', 'uji')`,
    );
  });
  afterAll(() => t?.close());

  it('the month and the quarter: October paid in full, Selisih 0, the correction named and left to September', async () => {
    for (const query of ['month=2026-10', 'year=2026&quarter=4']) {
      const ws = await ringkasan(`villages/1703062001.xlsx?${query}`);
      const october = rowOf(ws, 'Oktober 2026');
      // Terutang, Dibayar, Selisih, Status, Koreksi
      expect([query, ...[7, 8, 9, 10, 11].map((c) => result(october, c))]).toEqual([query, 75600, 75600, 0, 'Lunas', NOTE]);
      expect(texts(ws)).toContain(
        'Koreksi untuk bulan sebelum periode ini yang dicatat dalam periode ini: Rp75.600 (Rp75.600 untuk September 2026 (KOREKSI SEP DESA), dicatat pada Oktober 2026). Dihitung pada bulan yang dikoreksi, tidak termasuk jumlah di atas.',
      );
      expect(jumlah(ws, 'Dibayar desa')).toEqual([75600, 'tujuh puluh lima ribu enam ratus rupiah']);
      expect(jumlah(ws, 'Selisih dibayar − terutang')).toEqual([0, 'nol rupiah']);
    }
    const pledge = await ringkasan('pledges/DESA-1703062001-2026.xlsx?month=2026-10');
    // Terutang, Dibayar, Selisih, Status, Dibayar Terlambat
    expect([3, 4, 5, 6, 7].map((c) => result(rowOf(pledge, 'Oktober 2026'), c))).toEqual([75600, 75600, 0, 'Lunas', 'Tidak']);
    expect(jumlah(pledge, 'Selisih dibayar − terutang')).toEqual([0, 'nol rupiah']);
  });

  it('the year: September paid by the correction recorded in October, October paid in full; no discrepancy anywhere', async () => {
    const village = await ringkasan('villages/1703062001.xlsx?year=2026');
    expect([7, 8, 9, 10].map((c) => result(rowOf(village, 'September 2026'), c))).toEqual([75600, 75600, 0, SEPTEMBER]);
    expect(String(rowOf(village, 'September 2026').getCell(11).value)).toMatch(/^Dikoreksi dengan pembayaran Rp75\.600 \(KOREKSI SEP DESA\) yang dicatat pada Oktober 2026; /);
    expect([7, 8, 9, 10].map((c) => result(rowOf(village, 'Oktober 2026'), c))).toEqual([75600, 75600, 0, 'Lunas']);
    expect(jumlah(village, 'Dibayar desa')).toEqual([151200, 'seratus lima puluh satu ribu dua ratus rupiah']);
    expect(jumlah(village, 'Selisih dibayar − terutang')).toEqual([0, 'nol rupiah']);
    const pledge = await ringkasan('pledges/DESA-1703062001-2026.xlsx?year=2026');
    // lateness as GET /payments/status judges each month (§8: the payments recorded for it): nothing was recorded for
    // September; October's own payments and the correction recorded in it were all paid by the 10th
    expect([4, 5, 6, 7].map((c) => result(rowOf(pledge, 'September 2026'), c))).toEqual([75600, 0, SEPTEMBER, '-']);
    expect([4, 5, 6, 7].map((c) => result(rowOf(pledge, 'Oktober 2026'), c))).toEqual([75600, 0, 'Lunas', 'Tidak']);
    expect(jumlah(pledge, 'Selisih dibayar − terutang')).toEqual([0, 'nol rupiah']);
  });

  it('Pembayaran adds up to the Dibayar of the months it covers: the correction of September counted in the year, listed outside the total of October', async () => {
    const sheetOf = async (path: string) => (await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/${path}`))).body)).getWorksheet('Pembayaran')!;
    const year = pembayaran(await sheetOf('villages/1703062001.xlsx?year=2026'));
    expect(year.row('KOREKSI SEP DESA')).toEqual(['Oktober 2026', 75600, 'Tidak', 'Koreksi untuk September 2026', 'dihitung']);
    expect(year.total).toBe(151200);
    for (const path of ['villages/1703062001.xlsx?month=2026-10', 'pledges/DESA-1703062001-2026.xlsx?month=2026-10']) {
      const october = pembayaran(await sheetOf(path));
      expect([path, ...october.row('KOREKSI SEP DESA')]).toEqual([path, 'Oktober 2026', 75600, 'Tidak', 'Koreksi untuk September 2026 (sebelum periode ini)', 'di luar jumlah']);
      expect([path, october.total]).toEqual([path, 75600]);
    }
  });
});

/**
 * A statement counts a correction (payment with adjustsMonth) under the month it corrects (statementMonth), not the
 * one it is recorded in. The Ringkasan's Koreksi column links them (QA): the corrected month names the payment and the
 * month it was recorded in, the recording month which month its payment corrects; a statement of the corrected month
 * alone still names the correction recorded after it. September, late only by that correction, reads "Ya (hanya
 * koreksi)".
 */
// The fixture's APBD payment SP2D-0012/BPKAD/2026 of Rp32.680 is recorded in October for September.
// September was paid in full (Rp22.680) on its own: the correction leaves it overpaid, said after it (QA: the balance after corrections)
const CORRECTED = 'Dikoreksi dengan pembayaran Rp32.680 (SP2D-0012/BPKAD/2026) yang dicatat pada Oktober 2026; Bulan ini tidak kurang bayar; sesudah koreksi lebih bayar Rp32.680';
const CORRECTING = 'Pembayaran Rp32.680 (SP2D-0012/BPKAD/2026) adalah koreksi untuk September 2026, dihitung pada bulan itu';

describe('pledge statement: a correction is named on the month it corrects and the month it is recorded in', () => {
  let t: TestApp;
  const ringkasan = async (query: string): Promise<ExcelJS.Worksheet> =>
    (await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/APBD-2026.xlsx?${query}`))).body)).getWorksheet('Ringkasan')!;

  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  it('year: September says it was corrected in October, October that its payment is for September', async () => {
    const ws = await ringkasan('year=2026');
    const header = ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!);
    expect(header.getCell(9).value).toBe('Koreksi');
    expect(rowOf(ws, 'September 2026').getCell(9).value).toBe(CORRECTED);
    expect(rowOf(ws, 'Oktober 2026').getCell(9).value).toBe(CORRECTING);
    expect(rowOf(ws, 'Agustus 2026').getCell(9).value).toBeNull();
    // the correction is paid for September (Rp22.680 of its own, Rp32.680 more), not October (nothing of its own)
    expect([4, 6].map((c) => rowOf(ws, 'September 2026').getCell(c).value)).toEqual([55360, 'Lebih bayar (termasuk koreksi Rp32.680 yang dicatat pada Oktober 2026)']);
    expect(rowOf(ws, 'Oktober 2026').getCell(4).value).toBe(0);
  });

  it('one month: September alone still names the correction recorded in October; October alone names what it corrects', async () => {
    expect(rowOf(await ringkasan('month=2026-09'), 'September 2026').getCell(9).value).toBe(CORRECTED);
    expect(rowOf(await ringkasan('month=2026-10'), 'Oktober 2026').getCell(9).value).toBe(CORRECTING);
  });

  /**
   * QA: the statement called September "Ya (hanya koreksi)" (the correction for it paid on 12 October, judged against
   * 10 September) while GET /payments/status said September was not late and October was, by that correction. §8
   * judges a pledge-month by the payments recorded for it: the statement now says what the route and October's
   * reconciliation workbook say, for each month.
   */
  it("October, whose only payment, the correction of September, was paid on the 12th: 'Ya (hanya koreksi)', as the route and the workbook; September, paid on the 8th: 'Tidak'", async () => {
    const [run] = await t.dataSource.query(`SELECT id FROM reconciliation_run WHERE month = '2026-10'`);
    const workbook = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/workbook.xlsx`))).body);
    const saidByWorkbook = rowOf(workbook.getWorksheet('Pembayaran')!, 'APBD-2026').getCell(9).value;
    expect(saidByWorkbook).toBe('Ya (hanya koreksi)');
    const route = async (month: string) => {
      const rows = (await (await t.as(Role.AUDITOR)).get(`/api/v1/payments/status?month=${month}`).expect(200)).body as Array<{ pledgeCode: string; late: boolean; lateOnlyByCorrections: boolean }>;
      const apbd = rows.find((r) => r.pledgeCode === 'APBD-2026')!;
      return [apbd.late, apbd.lateOnlyByCorrections];
    };
    expect(await route('2026-10')).toEqual([true, true]);
    expect(await route('2026-09')).toEqual([false, false]);
    for (const query of ['month=2026-10', 'year=2026']) expect([query, rowOf(await ringkasan(query), 'Oktober 2026').getCell(7).value]).toEqual([query, saidByWorkbook]);
    for (const query of ['month=2026-09', 'year=2026']) expect([query, rowOf(await ringkasan(query), 'September 2026').getCell(7).value]).toEqual([query, 'Tidak']);
  });

  it('a negative correction (money given back for September) is named as such on both months, lowers September\'s paid, and is not late', async () => {
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('APBD-2026', '2026-10', -1000, '2026-10-25', 'NK-BPJS/09', '2026-09', 'uji')`,
    );
    const ws = await ringkasan('year=2026');
    expect(String(rowOf(ws, 'September 2026').getCell(9).value)).toContain('Dikoreksi dengan pengembalian kelebihan bayar Rp1.000 (NK-BPJS/09) yang dicatat pada Oktober 2026');
    // both corrections together (Rp32.680 − Rp1.000) on a month paid in full: what is left is said once, netted
    expect(String(rowOf(ws, 'September 2026').getCell(9).value)).toMatch(/; Bulan ini tidak kurang bayar; sesudah koreksi lebih bayar Rp31\.680$/);
    expect(String(rowOf(ws, 'Oktober 2026').getCell(9).value)).toContain('Pengembalian kelebihan bayar Rp1.000 (NK-BPJS/09) adalah koreksi untuk September 2026');
    expect(rowOf(ws, 'September 2026').getCell(4).value).toBe(54360);
    expect(rowOf(ws, 'Oktober 2026').getCell(4).value).toBe(0);
    const pembayaran = (await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/APBD-2026.xlsx?year=2026'))).body)).getWorksheet('Pembayaran')!;
    const row = rowWhere(pembayaran, 4, 'NK-BPJS/09');
    expect(row.getCell(5).value).toBe(-1000);
    expect(row.getCell(6).value).toBe('Tidak'); // dated the 25th, but money given back is never late
  });

  it('a month whose only payment is a refund for an earlier month reads no status of its own; the refund counts under the month it is for', async () => {
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('APBD-2026', '2026-11', -500, '2026-11-05', 'NK-BPJS/10', '2026-10', 'uji')`,
    );
    const ws = await ringkasan('year=2026');
    const cells = (rowOf(ws, 'November 2026').values as unknown[]).map(String);
    expect(cells.filter((c) => c.startsWith('Pengembalian kelebihan bayar (koreksi') || c.startsWith('Dibayar sebagian') || c.startsWith('Kurang bayar'))).toEqual([]);
    expect(cells).toContain('Pengembalian kelebihan bayar Rp500 (NK-BPJS/10) adalah koreksi untuk Oktober 2026, dihitung pada bulan itu');
    expect(rowOf(ws, 'November 2026').getCell(4).value).toBe(0);
    expect(rowOf(ws, 'Oktober 2026').getCell(4).value).toBe(-500);
  });

  it("a corrected month's balance counts its own payments, not the corrections of other months recorded in it (QA: counted twice)", async () => {
    // October recorded September's corrections (Rp32.680 − Rp1.000), none of its own; November's Rp500 refund corrects October
    const october = rowOf(await ringkasan('year=2026'), 'Oktober 2026');
    const due = Number(october.getCell(3).value);
    expect(october.getCell(4).value).toBe(-500);
    expect(String(october.getCell(9).value)).toMatch(new RegExp(`; Masih kurang Rp${(due + 500).toLocaleString('id-ID')} sesudah koreksi;`));
  });
});

/**
 * The pledge statement's "Dibayar Terlambat (setelah tanggal 10)" of a month is GET /payments/status's `late` of it
 * (DOMAIN §8: a payment recorded for the month, corrections of other months included, dated after its 10th): "Ya
 * (hanya koreksi)" when only corrections of other months recorded in it were late (`lateOnlyByCorrections`), "Ya" when
 * an ordinary payment was late, "Tidak" otherwise, "-" when nothing was recorded for it (a month paid only by
 * corrections recorded later: each is judged in the month it is recorded in). Its Pembayaran sheet marks each late
 * payment and names the month a correction is for.
 *
 * As in payments.status-names-corrections: three participants, Rp37.800 a month each to PROV-2026 (quota 1),
 * TJSLP-2026 (quota 1) and APBD-2026; October allocated, July and August finalized and paid nothing. In
 * October: APBD-2026 paid on time and corrected July and August late; PROV-2026 paid late and corrected July;
 * TJSLP-2026 paid on time. The clock is pinned to 15 November 2026 (WIB).
 */
const LATE = 7; // Ringkasan: Dibayar Terlambat (setelah tanggal 10)
const PAYMENT_LATE = 6; // Pembayaran: Dibayar Terlambat (setelah tanggal 10), then Keterangan
const REFERENCE = 4;

describe('pledge statement: a month late only by corrections says so, as the console and the workbook do', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-11-15T03:00:00Z'));
    await octoberWithCorrections(t);
  });
  afterAll(() => t?.close());

  const statement = async (code: string, query: string): Promise<ExcelJS.Workbook> =>
    readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/${code}.xlsx?${query}`))).body);
  const octoberLate = async (code: string) => rowOf((await statement(code, 'month=2026-10')).getWorksheet('Ringkasan')!, 'Oktober 2026').getCell(LATE).value;

  it('October: own payment on time, corrections of other months late "Ya (hanya koreksi)", an ordinary payment late "Ya", nothing late "Tidak"', async () => {
    expect(await octoberLate('APBD-2026')).toBe('Ya (hanya koreksi)');
    expect(await octoberLate('PROV-2026')).toBe('Ya');
    expect(await octoberLate('TJSLP-2026')).toBe('Tidak');
  });

  it("each pledge's October is late as GET /payments/status says (late, lateOnlyByCorrections), in the month and the year statement", async () => {
    const status = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-10').expect(200)).body as Array<{ pledgeCode: string; late: boolean; lateOnlyByCorrections: boolean }>;
    expect(status.map((s) => s.pledgeCode)).toEqual(['APBD-2026', 'PROV-2026', 'TJSLP-2026']);
    for (const s of status) {
      const said = s.late ? (s.lateOnlyByCorrections ? 'Ya (hanya koreksi)' : 'Ya') : 'Tidak';
      expect([s.pledgeCode, await octoberLate(s.pledgeCode)]).toEqual([s.pledgeCode, said]);
      const year = rowOf((await statement(s.pledgeCode, 'year=2026')).getWorksheet('Ringkasan')!, 'Oktober 2026').getCell(LATE).value;
      expect([s.pledgeCode, year]).toEqual([s.pledgeCode, said]);
    }
  });

  it('the year: July and August, paid only by corrections recorded in October, have no payment of their own to be late: "-" (each correction is judged in October)', async () => {
    const ws = (await statement('APBD-2026', 'year=2026')).getWorksheet('Ringkasan')!;
    const header = ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!);
    expect(header.getCell(LATE).value).toBe(PAID_LATE);
    // July: Rp20.000 of its Rp37.800 corrected in October, still owed; nothing recorded for July itself
    expect([4, 6, LATE].map((c) => rowOf(ws, 'Juli 2026').getCell(c).value)).toEqual([20000, 'Kurang bayar – lewat jatuh tempo 10 Juli 2026', '-']);
    expect(rowOf(ws, 'Agustus 2026').getCell(LATE).value).toBe('-');
    expect([4, LATE].map((c) => rowOf(ws, 'Oktober 2026').getCell(c).value)).toEqual([37800, 'Ya (hanya koreksi)']);
  });

  it('Pembayaran: every payment after the 10th is late by the same rule; a correction names the month it corrects', async () => {
    const apbd = (await statement('APBD-2026', 'month=2026-10')).getWorksheet('Pembayaran')!;
    const cells = (ws: ExcelJS.Worksheet, reference: string) => {
      const row = rowWhere(ws, REFERENCE, reference);
      return [row.getCell(PAYMENT_LATE).value, row.getCell(PAYMENT_LATE + 1).value];
    };
    expect(cells(apbd, 'SP2D APBD')).toEqual(['Tidak', null]);
    // October's statement: corrections of months before it, under its JUMLAH (they count in July and August)
    expect(cells(apbd, 'KOREKSI APBD JULI')).toEqual(['Ya', 'Koreksi untuk Juli 2026 (sebelum periode ini)']);
    expect(cells(apbd, 'KOREKSI APBD AGUSTUS')).toEqual(['Ya', 'Koreksi untuk Agustus 2026 (sebelum periode ini)']);
    expect(pembayaran(apbd).total).toBe(37800);
    const prov = (await statement('PROV-2026', 'month=2026-10')).getWorksheet('Pembayaran')!;
    expect(cells(prov, 'SP2D PROV')).toEqual(['Ya', null]);
    expect(cells(prov, 'KOREKSI PROV JULI')).toEqual(['Ya', 'Koreksi untuk Juli 2026 (sebelum periode ini)']);
    // the year's: all counted, the total the Ringkasan's Dibayar (Rp37.800 + Rp20.000 + Rp17.800)
    const year = await statement('APBD-2026', 'year=2026');
    expect(cells(year.getWorksheet('Pembayaran')!, 'KOREKSI APBD JULI')).toEqual(['Ya', 'Koreksi untuk Juli 2026']);
    expect(pembayaran(year.getWorksheet('Pembayaran')!).total).toBe(75600);
    expect(result(rowOf(year.getWorksheet('Ringkasan')!, 'JUMLAH'), 4)).toBe(75600);
  });

  it('a month overpaid Rp10.000 and given back Rp20.000 says it is now Rp10.000 short, as the console does (QA: only "Dikoreksi dengan pengembalian kelebihan bayar Rp20.000")', async () => {
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by)
       VALUES ('TJSLP-2026', '2026-10', 10000, '2026-10-09', 'TJSLP LEBIH', NULL, 'uji'), ('TJSLP-2026', '2026-11', -20000, '2026-11-05', 'NK TJSLP OKT', '2026-10', 'uji')`,
    );
    const october = rowOf((await statement('TJSLP-2026', 'month=2026-10')).getWorksheet('Ringkasan')!, 'Oktober 2026');
    expect(october.getCell(9).value).toBe('Dikoreksi dengan pengembalian kelebihan bayar Rp20.000 (NK TJSLP OKT) yang dicatat pada November 2026; Masih kurang Rp10.000 sesudah koreksi');
  });
});

/**
 * The year-end recap across all funders (GET /reports/year/:year.xlsx): the fixture's four pledges over September and
 * October 2026, October's BPJS bill and finalized run, and a correction of October's Dana Desa shortfall recorded in
 * January 2027. QA: the year's totals per funder, what is still unpaid and by whom, and what BPJS billed against what
 * was owed per month needed one statement per pledge or village.
 */
describe('year-end recap (Rekap Tahunan): every funder over the year, each month', () => {
  let t: TestApp;
  let wb: ExcelJS.Workbook;
  /** The first row whose column A contains `text` (a funder's label ends with its pledge code). */
  const rowHaving = (ws: ExcelJS.Worksheet, text: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(1).value ?? '').includes(text)) return ws.getRow(r);
    throw new Error(`No row with "${text}" in ${ws.name}`);
  };
  const values = (row: ExcelJS.Row, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => row.getCell(from + i).value);
  const result = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'formula' in v ? (v.result ?? 0) : v);

  beforeAll(async () => {
    t = await createTestApp();
    const runId = await insertReportFixture(t.dataSource);
    await t.dataSource.query(`INSERT INTO closed_month (month, run_id, closed_by) VALUES ('2026-10', $1, 'uji')`, [runId]);
    await t.dataSource.query(`INSERT INTO bill (month, version, invoice_total, lines, lines_total, checksum, filename, uploaded_by) VALUES ('2026-10', 1, 235200, 6, 231000, 'x', 'tagihan-oktober.xlsx', 'uji')`);
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('DESA-1703062001-2026', '2027-01', 75600, '2027-01-09', 'SP2D 0007/LS/2027', '2026-10', 'uji')`,
    );
    const res = await download((await t.as(Role.AUDITOR)).get('/api/v1/reports/year/2026.xlsx'));
    expect(res.headers['content-disposition']).toContain('rekap-tahunan-jamkesda-2026.xlsx');
    wb = await readWorkbook(res.body);
  });
  afterAll(() => t.close());

  it('Per Pemberi Dana: each pledge funded, paid (a correction recorded in January 2027 included), balance and the months owed or late', async () => {
    const ws = wb.getWorksheet('Per Pemberi Dana')!;
    expect(String(ws.getRow(1).getCell(1).value)).toBe('Rekap Tahunan Jamkesda 2026: Per Pemberi Dana — Kabupaten Bengkulu Utara');
    // what a pledge owes is Terutang, as in the statements and the Pembayaran sheet; no spec section or enum code (proofreader)
    const header = ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!);
    expect(values(header, 6, 10)).toEqual(['Terutang (Rp)', 'Dibayar (Rp)', 'Selisih Dibayar − Terutang (Rp)', 'Bulan Belum/Kurang Dibayar', 'Bulan Dibayar Terlambat (setelah tanggal 10)']);
    expect(rowHaving(ws, 'Tidak Terdanai').getCell(1).value).toBe('Tidak Terdanai: sisa iuran yang tidak didanai komitmen mana pun');
    expect(rowHaving(ws, 'Kewajiban iuran tahun ini').getCell(1).value).toBe('Kewajiban iuran tahun ini (terutang komitmen + tidak terdanai)');
    // [pagu, kuota, participant-months, owed (terutang), paid, balance, months owed, late]
    const of = (code: string) => values(rowHaving(ws, code), 3, 10).map(result);
    expect(of('TJSLP-ALNO-2026')).toEqual([500000, 'tanpa kuota', 2, 75600, 40000, -35600, 'September 2026: belum dibayar Rp37.800', '-']);
    expect(of('DESA-1703062001-2026')).toEqual([
      'tanpa pagu',
      'tanpa kuota',
      4,
      151200,
      125600, // Rp50.000 in October + Rp75.600 recorded in January 2027 for October
      -25600,
      'September 2026: belum dibayar Rp75.600; Oktober 2026: kurang Rp25.600; dikoreksi Rp75.600, dicatat pada Januari 2027',
      '-',
    ]);
    expect(of('PROV-2026')).toEqual(['tanpa pagu', 2, 3, 45360, 0, -45360, 'September 2026: belum dibayar Rp15.120; Oktober 2026: belum dibayar Rp30.240', '-']);
    // October's only payment corrects September, dated the 12th: §8 counts it in October, paid in full, late by it
    expect(of('APBD-2026')).toEqual([2000000, 'tanpa kuota', 3, 55360, 55360, 0, '-', 'Oktober 2026 (hanya koreksi)']);
    expect(values(rowOf(ws, 'JUMLAH (semua komitmen)'), 5, 8).map(result)).toEqual([12, 327520, 220960, -106560]);
    expect(result(rowHaving(ws, 'Tidak Terdanai: sisa iuran').getCell(6).value)).toBe(12680);
    expect(result(rowHaving(ws, 'Kewajiban iuran tahun ini').getCell(6).value)).toBe(340200); // 151.200 + 189.000
    expect(String(rowHaving(ws, 'DRAF').getCell(1).value)).toContain('belum dialokasikan');
    expect(rowHaving(ws, 'Kepala Dinas Kesehatan')).toBeDefined();
  });

  it('Per Bulan: obligations, funded, unfunded, the bill, the run, the month status and paid, each month', async () => {
    const ws = wb.getWorksheet('Per Bulan')!;
    const month = (name: string) => values(rowOf(ws, name), 2, 12).map(result);
    expect(month('September 2026')).toEqual([4, 151200, 151200, 0, 'belum ada tagihan', 'belum direkonsiliasi', null, null, null, 'Dibekukan', 55360]);
    expect(month('Oktober 2026')).toEqual([5, 189000, 176320, 12680, 235200, 'Versi 1, Final', 151200, 79800, 37800, 'Final', 165600]);
    expect(month('November 2026')).toEqual(['belum dialokasikan', null, null, null, 'belum ada tagihan', 'belum direkonsiliasi', null, null, null, 'Terbuka', 0]);
    // paid per month counts a correction in the month it corrects: the year's total is Per Pemberi Dana's
    expect(values(rowOf(ws, 'JUMLAH'), 2, 12).map(result)).toEqual([9, 340200, 327520, 12680, 235200, null, 151200, 79800, 37800, null, 220960]);
  });

  it('Keterangan says the year, who made it, and warns of a month never reconciled; the download is audited', async () => {
    const ws = wb.getWorksheet('Keterangan')!;
    expect(rowOf(ws, 'Tahun anggaran').getCell(2).value).toBe('2026');
    expect(rowOf(ws, 'Dibuat').getCell(2).value).toBe('15 November 2026 10.00 WIB oleh uji-auditor');
    // how each column is computed, in plain Indonesian: no DOMAIN §, API route or enum code in a signed recap (proofreader)
    const said: string[] = [];
    ws.eachRow((r) => said.push(`${r.getCell(1).value} ${r.getCell(2).value}`));
    expect(said.filter((s) => /§|GET \/|UNFUNDED|\(split\)/.test(s))).toEqual([]);
    expect(rowOf(ws, 'Terutang').getCell(2).value).toBe('Jumlah bagian iuran yang dialokasikan kepada komitmen itu pada bulan-bulan tahun ini: yang menjadi utangnya.');
    expect(String(rowOf(ws, 'Bulan belum/kurang dibayar').getCell(2).value)).toMatch(/^Status per bulan: dibayar = semua pembayaran yang dicatat untuk bulan itu /);
    const warnings: string[] = [];
    ws.eachRow((r) => r.getCell(1).value === 'Peringatan' && warnings.push(String(r.getCell(2).value)));
    expect(warnings).toContainEqual(expect.stringMatching(/^Belum pernah direkonsiliasi: September 2026\./));
    // the Dana Desa pledge's §5 warning, named as the pledge rows name it
    expect(warnings).toContainEqual(expect.stringMatching(/^Desa Talang Jambu — APBDes, DESA-1703062001-2026: .*Dana Desa/));
    const [event] = await t.dataSource.query(`SELECT actor, entity_id, summary FROM audit_event WHERE action = 'report.export'`);
    expect(event.entity_id).toBe('rekap-tahunan-2026');
    expect(JSON.parse(typeof event.summary === 'string' ? event.summary : JSON.stringify(event.summary))).toEqual({ year: 2026, pledges: 4, funded: 327520, paid: 220960 });
  });

  it("rows are as high as their wrapped text by the workbooks' one estimate (wrappedLines), one-line rows keep the default height", async () => {
    /** The height a data row's text columns (`text`, 1-based) ask of the shared estimator (TableSheet.addRow): lines × LINE_POINTS. */
    const estimated = (ws: ExcelJS.Worksheet, row: ExcelJS.Row, text: readonly number[]) => {
      let lines = 1;
      for (const c of text) {
        const [value, width] = [row.getCell(c).value, ws.getColumn(c).width!];
        if (typeof value === 'string' && !fitsOneLine(value, width)) lines = Math.max(lines, wrappedLines(value, width));
      }
      return lines * LINE_POINTS;
    };
    const keterangan = wb.getWorksheet('Keterangan')!;
    // a known long text: 263 characters in the 110-wide Keterangan column, 3 lines by the estimate, 45 points
    const dibayar = rowOf(keterangan, 'Dibayar');
    const long = String(dibayar.getCell(2).value);
    expect(long).toMatch(/^Pembayaran yang dicatat untuk bulan-bulan tahun ini/);
    expect(dibayar.height).toBe(wrappedLines(long, 110) * LINE_POINTS);
    expect(dibayar.height).toBe(3 * LINE_POINTS);
    // a short text keeps the default height (none written)
    expect(rowOf(keterangan, 'Tahun anggaran').height).toBeUndefined();
    // every data row of the three sheets: a row of one line keeps the default (Per Pemberi Dana, signed, writes 15)
    const sheets = [
      ['Keterangan', [1, 2], false, 'Peringatan'],
      ['Per Bulan', [1, 7, 11], false, 'JUMLAH'],
      ['Per Pemberi Dana', [1, 2, 9, 10], true, 'JUMLAH (semua komitmen)'],
    ] as const;
    for (const [name, text, fixed, end] of sheets) {
      const ws = wb.getWorksheet(name)!;
      const last = rowOf(ws, end).number;
      for (let r = 5; r < last; r++) { // under the title, subtitle, a blank line and the header
        const want = estimated(ws, ws.getRow(r), text);
        expect([name, r, ws.getRow(r).height]).toEqual([name, r, want === LINE_POINTS && !fixed ? undefined : want]);
      }
    }
  });

  it('refuses operators, a malformed year and a year never allocated', async () => {
    await (await t.as(Role.OPERATOR_DINKES)).get('/api/v1/reports/year/2026.xlsx').expect(403);
    const auditor = await t.as(Role.AUDITOR);
    expect((await auditor.get('/api/v1/reports/year/26.xlsx').expect(400)).body.details).toEqual({ field: 'year', value: '26' });
    expect((await auditor.get('/api/v1/reports/year/2025.xlsx').expect(404)).body.code).toBe('NOT_ALLOCATED');
  });
});
