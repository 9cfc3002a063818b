/**
 * A payment recorded in this year's months for a pledge of the year before (a correction of its December, paid
 * in January) counts in the month it is recorded in (DOMAIN §8/§9). QA: the January workbook listed that pledge
 * by its code alone, with no source type, as a pledge it did not know; it is named like every pledge now, and
 * Pagu & Realisasi says which year it belongs to.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';

describe('reconciliation workbook: a pledge of the year before, paid in this year', () => {
  let t: TestApp;
  let runId: string;
  beforeAll(async () => {
    t = await createTestApp();
    runId = await insertReportFixture(t.dataSource, 'DONE'); // a DONE run reads payments as they are
    await t.dataSource.query(
      `INSERT INTO pledge (code, source_type, fund, funder, fiscal_year, scope, village_codes, niks, share_percent, budget, priority, legal_basis, created_by)
       VALUES ('DESA-1703062001-2025', 'DESA', 'DANA_DESA', 'Desa Talang Jambu', 2025, 'VILLAGES', '{17.03.06.2001}', '{}', 100, NULL, 20, 'Perdes 3/2024', 'uji')`,
    );
    await t.dataSource.query(
      `INSERT INTO payment (pledge_code, month, amount, paid_at, reference, adjusts_month, created_by) VALUES ('DESA-1703062001-2025', '2026-10', 37800, '2026-10-05', 'SP2D 0001/DD/2026', '2025-12', 'uji')`,
    );
    // as a run made after it holds it: the pledge's §8 status in October, nothing due and the correction paid
    const status = { pledgeCode: 'DESA-1703062001-2025', due: 0, paid: 37800, status: 'OVERPAID', late: false };
    await t.dataSource.query(`UPDATE reconciliation_run SET summary = jsonb_set(summary::jsonb, '{payments}', (summary::jsonb->'payments') || $2::jsonb) WHERE id = $1`, [runId, JSON.stringify([status])]);
  });
  afterAll(() => t.close());

  it('names it with its funder and source type, and its fiscal year', async () => {
    const wb = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
    const row = rowOf(wb.getWorksheet('Pagu & Realisasi')!, 'DESA-1703062001-2025');
    expect([2, 3, 9].map((c) => row.getCell(c).value)).toEqual([
      'APBDes',
      'Desa Talang Jambu — APBDes, DESA-1703062001-2025 (tahun anggaran 2025: pembayaran koreksi yang dicatat tahun ini)',
      37800,
    ]);
    // Pembayaran says so too: due nothing this year, the payment a correction (QA: it read like an overpayment)
    const paid = rowOf(wb.getWorksheet('Pembayaran')!, 'DESA-1703062001-2025');
    expect(paid.getCell(3).value).toBe('Desa Talang Jambu — APBDes, DESA-1703062001-2025 (tahun anggaran 2025: pembayaran koreksi yang dicatat tahun ini)');
  });
});
