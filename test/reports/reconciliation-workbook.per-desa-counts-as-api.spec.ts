/**
 * Per Desa and GET /splits/summary?groupBy=village count the same participants under names that say
 * which (QA: Banjar Sari had "Peserta" 12 in the workbook and `participants` 8 in the API, the
 * rupiah agreeing): the workbook's Seluruh Peserta is the API's `obligations` (everyone owed),
 * Peserta Terdanai its `participants` (any funding), Peserta Belum Terdanai Penuh its
 * `unfundedParticipants` (any remainder); a partly funded participant is in the last two. The
 * fixture's month gets one more resident of Talang Jambu with nothing funded, so the three differ.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture, MONTH } from './support/report-fixture.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';

const UNFUNDED_NIK = '1703060505700006';

interface VillageRow {
  key: string;
  participants: number;
  amount: number;
  obligations: number;
  obligationAmount: number;
  unfundedParticipants: number;
  unfundedAmount: number;
}

describe('reconciliation workbook: Per Desa counts as GET /splits/summary?groupBy=village', () => {
  let t: TestApp;
  let sheet: ExcelJS.Worksheet;
  let api: VillageRow[];

  beforeAll(async () => {
    t = await createTestApp();
    const runId = await insertReportFixture(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO participant (nik, no_kk, noka, name, birth_date, sex, village_code, tmt) VALUES ($1, $2, NULL, 'Tanpa Dana', '1970-05-05', 'L', '17.03.06.2001', '2025-01-01')`,
      [UNFUNDED_NIK, UNFUNDED_NIK.replace(/.$/, '9')],
    );
    await t.dataSource.query(`INSERT INTO obligation (month, nik, amount, unfunded, tmt, village_code) VALUES ($1, $2, 37800, 37800, '2025-01-01', '17.03.06.2001')`, [MONTH, UNFUNDED_NIK]);
    const auditor = await t.as(Role.AUDITOR);
    sheet = (await readWorkbook((await download(auditor.get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body)).getWorksheet('Per Desa')!;
    api = (await auditor.get(`/api/v1/splits/summary?month=${MONTH}&groupBy=village`).expect(200)).body;
  });
  afterAll(() => t.close());

  it('the API says how many are owed in the village beside how many are funded', () => {
    expect(api.find((r) => r.key === '17.03.06.2001')).toMatchObject({ participants: 2, obligations: 3, unfundedParticipants: 1, amount: 2 * 37800, obligationAmount: 3 * 37800, unfundedAmount: 37800 });
    // partly funded (+Rina Wati, Rp25.120 of Rp37.800): funded and not fully funded
    expect(api.find((r) => r.key === '17.03.01.2001')).toMatchObject({ participants: 1, obligations: 1, unfundedParticipants: 1, amount: 25120, obligationAmount: 37800, unfundedAmount: 12680 });
  });

  it('every village row of Per Desa has the API figures under the matching headers', () => {
    const villages = api.filter((r) => r.key !== 'UNFUNDED');
    expect(villages).toHaveLength(4);
    for (const r of villages) {
      const row = rowOf(sheet, r.key);
      const cell = (c: number) => Number(row.getCell(c).value);
      const sources = [7, 8, 9, 10].reduce((sum, c) => sum + cell(c), 0);
      expect([r.key, cell(4), cell(5), cell(6), sources, cell(11), cell(12)]).toEqual([r.key, r.obligations, r.obligationAmount, r.participants, r.amount, r.unfundedParticipants, r.unfundedAmount]);
    }
    const talang = rowOf(sheet, '17.03.06.2001');
    expect([4, 6, 11].map((c) => talang.getCell(c).value)).toEqual([3, 2, 1]);
  });
});
