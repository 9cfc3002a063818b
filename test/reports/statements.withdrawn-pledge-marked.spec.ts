/**
 * A withdrawn pledge (POST /pledges/:code/withdraw) is still named where a finalized month or a payment keeps it:
 * its statement's title and Pemberi dana say "(dicabut)" after its code (funderLabel), and a Status row says when,
 * by whom and what it means; the finalized February keeps what it paid, March (allocated since) is due nothing, so
 * its payment reads as overpaid. A pledge standing is not marked.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { Role } from '../../src/users/role.js';
import { closeMonth, insertParticipants, testNik } from '../funding/support/register.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { download, readWorkbook, rowOf } from './support/xlsx.js';

jest.setTimeout(180_000);

const apbd = { code: 'APBD-2026', sourceType: 'APBD', funder: 'Pemkab Bengkulu Utara', fiscalYear: 2026, scope: 'ALL', sharePercent: 50 };

describe('statements: a withdrawn pledge is named "(dicabut)"', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const finance = await t.as(Role.KEUANGAN);
    await insertParticipants(t.dataSource, [1, 2].map((i) => ({ nik: testNik(i) })));
    await finance.post('/api/v1/pledges').send(apbd).expect(201);
    await finance.post('/api/v1/pledges').send({ ...apbd, code: 'APBD-2026-B' }).expect(201);
    await finance.post('/api/v1/allocations').send({ month: '2026-03' }).expect(201);
    await closeMonth(t.dataSource, '2026-02');
    await finance.post('/api/v1/payments').send({ pledgeCode: 'APBD-2026-B', month: '2026-03', amount: 37_800, paidAt: '2026-03-05', reference: 'SP2D 3/B' }).expect(201);
    await finance.post('/api/v1/pledges/APBD-2026-B/withdraw').send({ reason: 'Komitmen ganda' }).expect(201);
  });
  afterAll(() => t?.close());

  const statement = async (code: string, query: string): Promise<ExcelJS.Workbook> =>
    readWorkbook((await download((await t.as(Role.AUDITOR)).get(`/api/v1/statements/pledges/${code}.xlsx?${query}`))).body);

  it('its title, Pemberi dana and Status; February kept, March due nothing and overpaid', async () => {
    const wb = await statement('APBD-2026-B', 'quarter=1&year=2026');
    for (const ws of wb.worksheets) expect(ws.getRow(1).getCell(1).value).toMatch(/: Pemkab Bengkulu Utara — APBD Kabupaten, APBD-2026-B \(dicabut\)$/);
    const ws = wb.getWorksheet('Ringkasan')!;
    expect(rowOf(ws, 'Pemberi dana').getCell(3).value).toBe('Pemkab Bengkulu Utara — APBD Kabupaten, APBD-2026-B (dicabut)');
    expect(rowOf(ws, 'Status').getCell(3).value).toBe(
      'Dicabut pada 15/11/2026 10:00 WIB oleh uji-keuangan: tidak ikut dialokasikan pada bulan yang belum difinalisasi; bulan yang sudah difinalisasi tetap mencatat yang didanainya.',
    );
    // month, participants funded, due, paid, (paid − due), status
    const cells = (label: string) => (rowOf(ws, label).values as unknown[]).slice(1, 7);
    expect(cells('Februari 2026')).toEqual(['Februari 2026', 2, 37_800, 0, { formula: 'D6-C6', result: -37_800 }, 'Belum dibayar – lewat jatuh tempo 10 Februari 2026']);
    expect(cells('Maret 2026')).toEqual(['Maret 2026', 0, 0, 37_800, { formula: 'D7-C7', result: 37_800 }, 'Lebih bayar']);
  });

  it('a pledge standing is not marked', async () => {
    const ws = (await statement('APBD-2026', 'month=2026-03')).getWorksheet('Ringkasan')!;
    expect(rowOf(ws, 'Pemberi dana').getCell(3).value).toBe('Pemkab Bengkulu Utara — APBD Kabupaten, APBD-2026');
    expect(() => rowOf(ws, 'Status')).toThrow();
  });
});
