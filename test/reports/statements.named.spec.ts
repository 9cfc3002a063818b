import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { FundingException } from '../../src/funding/funding.exception.js';
import { RegionsException } from '../../src/regions/regions.exception.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, formula, readWorkbook, rowOf } from './support/xlsx.js';
import type ExcelJS from 'exceljs';
import { closeMonth, insertParticipants, testNik } from '../funding/support/register.js';

jest.setTimeout(180_000);

/**
 * A statement never reads "0 peserta, Rp0" for a month nobody allocated (QA: a village head would
 * read that nobody is registered): a month never allocated, or a year with none, is 404
 * NOT_ALLOCATED in the words GET /splits?month= uses; in a year with some months allocated the
 * others read "belum dialokasikan". An unknown village and a pledge code in the wrong case are
 * answered as GET /splits answers them.
 */
describe('statements: months never allocated, unknown villages and pledges', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource); // September and October 2026 allocated
    await t.dataSource.query(
      `INSERT INTO pledge (code, source_type, funder, fiscal_year, scope, share_percent, priority, created_by) VALUES ('TJSLP-ALNO-2027', 'TJSLP', 'PT Alno', 2027, 'ALL', 100, 10, 'uji')`,
    );
  });
  afterAll(() => t.close());

  it('a month never allocated is 404 NOT_ALLOCATED with the message of GET /splits, for a village and a pledge', async () => {
    const agent = await t.as(Role.AUDITOR);
    const splits = await agent.get('/api/v1/splits?month=2026-11').expect(404);
    for (const url of ['/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-11', '/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?month=2026-11']) {
      const res = await agent.get(url).expect(404);
      expect(res.body).toMatchObject({ code: 'NOT_ALLOCATED', message: FundingException.notAllocated('2026-11').message, details: { month: '2026-11' } });
      expect(res.body.message).toBe(splits.body.message);
    }
  });

  it('a year with no month allocated is 404 NOT_ALLOCATED', async () => {
    const agent = await t.as(Role.KEUANGAN);
    for (const [url, year] of [
      ['/api/v1/statements/villages/1703062001.xlsx?year=2099', 2099],
      ['/api/v1/statements/pledges/TJSLP-ALNO-2027.xlsx?year=2027', 2027],
    ] as const) {
      const res = await agent.get(url).expect(404);
      expect(res.body).toMatchObject({ code: 'NOT_ALLOCATED', details: { year } });
      expect(res.body.message).toMatch(new RegExp(`^Tahun ${year} belum dialokasikan: .*Alokasi dihitung otomatis tanggal 1`));
    }
  });

  it('in a year with some months allocated, the others read "belum dialokasikan", not 0 peserta', async () => {
    const agent = await t.as(Role.AUDITOR);
    const village = (await readWorkbook((await download(agent.get('/api/v1/statements/villages/17.03.06.2001.xlsx?year=2026'))).body)).getWorksheet('Ringkasan')!;
    const jan = rowOf(village, 'Januari 2026');
    expect(jan.getCell(2).value).toBe('belum dialokasikan');
    expect([3, 4, 5, 6, 7].map((c) => jan.getCell(c).value)).toEqual([null, null, null, null, null]);
    expect(formula(jan.getCell(9)).result).toBe(0);
    expect(rowOf(village, 'Oktober 2026').getCell(2).value).toBe(2);
    expect(formula(rowOf(village, 'JUMLAH').getCell(3)).result).toBe(151200);

    const pledge = (await readWorkbook((await download(agent.get('/api/v1/statements/pledges/TJSLP-ALNO-2026.xlsx?year=2026'))).body)).getWorksheet('Ringkasan')!;
    const dec = rowOf(pledge, 'Desember 2026');
    expect([2, 3].map((c) => dec.getCell(c).value)).toEqual(['belum dialokasikan', null]);
    expect(rowOf(pledge, 'September 2026').getCell(2).value).toBe(1);
    expect(formula(rowOf(pledge, 'JUMLAH').getCell(3)).result).toBe(75600);
  });

  it('a statement downloaded is in the audit trail, by whom and which; a refused one (404) records nothing (QA: no trace)', async () => {
    const events = () => t.dataSource.query(`SELECT actor, entity, entity_id, summary::jsonb AS summary FROM audit_event WHERE action = 'statement.export' ORDER BY id`);
    const before = (await events()).length;
    const agent = await t.as(Role.AUDITOR);
    await agent.get('/api/v1/statements/villages/17.03.06.2001.xlsx?month=2026-11').expect(404);
    expect(await events()).toHaveLength(before);
    await download(agent.get('/api/v1/statements/villages/17.03.06.2001.xlsx?year=2026'));
    const [event] = (await events()).slice(before);
    expect(event).toEqual({
      actor: expect.stringMatching(/auditor/),
      entity: 'report',
      entity_id: 'desa-17.03.06.2001',
      summary: { villageCode: '17.03.06.2001', year: 2026, file: expect.stringMatching(/\.xlsx$/) },
    });
  });

  it('an unknown village says so as every route that filters by village does', async () => {
    const res = await (await t.as(Role.AUDITOR)).get('/api/v1/statements/villages/17.03.99.2001.xlsx?year=2026').expect(404);
    expect(res.body).toMatchObject({ code: 'VILLAGE_NOT_FOUND', message: RegionsException.villageNotFound('17.03.99.2001').message });
  });

  it('a pledge code in the wrong case names the pledge probably meant, as GET /splits does', async () => {
    const agent = await t.as(Role.AUDITOR);
    const splits = await agent.get('/api/v1/splits?pledgeCode=apbd-2026&month=2026-10').expect(404);
    const res = await agent.get('/api/v1/statements/pledges/apbd-2026.xlsx?year=2026').expect(404);
    expect(res.body).toMatchObject({ code: 'PLEDGE_NOT_FOUND', details: { code: 'apbd-2026', similar: 'APBD-2026' } });
    expect(res.body.message).toContain('Maksudnya "APBD-2026"?');
    expect(res.body.message).toBe(splits.body.message);
  });
});

