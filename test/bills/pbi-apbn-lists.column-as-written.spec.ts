/** A PBI-APBN list headed with an accepted alias (No KTP) hears its issues in that header, not NIK. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Booting the app on a fresh database copy can take long on a busy machine (PGlite).
jest.setTimeout(180_000);

type Issue = { row: number; column: string | null; code: string; message: string };

describe('PBI-APBN lists: issues name the NIK column as the file wrote it', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  const upload = async (month: string, file: Buffer, name: string): Promise<Issue[]> =>
    (await (await t.as(Role.KEUANGAN)).post('/api/v1/pbi-apbn-lists').field('month', month).attach('file', file, name).expect(201)).body.issues;

  it('in a .csv: column and message say No KTP', async () => {
    const csv = ['No KTP,NAMA', '1703060101800001,Baik', '17030601018,Pendek', '1.70306E+15,Ilmiah'].join('\n');
    const issues = await upload('2026-08', Buffer.from(csv), 'pbi.csv');
    expect(issues.map((i) => [i.row, i.column, i.code, i.message])).toEqual([
      [3, 'No KTP', 'NIK_FORMAT', 'No KTP "17030601018" harus 16 digit angka.'],
      [4, 'No KTP', 'NIK_NUMERIC_CELL', expect.stringMatching(/^No KTP terbaca sebagai angka \(1\.70306E\+15\)/)],
    ]);
    const stored = await t.dataSource.query(`SELECT column_name FROM upload_issue WHERE upload_id = (SELECT id FROM pbi_apbn_list WHERE month = '2026-08') ORDER BY row_number`);
    expect(stored.map((r: { column_name: string }) => r.column_name)).toEqual(['No KTP', 'No KTP']);
  });

  it('in an .xlsx: a merged NIK cell is named by its header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PBI');
    ws.addRow(['NIK PESERTA', 'NAMA']);
    ws.addRow(['1703060101800001', 'Satu']);
    ws.addRow([null, 'Dua']);
    ws.mergeCells('A2:A3');
    const issues = await upload('2026-07', Buffer.from(await wb.xlsx.writeBuffer()), 'pbi.xlsx');
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([[3, 'NIK PESERTA', 'MERGED_CELL']]);
    expect(issues[0].message).toMatch(/^NIK PESERTA ada di dalam sel gabungan A2:A3 /);
  });
});
