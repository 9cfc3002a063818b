/**
 * Workbooks name the pledge revision each month was allocated under (QA: after an APBD-P revision,
 * July's finalized workbook showed one pagu and August's another with nothing saying why). The
 * reconciliation workbook says it per pledge on Pagu & Realisasi and Per Sumber Dana; the pledge
 * statement per month and, under its terms, each revision used with its months. A month whose splits
 * carry more than one revision of a pledge (no allocation writes that) is said to be so.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { insertBill, insertParticipants, nik } from '../reconciliation/support/seed.js';
import { secondKeuangan } from '../reconciliation/support/users.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { download, readWorkbook, rowOf, rowWhere } from './support/xlsx.js';

jest.setTimeout(180_000);

const PEOPLE = [1, 2, 3].map((n) => ({ nik: nik(n), noka: `000000000000${n}` }));
const CREATED = 'Revisi 1 — 10 Januari 2026: Komitmen dibuat';
// 2026-11-19T18:30Z is already the 20th in WIB: the day is the one users live in.
const APBD_P = 'Revisi 2 — 20 November 2026: APBD-P 2026: pengurangan pagu';

describe('the pledge revision a month was allocated under is named', () => {
  let t: TestApp;
  let july: string;
  let august: string;
  const workbook = async (runId: string) => readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/reconciliations/${runId}/workbook.xlsx`))).body);
  const statement = async () => readWorkbook((await download((await t.as(Role.AUDITOR)).get('/api/v1/statements/pledges/APBD-2026.xlsx?year=2026'))).body);

  beforeAll(async () => {
    t = await createTestApp();
    const checker = await secondKeuangan(t);
    const finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, PEOPLE);
    t.clock.set(new Date('2026-01-10T03:00:00Z'));
    await finance.post('/api/v1/pledges').send({ code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemerintah Kabupaten Bengkulu Utara', fiscalYear: 2026, scope: 'ALL', budget: 1_134_000 }).expect(201);
    t.clock.set(new Date('2026-08-05T03:00:00Z'));
    await insertBill(t.dataSource, '2026-07', PEOPLE);
    july = (await finance.post('/api/v1/reconciliations').send({ month: '2026-07' }).expect(201)).body.id;
    await checker.post(`/api/v1/reconciliations/${july}/finalize`).expect(201);
    t.clock.set(new Date('2026-11-19T18:30:00Z'));
    await finance.patch('/api/v1/pledges/APBD-2026').send({ budget: 1_000_000, reason: 'APBD-P 2026: pengurangan pagu' }).expect(200);
    august = (await finance.post('/api/v1/reconciliations').send({ month: '2026-08' }).expect(201)).body.id;
  });
  afterAll(() => t?.close());

  const revisionCell = (ws: ExcelJS.Worksheet, column: number) => rowOf(ws, 'APBD-2026').getCell(column).value;

  it('Pagu & Realisasi and Per Sumber Dana: July under revision 1 (its pagu), August under the APBD-P revision', async () => {
    const [jul, aug] = [await workbook(july), await workbook(august)];
    for (const [wb, pagu, text] of [
      [jul, 1_134_000, CREATED],
      [aug, 1_000_000, APBD_P],
    ] as const) {
      const ws = wb.getWorksheet('Pagu & Realisasi')!;
      expect(ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!).getCell(12).value).toBe('Revisi Komitmen Bulan Ini (dasar alokasi)');
      expect(rowOf(ws, 'APBD-2026').getCell(4).value).toBe(pagu);
      expect(revisionCell(ws, 12)).toBe(text);
      expect(revisionCell(wb.getWorksheet('Per Sumber Dana')!, 11)).toBe(text);
    }
  });

  it('pledge statement: the revision of every month, and each revision used with its months', async () => {
    const ws = (await statement()).getWorksheet('Ringkasan')!;
    expect(rowOf(ws, 'Juli 2026').getCell(8).value).toBe('Revisi 1');
    expect(rowOf(ws, 'Agustus 2026').getCell(8).value).toBe('Revisi 2');
    expect(rowOf(ws, 'Desember 2026').getCell(8).value).toBe('-');
    expect(rowOf(ws, 'Revisi (ketentuan di atas)').getCell(3).value).toBe(APBD_P);
    const used = rowOf(ws, 'Revisi komitmen yang dipakai alokasi (bulan — revisi)').number;
    expect(rowWhere(ws, 3, CREATED, used).getCell(1).value).toBe('Januari 2026 s.d. Juli 2026');
    expect(rowWhere(ws, 3, APBD_P, used).getCell(1).value).toBe('Agustus 2026');
  });

  it('a month whose splits carry two revisions of a pledge says so', async () => {
    await t.dataSource.query(`UPDATE split SET pledge_revision = 1 WHERE month = '2026-08' AND nik = $1`, [nik(1)]);
    // a run made now reads them (Per Sumber Dana names the revisions the run's figures came from)
    const again = (await (await t.as(Role.KEUANGAN)).post('/api/v1/reconciliations').send({ month: '2026-08' }).expect(201)).body.id;
    const wb = await workbook(again);
    for (const [sheet, column] of [
      ['Pagu & Realisasi', 12],
      ['Per Sumber Dana', 11],
    ] as const) {
      const text = String(revisionCell(wb.getWorksheet(sheet)!, column));
      expect(text).toMatch(/^Revisi 1 s\.d\. 2: alokasi bulan ini memakai lebih dari satu revisi komitmen/);
      expect(text).toContain(`Terakhir: ${APBD_P}`);
    }
    const ws = (await statement()).getWorksheet('Ringkasan')!;
    expect(rowOf(ws, 'Agustus 2026').getCell(8).value).toBe('Revisi 1 s.d. 2');
    expect(rowWhere(ws, 3, CREATED, rowOf(ws, 'Revisi komitmen yang dipakai alokasi (bulan — revisi)').number).getCell(1).value).toBe('Januari 2026 s.d. Agustus 2026');
    expect(rowOf(ws, 'Peringatan: alokasi Agustus 2026 (Revisi 1 s.d. 2) memakai lebih dari satu revisi komitmen; seharusnya satu. Alokasikan ulang bulan itu.')).toBeDefined();
  });
});