/**
 * A withdrawn pledge (POST /pledges/:code/withdraw) is still named where a finalized month or a payment keeps it:
 * its statement's title and Pemberi dana say "(dicabut)" after its code (funderLabel), and a Status row says when,
 * by whom and what it means; the finalized February keeps what it paid, March (allocated since) is due nothing, so
 * its payment reads as overpaid. A pledge standing is not marked.
 */
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
      'Dicabut pada 15 November 2026 10.00 WIB oleh uji-keuangan: tidak ikut dialokasikan pada bulan yang belum difinalisasi; bulan yang sudah difinalisasi tetap mencatat yang didanainya.',
    );
    // the withdrawal made March STALE: the download recomputed it, and says so under the title (a line more above the table)
    expect(ws.getRow(3).getCell(1).value).toBe('Alokasi Maret 2026 dihitung ulang saat unduhan ini dibuat (data berubah sesudah dihitung).');
    // month, participants funded, due, paid, (paid − due), status
    const cells = (label: string) => (rowOf(ws, label).values as unknown[]).slice(1, 7);
    expect(cells('Februari 2026')).toEqual(['Februari 2026', 2, 37_800, 0, { formula: 'D7-C7', result: -37_800 }, 'Belum dibayar – lewat jatuh tempo 10 Februari 2026']);
    expect(cells('Maret 2026')).toEqual(['Maret 2026', 0, 0, 37_800, { formula: 'D8-C8', result: 37_800 }, 'Lebih bayar']);
  });

  it('a pledge standing is not marked', async () => {
    const ws = (await statement('APBD-2026', 'month=2026-03')).getWorksheet('Ringkasan')!;
    expect(rowOf(ws, 'Pemberi dana').getCell(3).value).toBe('Pemkab Bengkulu Utara — APBD Kabupaten, APBD-2026');
    expect(() => rowOf(ws, 'Status')).toThrow();
  });
});
