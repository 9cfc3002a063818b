/**
 * A workbook in the 1904 date system (old Excel for Mac) counts serials from 1904-01-01: formula
 * results are read in it as date cells are (QA: TMT =DATE(2026,1,1), cached 44561, was stored as
 * 2021-12-31, four years early; the plain date cell beside it was right).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { upload } from './support.js';

describe('dates of a 1904-system workbook', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('stores date cells and date formulas on the days they show', async () => {
    const res = await upload(t, 'ok/date-1904.xlsx');
    expect(res.body).toMatchObject({ status: 'DONE', accepted: 2, rejected: 0, warnings: 0 });
    const rows = await t.dataSource.query('SELECT name, birth_date, tmt FROM participant ORDER BY nik');
    expect(rows).toEqual([
      { name: 'Tanggal 1904', birth_date: '1970-03-15', tmt: '2026-01-01' },
      { name: 'Rumus 1904', birth_date: '1970-03-16', tmt: '2026-01-01' },
    ]);
  });
});
