/**
 * A statement never reads "0 peserta, Rp0" for a month nobody allocated (QA: a village head would
 * read that nobody is registered): a month never allocated, or a year with none, is 404
 * NOT_ALLOCATED in the words GET /splits?month= uses; in a year with some months allocated the
 * others read "belum dialokasikan". An unknown village and a pledge code in the wrong case are
 * answered as GET /splits answers them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FundingException } from '../../src/funding/funding.exception.js';
import { RegionsException } from '../../src/regions/regions.exception.js';
import { Role } from '../../src/users/role.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture } from './support/report-fixture.js';
import { download, formula, readWorkbook, rowOf } from './support/xlsx.js';

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
