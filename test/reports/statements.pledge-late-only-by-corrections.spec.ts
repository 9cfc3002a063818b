/**
 * The pledge statement's "Terlambat (lewat tgl 10)" of a month says what the console's status table and the
 * reconciliation workbook say (DOMAIN §8, one rule: a payment dated after the 10th of the month it is
 * recorded for): "Ya (hanya koreksi)" when the month's only late payments are corrections of earlier months
 * (`lateOnlyByCorrections` of GET /payments/status), "Ya" when an ordinary payment was late, "Tidak"
 * otherwise (QA: the statement said only "Ya", the console "Terlambat (hanya koreksi)"). Its Pembayaran sheet
 * marks each late payment and names the month a correction is for.
 *
 * As in payments.status-names-corrections: three participants, Rp37.800 a month each to PROV-2026 (quota 1),
 * TJSLP-2026 (quota 1) and APBD-2026; October allocated, July and August finalized and paid nothing. In
 * October: APBD-2026 paid on time and corrected July and August late; PROV-2026 paid late and corrected July;
 * TJSLP-2026 paid on time. The clock is pinned to 15 November 2026 (WIB).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { closeMonth } from '../funding/support/register.js';
import { insertParticipants, insertPledge, nik } from '../reconciliation/support/seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { download, readWorkbook, rowOf, rowWhere } from './support/xlsx.js';

jest.setTimeout(180_000);

const LATE = 7; // Ringkasan: Terlambat (lewat tgl 10)
const PAYMENT_LATE = 6; // Pembayaran: Terlambat (lewat tgl 10), then Keterangan
const REFERENCE = 4;

describe('pledge statement: a month late only by corrections says so, as the console and the workbook do', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, new Date('2026-11-15T03:00:00Z'));
    await insertParticipants(t.dataSource, [1, 2, 3].map((n) => ({ nik: nik(n) })));
    await insertPledge(t.dataSource, 'PROV-2026', { sourceType: 'APBD_PROV', priority: 10, quota: 1 });
    await insertPledge(t.dataSource, 'TJSLP-2026', { sourceType: 'TJSLP', priority: 15, quota: 1 });
    await insertPledge(t.dataSource, 'APBD-2026', { priority: 20 });
    const finance = await t.as(Role.KEUANGAN);
    await finance.post('/api/v1/allocations').send({ month: '2026-10' }).expect(201);
    await closeMonth(t.dataSource, '2026-07');
    await closeMonth(t.dataSource, '2026-08');
    const pay = (pledgeCode: string, amount: number, paidAt: string, reference: string, adjustsMonth?: string) =>
      finance.post('/api/v1/payments').send({ pledgeCode, month: '2026-10', amount, paidAt, reference, ...(adjustsMonth ? { adjustsMonth } : {}) }).expect(201);
    await pay('APBD-2026', 37800, '2026-10-05', 'SP2D APBD');
    await pay('APBD-2026', 20000, '2026-10-20', 'KOREKSI APBD JULI', '2026-07');
    await pay('APBD-2026', 17800, '2026-10-21', 'KOREKSI APBD AGUSTUS', '2026-08');
    await pay('PROV-2026', 37800, '2026-10-15', 'SP2D PROV');
    await pay('PROV-2026', 1000, '2026-10-20', 'KOREKSI PROV JULI', '2026-07');
    await pay('TJSLP-2026', 37800, '2026-10-05', 'TRF TJSLP');
  });
  afterAll(() => t?.close());

  const statement = async (code: string, query: string): Promise<ExcelJS.Workbook> =>
    readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/${code}.xlsx?${query}`))).body);
  const octoberLate = async (code: string) => rowOf((await statement(code, 'month=2026-10')).getWorksheet('Ringkasan')!, 'Oktober 2026').getCell(LATE).value;

  it('October: only corrections late "Ya (hanya koreksi)", an ordinary payment late "Ya", nothing late "Tidak"', async () => {
    expect(await octoberLate('APBD-2026')).toBe('Ya (hanya koreksi)');
    expect(await octoberLate('PROV-2026')).toBe('Ya');
    expect(await octoberLate('TJSLP-2026')).toBe('Tidak');
  });

  it("each pledge's October reads as GET /payments/status (the console's badge) has it", async () => {
    const status = (await (await t.as(Role.AUDITOR)).get('/api/v1/payments/status?month=2026-10').expect(200)).body as Array<{ pledgeCode: string; late: boolean; lateOnlyByCorrections: boolean }>;
    expect(status.map((s) => s.pledgeCode)).toEqual(['APBD-2026', 'PROV-2026', 'TJSLP-2026']);
    for (const s of status) {
      const said = s.late ? (s.lateOnlyByCorrections ? 'Ya (hanya koreksi)' : 'Ya') : 'Tidak';
      expect([s.pledgeCode, await octoberLate(s.pledgeCode)]).toEqual([s.pledgeCode, said]);
    }
  });

  it('the year: July and August, the corrected months, were paid nothing of their own and are not late', async () => {
    const ws = (await statement('APBD-2026', 'year=2026')).getWorksheet('Ringkasan')!;
    expect(rowOf(ws, 'Juli 2026').getCell(LATE).value).toBe('Tidak');
    expect(rowOf(ws, 'Agustus 2026').getCell(LATE).value).toBe('Tidak');
    expect(rowOf(ws, 'Oktober 2026').getCell(LATE).value).toBe('Ya (hanya koreksi)');
  });

  it('Pembayaran: every payment after the 10th is late by the same rule; a correction names the month it corrects', async () => {
    const apbd = (await statement('APBD-2026', 'month=2026-10')).getWorksheet('Pembayaran')!;
    const cells = (ws: ExcelJS.Worksheet, reference: string) => {
      const row = rowWhere(ws, REFERENCE, reference);
      return [row.getCell(PAYMENT_LATE).value, row.getCell(PAYMENT_LATE + 1).value];
    };
    expect(cells(apbd, 'SP2D APBD')).toEqual(['Tidak', null]);
    expect(cells(apbd, 'KOREKSI APBD JULI')).toEqual(['Ya', 'Koreksi untuk Juli 2026']);
    expect(cells(apbd, 'KOREKSI APBD AGUSTUS')).toEqual(['Ya', 'Koreksi untuk Agustus 2026']);
    const prov = (await statement('PROV-2026', 'month=2026-10')).getWorksheet('Pembayaran')!;
    expect(cells(prov, 'SP2D PROV')).toEqual(['Ya', null]);
    expect(cells(prov, 'KOREKSI PROV JULI')).toEqual(['Ya', 'Koreksi untuk Juli 2026']);
  });
});
