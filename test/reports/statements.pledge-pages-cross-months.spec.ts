/**
 * A pledge statement's Peserta list is read a month at a time (one partition a query) but in pages
 * as full as before: a page that ends a month goes on with the next. Whatever the page size, the
 * list is every participant-month of the pledge once, by month and then NIK, as with one page.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WritePledgeStatement } from '../../src/reports/use-cases/write-pledge-statement.use-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { insertReportFixture, P } from './support/report-fixture.js';
import { readWorkbook } from './support/xlsx.js';

describe('pledge statement: Peserta pages that cross a month', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await insertReportFixture(t.dataSource);
  });
  afterAll(() => t.close());

  /** The Peserta data rows (after the header on row 4, before JUMLAH): Bulan, NIK, Nama, Iuran, Didanai. */
  async function peserta(pageSize: number): Promise<unknown[][]> {
    const prepared = await t.app.get(WritePledgeStatement).prepare({ pledgeCode: 'APBD-2026', year: 2026, actor: 'uji', pageSize });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await prepared.write(out);
    const ws = (await readWorkbook(Buffer.concat(chunks))).getWorksheet('Peserta')!;
    const rows: unknown[][] = [];
    for (let r = 5; ws.getRow(r).getCell(1).value !== 'JUMLAH'; r++) {
      const row = ws.getRow(r);
      rows.push([1, 2, 4, 7, 8].map((c) => row.getCell(c).value));
    }
    return rows;
  }

  it('September then October (NIK order within the month), with any page size', async () => {
    // APBD-2026 funds p3 in September, p3 and p5 in October; p5's NIK (1703010…) sorts before p3's (1703060…).
    const expected = [
      ['September 2026', P.p3.nik, P.p3.name, 37800, 22680],
      ['Oktober 2026', P.p5.nik, P.p5.name, 37800, 10000],
      ['Oktober 2026', P.p3.nik, P.p3.name, 37800, 22680],
    ];
    // 1: a page a row; 2: the first page ends in October; 3: one page, exactly full; 5000: one short page.
    for (const pageSize of [1, 2, 3, 5000]) expect({ pageSize, rows: await peserta(pageSize) }).toEqual({ pageSize, rows: expected });
  });
});
