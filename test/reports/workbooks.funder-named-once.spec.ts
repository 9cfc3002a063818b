/**
 * A funder is named once, in one form across the workbooks: "PT Agricinal — TJSLP (CSR),
 * TJSLP-ALNO-2026" (QA: "Didanai TJSLP-ALNO-2026 — PT Agricinal (TJSLP) (TJSLP (CSR))" and "Dibayar
 * oleh PT Sawit Bengkulu Lestari (TJSLP) (TJSLP-SAWIT-2026)"). A name that already says its type in
 * brackets does not say it twice.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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
});

describe('workbooks name each funder once', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource);
    await t.dataSource.query(`UPDATE pledge SET funder = 'PT Agricinal (TJSLP)' WHERE code = 'TJSLP-ALNO-2026'`);
  });
  afterAll(() => t.close());

  it('Ringkasan and Berita Acara of the reconciliation workbook', async () => {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
    expect(rowOf(wb.getWorksheet('Ringkasan')!, 'Didanai PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026').getCell(3).value).toBe(37800);
    expect(rowOf(wb.getWorksheet('Ringkasan')!, 'Didanai Pemerintah Provinsi Bengkulu — APBD Provinsi, PROV-2026').getCell(3).value).toBe(30240);
    expect(rowOf(wb.getWorksheet('Berita Acara')!, 'Dibayar oleh PT Agricinal — TJSLP (CSR), TJSLP-ALNO-2026').getCell(2).value).toBe(40000);
    const texts: string[] = [];
    for (const ws of [wb.getWorksheet('Ringkasan')!, wb.getWorksheet('Berita Acara')!]) ws.eachRow((r) => texts.push(String(r.getCell(1).value)));
    expect(texts.filter((x) => /\)\s*\)|\) \(/.test(x))).toEqual([]);
  });

  it('the pledge statement title', async () => {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026'))).body);
    for (const ws of wb.worksheets) expect(ws.getRow(1).getCell(1).value).toMatch(/: PT Agricinal — TJSLP \(CSR\), TJSLP-ALNO-2026$/);
  });
});
