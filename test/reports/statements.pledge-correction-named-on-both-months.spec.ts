/**
 * A correction (payment with adjustsMonth) counts toward the month it is recorded in (DOMAIN §8/§9),
 * so on the pledge statement the corrected month reads "Belum dibayar"-like and the recording month
 * "Lebih bayar". The Ringkasan's Koreksi column links them (QA): the corrected month names the
 * payment and the month it was recorded in, the recording month which month its payment corrects;
 * a statement of the corrected month alone still names the correction recorded after it. October, late
 * only by that correction, reads "Ya (hanya koreksi)" as the reconciliation workbook does.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';

// The fixture's APBD payment SP2D-0012/BPKAD/2026 of Rp32.680 is recorded in October for September.
const CORRECTED = 'Dikoreksi dengan pembayaran Rp32.680 (SP2D-0012/BPKAD/2026) yang dicatat pada Oktober 2026';
const CORRECTING = 'Pembayaran Rp32.680 (SP2D-0012/BPKAD/2026) adalah koreksi untuk September 2026';

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
    // the rule stays: the correction is paid in October
    expect(rowOf(ws, 'Oktober 2026').getCell(4).value).toBe(32680);
  });

  it('one month: September alone still names the correction recorded in October; October alone names what it corrects', async () => {
    expect(rowOf(await ringkasan('month=2026-09'), 'September 2026').getCell(9).value).toBe(CORRECTED);
    expect(rowOf(await ringkasan('month=2026-10'), 'Oktober 2026').getCell(9).value).toBe(CORRECTING);
  });

  it("October, late only by the correction paid on the 12th: 'Ya (hanya koreksi)', as the reconciliation workbook's Pembayaran says", async () => {
    const [run] = await t.dataSource.query(`SELECT id FROM reconciliation_run WHERE month = '2026-10'`);
    const workbook = await readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${run.id}/workbook.xlsx`))).body);
    const saidByWorkbook = rowOf(workbook.getWorksheet('Pembayaran')!, 'APBD-2026').getCell(8).value;
    expect(saidByWorkbook).toBe('Ya (hanya koreksi)');
    expect(rowOf(await ringkasan('month=2026-10'), 'Oktober 2026').getCell(7).value).toBe(saidByWorkbook);
    expect(rowOf(await ringkasan('year=2026'), 'September 2026').getCell(7).value).toBe('Tidak');
  });
});
