/**
 * A funder is named once, in one form across the workbooks: "PT Agricinal — TJSLP (CSR),
 * TJSLP-ALNO-2026" (QA: "Didanai TJSLP-ALNO-2026 — PT Agricinal (TJSLP) (TJSLP (CSR))" and "Dibayar
 * oleh PT Sawit Bengkulu Lestari (TJSLP) (TJSLP-SAWIT-2026)"). A name that already says its type in
 * brackets does not say it twice. Pagu & Realisasi, Per Sumber Dana and Pembayaran, the pledge
 * statement's Pemberi dana and the village statement's pledge terms name it so too (QA: they kept
 * "PT Agricinal (TJSLP)" beside a separate Sumber Dana column).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { funderLabel } from '../../src/reports/format/labels.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';

describe('funderLabel', () => {
  it.each([
    ['PT Agricinal (TJSLP)', 'TJSLP', 'TJSLP-ALNO-2026', 'PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026'],
    ['PT Sawit Bengkulu Lestari (TJSLP)', 'TJSLP', 'TJSLP-SAWIT-2026', 'PT Sawit Bengkulu Lestari — TJSLP (CSR), TJSLP-SAWIT-2026'],
    ['Bank Bengkulu (CSR)', 'TJSLP', 'TJSLP-BANK-2026', 'Bank Bengkulu — TJSLP (CSR), TJSLP-BANK-2026'],
    ['PT Bank Bengkulu (Perseroda)', 'TJSLP', 'TJSLP-BANK-2026', 'PT Bank Bengkulu (Perseroda) — TJSLP (CSR), TJSLP-BANK-2026'],
    ['Pemerintah Kabupaten Bengkulu Utara', 'APBD', 'APBD-2026', 'Pemerintah Kabupaten Bengkulu Utara — APBD Kabupaten, APBD-2026'],
    ['Pemerintah Desa Talang Jambu (APBDes)', 'DESA', 'DESA-1703062001-2026', 'Pemerintah Desa Talang Jambu — APBDes, DESA-1703062001-2026'],
  ])('%s (%s)', (funder, sourceType, code, expected) => {
    expect(funderLabel({ code, funder, sourceType })).toBe(expected);
  });

  it('a pledge known by its code alone is named by its code (not ", APBD-LAMA")', () => {
    expect(funderLabel({ code: 'APBD-LAMA', funder: undefined, sourceType: undefined })).toBe('APBD-LAMA');
    expect(funderLabel({ code: 'APBD-LAMA', funder: undefined, sourceType: 'APBD' })).toBe('APBD Kabupaten, APBD-LAMA');
  });
});

describe('workbooks name each funder once', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource);
    // the pledge as created with that name: its row and the terms of its revision 1, which its splits carry
    await t.dataSource.query(`UPDATE pledge SET funder = 'PT Agricinal (TJSLP)' WHERE code = 'TJSLP-ALNO-2026'`);
    await t.dataSource.query(`UPDATE pledge_revision SET data = jsonb_set(data, '{funder}', '"PT Agricinal (TJSLP)"') WHERE code = 'TJSLP-ALNO-2026'`);
  });
  afterAll(() => t.close());

  const TJSLP = 'PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026';
  const APBD = 'Pemerintah Kabupaten Bengkulu Utara — APBD Kabupaten, APBD-2026';
  let workbook: ExcelJS.Workbook | undefined;
  const reconciliation = async () => (workbook ??= await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body));
  const statement = async (code: string) => readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/${code}.xlsx?year=2026`))).body);

  it('Ringkasan and Berita Acara of the reconciliation workbook', async () => {
    const wb = await reconciliation();
    expect(rowOf(wb.getWorksheet('Ringkasan')!, 'Didanai PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026').getCell(3).value).toBe(37800);
    expect(rowOf(wb.getWorksheet('Ringkasan')!, 'Didanai Pemerintah Provinsi Bengkulu — APBD Provinsi, PROV-2026').getCell(3).value).toBe(30240);
    expect(rowOf(wb.getWorksheet('Berita Acara')!, 'Dibayar oleh PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026').getCell(2).value).toBe(40000);
    const texts: string[] = [];
    for (const ws of [wb.getWorksheet('Ringkasan')!, wb.getWorksheet('Berita Acara')!]) ws.eachRow((r) => texts.push(String(r.getCell(1).value)));
    expect(texts.filter((x) => /\)\s*\)|\) \(/.test(x))).toEqual([]);
  });

  // QA: these sheets wrote the raw name ("PT Agricinal (TJSLP)") beside a Sumber Dana column.
  it.each([
    ['Pagu & Realisasi', 3],
    ['Per Sumber Dana', 4],
    ['Pembayaran', 3],
  ] as const)('%s: the Pemberi Dana cell of a TJSLP and an APBD pledge', async (sheet, column) => {
    const ws = (await reconciliation()).getWorksheet(sheet)!;
    expect(ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!).getCell(column).value).toBe('Pemberi Dana');
    expect(rowOf(ws, 'TJSLP-ALNO-2026').getCell(column).value).toBe(TJSLP);
    expect(rowOf(ws, 'APBD-2026').getCell(column).value).toBe(APBD);
  });

  it('no sheet of the reconciliation workbook keeps the raw name', async () => {
    const raw: string[] = [];
    for (const ws of (await reconciliation()).worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => void (String(cell.value).includes('(TJSLP)') && raw.push(`${ws.name}!${cell.address}: ${String(cell.value)}`))));
    }
    expect(raw).toEqual([]);
  });

  it('the pledge statement: its title and its Pemberi dana', async () => {
    const wb = await statement('TJSLP-ALNO-2026');
    for (const ws of wb.worksheets) expect(ws.getRow(1).getCell(1).value).toMatch(/: PT Agricinal — TJSLP \(CSR\), TJSLP-ALNO-2026$/);
    expect(rowOf(wb.getWorksheet('Ringkasan')!, 'Pemberi dana').getCell(3).value).toBe(TJSLP);
    expect(rowOf((await statement('APBD-2026')).getWorksheet('Ringkasan')!, 'Pemberi dana').getCell(3).value).toBe(APBD);
  });

  it("the village statement: its pledges' terms", async () => {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-10'))).body);
    const ws = wb.getWorksheet('Ringkasan')!;
    const terms = ws.getRow(rowOf(ws, 'Komitmen pendanaan desa').number + 1).getCell(1).value;
    expect(terms).toBe('Desa Talang Jambu — APBDes, DESA-1703062001-2026: Dana Desa, tanpa pagu, PKS DESA-1703062001-2026');
  });
});
