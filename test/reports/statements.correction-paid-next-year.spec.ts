/**
 * A shortfall of the year's last months paid in the next year, recorded there as a correction (DOMAIN §8/§9: it
 * counts toward the month it is recorded in). QA: December's Dana Desa shortfall, paid and recorded in January
 * as a correction for December, was in no statement's total: the year's statements read the year's months, the
 * next year's only the next year's pledges. Now the next year's village statement takes the old-year pledge that
 * has a payment recorded in its months, and the old year's statements say, under the table, what came in later.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';

const LATER = 'Koreksi yang dicatat setelah periode ini untuk bulan-bulannya: Rp75.600 (Rp75.600 untuk Oktober 2026 (SP2D 0007/LS/2027), dicatat pada Januari 2027). Dihitung pada bulan pencatatannya, tidak termasuk jumlah di atas.';

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

  it("counts in the next year's village statement, in January, under the old year's pledge named with its year", async () => {
    const ws = await sheet('/api/v1/statements/villages/1703062001.xlsx?month=2027-01');
    expect(rowOf(ws, 'Januari 2027').getCell(8).value).toBe(75600); // Dibayar Desa
    // the row says what the payment was for (QA: it read as January's surplus)
    expect(rowOf(ws, 'Januari 2027').getCell(11).value).toBe('Pembayaran Rp75.600 (SP2D 0007/LS/2027) adalah koreksi untuk Oktober 2026');
    expect(texts(ws)).toContain('Desa Talang Jambu — APBDes, DESA-1703062001-2026 (tahun anggaran 2026; pembayarannya dicatat pada periode ini): Dana Desa, tanpa pagu, PKS DESA-1703062001-2026');
    const payments = await sheet('/api/v1/statements/villages/1703062001.xlsx?month=2027-01', 'Pembayaran');
    const january = rowOf(payments, 'Januari 2027').values as unknown[];
    expect(january).toEqual(expect.arrayContaining(['DESA-1703062001-2026', 75600, 'SP2D 0007/LS/2027']));
  });

  it("the old year's village and pledge statements say what came in after them, outside their totals", async () => {
    const village = await sheet('/api/v1/statements/villages/1703062001.xlsx?year=2026');
    expect(texts(village)).toContain(LATER);
    expect(rowOf(village, 'Oktober 2026').getCell(8).value).toBe(50000); // the year's own payment only
    expect(rowOf(village, 'Oktober 2026').getCell(11).value).toBe('Dikoreksi dengan pembayaran Rp75.600 (SP2D 0007/LS/2027) yang dicatat pada Januari 2027');
    expect(rowOf(village, 'September 2026').getCell(11).value).toBe(null);
    expect(texts(await sheet('/api/v1/statements/villages/1703062001.xlsx?month=2026-10'))).toContain(LATER);
    expect(texts(await sheet('/api/v1/statements/pledges/DESA-1703062001-2026.xlsx?year=2026'))).toContain(LATER);
    // the pledge's villages by name beside their codes (QA: codes only)
    const cakupan = rowOf(await sheet('/api/v1/statements/pledges/DESA-1703062001-2026.xlsx?year=2026'), 'Cakupan');
    expect(cakupan.getCell(3).value).toBe('Desa tertentu: Talang Jambu (17.03.06.2001)');
    // nothing of the kind where no correction came later
    expect(texts(await sheet('/api/v1/statements/pledges/APBD-2026.xlsx?year=2026')).some((x) => x.startsWith('Koreksi yang dicatat setelah'))).toBe(false);
  });
});
